package io.github.cptestkit.mock.internal.s3;

import static io.github.cptestkit.mock.internal.s3.TestArtifacts.BUCKET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.cptestkit.wire.AwsSessionCredentials;
import io.github.cptestkit.wire.FakeThirdPartyJob;
import io.github.cptestkit.mock.internal.sigv4.SignedRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** Each way a worker can get its artifact access wrong, reaching the real S3Client as the right S3Exception. */
class ArtifactBucketErrorsTest {

    private static final String OUTPUT = "payments/BuildArtif/errors-out.zip";

    private static EmulatedBucket bucket;
    private static FakeThirdPartyJob job;
    private static FakeThirdPartyJob otherJob;
    private static S3Client s3;

    @BeforeAll
    static void start() {
        bucket = new EmulatedBucket(false);
        job = TestArtifacts.job("errors", null, List.of(OUTPUT));
        otherJob = TestArtifacts.job("neighbour", null, List.of("payments/BuildArtif/neighbour-out.zip"));
        bucket.enqueue(job);
        bucket.enqueue(otherJob);
        bucket.s3.store().put("another-teams-bucket", "secret.zip", new byte[] {1}, ObjectAttributes.of(null));
        s3 = bucket.client(TestArtifacts.credentials(job));
    }

    @AfterEach
    void resetClockAndOutput() {
        bucket.rewindClock();
        bucket.s3.store().delete(BUCKET, OUTPUT);
    }

    @AfterAll
    static void stop() {
        s3.close();
        bucket.close();
    }

    @Test
    void anAccessKeyNoJobHasIsAccessDenied() {
        try (S3Client stranger = bucket.client(new AwsSessionCredentials("AKIAIOSFODNN7EXAMPLE", "secret", "token"))) {
            assertS3Error(() -> stranger.getObjectAsBytes(r -> r.bucket(BUCKET).key(TestArtifacts.inputKey(job))),
                    403, "AccessDenied");
        }
    }

    @Test
    void theRightKeyWithTheWrongSecretIsSignatureDoesNotMatch() {
        AwsSessionCredentials real = TestArtifacts.credentials(job);
        try (S3Client forger = bucket.client(new AwsSessionCredentials(real.accessKeyId(), "not-the-secret",
                real.sessionToken()))) {
            assertS3Error(() -> forger.getObjectAsBytes(r -> r.bucket(BUCKET).key(TestArtifacts.inputKey(job))),
                    403, "SignatureDoesNotMatch");
        }
    }

    @Test
    void theJobsKeyWithoutItsSessionTokenIsInvalidToken() {
        AwsSessionCredentials real = TestArtifacts.credentials(job);
        try (S3Client tokenless = bucket.client(AwsBasicCredentials.create(real.accessKeyId(),
                real.secretAccessKey()), true)) {
            assertS3Error(() -> tokenless.getObjectAsBytes(r -> r.bucket(BUCKET).key(TestArtifacts.inputKey(job))),
                    400, "InvalidToken");
        }
    }

    @Test
    void theJobsKeyWithAnotherSessionTokenIsInvalidToken() {
        AwsSessionCredentials real = TestArtifacts.credentials(job);
        try (S3Client wrongToken = bucket.client(new AwsSessionCredentials(real.accessKeyId(),
                real.secretAccessKey(), "someone-elses-token"))) {
            assertS3Error(() -> wrongToken.putObject(r -> r.bucket(BUCKET).key(OUTPUT), RequestBody.fromString("x")),
                    400, "InvalidToken");
        }
    }

    @Test
    void credentialsPastTheirExpiryOnTheMocksClockAreExpiredToken() {
        bucket.clock.advance(EmulatedBucket.CREDENTIALS_LIFETIME.plus(Duration.ofSeconds(1)));

        assertS3Error(() -> s3.getObjectAsBytes(r -> r.bucket(BUCKET).key(TestArtifacts.inputKey(job))),
                400, "ExpiredToken");
    }

    @Test
    void readingAnotherJobsArtifactIsAccessDenied() {
        assertS3Error(() -> s3.getObjectAsBytes(r -> r.bucket(BUCKET).key(TestArtifacts.inputKey(otherJob))),
                403, "AccessDenied");
    }

    @Test
    void overwritingAnInputArtifactIsAccessDenied() {
        assertS3Error(() -> s3.putObject(r -> r.bucket(BUCKET).key(TestArtifacts.inputKey(job)),
                RequestBody.fromString("clobbered")), 403, "AccessDenied");
        assertThat(bucket.s3.artifact(BUCKET, TestArtifacts.inputKey(job)).orElseThrow().content())
                .isEqualTo(job.artifacts().get(0).content());
    }

    @Test
    void anArtifactOfTheJobThatWasNeverWrittenIsNoSuchKey() {
        assertS3Error(() -> s3.getObjectAsBytes(r -> r.bucket(BUCKET).key(OUTPUT)), 404, "NoSuchKey");
    }

    @Test
    void headOfAnArtifactNeverWrittenIs404WithoutABody() {
        assertThatThrownBy(() -> s3.headObject(r -> r.bucket(BUCKET).key(OUTPUT)))
                .isInstanceOfSatisfying(NoSuchKeyException.class, e -> assertThat(e.statusCode()).isEqualTo(404));
        LoggedRequest head = bucket.server.getAllServeEvents().stream()
                .filter(event -> "HEAD".equals(event.getRequest().getMethod().getName()))
                .findFirst().orElseThrow().getRequest();
        assertThat(head.getUrl()).endsWith(OUTPUT);
        assertThat(bucket.server.getAllServeEvents().stream()
                .filter(event -> event.getRequest() == head).findFirst().orElseThrow().getResponse().getBody())
                .isEmpty();
    }

    @Test
    void aBucketThatDoesNotExistIsNoSuchBucket() {
        assertS3Error(() -> s3.getObjectAsBytes(r -> r.bucket("no-such-artifact-bucket").key(OUTPUT)),
                404, "NoSuchBucket");
    }

    @Test
    void aBucketThatIsNotTheJobsIsAccessDenied() {
        assertS3Error(() -> s3.getObjectAsBytes(r -> r.bucket("another-teams-bucket").key("secret.zip")),
                403, "AccessDenied");
    }

    @Test
    void anUploadPartToAnUploadThatDoesNotExistIsNoSuchUpload() {
        assertS3Error(() -> s3.uploadPart(r -> r.bucket(BUCKET).key(OUTPUT).uploadId("no-such-upload")
                .partNumber(1), RequestBody.fromString("part")), 404, "NoSuchUpload");
    }

    @Test
    void aRequestReplayedWithAnAlteredChunkIsSignatureDoesNotMatch() {
        s3.putObject(r -> r.bucket(BUCKET).key(OUTPUT), RequestBody.fromString("original bytes"));
        LoggedRequest put = lastPut();
        byte[] body = put.getBody();
        String text = new String(body, java.nio.charset.StandardCharsets.ISO_8859_1);
        int at = text.indexOf("original bytes");
        body[at] = 'O';

        S3Response replayed = bucket.s3.handle(SignedRequest.of("PUT", put.getUrl(), headersOf(put), body));

        assertThat(replayed.status()).isEqualTo(403);
        assertThat(replayed.bodyText()).contains("<Code>SignatureDoesNotMatch</Code>");
        assertThat(bucket.s3.artifact(BUCKET, OUTPUT).orElseThrow().content())
                .isEqualTo("original bytes".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void aRequestReplayedUnchangedIsAcceptedAgain() {
        s3.putObject(r -> r.bucket(BUCKET).key(OUTPUT), RequestBody.fromString("replayable"));
        LoggedRequest put = lastPut();

        S3Response replayed = bucket.s3.handle(SignedRequest.of("PUT", put.getUrl(), headersOf(put), put.getBody()));

        assertThat(replayed.status()).isEqualTo(200);
    }

    @Test
    void anXAmzHeaderAddedAfterSigningIsAccessDeniedAndAMissingContentSha256IsInvalidRequest() {
        s3.getObjectAsBytes(r -> r.bucket(BUCKET).key(TestArtifacts.inputKey(job)));
        LoggedRequest get = bucket.server.getAllServeEvents().stream()
                .filter(event -> "GET".equals(event.getRequest().getMethod().getName()))
                .findFirst().orElseThrow().getRequest();
        Map<String, List<String>> withExtra = headersOf(get);
        withExtra.put("x-amz-meta-smuggled", List.of("yes"));
        Map<String, List<String>> withoutSha = headersOf(get);
        withoutSha.keySet().removeIf(name -> name.equalsIgnoreCase("x-amz-content-sha256"));

        S3Response extra = bucket.s3.handle(SignedRequest.of("GET", get.getUrl(), withExtra, new byte[0]));
        S3Response noSha = bucket.s3.handle(SignedRequest.of("GET", get.getUrl(), withoutSha, new byte[0]));

        assertThat(extra.status()).isEqualTo(403);
        assertThat(extra.bodyText()).contains("<Code>AccessDenied</Code>")
                .contains("<HeadersNotSigned>x-amz-meta-smuggled</HeadersNotSigned>");
        assertThat(noSha.status()).isEqualTo(400);
        assertThat(noSha.bodyText()).contains("<Code>InvalidRequest</Code>").contains("x-amz-content-sha256");
    }

    @Test
    void aSignatureVersion2PresignedUrlIsInvalidRequest() throws Exception {
        java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(bucket.endpoint().resolve("/" + BUCKET + "/"
                        + TestArtifacts.inputKey(job) + "?AWSAccessKeyId=ASIAERRORS&Signature=abc%3D&Expires=1"))
                        .build(), java.net.http.HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("<Code>InvalidRequest</Code>").contains("AWS4-HMAC-SHA256");
    }

    @Test
    void anErrorDocumentCarriesCodeMessageResourceAndRequestId() {
        S3Exception error = catchS3(() -> s3.getObjectAsBytes(r -> r.bucket(BUCKET).key(OUTPUT)));

        assertThat(error.awsErrorDetails().errorMessage()).isEqualTo("The specified key does not exist.");
        assertThat(error.requestId()).matches("[0-9A-F]{16}");
        String body = error.awsErrorDetails().rawResponse().asUtf8String();
        assertThat(body).startsWith("<?xml").contains("<Error><Code>NoSuchKey</Code>")
                .contains("<Key>" + OUTPUT + "</Key>").contains("<Resource>/" + BUCKET + "/" + OUTPUT + "</Resource>")
                .contains("<RequestId>" + error.requestId() + "</RequestId>");
    }

    /** The most recent PUT the server received: the calling test's. */
    private static LoggedRequest lastPut() {
        return bucket.server.getAllServeEvents().stream()
                .filter(event -> "PUT".equals(event.getRequest().getMethod().getName()))
                .findFirst().orElseThrow().getRequest();
    }

    private static Map<String, List<String>> headersOf(LoggedRequest request) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        request.getHeaders().all().forEach(h -> headers.computeIfAbsent(h.key(), k -> new ArrayList<>())
                .addAll(h.values()));
        return headers;
    }

    private static void assertS3Error(ThrowingCallable call, int status, String code) {
        S3Exception error = catchS3(call);
        assertThat(error.statusCode()).as("HTTP status").isEqualTo(status);
        assertThat(error.awsErrorDetails().errorCode()).as("S3 error code").isEqualTo(code);
    }

    private static S3Exception catchS3(ThrowingCallable call) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(call);
        assertThat(thrown).isInstanceOf(S3Exception.class);
        return (S3Exception) thrown;
    }
}
