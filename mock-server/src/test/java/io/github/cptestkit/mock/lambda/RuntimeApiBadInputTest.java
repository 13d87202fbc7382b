package io.github.cptestkit.mock.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cptestkit.fixtures.FakeJobs;
import io.github.cptestkit.mock.AdminHttp;
import io.github.cptestkit.mock.CodePipelineMock;
import io.github.cptestkit.mock.MockClock;
import io.github.cptestkit.mock.lambda.InvocationAttempt.Outcome;
import io.github.cptestkit.wire.JobStatus;
import io.github.cptestkit.wire.Preset;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Requests to the Runtime API that Lambda refuses are refused in Lambda's shape: the HTTP status of the Runtime API's
 * OpenAPI description and its {@code ErrorResponse} body {@code {"errorMessage", "errorType"}}, never a 500, and the
 * mock goes on serving. A plain HTTP client, since no runtime client sends these on purpose.
 */
class RuntimeApiBadInputTest {

    static final ObjectMapper JSON = new ObjectMapper();

    final MockClock clock = MockClock.at(Instant.parse("2026-03-01T10:00:00Z"));
    final CodePipelineMock mock = CodePipelineMock.builder().clock(clock).lambdaFunction("Deploy").build();
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    record Reply(int status, String requestId, JsonNode body) {
        String errorType() {
            return body.path("errorType").asText(null);
        }

        String errorMessage() {
            return body.path("errorMessage").asText(null);
        }
    }

    @BeforeEach
    void start() {
        mock.start();
    }

    @AfterEach
    void stop() {
        mock.stop();
    }

    /** {@code path} under the Runtime API of {@code function}, as a runtime builds it from AWS_LAMBDA_RUNTIME_API. */
    URI runtimeApi(String function, String path) {
        return URI.create("http://" + mock.lambdaRuntimeApi(function) + "/2018-06-01/runtime/" + path);
    }

    URI unknownFunction(String path) {
        return URI.create("http://" + mock.lambdaRuntimeApi("Deploy").replace("/Deploy", "/Nope")
                + "/2018-06-01/runtime/" + path);
    }

    Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(20)).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode body = response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
            return new Reply(response.statusCode(),
                    response.headers().firstValue("Lambda-Runtime-Aws-Request-Id").orElse(null), body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Reply get(URI uri) {
        return send(HttpRequest.newBuilder(uri).GET());
    }

    Reply post(URI uri, byte[] body) {
        return send(HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    Reply post(URI uri, String body) {
        return post(uri, body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    String queueJob() {
        return mock.enqueue(FakeJobs.withSeed(7).custom().preset(Preset.LAMBDA_INVOKE)
                .configuration("FunctionName", "Deploy").build());
    }

    @Test
    void everyRouteOfAFunctionTheMockDoesNotKnowIs404ResourceNotFoundNamingTheFunctionsItKnows() {
        Reply next = get(unknownFunction("invocation/next"));
        Reply response = post(unknownFunction("invocation/1234/response"), "{}");
        Reply error = post(unknownFunction("invocation/1234/error"), "{\"errorType\":\"E\",\"errorMessage\":\"m\"}");
        Reply initError = post(unknownFunction("init/error"), "{}");

        for (Reply reply : new Reply[] {next, response, error, initError}) {
            assertThat(reply.status()).isEqualTo(404);
            assertThat(reply.errorType()).isEqualTo("ResourceNotFoundException");
            assertThat(reply.errorMessage()).contains("function:Nope").contains("[Deploy]");
        }
        assertThat(mock.lambdaFunction("Nope")).as("a refused request makes no function known").isEmpty();
    }

    @Test
    void anAnswerForARequestIdThatIsNotOutstandingIs400InvalidRequestIdAndTheRealOneStillCounts() {
        String jobId = queueJob();
        Reply next = get(runtimeApi("Deploy", "invocation/next"));
        assertThat(next.status()).isEqualTo(200);

        Reply neverHanded = post(runtimeApi("Deploy", "invocation/not-a-request-id/response"), "{}");
        Reply errorForIt = post(runtimeApi("Deploy", "invocation/not-a-request-id/error"), "{}");
        Reply answered = post(runtimeApi("Deploy", "invocation/" + next.requestId() + "/response"), "\"done\"");
        Reply again = post(runtimeApi("Deploy", "invocation/" + next.requestId() + "/response"), "\"done\"");

        assertThat(neverHanded.status()).isEqualTo(400);
        assertThat(neverHanded.errorType()).isEqualTo("InvalidRequestID");
        assertThat(neverHanded.errorMessage()).contains("not-a-request-id").contains("Lambda-Runtime-Aws-Request-Id");
        assertThat(errorForIt.status()).isEqualTo(400);
        assertThat(errorForIt.errorType()).isEqualTo("InvalidRequestID");
        assertThat(answered.status()).isEqualTo(202);
        assertThat(again.status()).as("answered once already").isEqualTo(400);
        assertThat(again.errorType()).isEqualTo("InvalidRequestID");
        assertThat(mock.lambdaFunction("Deploy").orElseThrow().attempts()).singleElement()
                .satisfies(attempt -> assertThat(attempt.jobId()).isEqualTo(jobId))
                .satisfies(attempt -> assertThat(attempt.outcome()).isEqualTo(Outcome.RESPONDED));
    }

    @Test
    void aResponseOverLambdasPayloadLimitIs413AndEndsTheAttemptAsResponseSizeTooLarge() {
        String jobId = queueJob();
        Reply next = get(runtimeApi("Deploy", "invocation/next"));
        byte[] oversized = new byte[6 * 1024 * 1024 + 101];
        java.util.Arrays.fill(oversized, (byte) 'a');
        oversized[0] = '"';
        oversized[oversized.length - 1] = '"';

        Reply refused = post(runtimeApi("Deploy", "invocation/" + next.requestId() + "/response"), oversized);

        assertThat(refused.status()).isEqualTo(413);
        assertThat(refused.errorType()).isEqualTo("RequestEntityTooLarge");
        assertThat(refused.errorMessage()).contains("6291556 bytes");
        InvocationAttempt attempt = mock.lambdaFunction("Deploy").orElseThrow().attempts().get(0);
        assertThat(attempt.outcome()).isEqualTo(Outcome.RESPONSE_TOO_LARGE);
        assertThat(attempt.error().errorType()).isEqualTo("Function.ResponseSizeTooLarge");
        assertThat(mock.job(jobId).status()).as("an error is retried").isEqualTo(JobStatus.IN_PROGRESS);

        clock.advance(Duration.ofMinutes(1));
        Reply retried = get(runtimeApi("Deploy", "invocation/next"));

        assertThat(retried.status()).as("the mock serves on: the retry is handed out").isEqualTo(200);
        assertThat(retried.body().path("CodePipeline.job").path("id").asText()).isEqualTo(jobId);
    }

    @Test
    void aPathUnderTheRuntimeApiThatIsNoneOfItsRoutesIs404InLambdasShapeNamingTheRoutes() {
        Reply wrongVersion = get(URI.create("http://" + mock.lambdaRuntimeApi("Deploy")
                + "/2020-01-01/runtime/invocation/next"));
        Reply wrongMethod = post(runtimeApi("Deploy", "invocation/next"), "{}");

        for (Reply reply : new Reply[] {wrongVersion, wrongMethod}) {
            assertThat(reply.status()).isEqualTo(404);
            assertThat(reply.errorType()).isEqualTo("NotFound");
            assertThat(reply.errorMessage()).contains("GET invocation/next");
        }
    }

    @Test
    void anErrorWhoseBodyIsNotLambdasErrorFormatTakesItsTypeFromTheHeader() {
        queueJob();
        Reply next = get(runtimeApi("Deploy", "invocation/next"));

        Reply accepted = send(HttpRequest.newBuilder(runtimeApi("Deploy", "invocation/" + next.requestId()
                + "/error")).header("Lambda-Runtime-Function-Error-Type", "Runtime.Crash")
                .POST(HttpRequest.BodyPublishers.ofString("not json {")));

        assertThat(accepted.status()).isEqualTo(202);
        assertThat(mock.lambdaFunction("Deploy").orElseThrow().attempts().get(0).error())
                .isEqualTo(new FunctionError("Runtime.Crash", ""));
    }

    @Test
    void theAdminApiAnswersWhereAFunctionsRuntimeReachesItAndAnUnknownNameIs404() {
        queueJob();
        AdminHttp admin = new AdminHttp(mock.endpoint());

        AdminHttp.Answer deploy = admin.get("functions/Deploy");
        AdminHttp.Answer nope = admin.get("functions/Nope");

        assertThat(deploy.status()).isEqualTo(200);
        assertThat(deploy.body().path("functionName").asText()).isEqualTo("Deploy");
        assertThat(deploy.body().path("runtimeApi").asText()).isEqualTo(mock.lambdaRuntimeApi("Deploy"));
        assertThat(deploy.body().path("pending").asInt()).isEqualTo(1);
        assertThat(nope.status()).isEqualTo(404);
        assertThat(nope.message()).contains("Nope");
    }
}
