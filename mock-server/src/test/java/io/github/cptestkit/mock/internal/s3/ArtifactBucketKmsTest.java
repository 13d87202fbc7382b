package io.github.cptestkit.mock.internal.s3;

import static io.github.cptestkit.mock.internal.s3.TestArtifacts.BUCKET;
import static io.github.cptestkit.mock.internal.s3.TestArtifacts.KMS_KEY_ARN;
import static io.github.cptestkit.mock.internal.s3.TestArtifacts.KMS_KEY_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.cptestkit.wire.EncryptionKey;
import io.github.cptestkit.wire.FakeThirdPartyJob;
import io.github.cptestkit.mock.s3.KmsViolation;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/** Jobs with an encryptionKey: uploads must use SSE-KMS with that key; lenient mode records, strict mode refuses. */
class ArtifactBucketKmsTest {

    private static final List<String> OUTPUTS = List.of("payments/BuildArtif/kms-arn.zip",
            "payments/BuildArtif/kms-id.zip", "payments/BuildArtif/kms-none.zip", "payments/BuildArtif/kms-other.zip",
            "payments/BuildArtif/kms-multipart.zip");

    private static EmulatedBucket lenient;
    private static EmulatedBucket strict;
    private static FakeThirdPartyJob job;
    private static S3Client lenientS3;
    private static S3Client strictS3;

    @BeforeAll
    static void start() {
        job = TestArtifacts.job("encrypted", EncryptionKey.kms(KMS_KEY_ARN), OUTPUTS);
        lenient = new EmulatedBucket(false);
        strict = new EmulatedBucket(true);
        lenient.enqueue(job);
        strict.enqueue(job);
        lenientS3 = lenient.client(TestArtifacts.credentials(job));
        strictS3 = strict.client(TestArtifacts.credentials(job));
    }

    @AfterAll
    static void stop() {
        lenientS3.close();
        strictS3.close();
        lenient.close();
        strict.close();
    }

    @Test
    void anUploadEncryptedWithTheJobsKeyArnIsNoViolation() {
        String key = OUTPUTS.get(0);
        PutObjectResponse put = strictS3.putObject(r -> r.bucket(BUCKET).key(key)
                .serverSideEncryption(ServerSideEncryption.AWS_KMS).ssekmsKeyId(KMS_KEY_ARN),
                RequestBody.fromString("sealed"));

        assertThat(put.serverSideEncryption()).isEqualTo(ServerSideEncryption.AWS_KMS);
        assertThat(put.ssekmsKeyId()).isEqualTo(KMS_KEY_ARN);
        assertThat(strict.s3.artifact(BUCKET, key).orElseThrow().serverSideEncryption()).isEqualTo("aws:kms");
        assertThat(violationsFor(strict, key)).isEmpty();
    }

    @Test
    void anUploadNamingTheJobsKeyByItsIdAloneIsNoViolation() {
        String key = OUTPUTS.get(1);
        strictS3.putObject(r -> r.bucket(BUCKET).key(key).serverSideEncryption(ServerSideEncryption.AWS_KMS)
                .ssekmsKeyId(KMS_KEY_ID), RequestBody.fromString("sealed"));

        assertThat(strict.s3.artifact(BUCKET, key).orElseThrow().kmsKeyId()).hasValue(KMS_KEY_ID);
        assertThat(violationsFor(strict, key)).isEmpty();
    }

    @Test
    void anUploadWithoutKmsHeadersIsAcceptedButRecordedInLenientMode() {
        String key = OUTPUTS.get(2);
        lenientS3.putObject(r -> r.bucket(BUCKET).key(key), RequestBody.fromString("plain"));

        assertThat(lenient.s3.artifact(BUCKET, key).orElseThrow().serverSideEncryption()).isEqualTo("AES256");
        assertThat(violationsFor(lenient, key)).singleElement().satisfies(violation -> {
            assertThat(violation.jobId()).isEqualTo(job.jobId());
            assertThat(violation.operation()).isEqualTo("PutObject");
            assertThat(violation.expectedKmsKeyId()).isEqualTo(KMS_KEY_ARN);
            assertThat(violation.sentEncryption()).isEmpty();
            assertThat(violation.problem()).contains("x-amz-server-side-encryption was absent");
            assertThat(violation.rejected()).isFalse();
            assertThat(violation.at()).isEqualTo(lenient.clock.instant());
        });
    }

    @Test
    void anUploadWithAnotherKmsKeyIsRecordedInLenientMode() {
        String key = OUTPUTS.get(3);
        lenientS3.putObject(r -> r.bucket(BUCKET).key(key).serverSideEncryption(ServerSideEncryption.AWS_KMS)
                .ssekmsKeyId("alias/someone-elses-key"), RequestBody.fromString("wrong key"));

        assertThat(violationsFor(lenient, key)).singleElement().satisfies(violation -> {
            assertThat(violation.sentEncryption()).hasValue("aws:kms");
            assertThat(violation.sentKmsKeyId()).hasValue("alias/someone-elses-key");
        });
    }

    @Test
    void anUploadWithoutKmsHeadersIsAccessDeniedInStrictModeAndNotStored() {
        String key = OUTPUTS.get(2);
        S3Exception error = catchThrowableOfType(S3Exception.class, () -> strictS3.putObject(r -> r.bucket(BUCKET)
                .key(key).serverSideEncryption(ServerSideEncryption.AES256), RequestBody.fromString("plain")));

        assertThat(error.statusCode()).isEqualTo(403);
        assertThat(error.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
        assertThat(strict.s3.artifact(BUCKET, key)).isEmpty();
        assertThat(violationsFor(strict, key)).singleElement()
                .satisfies(violation -> assertThat(violation.rejected()).isTrue());
    }

    @Test
    void aMultipartUploadWithoutKmsHeadersIsRefusedAtCreationInStrictMode() {
        String key = OUTPUTS.get(4);
        S3Exception error = catchThrowableOfType(S3Exception.class,
                () -> strictS3.createMultipartUpload(r -> r.bucket(BUCKET).key(key)));

        assertThat(error.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
        assertThat(violationsFor(strict, key)).singleElement()
                .satisfies(violation -> assertThat(violation.operation()).isEqualTo("CreateMultipartUpload"));
    }

    @Test
    void theInputArtifactsOfAnEncryptedJobAreServedAsKmsEncrypted() {
        HeadObjectResponse head = lenientS3.headObject(r -> r.bucket(BUCKET).key(TestArtifacts.inputKey(job)));

        assertThat(head.serverSideEncryption()).isEqualTo(ServerSideEncryption.AWS_KMS);
        assertThat(head.ssekmsKeyId()).isEqualTo(KMS_KEY_ARN);
    }

    private static List<KmsViolation> violationsFor(EmulatedBucket bucket, String key) {
        return bucket.s3.kmsViolations().stream().filter(v -> v.key().equals(key)).toList();
    }
}
