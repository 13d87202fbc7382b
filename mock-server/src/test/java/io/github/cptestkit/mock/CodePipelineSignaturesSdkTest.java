package io.github.cptestkit.mock;

import static io.github.cptestkit.mock.SdkClients.sdk;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cptestkit.wire.FakeCustomJob;
import io.github.cptestkit.fixtures.FakeJobs;
import io.github.cptestkit.wire.JobStatus;
import io.github.cptestkit.wire.S3ArtifactLocation;
import io.github.cptestkit.schemas.Operation;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.services.codepipeline.CodePipelineClient;
import software.amazon.awssdk.services.codepipeline.model.CodePipelineException;
import software.amazon.awssdk.services.codepipeline.model.Job;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The optional SigV4 check of CodePipeline calls: off by default; on, a call must be signed by a configured worker
 * key, and refusals are the errors AWS JSON services answer before they look at the operation.
 */
class CodePipelineSignaturesSdkTest {

    static final String WORKER_KEY = "AKIAWORKEREXAMPLE";
    static final String WORKER_SECRET = "worker-secret-EXAMPLEKEY";
    static final String STS_KEY = "ASIAWORKEREXAMPLE";
    static final String STS_SECRET = "sts-secret-EXAMPLEKEY";
    static final String STS_TOKEN = "sts-session-token-EXAMPLE";
    static final FakeCustomJob JOB = FakeJobs.withSeed(9).custom().inputArtifacts(1).build();
    static final ObjectMapper JSON = new ObjectMapper();

    static CodePipelineMock mock;

    @BeforeAll
    static void startMock() {
        mock = CodePipelineMock.builder().clock(MockClock.at(Instant.parse("2026-01-01T00:00:00Z")))
                .verifyCodePipelineSignatures(WORKER_KEY, WORKER_SECRET)
                .verifyCodePipelineSignatures(STS_KEY, STS_SECRET, STS_TOKEN)
                .build().start();
    }

    @AfterAll
    static void stopMock() {
        mock.stop();
    }

    @BeforeEach
    void resetMock() {
        mock.reset();
        mock.enqueue(JOB);
    }

    static CodePipelineClient signedBy(AwsCredentials credentials) {
        return SdkClients.builder(mock).credentialsProvider(StaticCredentialsProvider.create(credentials))
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry())).build();
    }

    static CodePipelineException refusedPoll(AwsCredentials credentials) {
        try (CodePipelineClient client = signedBy(credentials)) {
            CodePipelineException refused = catchThrowableOfType(CodePipelineException.class,
                    () -> client.pollForJobs(r -> r.actionTypeId(sdk(JOB.actionTypeId()))));
            assertThat(refused).as("the poll is refused").isNotNull();
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(mock.job(JOB.jobId()).status()).as("the job store never saw the call")
                    .isEqualTo(JobStatus.QUEUED);
            return refused;
        }
    }

    static HttpResponse<String> post(String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(mock.endpoint() + "/"))
                .header("X-Amz-Target", Operation.GET_JOB_DETAILS.target())
                .header("Content-Type", "application/x-amz-json-1.1")
                .POST(HttpRequest.BodyPublishers.ofString("{\"jobId\": \"" + JOB.jobId() + "\"}"));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static void assertAwsError(HttpResponse<String> response, String type) throws Exception {
        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("__type").asText()).isEqualTo(type);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue(type);
        assertThat(response.headers().firstValue("x-amzn-RequestId")).isPresent();
    }

    @Test
    void aWorkerSigningWithAConfiguredKeyIsServedAndItsJobsArtifactsStayReachable() {
        try (CodePipelineClient worker = signedBy(AwsBasicCredentials.create(WORKER_KEY, WORKER_SECRET))) {
            Job job = worker.pollForJobs(r -> r.actionTypeId(sdk(JOB.actionTypeId()))).jobs().get(0);
            assertThat(job.id()).isEqualTo(JOB.jobId());
            S3ArtifactLocation input = JOB.artifacts().get(0).location();
            try (S3Client s3 = SdkClients.s3(mock, job.data().artifactCredentials())) {
                assertThat(s3.getObjectAsBytes(r -> r.bucket(input.bucketName()).key(input.objectKey()))
                        .asByteArray()).as("S3 calls are checked against the job's credentials, not the workers'")
                        .isEqualTo(JOB.artifacts().get(0).content());
            }
        }
    }

    @Test
    void aWorkerWithTemporaryCredentialsIsServedWithItsSessionTokenOnly() {
        try (CodePipelineClient worker = signedBy(AwsSessionCredentials.create(STS_KEY, STS_SECRET, STS_TOKEN))) {
            assertThat(worker.pollForJobs(r -> r.actionTypeId(sdk(JOB.actionTypeId()))).jobs()).hasSize(1);
        }
        mock.reset();
        mock.enqueue(JOB);
        CodePipelineException refused = refusedPoll(AwsBasicCredentials.create(STS_KEY, STS_SECRET));
        assertThat(refused.awsErrorDetails().errorCode()).isEqualTo("UnrecognizedClientException");
    }

    @Test
    void anUnknownAccessKeyIsUnrecognizedClientException() {
        CodePipelineException refused = refusedPoll(AwsBasicCredentials.create("AKIASTRANGEREXAMPLE", "whatever"));
        assertThat(refused.awsErrorDetails().errorCode()).isEqualTo("UnrecognizedClientException");
        assertThat(refused.awsErrorDetails().errorMessage())
                .startsWith("The security token included in the request is invalid.")
                .contains("AKIASTRANGEREXAMPLE");
        assertThat(refused.requestId()).isNotBlank();
    }

    @Test
    void theRightKeyWithTheWrongSecretIsInvalidSignatureExceptionAndNeverShowsASecret() {
        CodePipelineException refused = refusedPoll(AwsBasicCredentials.create(WORKER_KEY, "not-the-secret"));
        assertThat(refused.awsErrorDetails().errorCode()).isEqualTo("InvalidSignatureException");
        assertThat(refused.awsErrorDetails().errorMessage())
                .startsWith("The request signature we calculated does not match the signature you provided.")
                .doesNotContain(WORKER_SECRET, "not-the-secret");
    }

    @Test
    void anUnsignedCallIsMissingAuthenticationTokenException() throws Exception {
        assertAwsError(post(null), "MissingAuthenticationTokenException");
    }

    @Test
    void anAuthorizationHeaderThatCannotBeReadIsIncompleteSignatureException() throws Exception {
        assertAwsError(post("AWS4-HMAC-SHA256 Credential=" + WORKER_KEY), "IncompleteSignatureException");
        assertThat(mock.job(JOB.jobId()).calls()).isEmpty();
    }
}
