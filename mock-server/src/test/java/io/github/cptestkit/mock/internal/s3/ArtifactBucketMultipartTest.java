package io.github.cptestkit.mock.internal.s3;

import static io.github.cptestkit.mock.internal.s3.TestArtifacts.BUCKET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.cptestkit.wire.FakeThirdPartyJob;
import io.github.cptestkit.mock.internal.sigv4.SigV4;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** Multipart uploads through the real S3Client, as the SDK's transfer manager does them for large outputs. */
class ArtifactBucketMultipartTest {

    private static final int PART = 5 * 1024 * 1024;
    private static final String BIG = "payments/BuildArtif/big-out.zip";
    private static final String SMALL = "payments/BuildArtif/small-out.zip";

    private static EmulatedBucket bucket;
    private static FakeThirdPartyJob job;
    private static S3Client s3;

    @BeforeAll
    static void start() {
        bucket = new EmulatedBucket(false);
        job = TestArtifacts.job("multipart", null, List.of(BIG, SMALL));
        bucket.enqueue(job);
        s3 = bucket.client(TestArtifacts.credentials(job));
    }

    @AfterAll
    static void stop() {
        s3.close();
        bucket.close();
    }

    @Test
    void aTwentyMebibyteUploadInFourPartsIsAssembledInPartOrderOnDiskAndFreedOnReset() {
        byte[] data = new byte[4 * PART];
        new Random(42).nextBytes(data);
        String uploadId = s3.createMultipartUpload(r -> r.bucket(BUCKET).key(BIG)).uploadId();
        List<CompletedPart> parts = new ArrayList<>();
        for (int number : new int[] {2, 1, 4, 3}) {
            byte[] part = Arrays.copyOfRange(data, (number - 1) * PART, number * PART);
            String etag = s3.uploadPart(r -> r.bucket(BUCKET).key(BIG).uploadId(uploadId).partNumber(number),
                    RequestBody.fromBytes(part)).eTag();
            parts.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
        }
        Path spillDirectory = bucket.s3.store().temporaryDirectory().orElseThrow();
        assertThat(filesIn(spillDirectory)).as("parts spilled to disk").hasSize(4);
        parts.sort((a, b) -> Integer.compare(a.partNumber(), b.partNumber()));

        CompleteMultipartUploadResponse completed = s3.completeMultipartUpload(r -> r.bucket(BUCKET).key(BIG)
                .uploadId(uploadId).multipartUpload(m -> m.parts(parts)));

        assertThat(completed.eTag()).isEqualTo("\"" + md5OfPartMd5s(data) + "-4\"");
        assertThat(md5(bucket.s3.store().readAll(BUCKET, BIG).orElseThrow())).isEqualTo(md5(data));
        assertThat(filesIn(spillDirectory)).as("parts freed, object on disk").hasSize(1);
        byte[] acrossParts = s3.getObjectAsBytes(r -> r.bucket(BUCKET).key(BIG)
                .range("bytes=" + (PART - 3) + "-" + (PART + 2))).asByteArray();
        assertThat(acrossParts).isEqualTo(Arrays.copyOfRange(data, PART - 3, PART + 3));

        bucket.s3.reset();
        assertThat(filesIn(spillDirectory)).as("spilled bytes deleted on reset").isEmpty();
        bucket.enqueue(job);
    }

    @Test
    void anAbortedUploadIsGoneForLaterParts() {
        String uploadId = s3.createMultipartUpload(r -> r.bucket(BUCKET).key(SMALL)).uploadId();
        s3.uploadPart(r -> r.bucket(BUCKET).key(SMALL).uploadId(uploadId).partNumber(1),
                RequestBody.fromString("part one"));

        s3.abortMultipartUpload(r -> r.bucket(BUCKET).key(SMALL).uploadId(uploadId));

        S3Exception later = catchThrowableOfType(S3Exception.class, () -> s3.uploadPart(r -> r.bucket(BUCKET)
                .key(SMALL).uploadId(uploadId).partNumber(2), RequestBody.fromString("part two")));
        assertThat(later.statusCode()).isEqualTo(404);
        assertThat(later.awsErrorDetails().errorCode()).isEqualTo("NoSuchUpload");
        assertThat(bucket.s3.store().findUpload(uploadId)).isEmpty();
    }

    @Test
    void aPartUnderFiveMebibytesThatIsNotTheLastIsEntityTooSmall() {
        String uploadId = s3.createMultipartUpload(r -> r.bucket(BUCKET).key(SMALL)).uploadId();
        List<CompletedPart> parts = new ArrayList<>();
        for (int number = 1; number <= 2; number++) {
            int n = number;
            parts.add(CompletedPart.builder().partNumber(n).eTag(s3.uploadPart(r -> r.bucket(BUCKET).key(SMALL)
                    .uploadId(uploadId).partNumber(n), RequestBody.fromString("tiny " + n)).eTag()).build());
        }

        S3Exception error = catchThrowableOfType(S3Exception.class, () -> s3.completeMultipartUpload(r -> r
                .bucket(BUCKET).key(SMALL).uploadId(uploadId).multipartUpload(m -> m.parts(parts))));

        assertThat(error.statusCode()).isEqualTo(400);
        assertThat(error.awsErrorDetails().errorCode()).isEqualTo("EntityTooSmall");
    }

    @Test
    void aCompletionNamingAPartWithAnotherETagIsInvalidPart() {
        String uploadId = s3.createMultipartUpload(r -> r.bucket(BUCKET).key(SMALL)).uploadId();
        s3.uploadPart(r -> r.bucket(BUCKET).key(SMALL).uploadId(uploadId).partNumber(1),
                RequestBody.fromString("only part"));

        S3Exception error = catchThrowableOfType(S3Exception.class, () -> s3.completeMultipartUpload(r -> r
                .bucket(BUCKET).key(SMALL).uploadId(uploadId).multipartUpload(m -> m.parts(CompletedPart.builder()
                        .partNumber(1).eTag("\"00000000000000000000000000000000\"").build()))));

        assertThat(error.statusCode()).isEqualTo(400);
        assertThat(error.awsErrorDetails().errorCode()).isEqualTo("InvalidPart");
    }

    @Test
    void aSinglePartUploadCompletesIntoTheObject() {
        String uploadId = s3.createMultipartUpload(r -> r.bucket(BUCKET).key(SMALL).contentType("application/zip"))
                .uploadId();
        String etag = s3.uploadPart(r -> r.bucket(BUCKET).key(SMALL).uploadId(uploadId).partNumber(1),
                RequestBody.fromString("whole")).eTag();

        s3.completeMultipartUpload(r -> r.bucket(BUCKET).key(SMALL).uploadId(uploadId)
                .multipartUpload(m -> m.parts(CompletedPart.builder().partNumber(1).eTag(etag).build())));

        var stored = bucket.s3.artifact(BUCKET, SMALL).orElseThrow();
        assertThat(stored.content()).asString().isEqualTo("whole");
        assertThat(stored.contentType()).isEqualTo("application/zip");
        assertThat(stored.etag()).endsWith("-1\"");
    }

    private static List<Path> filesIn(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String md5OfPartMd5s(byte[] data) {
        MessageDigest outer = SigV4.digest("MD5");
        for (int offset = 0; offset < data.length; offset += PART) {
            MessageDigest part = SigV4.digest("MD5");
            part.update(data, offset, PART);
            outer.update(part.digest());
        }
        return SigV4.hex(outer.digest());
    }

    private static String md5(byte[] data) {
        return SigV4.hex(SigV4.digest("MD5").digest(data));
    }
}
