package io.github.cptestkit.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cptestkit.fixtures.FakeJobs;
import io.github.cptestkit.wire.FakeThirdPartyJob;
import io.github.cptestkit.mock.CodePipelineMock;
import io.github.cptestkit.mock.MockClock;
import io.github.cptestkit.schemas.Operation;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RequestLogTest {

    @Test
    void verboseLinesNameTheOperationAndStatusButNeverTokensCredentialsOrQueryStrings() throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        MockClock clock = MockClock.at(Instant.parse("2026-01-01T00:00:00Z"));
        // A line is written once the answer is on its way, so the client can be back before it: count them.
        CountDownLatch lines = new CountDownLatch(2);
        PrintStream out = new PrintStream(log, true, StandardCharsets.UTF_8) {
            @Override
            public void println(String line) {
                super.println(line);
                lines.countDown();
            }
        };
        RequestLog requestLog = new RequestLog(out, clock);
        FakeThirdPartyJob job = FakeJobs.thirdParty().build();
        try (CodePipelineMock mock = CodePipelineMock.builder().clock(clock)
                .wireMockOptions(options -> options.extensions(requestLog)).build().start()) {
            mock.enqueue(job);
            HttpClient http = HttpClient.newHttpClient();
            http.send(HttpRequest.newBuilder(mock.endpoint()).header("X-Amz-Target",
                    "CodePipeline_20150709.GetThirdPartyJobDetails").POST(HttpRequest.BodyPublishers.ofString(
                    "{\"jobId\": \"" + job.jobId() + "\", \"clientToken\": \"" + job.clientToken() + "\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            http.send(HttpRequest.newBuilder(URI.create(mock.endpoint() + "/bucket/key?X-Amz-Credential=AKIDSECRET"))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(lines.await(10, TimeUnit.SECONDS)).as("a line for each request").isTrue();
        }

        assertThat(log.toString(StandardCharsets.UTF_8).lines()).containsExactly(
                "2026-01-01T00:00:00Z POST / GetThirdPartyJobDetails {\"jobId\":\"" + job.jobId() + "\","
                        + "\"clientToken\":\"*** Sensitive Data Redacted ***\"} -> 400 InvalidJobException",
                "2026-01-01T00:00:00Z GET /bucket/key?… -> 400");
    }

    @Test
    void aLoggedRequestBodyHidesWhatTheJournalHidesWhereverItIs() {
        String body = "{\"jobId\": \"j-1\", \"clientToken\": \"token-1\", \"failureDetails\": {\"type\":"
                + " \"JobFailed\", \"message\": \"copied the job: {artifactCredentials}\"},"
                + " \"data\": {\"artifactCredentials\": {\"accessKeyId\": \"ASIAKEY\", \"secretAccessKey\":"
                + " \"the-secret\", \"sessionToken\": \"the-session\"}, \"actionConfiguration\":"
                + " {\"configuration\": {\"ApiKey\": \"the-api-key\"}}, \"nested\": {\"clientToken\": \"token-2\"}}}";

        String logged = RequestLog.redactedBody(Operation.PUT_THIRD_PARTY_JOB_FAILURE_RESULT, body);

        assertThat(logged).contains("\"jobId\":\"j-1\"", "copied the job")
                .doesNotContain("token-1", "token-2", "ASIAKEY", "the-secret", "the-session", "the-api-key");
        assertThat(RequestLog.redactedBody(Operation.PUT_THIRD_PARTY_JOB_FAILURE_RESULT, "not json"))
                .isEqualTo("(not JSON, 8 characters)");
    }

    @Test
    void theConfigurationValuesOfADeclarationsActionsAreHiddenSinceSecretsTravelThere() {
        String body = "{\"pipeline\": {\"name\": \"p\", \"stages\": [{\"name\": \"Build\", \"actions\": [{\"name\":"
                + " \"b\", \"actionTypeId\": {\"category\": \"Build\", \"owner\": \"Custom\", \"provider\": \"X\","
                + " \"version\": \"1\"}, \"configuration\": {\"Token\": \"t0ps3cret\"}}]}]}}";

        String logged = RequestLog.redactedBody(io.github.cptestkit.schemas.Operation.CREATE_PIPELINE, body);

        assertThat(logged).doesNotContain("t0ps3cret").contains("\"Token\":\"*** Sensitive Data Redacted ***\"")
                .contains("\"name\":\"Build\"");
    }
}
