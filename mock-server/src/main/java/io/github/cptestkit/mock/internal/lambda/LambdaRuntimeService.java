package io.github.cptestkit.mock.internal.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import io.github.cptestkit.mock.internal.server.Answer;
import io.github.cptestkit.mock.internal.server.MockService;
import io.github.cptestkit.mock.internal.server.Refusal;
import io.github.cptestkit.mock.internal.server.RequestHead;
import io.github.cptestkit.mock.internal.server.RequestPattern;
import io.github.cptestkit.mock.internal.server.RequestRules;
import io.github.cptestkit.mock.internal.server.Route;
import io.github.cptestkit.mock.internal.server.ServedRequest;
import io.github.cptestkit.mock.internal.server.StubPriority;
import io.github.cptestkit.mock.lambda.FunctionError;
import io.github.cptestkit.schemas.WireJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Lambda Runtime API as a service of the mock: every function it knows has its own address,
 * {@code <host>:<port>/__lambda/<function name>}, which is what a runtime's {@code AWS_LAMBDA_RUNTIME_API} says, so
 * that the official runtime interface clients run a handler against it unchanged. Four routes, as the Runtime API's
 * OpenAPI description (2018-06-01) has them: {@code GET .../runtime/invocation/next} (a long poll, answered when an
 * event is ready), {@code POST .../runtime/invocation/{id}/response}, {@code POST .../runtime/invocation/{id}/error}
 * and {@code POST .../runtime/init/error}; the state is {@link LambdaFunctions}'. Refusals are Lambda's error
 * response {@code {"errorType", "errorMessage"}}. No path under {@code /__lambda} can be an S3 bucket's (a bucket
 * name begins with a letter or digit), so the artifact bucket loses nothing.
 *
 * <p>A long poll holds one of the server's threads while it waits: {@link #configure} adds
 * {@link #MAX_WAITING_RUNTIMES} threads to WireMock's pool, and a runtime asking beyond that many waits is refused
 * with 429 (real Lambda has one runtime per environment; tests have a handful).
 *
 * <pre>{@code
 * LambdaRuntimeService lambda = new LambdaRuntimeService(functions);
 * MockServer server = new MockServer(new Services(List.of(admin, lambda, codePipeline, bucket)), options);
 * lambda.runtimeApi("127.0.0.1", 8080, "Deploy");   // "127.0.0.1:8080/__lambda/Deploy"
 * }</pre>
 */
public final class LambdaRuntimeService implements MockService {

    /** Where the functions' Runtime APIs live. */
    public static final String PREFIX = "/__lambda";
    /** The API version in every Runtime API path. */
    public static final String VERSION = "2018-06-01";
    /** How many runtimes may wait for an invocation at once, on all functions together. */
    public static final int MAX_WAITING_RUNTIMES = 64;

    static final String ERROR_TYPE_HEADER = "Lambda-Runtime-Function-Error-Type";
    private static final String NAME = "[a-zA-Z0-9_-]{1,64}";
    private static final String ID = "[^/]+";
    private static final Pattern NEXT = Pattern.compile(PREFIX + "/(" + NAME + ")/" + VERSION
            + "/runtime/invocation/next");
    private static final Pattern ANSWER = Pattern.compile(PREFIX + "/(" + NAME + ")/" + VERSION
            + "/runtime/invocation/(" + ID + ")/(response|error)");
    private static final Pattern INIT_ERROR = Pattern.compile(PREFIX + "/(" + NAME + ")/" + VERSION
            + "/runtime/init/error");
    private static final RequestRules RULES = new RequestRules(LambdaFunctions.DEFAULT_RESPONSE_LIMIT_BYTES,
            Optional.empty(), false, RequestRules.Handover.AS_JSON);
    private static final String ROUTES = "lambda-runtime-api";

    private final LambdaFunctions functions;
    private final Semaphore waiting = new Semaphore(MAX_WAITING_RUNTIMES);

    public LambdaRuntimeService(LambdaFunctions functions) {
        this.functions = functions;
    }

    /** The functions served. */
    public LambdaFunctions functions() {
        return functions;
    }

    /** What {@code AWS_LAMBDA_RUNTIME_API} says for {@code functionName} on a mock at {@code host:port}. */
    public static String runtimeApi(String host, int port, String functionName) {
        return host + ":" + port + PREFIX + "/" + functionName;
    }

    @Override
    public String name() {
        return "lambda-runtime-api";
    }

    /** Every request under {@code /__lambda}. */
    @Override
    public boolean claims(RequestHead request) {
        return request.isUnder(PREFIX);
    }

    /** Bodies up to Lambda's response limit (a larger response is refused as Lambda refuses it), of any type. */
    @Override
    public RequestRules requestRules() {
        return RULES;
    }

    /** Room in WireMock's thread pool for the runtimes that wait in a long poll. */
    @Override
    public void configure(WireMockConfiguration options) {
        options.containerThreads(options.containerThreads() + MAX_WAITING_RUNTIMES);
    }

    @Override
    public List<Route> routes() {
        return List.of(
                new Route(ROUTES + "/next", "Lambda Runtime API: next invocation (codepipeline-testkit)",
                        StubPriority.OPERATION, RequestPattern.method(RequestMethod.GET).pathMatching(NEXT.pattern()),
                        this::next),
                new Route(ROUTES + "/answer", "Lambda Runtime API: invocation response or error (codepipeline-testkit)",
                        StubPriority.OPERATION,
                        RequestPattern.method(RequestMethod.POST).pathMatching(ANSWER.pattern()), this::answer),
                new Route(ROUTES + "/init-error", "Lambda Runtime API: init error (codepipeline-testkit)",
                        StubPriority.OPERATION,
                        RequestPattern.method(RequestMethod.POST).pathMatching(INIT_ERROR.pattern()),
                        this::initError));
    }

    private Answer next(ServedRequest request) {
        Matcher path = matched(NEXT, request);
        if (!waiting.tryAcquire()) {
            return error(429, "TooManyRequestsException", MAX_WAITING_RUNTIMES + " runtimes already wait for an"
                    + " invocation from this mock, the most it serves at once; stop runtimes you no longer need");
        }
        try {
            CompletableFuture<Invocation> next;
            try {
                next = functions.next(path.group(1));
            } catch (RuntimeApiRefusal refused) {
                return error(refused);
            }
            Invocation invocation;
            try {
                invocation = next.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                give(next);
                return containerError("the mock is stopping");
            } catch (ExecutionException | CancellationException e) {
                return containerError("the mock stopped");
            }
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Content-Type", "application/json");
            headers.put("Lambda-Runtime-Aws-Request-Id", invocation.requestId());
            headers.put("Lambda-Runtime-Deadline-Ms", Long.toString(invocation.deadline().toEpochMilli()));
            headers.put("Lambda-Runtime-Invoked-Function-Arn", invocation.invokedFunctionArn());
            headers.put("Lambda-Runtime-Trace-Id", invocation.traceId());
            return Answer.of(200, headers, invocation.event());
        } finally {
            waiting.release();
        }
    }

    /** Gives back an invocation that was handed out to a request that will not be answered. */
    private void give(CompletableFuture<Invocation> next) {
        if (!next.cancel(false) && !next.isCompletedExceptionally()) {
            Invocation invocation = next.join();
            functions.abandon(invocation.functionName(), invocation.requestId());
        }
    }

    private Answer answer(ServedRequest request) {
        Matcher path = matched(ANSWER, request);
        try {
            if (path.group(3).equals("response")) {
                functions.respond(path.group(1), path.group(2), request.body().length);
            } else {
                functions.error(path.group(1), path.group(2), functionError(request));
            }
            return accepted();
        } catch (RuntimeApiRefusal refused) {
            return error(refused);
        }
    }

    private Answer initError(ServedRequest request) {
        Matcher path = matched(INIT_ERROR, request);
        try {
            functions.initError(path.group(1), functionError(request));
            return accepted();
        } catch (RuntimeApiRefusal refused) {
            return error(refused);
        }
    }

    /**
     * The error a runtime reports: Lambda's error format from the body ({@code errorType}, {@code errorMessage}),
     * the {@code Lambda-Runtime-Function-Error-Type} header for a type the body does not give (as Lambda does when the
     * payload is missing or unreadable), else {@code Unhandled}.
     */
    static FunctionError functionError(ServedRequest request) {
        String type = request.header(ERROR_TYPE_HEADER);
        String message = "";
        try {
            JsonNode body = request.body().length == 0 ? null : WireJson.mapper().readTree(request.body());
            if (body != null && body.isObject()) {
                if (body.path("errorType").isTextual() && !body.path("errorType").asText().isBlank()) {
                    type = body.path("errorType").asText();
                }
                if (body.path("errorMessage").isTextual()) {
                    message = body.path("errorMessage").asText();
                }
            }
        } catch (IOException unreadable) {
            // Lambda then builds the error from the header alone
        }
        return new FunctionError(type, message);
    }

    private static Matcher matched(Pattern pattern, ServedRequest request) {
        Matcher matcher = pattern.matcher(request.head().path());
        if (!matcher.matches()) {
            throw new IllegalStateException("a route took a request its pattern does not match: "
                    + request.head().path());
        }
        return matcher;
    }

    /** A request under {@code /__lambda} that is none of the Runtime API's: 404 in Lambda's shape. */
    @Override
    public Answer unrouted(ServedRequest request) {
        return error(404, "NotFound", "Nothing is served at " + request.method() + " " + request.head().path()
                + ": a function's Runtime API is " + PREFIX + "/<function name>/" + VERSION + "/runtime/..., with GET"
                + " invocation/next, POST invocation/<request id>/response, POST invocation/<request id>/error and"
                + " POST init/error");
    }

    /**
     * A refusal of the guard, in Lambda's shape. A response over Lambda's limit is the Runtime API's own 413, and
     * ends its invocation's attempt as {@code Function.ResponseSizeTooLarge} as Lambda does.
     */
    @Override
    public Answer refusal(Refusal refusal, RequestHead request, String detail) {
        return switch (refusal) {
            case TOO_LARGE -> {
                Matcher answer = ANSWER.matcher(request.path());
                if (answer.matches()) {
                    try {
                        functions.respond(answer.group(1), answer.group(2), Long.MAX_VALUE);
                    } catch (RuntimeApiRefusal refused) {
                        yield error(refused);
                    }
                }
                yield error(413, RuntimeApiRefusal.REQUEST_ENTITY_TOO_LARGE, "Exceeded maximum allowed payload size ("
                        + LambdaFunctions.DEFAULT_RESPONSE_LIMIT_BYTES + " bytes).");
            }
            case UNREADABLE -> error(400, "TruncatedHTTPRequest", "HTTP request detected as truncated: " + detail);
            case NOT_FOUND -> error(404, "NotFound", "Nothing is served here: " + detail);
            case FORBIDDEN -> error(403, "Forbidden", detail); // a web page's request (OriginPolicy)
            case UNSUPPORTED_MEDIA_TYPE, COMPRESSED -> error(400, "InvalidRequest", detail);
            case INTERNAL -> error(500, "InternalServerError", "Internal Server Error");
        };
    }

    /** Stops the long polls: each waiting runtime is answered 500, which tells it to exit. */
    @Override
    public void stopping() {
        functions.close();
    }

    /** Forgets every event, invocation and attempt; the functions stay known. */
    @Override
    public void reset() {
        functions.reset();
    }

    private static Answer accepted() {
        return json(202, WireJson.mapper().createObjectNode().put("status", "OK"));
    }

    private static Answer containerError(String why) {
        return error(500, "Runtime.ContainerError", "Container error: " + why + "; the runtime should exit");
    }

    static Answer error(RuntimeApiRefusal refused) {
        return error(refused.status(), refused.errorType(), refused.getMessage());
    }

    static Answer error(int status, String type, String message) {
        ObjectNode body = WireJson.mapper().createObjectNode().put("errorMessage", message).put("errorType", type);
        return json(status, body);
    }

    private static Answer json(int status, ObjectNode body) {
        return Answer.of(status, Map.of("Content-Type", "application/json"),
                body.toString().getBytes(StandardCharsets.UTF_8));
    }
}
