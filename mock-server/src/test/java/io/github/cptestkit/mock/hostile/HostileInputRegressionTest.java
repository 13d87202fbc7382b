package io.github.cptestkit.mock.hostile;

import static io.github.cptestkit.mock.hostile.HostileBodies.utf8;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cptestkit.wire.ActionCategory;
import io.github.cptestkit.wire.AwsSessionCredentials;
import io.github.cptestkit.wire.FakeCustomJob;
import io.github.cptestkit.fixtures.FakeJobGenerator;
import io.github.cptestkit.fixtures.FakeJobs;
import io.github.cptestkit.wire.Preset;
import io.github.cptestkit.wire.S3ArtifactLocation;
import io.github.cptestkit.mock.CodePipelineMock;
import io.github.cptestkit.mock.s3.StoredArtifact;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * One test for each real bug the hostile-input properties found: before the fix each of these answered a 500 with
 * Jetty's HTML page (and its stack trace), WireMock's plain-text "Request was not matched" report (the request
 * printed, credentials included), an empty 404, or the wrong answer.
 */
class HostileInputRegressionTest {

    static final FakeJobGenerator FAKES = FakeJobs.withSeed(4242);
    static final String JSON = "application/x-amz-json-1.1";
    static CodePipelineMock mock;
    static RawHttp http;

    @BeforeAll
    static void start() {
        mock = CodePipelineMock.builder().build().start();
        http = new RawHttp(mock.endpoint());
    }

    @AfterAll
    static void stop() {
        mock.stop();
    }

    @BeforeEach
    void reset() {
        mock.reset();
    }

    static RawHttp.Answer call(String operation, String contentType, byte[] body) {
        return http.send("POST", "/", contentType == null
                ? Map.of("X-Amz-Target", "CodePipeline_20150709." + operation)
                : Map.of("X-Amz-Target", "CodePipeline_20150709." + operation, "Content-Type", contentType), body);
    }

    @Test
    void aBodyStartingWithGzipsMagicBytesIsSerializationExceptionNotAnInternalError() {
        RawHttp.Answer answer = call("GetJobDetails", JSON, new byte[] {0x1f, (byte) 0x8b, 'x', 'y'});

        assertThat(HostileAnswers.awsJsonError(answer, "gzip magic").path("__type").asText())
                .isEqualTo("SerializationException");
    }

    @Test
    void anAdminBodySentAsCurlsFormEncodingIsReadAsJsonEvenWithAPercentSignInIt() {
        RawHttp.Answer answer = http.send("POST", "/__admin/codepipeline/faults",
                Map.of("Content-Type", "application/x-www-form-urlencoded"),
                utf8("{\"operation\": \"GetJobDetails\", \"error\": \"ThrottlingException\", \"message\": \"100% busy\"}"));

        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        RawHttp.Answer throttled = call("GetJobDetails", JSON, utf8("{\"jobId\": \"" + SchemaViolations.JOB_ID
                + "\"}"));
        assertThat(HostileAnswers.awsJsonError(throttled, "throttled").path("message").asText())
                .isEqualTo("100% busy");
    }

    @Test
    void anAdminRequestWithACharsetJavaDoesNotKnowIsAnsweredInJson() {
        RawHttp.Answer answer = http.send("POST", "/__admin/codepipeline/clients",
                Map.of("Content-Type", "application/x-www-form-urlencoded; charset=no-such-charset"), utf8("{}"));

        assertThat(HostileAnswers.adminError(answer, "unknown charset").path("__type").asText())
                .isEqualTo("ValidationException");
    }

    @Test
    void aCodePipelineCallWithoutATargetIsUnknownOperationExceptionNotWireMocksReport() {
        RawHttp.Answer answer = http.send("POST", "/", Map.of("Content-Type", JSON),
                utf8("{\"jobId\": \"" + SchemaViolations.JOB_ID + "\", \"clientToken\": \"SECRET-TOKEN\"}"));

        JsonNode error = HostileAnswers.awsJsonError(answer, "no target");
        assertThat(error.path("__type").asText()).isEqualTo("UnknownOperationException");
        assertThat(error.path("message").asText()).contains("X-Amz-Target");
        assertThat(answer.text()).doesNotContain("SECRET-TOKEN");
    }

    @Test
    void anUnsignedBucketRequestIsAccessDeniedInS3sXmlNotWireMocksReport() {
        RawHttp.Answer answer = http.send("GET", "/some-bucket/key?X-Amz-Security-Token=SECRET-SESSION",
                Map.of(), null);

        assertThat(HostileAnswers.s3Error(answer, "GET", "unsigned GET")).isEqualTo("AccessDenied");
        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.text()).doesNotContain("SECRET-SESSION");
    }

    @Test
    void anUnknownAdminRouteIsA404InTheAdminErrorShape() {
        RawHttp.Answer answer = http.send("DELETE", "/__admin/codepipeline/jobs", Map.of(), null);

        assertThat(answer.status()).isEqualTo(404);
        assertThat(HostileAnswers.jsonBody(answer).path("__type").asText()).isEqualTo("UnknownOperationException");
        assertThat(HostileAnswers.jsonBody(answer).path("message").asText()).contains("DELETE /__admin/codepipeline/jobs");
    }

    @Test
    void aRequestTheHttpLayerCannotParseIsA400InAwsJsonWithoutJettysPage() {
        RawHttp.Answer nulInPath = http.sendRaw("GET /__admin/codepipeline/jobs/%00 HTTP/1.1\r\nHost: localhost\r\n"
                + "Connection: close\r\n\r\n", new byte[0]);
        RawHttp.Answer garbage = http.sendRaw("GARBAGE\r\n\r\n", new byte[0]);

        for (RawHttp.Answer answer : List.of(nulInPath, garbage)) {
            assertThat(HostileAnswers.awsJsonError(answer, "an unparsable request").path("__type").asText())
                    .isEqualTo("SerializationException");
            assertThat(answer.status()).isEqualTo(400);
        }
    }

    @Test
    void aTimestampBeyondWhatTheServiceCanHoldIsSerializationExceptionNotAnInternalFailure() {
        RawHttp.Answer answer = call("PutJobSuccessResult", JSON, utf8("{\"jobId\": \"" + SchemaViolations.JOB_ID
                + "\", \"currentRevision\": {\"revision\": \"r\", \"changeIdentifier\": \"c\", \"created\": 1e400}}"));

        JsonNode error = HostileAnswers.awsJsonError(answer, "created 1e400");
        assertThat(error.path("__type").asText()).isEqualTo("SerializationException");
        assertThat(error.path("message").asText()).contains("currentRevision.created");
        assertThat(mock.problems()).isEmpty();
    }

    @Test
    void aMaxBatchSizeBeyondTheIntRangeDispatchesEveryQueuedJob() {
        FakeCustomJob first = FAKES.custom().category(ActionCategory.BUILD).provider("Huge").version("1").index(0)
                .build();
        FakeCustomJob second = FAKES.custom().category(ActionCategory.BUILD).provider("Huge").version("1").index(1)
                .build();
        mock.enqueue(first);
        mock.enqueue(second);
        String type = "{\"category\": \"Build\", \"owner\": \"Custom\", \"provider\": \"Huge\", \"version\": \"1\"}";

        RawHttp.Answer answer = call("PollForJobs", JSON, utf8("{\"actionTypeId\": " + type + ", \"maxBatchSize\": "
                + java.math.BigInteger.TWO.pow(100) + "}"));

        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        assertThat(HostileAnswers.jsonBody(answer).path("jobs")).hasSize(2);
    }

    @Test
    void aCodePipelineCallOfAnotherContentTypeIsUnsupportedMediaTypeAndUtf8ParametersAreAccepted() {
        RawHttp.Answer form = call("GetJobDetails", "application/x-www-form-urlencoded", utf8("{}"));
        RawHttp.Answer json10 = call("GetJobDetails", "application/x-amz-json-1.0", utf8("{}"));
        RawHttp.Answer withCharset = call("GetJobDetails", "Application/X-Amz-Json-1.1; charset=UTF-8",
                utf8("{\"jobId\": \"" + SchemaViolations.JOB_ID + "\"}"));

        assertThat(form.status()).isEqualTo(415);
        assertThat(HostileAnswers.jsonBody(form).path("__type").asText()).isEqualTo("UnsupportedMediaTypeException");
        assertThat(json10.status()).isEqualTo(415);
        assertThat(HostileAnswers.awsJsonError(withCharset, "charset=UTF-8").path("__type").asText())
                .isEqualTo("JobNotFoundException");
    }

    @Test
    void aBodyOverTheLimitIsRequestEntityTooLargeWhetherDeclaredOrChunked() {
        byte[] tooLarge = new byte[(1 << 20) + 1];
        java.util.Arrays.fill(tooLarge, (byte) ' ');

        RawHttp.Answer declared = call("GetJobDetails", JSON, tooLarge);
        RawHttp.Answer chunked = http.sendRaw("POST / HTTP/1.1\r\nHost: localhost\r\nX-Amz-Target:"
                + " CodePipeline_20150709.GetJobDetails\r\nContent-Type: " + JSON + "\r\nTransfer-Encoding: chunked\r\n"
                + "Connection: close\r\n\r\n", HostileBodies.chunked(tooLarge));

        for (RawHttp.Answer answer : new RawHttp.Answer[] {declared, chunked}) {
            assertThat(answer.status()).isEqualTo(413);
            assertThat(HostileAnswers.jsonBody(answer).path("__type").asText())
                    .isEqualTo("RequestEntityTooLargeException");
        }
    }

    @Test
    void aGzipArtifactUploadedWithContentEncodingGzipIsStoredAsTheBytesSent() {
        FakeCustomJob job = FAKES.custom().preset(Preset.BUILD_WITH_SOURCE_ZIP).build();
        mock.enqueue(job);
        S3ArtifactLocation output = job.job().data().outputArtifacts().get(0).location().s3Location();
        byte[] tarGz = HostileBodies.gzip(utf8("a build log, compressed"));

        try (S3Client s3 = s3(job.job().data().artifactCredentials())) {
            s3.putObject(r -> r.bucket(output.bucketName()).key(output.objectKey()).contentEncoding("gzip")
                    .contentType("application/gzip"), RequestBody.fromBytes(tarGz));
        }

        StoredArtifact stored = mock.artifact(output).orElseThrow();
        assertThat(stored.content()).isEqualTo(tarGz);
    }

    @Test
    void anArtifactUploadedWithAMultipartContentTypeIsStoredWithIt() {
        FakeCustomJob job = FAKES.custom().preset(Preset.BUILD_WITH_SOURCE_ZIP).index(1).build();
        mock.enqueue(job);
        S3ArtifactLocation output = job.job().data().outputArtifacts().get(0).location().s3Location();

        try (S3Client s3 = s3(job.job().data().artifactCredentials())) {
            s3.putObject(r -> r.bucket(output.bucketName()).key(output.objectKey())
                    .contentType("multipart/mixed; boundary=zz"), RequestBody.fromString("not multipart at all"));
        }

        StoredArtifact stored = mock.artifact(output).orElseThrow();
        assertThat(stored.contentType()).isEqualTo("multipart/mixed; boundary=zz");
        assertThat(new String(stored.content(), StandardCharsets.UTF_8)).isEqualTo("not multipart at all");
    }

    static S3Client s3(AwsSessionCredentials credentials) {
        return S3Client.builder().endpointOverride(URI.create(mock.endpoint().toString())).region(Region.US_EAST_1)
                .forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(
                        software.amazon.awssdk.auth.credentials.AwsSessionCredentials.create(credentials.accessKeyId(),
                                credentials.secretAccessKey(), credentials.sessionToken())))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

}
