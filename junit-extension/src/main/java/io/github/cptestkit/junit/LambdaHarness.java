package io.github.cptestkit.junit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cptestkit.junit.internal.lambda.HandlerCall;
import io.github.cptestkit.junit.internal.lambda.SdkEndpointScope;
import io.github.cptestkit.mock.CodePipelineMock;
import io.github.cptestkit.mock.jobs.JobSnapshot;
import io.github.cptestkit.mock.lambda.LambdaFunction;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Runs Lambda handlers in the test's JVM the way the Lambda Java runtime runs them, against the mock: it takes the
 * function's next invocation from the mock's Lambda Runtime API (as a runtime interface client does), calls the
 * handler with the event (a {@code RequestHandler<Map<String, Object>, ?>}, a handler of the user's own POJO,
 * deserialized with aws-lambda-java-serialization, or a {@code RequestStreamHandler}), with a
 * {@link FakeLambdaContext} whose remaining time counts down on the mock's clock and whose logger hides the job's
 * credentials, and posts what the handler answered or threw back to the Runtime API. Everything Lambda does after
 * that is the mock's: a success with a continuation token invokes the function again, a thrown error is retried
 * (one and then two minutes later on the mock's clock), a job nobody reports on times out after 20 minutes.
 *
 * <p>For the duration of the call the AWS SDK for Java 2.x is pointed at the mock ({@code aws.endpointUrlCodePipeline},
 * {@code aws.endpointUrlS3}, {@code aws.region}, and the execution role's obviously fake credentials as
 * {@code aws.accessKeyId}/{@code aws.secretAccessKey}/{@code aws.sessionToken}), so that clients the handler builds
 * with their builders' defaults reach the mock, as clients in Lambda reach AWS. Build SDK clients in the handler, or
 * pass the handler's class (the harness then makes it inside that scope, as the runtime makes it): a client built
 * before the call, outside the scope, goes to AWS. The properties belong to the whole JVM, so calls are taken one at
 * a time.
 *
 * <pre>{@code
 * @Test
 * void deploys(LambdaHarness lambda, @LambdaJob(function = "Deploy") FakeLambdaJob job, CodePipelineMock mock) {
 *     LambdaRun run = lambda.invoke(job, DeployHandler.class);
 *     assertThat(run.thrown()).isNull();
 *     assertThat(mock.job(job.jobId()).status()).isEqualTo(JobStatus.SUCCEEDED);
 * }
 * }</pre>
 *
 * <p>Outside JUnit: {@code LambdaHarness.forMock(mock).invokeNext("Deploy", new DeployHandler())}.
 */
public final class LambdaHarness {

    private static final String RUNTIME = "/2018-06-01/runtime/invocation/";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** How many runs {@link #invokeWithContinuations} takes before it calls the handler endless. */
    static final int MAX_CONTINUATIONS = 100;

    private final CodePipelineMock mock;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private LambdaHarness(CodePipelineMock mock) {
        this.mock = mock;
    }

    /**
     * A harness for {@code mock}, which must be running.
     *
     * @param mock the mock whose Lambda Runtime API the handlers' invocations come from
     * @return a harness; it holds no resources of its own to close
     * @throws IllegalStateException if the mock is not running
     */
    public static LambdaHarness forMock(CodePipelineMock mock) {
        Objects.requireNonNull(mock, "mock");
        if (!mock.isRunning()) {
            throw new IllegalStateException("LambdaHarness.forMock needs a running mock; call start() first");
        }
        return new LambdaHarness(mock);
    }

    /**
     * Runs {@code handler} on the job's invocation: the next one of its function, which must be the job's own
     * (it is when the job is the only one waiting for that function).
     *
     * @param job     the queued Lambda invoke job, e.g. an injected {@code @LambdaJob FakeLambdaJob}
     * @param handler a {@code RequestHandler} or {@code RequestStreamHandler}, or the class of one (made with its
     *                public no-argument constructor inside the call's SDK scope)
     * @return what the handler answered or threw, and what it logged
     * @throws IllegalStateException when no invocation of the function is ready, or the next is another job's
     */
    public LambdaRun invoke(FakeLambdaJob job, Object handler) {
        Objects.requireNonNull(job, "job");
        return invokeNext(job.functionName(), handler, job.jobId());
    }

    /**
     * Runs {@code handler} on the job's invocation, then, as long as the handler's report was a success with a
     * continuation token, on the invocation of the job CodePipeline queued to continue the action (whose data
     * carries the token), as Lambda invokes the function again; answers the runs in order. It stops at the first
     * run that did not end its job with a continuation (a failure, a plain success, an error, no report at all).
     *
     * <pre>{@code
     * List<LambdaRun> runs = lambda.invokeWithContinuations(job, new LongDeployHandler());
     * assertThat(mock.job(runs.get(runs.size() - 1).jobId()).status()).isEqualTo(JobStatus.SUCCEEDED);
     * }</pre>
     *
     * @param job     the queued Lambda invoke job the action starts with
     * @param handler a {@code RequestHandler} or {@code RequestStreamHandler}, or the class of one (a new instance
     *                per run)
     * @return the runs, first to last, at least one; the last one's job holds the action's outcome
     * @throws IllegalStateException after {@code 100} runs that all continued: the handler never finishes
     */
    public List<LambdaRun> invokeWithContinuations(FakeLambdaJob job, Object handler) {
        Objects.requireNonNull(job, "job");
        List<LambdaRun> runs = new ArrayList<>();
        String jobId = job.jobId();
        while (jobId != null) {
            if (runs.size() == MAX_CONTINUATIONS) {
                throw new IllegalStateException("function " + job.functionName() + " continued its action "
                        + MAX_CONTINUATIONS + " times from job " + job.jobId() + " without finishing; a handler must"
                        + " at last report success without a continuation token, or failure");
            }
            LambdaRun run = invokeNext(job.functionName(), handler, jobId);
            runs.add(run);
            JobSnapshot after = mock.job(jobId);
            jobId = after.success() == null ? null : after.success().continuationJobId();
        }
        return List.copyOf(runs);
    }

    /**
     * Runs {@code handler} on the next invocation of function {@code functionName}, which must be ready (a Lambda
     * job naming the function was queued, or a retry came due).
     *
     * @param functionName the function's plain name, as the job's configuration names it
     * @param handler      a {@code RequestHandler} or {@code RequestStreamHandler}, or the class of one
     * @return what the handler answered or threw, and what it logged
     * @throws IllegalStateException when the mock serves no such function, or none of its invocations is ready
     */
    public LambdaRun invokeNext(String functionName, Object handler) {
        return invokeNext(functionName, handler, null);
    }

    private LambdaRun invokeNext(String functionName, Object handler, String expectedJobId) {
        Objects.requireNonNull(functionName, "functionName");
        Objects.requireNonNull(handler, "handler");
        HandlerCall.requireHandler(handler instanceof Class<?> type ? type : handler.getClass());
        LambdaFunction function = mock.lambdaFunction(functionName).orElseThrow(() -> new IllegalStateException(
                "function " + functionName + " is not served by this mock: queue a Lambda invoke job that names it"
                        + " (@LambdaJob(function = \"" + functionName + "\")), or register it"));
        if (function.ready() == 0) {
            throw new IllegalStateException("no invocation of function " + functionName + " is ready: "
                    + (function.pending() > 0 ? function.pending() + " wait for their retry; advance the mock's"
                    + " clock past it" : "queue a Lambda invoke job that names the function first"));
        }
        String base = "http://" + mock.lambdaRuntimeApi(functionName) + RUNTIME;
        HttpResponse<byte[]> next = send(HttpRequest.newBuilder(URI.create(base + "next")).GET().build());
        if (next.statusCode() != 200) {
            throw new IllegalStateException("the mock's Runtime API answered GET next with " + next.statusCode()
                    + ": " + new String(next.body(), StandardCharsets.UTF_8));
        }
        String requestId = next.headers().firstValue("Lambda-Runtime-Aws-Request-Id").orElseThrow();
        byte[] event = next.body();
        JsonNode job = readTree(event).path("CodePipeline.job");
        String jobId = job.path("id").asText(null);
        if (expectedJobId != null && !expectedJobId.equals(jobId)) {
            post(base + requestId + "/error", errorBody(new IllegalStateException("the harness took job " + jobId
                    + " for job " + expectedJobId)));
            throw new IllegalStateException("the next invocation of function " + functionName + " carries job "
                    + jobId + ", not job " + expectedJobId + ": another job of the function was queued first;"
                    + " run it with invokeNext(\"" + functionName + "\", handler) first (this one was answered with an"
                    + " error, so Lambda retries it)");
        }
        JsonNode credentials = job.path("data").path("artifactCredentials");
        FakeLambdaContext context = FakeLambdaContext.builder(functionName)
                .awsRequestId(requestId)
                .invokedFunctionArn(next.headers().firstValue("Lambda-Runtime-Invoked-Function-Arn").orElse(
                        "arn:aws:lambda:us-east-1:123456789012:function:" + functionName))
                .clock(mock.clock())
                .deadline(Instant.ofEpochMilli(Long.parseLong(
                        next.headers().firstValue("Lambda-Runtime-Deadline-Ms").orElseThrow())))
                .secrets(credentials.path("secretAccessKey").asText(null), credentials.path("sessionToken").asText(null),
                        credentials.path("accessKeyId").asText(null),
                        CodePipelineMock.EXECUTION_ROLE_SECRET_ACCESS_KEY,
                        CodePipelineMock.EXECUTION_ROLE_SESSION_TOKEN)
                .build();
        Map<String, String> environment = mock.lambdaEnvironment(functionName);
        byte[] output = null;
        Throwable thrown = null;
        try (SdkEndpointScope scope = SdkEndpointScope.open(URI.create(environment.get("AWS_ENDPOINT_URL_S3")),
                environment.get("AWS_REGION"), environment.get("AWS_ACCESS_KEY_ID"),
                environment.get("AWS_SECRET_ACCESS_KEY"), environment.get("AWS_SESSION_TOKEN"))) {
            Object instance = handler instanceof Class<?> type ? HandlerCall.instantiate(type) : handler;
            output = HandlerCall.call(instance, event, context);
        } catch (VirtualMachineError fatal) {
            throw fatal;
        } catch (Throwable t) {
            thrown = t;
        }
        if (thrown == null) {
            post(base + requestId + "/response", output);
        } else {
            post(base + requestId + "/error", errorBody(thrown));
        }
        return new LambdaRun(functionName, requestId, jobId, attemptOf(functionName, requestId), output, thrown,
                context.logLines());
    }

    /** The attempt number of the invocation, from the mock's record of it (1 when it is not found). */
    private int attemptOf(String functionName, String requestId) {
        return mock.lambdaFunction(functionName).stream()
                .flatMap(function -> function.attempts().stream())
                .filter(attempt -> requestId.equals(attempt.requestId()))
                .mapToInt(attempt -> attempt.attempt())
                .findFirst().orElse(1);
    }

    /** Lambda's error format, as the Java runtime posts it: errorMessage, errorType (the class), stackTrace. */
    private static byte[] errorBody(Throwable thrown) {
        ObjectNode body = JSON.createObjectNode();
        body.put("errorMessage", String.valueOf(thrown.getMessage()));
        body.put("errorType", thrown.getClass().getName());
        var trace = body.putArray("stackTrace");
        for (StackTraceElement element : thrown.getStackTrace()) {
            trace.add(element.toString());
        }
        try {
            return JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void post(String url, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (url.endsWith("/error")) {
            request.header("Lambda-Runtime-Function-Error-Type", "Runtime.UserException");
        }
        HttpResponse<byte[]> answer = send(request.build());
        if (answer.statusCode() != 202) {
            throw new IllegalStateException("the mock's Runtime API refused the handler's answer with "
                    + answer.statusCode() + ": " + new String(answer.body(), StandardCharsets.UTF_8));
        }
    }

    private HttpResponse<byte[]> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException("the mock's Runtime API could not be reached: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while calling the mock's Runtime API", e);
        }
    }

    private static JsonNode readTree(byte[] event) {
        try {
            return JSON.readTree(event);
        } catch (IOException e) {
            throw new UncheckedIOException("the event is not JSON", e);
        }
    }
}
