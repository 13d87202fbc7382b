package io.github.cptestkit.junit;

import static io.github.cptestkit.junit.CodePipelineAssertions.assertThat;
import static io.github.cptestkit.junit.CodePipelineAssertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cptestkit.mock.CodePipelineMock;
import io.github.cptestkit.mock.MockClock;
import io.github.cptestkit.mock.jobs.JobSnapshot;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.codepipeline.CodePipelineClient;
import software.amazon.awssdk.services.codepipeline.model.FailureType;

/**
 * The JVM harness runs each kind of handler the Lambda Java runtime runs on the Lambda job's invocation, with a
 * Context on the mock's clock and the AWS SDK's default client configuration pointed at the mock for the call; the
 * job ends as the handler reported, and Lambda's retries and continuations follow on the mock.
 */
@CodePipelineMockTest(mockClock = true)
class LambdaHarnessTest {

    static CodePipelineClient codePipeline() {
        return CodePipelineClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> job(Map<String, Object> event) {
        return (Map<String, Object>) event.get("CodePipeline.job");
    }

    /** A RequestHandler of the event as a Map: reports success with what its Context says. */
    public static final class MapHandler implements RequestHandler<Map<String, Object>, String> {
        @Override
        public String handleRequest(Map<String, Object> event, Context context) {
            String jobId = (String) job(event).get("id");
            context.getLogger().log("secret " + System.getProperty("aws.secretAccessKey"));
            try (CodePipelineClient codePipeline = codePipeline()) {
                codePipeline.putJobSuccessResult(r -> r.jobId(jobId).outputVariables(Map.of(
                        "function", context.getFunctionName(), "requestId", context.getAwsRequestId(),
                        "remainingMillis", Integer.toString(context.getRemainingTimeInMillis()))));
            }
            return "reported " + jobId;
        }
    }

    /** The user's own POJO event (a Map, as a CodePipeline event must be for Lambda's serializer) and answer. */
    public static final class PipelineEvent extends LinkedHashMap<String, Object> {
        @SuppressWarnings("unchecked")
        String jobId() {
            return (String) ((Map<String, Object>) get("CodePipeline.job")).get("id");
        }
    }

    /** A bean the handler answers, serialized as the Java runtime serializes it. */
    public static final class Report {
        private String jobId;
        private int checks;

        public String getJobId() {
            return jobId;
        }

        public void setJobId(String jobId) {
            this.jobId = jobId;
        }

        public int getChecks() {
            return checks;
        }

        public void setChecks(int checks) {
            this.checks = checks;
        }
    }

    /** A POJO handler: reports failure and answers a Report. */
    public static final class PojoHandler implements RequestHandler<PipelineEvent, Report> {
        @Override
        public Report handleRequest(PipelineEvent event, Context context) {
            try (CodePipelineClient codePipeline = codePipeline()) {
                codePipeline.putJobFailureResult(r -> r.jobId(event.jobId()).failureDetails(f -> f
                        .type(FailureType.JOB_FAILED).message("2 checks failed")));
            }
            Report report = new Report();
            report.setJobId(event.jobId());
            report.setChecks(2);
            return report;
        }
    }

    /** A RequestStreamHandler: reads the event's bytes itself, reports success, writes its own answer. */
    public static final class StreamHandler implements RequestStreamHandler {
        @Override
        public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
            JsonNode event = new ObjectMapper().readTree(input);
            String jobId = event.path("CodePipeline.job").path("id").asText();
            try (CodePipelineClient codePipeline = codePipeline()) {
                codePipeline.putJobSuccessResult(r -> r.jobId(jobId));
            }
            output.write(("{\"streamed\":\"" + jobId + "\"}").getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Throws before reporting. */
    public static final class ThrowingHandler implements RequestHandler<Map<String, Object>, String> {
        @Override
        public String handleRequest(Map<String, Object> event, Context context) {
            throw new IllegalStateException("no input artifact named BuildOutput");
        }
    }

    /** Continues twice (step-1, step-2), then succeeds. */
    public static final class ContinuingHandler implements RequestHandler<Map<String, Object>, String> {
        @Override
        @SuppressWarnings("unchecked")
        public String handleRequest(Map<String, Object> event, Context context) {
            String token = (String) ((Map<String, Object>) job(event).get("data")).get("continuationToken");
            String next = token == null ? "step-1" : token.equals("step-1") ? "step-2" : null;
            try (CodePipelineClient codePipeline = codePipeline()) {
                codePipeline.putJobSuccessResult(r -> r.jobId((String) job(event).get("id")).continuationToken(next));
            }
            return String.valueOf(next);
        }
    }

    @Test
    void aMapHandlerReportsSuccessThroughTheSdksDefaultClientWithTheContextOfItsInvocation(LambdaHarness lambda,
            @LambdaJob(function = "Deploy") FakeLambdaJob job, CodePipelineMock mock) {
        LambdaRun run = lambda.invoke(job, new MapHandler());

        assertThat(run.thrown()).isNull();
        assertThat(run.jobId()).isEqualTo(job.jobId());
        assertThat(run.attempt()).isEqualTo(1);
        assertThat(run.outputText()).isEqualTo("\"reported " + job.jobId() + "\"");
        assertThat(mock).job(job.jobId()).succeeded().hasOutputVariable("function", "Deploy")
                .hasOutputVariable("requestId", run.requestId())
                .hasOutputVariable("remainingMillis", Long.toString(Duration.ofMinutes(15).toMillis()));
        assertThat(run.logLines()).singleElement().asString().doesNotContain(
                CodePipelineMock.EXECUTION_ROLE_SECRET_ACCESS_KEY).startsWith("secret ");
        assertThat(System.getProperty("aws.endpointUrlCodePipeline")).as("put back after the call").isNull();
    }

    @Test
    void aPojoHandlerGetsItsEventAndAnswersAsTheJavaRuntimeSerializesThem(LambdaHarness lambda,
            @LambdaJob(function = "Verify") FakeLambdaJob job, CodePipelineMock mock) throws IOException {
        LambdaRun run = lambda.invoke(job, PojoHandler.class);

        assertThat(run.thrown()).isNull();
        JsonNode answer = new ObjectMapper().readTree(run.output());
        assertThat(answer.path("jobId").asText()).isEqualTo(job.jobId());
        assertThat(answer.path("checks").asInt()).isEqualTo(2);
        assertThat(mock).job(job.jobId()).failed().hasFailureType(FailureType.JOB_FAILED)
                .hasFailureMessage("2 checks failed");
    }

    @Test
    void aStreamHandlerReadsTheEventsBytesAndItsOutputIsPostedAsWritten(LambdaHarness lambda,
            @LambdaJob(function = "Deploy") FakeLambdaJob job, CodePipelineMock mock) {
        LambdaRun run = lambda.invoke(job, new StreamHandler());

        assertThat(run.outputText()).isEqualTo("{\"streamed\":\"" + job.jobId() + "\"}");
        assertThat(mock).job(job.jobId()).succeeded();
    }

    @Test
    void aHandlerThatThrowsLeavesItsJobInProgressAndIsInvokedAgainAMinuteLaterOnTheMocksClock(
            LambdaHarness lambda, @LambdaJob(function = "Deploy") FakeLambdaJob job, CodePipelineMock mock,
            MockClock clock) {
        LambdaRun first = lambda.invoke(job, new ThrowingHandler());

        assertThat(first.thrown()).isInstanceOf(IllegalStateException.class)
                .hasMessage("no input artifact named BuildOutput");
        assertThat(mock).job(job.jobId()).isInProgress();
        assertThatThrownBy(() -> lambda.invoke(job, new MapHandler())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("1 wait for their retry; advance the mock's clock past it");

        clock.advance(Duration.ofMinutes(1));
        LambdaRun second = lambda.invoke(job, new MapHandler());

        assertThat(second.attempt()).isEqualTo(2);
        assertThat(mock).job(job.jobId()).succeeded();
    }

    @Test
    void aHandlerThatContinuesIsInvokedAgainWithEachNewJobAndItsToken(LambdaHarness lambda,
            @LambdaJob(function = "Deploy") FakeLambdaJob job, CodePipelineMock mock) {
        lambda.invoke(job, new ContinuingHandler());
        LambdaRun second = lambda.invokeNext("Deploy", new ContinuingHandler());
        LambdaRun third = lambda.invokeNext("Deploy", new ContinuingHandler());

        JobSnapshot one = mock.job(job.jobId());
        assertThat(one).succeeded().hasContinuationToken("step-1");
        assertThat(second.jobId()).isEqualTo(one.success().continuationJobId());
        assertThat(mock.job(second.jobId()).data().continuationToken()).isEqualTo("step-1");
        assertThat(mock.job(third.jobId()).data().continuationToken()).isEqualTo("step-2");
        assertThat(mock).job(third.jobId()).succeeded().hasNoContinuation();
        assertThatThrownBy(() -> lambda.invokeNext("Deploy", new ContinuingHandler()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no invocation of function Deploy");
    }

    @Test
    void invokeWithContinuationsRunsTheJobAndEachContinuationUntilTheActionEnds(LambdaHarness lambda,
            @LambdaJob(function = "Deploy") FakeLambdaJob job, CodePipelineMock mock) {
        java.util.List<LambdaRun> runs = lambda.invokeWithContinuations(job, new ContinuingHandler());

        assertThat(runs).extracting(LambdaRun::outputText).containsExactly("\"step-1\"", "\"step-2\"", "\"null\"");
        assertThat(runs.get(0).jobId()).isEqualTo(job.jobId());
        assertThat(mock).job(runs.get(2).jobId()).succeeded().hasNoContinuation();
        assertThat(mock.job(runs.get(2).jobId()).data().continuationToken()).isEqualTo("step-2");
    }

    /** Answers the job of its event. */
    public static final class EchoJobHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
        @Override
        public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
            return job(event);
        }
    }

    @Test
    void theEventCarriesWhatCodePipelineSendsALambdaFunctionAndNotTheCustomActionFields(LambdaHarness lambda,
            @LambdaJob(function = "Deploy", userParameters = "{\"stage\":\"beta\"}") FakeLambdaJob job)
            throws IOException {
        LambdaRun run = lambda.invoke(job, EchoJobHandler.class);

        JsonNode seen = new ObjectMapper().readTree(run.output());
        assertThat(seen.properties()).extracting(Map.Entry::getKey).containsOnly("id", "accountId", "data");
        assertThat(seen.path("id").asText()).isEqualTo(job.jobId());
        assertThat(seen.path("data").has("actionTypeId")).isFalse();
        assertThat(seen.path("data").has("pipelineContext")).isFalse();
        assertThat(seen.path("data").path("actionConfiguration").path("configuration").path("FunctionName").asText())
                .isEqualTo("Deploy");
        assertThat(seen.path("data").path("actionConfiguration").path("configuration").path("UserParameters")
                .asText()).isEqualTo("{\"stage\":\"beta\"}");
    }

    @Test
    void aLambdaExpressionAsRequestHandlerIsAnErrorSayingToWriteAClassSinceItsTypesAreErased(LambdaHarness lambda,
            @LambdaJob(function = "Deploy") FakeLambdaJob job) {
        RequestHandler<Map<String, Object>, String> erased = (event, context) -> "never";

        LambdaRun run = lambda.invoke(job, erased);

        assertThat(run.thrown()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("write the handler as a class that implements RequestHandler<I, O>");
    }
}
