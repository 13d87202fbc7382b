package io.github.cptestkit.mock.internal.codepipeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cptestkit.mock.internal.sigv4.SigV4Rejection;
import io.github.cptestkit.schemas.AwsError;
import io.github.cptestkit.schemas.AwsJsonHeaders;
import io.github.cptestkit.schemas.Constraint;
import io.github.cptestkit.schemas.Operation;
import io.github.cptestkit.schemas.SchemaValidator;
import io.github.cptestkit.schemas.Violation;
import io.github.cptestkit.schemas.WireJson;
import io.github.cptestkit.wire.FakeCustomJob;
import io.github.cptestkit.wire.FakeThirdPartyJob;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

/**
 * CodePipeline's AWS JSON 1.1 edge, the one place where its wire concerns live: it reads the {@code X-Amz-Target},
 * parses the body, validates it against the operation's input schema, hands it to the operation's handler (as
 * registered in {@link Operations}), validates what they
 * answer against the output schema, and turns every refusal into an AWS error ({@code __type}, {@code message},
 * {@code x-amzn-ErrorType}); every answer carries an {@code x-amzn-RequestId}. Nothing it answers is a stack trace.
 *
 * <ul>
 *   <li>Not JSON, or not a JSON object: SerializationException. An empty body reads as {@code {}}.</li>
 *   <li>A member of the wrong JSON type: SerializationException (AWS fails to deserialize before it validates).</li>
 *   <li>A {@code null} member: treated as absent, as AWS does.</li>
 *   <li>Other schema violations: ValidationException, {@code N validation error(s) detected: m1; m2}, sensitive
 *       values redacted.</li>
 *   <li>An answer that breaks the output schema (a bad fixture): in strict mode InternalFailure (HTTP 500) and a
 *       recorded {@linkplain #problems() problem}; otherwise a logged warning and the answer as it is.</li>
 * </ul>
 *
 * <pre>{@code
 * CodePipelineProtocol protocol = new CodePipelineProtocol(jobStore, true);
 * AwsResponse answer = protocol.answer("CodePipeline_20150709.GetJobDetails", "{\"jobId\":\"x\"}".getBytes(UTF_8));
 * answer.status();  // 400, ValidationException
 * }</pre>
 */
public final class CodePipelineProtocol {

    /** The content type of every awsJson1_1 body. */
    public static final String CONTENT_TYPE = AwsJsonHeaders.CONTENT_TYPE;
    /** The header naming the operation. */
    public static final String TARGET_HEADER = AwsJsonHeaders.TARGET;
    public static final String REQUEST_ID_HEADER = AwsJsonHeaders.REQUEST_ID;
    public static final String ERROR_TYPE_HEADER = AwsJsonHeaders.ERROR_TYPE;

    private static final System.Logger LOG = System.getLogger(CodePipelineProtocol.class.getName());


    private static final ObjectMapper JSON = WireJson.mapper();
    /**
     * The schemas take a quarter of a second to load and compile on a cold JVM: they compile on a thread of their own
     * while the caller builds and starts the server, and the first use waits for them ({@link #awaitSchemas()}).
     */
    private final CompletableFuture<SchemaValidator> schemas = CompletableFuture.supplyAsync(CodePipelineProtocol::schemas,
            task -> {
                Thread compiler = new Thread(task, "codepipeline-mock-schemas");
                compiler.setDaemon(true);
                compiler.start();
            });
    private final Operations operations;
    private final boolean strict;
    private final List<String> problems = new CopyOnWriteArrayList<>();
    private final CheckedAnswers checkedAnswers = new CheckedAnswers();

    /**
     * The edge of the ten job operations and of the control plane's (action types, pipelines, their tags), on the
     * store and its {@linkplain JobStore#controlPlane() control plane}.
     *
     * @param store  the job store the operations work on
     * @param strict whether an answer that breaks its output schema fails loudly
     */
    public CodePipelineProtocol(JobStore store, boolean strict) {
        this(operationsOf(store), strict);
    }

    /**
     * The handlers of the job operations and the control plane's, on the store: the registry other operations (the
     * pipeline executions') are registered in next to them.
     */
    public static Operations operationsOf(JobStore store) {
        return new ControlPlaneOperations(store.controlPlane()).registerIn(
                new JobOperations(store).registerIn(new Operations()));
    }

    /**
     * The edge of the operations registered in {@code operations}; any other is UnknownOperationException.
     *
     * @param strict whether an answer that breaks its output schema fails loudly
     */
    public CodePipelineProtocol(Operations operations, boolean strict) {
        this.operations = Objects.requireNonNull(operations, "operations");
        this.strict = strict;
    }

    /** The answer to one request: {@code target} is the {@code X-Amz-Target} header (maybe {@code null}). */
    public AwsResponse answer(String target, byte[] body) {
        Optional<Operation> operation = Operation.fromTarget(target);
        Optional<Operations.Handler> handler = operation.flatMap(operations::handlerFor);
        if (handler.isEmpty()) {
            return error(AwsError.UNKNOWN_OPERATION, "Operation " + target + " is not supported: this endpoint"
                    + " answers the CodePipeline job operations (" + Operation.TARGET_PREFIX + "PollForJobs, ...) and the"
                    + " action type and pipeline operations (" + Operation.TARGET_PREFIX + "CreatePipeline, ...)");
        }
        Operation op = operation.get();
        try {
            JsonNode request = readObject(body);
            checkRequest(op, request);
            return new AwsResponse(200, Map.of(
                    "Content-Type", CONTENT_TYPE,
                    REQUEST_ID_HEADER, requestId()), checkedBody(op, handler.get().answer(request)));
        } catch (AwsException refusal) {
            return error(refusal.error(), refusal.getMessage());
        } catch (RuntimeException bug) {
            String problem = "internal failure answering " + op.operationName() + ": " + bug.getClass().getName()
                    + " at " + (bug.getStackTrace().length > 0 ? bug.getStackTrace()[0] : "?");
            problems.add(problem);
            LOG.log(System.Logger.Level.ERROR, problem);
            return error(AwsError.INTERNAL_FAILURE, "An internal error occurred in the mock while answering "
                    + op.operationName());
        }
    }

    /** An AWS error answer: {@code {"__type": ..., "message": ...}}, its HTTP status and headers. */
    public AwsResponse error(AwsError error, String message) {
        return error(error.type(), error.httpStatus(), message);
    }

    /**
     * The answer to a call whose SigV4 signature was refused (the optional check of CodePipeline calls), with the
     * error AWS JSON services answer before they look at the operation: {@code MissingAuthenticationTokenException}
     * for an unsigned call, {@code IncompleteSignatureException} for an Authorization header that cannot be read,
     * {@code UnrecognizedClientException} for an unknown access key id or a wrong session token, and
     * {@code InvalidSignatureException} for a signature the secret does not give (or an expired presigned call); all
     * HTTP 400. The message is AWS's, followed by the mock's explanation in parentheses.
     */
    public AwsResponse error(SigV4Rejection rejection) {
        String detail = " (" + rejection.getMessage() + ")";
        return switch (rejection.reason()) {
            case MISSING_AUTHENTICATION -> error("MissingAuthenticationTokenException", 400,
                    "Request is missing Authentication Token" + detail);
            case MALFORMED_AUTHORIZATION, UNSUPPORTED_SIGNATURE_VERSION, HEADERS_NOT_SIGNED, MISSING_CONTENT_SHA256 ->
                    error("IncompleteSignatureException", 400, "The request signature does not conform to AWS"
                            + " standards" + detail);
            case UNKNOWN_ACCESS_KEY, INVALID_TOKEN -> error("UnrecognizedClientException", 400,
                    "The security token included in the request is invalid." + detail);
            case REQUEST_EXPIRED -> error("InvalidSignatureException", 400, "Signature expired" + detail);
            case SIGNATURE_MISMATCH, PAYLOAD_HASH_MISMATCH -> error("InvalidSignatureException", 400,
                    "The request signature we calculated does not match the signature you provided. Check your AWS"
                            + " Secret Access Key and signing method. Consult the service documentation for details."
                            + detail);
        };
    }

    /** An error answer of a type the service-wide list does not name (the request guard's 413 and 415). */
    public AwsResponse error(String type, int httpStatus, String message) {
        ObjectNode body = JSON.createObjectNode().put("__type", type).put("message", message);
        return new AwsResponse(httpStatus, Map.of(
                "Content-Type", CONTENT_TYPE,
                REQUEST_ID_HEADER, requestId(),
                ERROR_TYPE_HEADER, type), body.toString());
    }

    /**
     * Checks that every response a partner job will be served in fits its output schema: in strict mode an
     * {@link IllegalArgumentException} naming each offending member, otherwise a logged warning.
     */
    public void checkEnqueued(FakeThirdPartyJob job) {
        checkResponses("FakeThirdPartyJob " + job.jobId(), JobOperations.responsesServing(job));
    }

    /** As {@link #checkEnqueued(FakeThirdPartyJob)}, for a custom-action or Lambda job. */
    public void checkEnqueued(FakeCustomJob job) {
        checkResponses("FakeCustomJob " + job.jobId(), JobOperations.responsesServing(job));
    }

    /**
     * Waits until the schemas are compiled; their failure (a broken build without its schema resources) is thrown
     * here as it was raised. The mock calls it when it starts, so a broken build fails there, not at the first call.
     */
    public void awaitSchemas() {
        validator();
    }

    /**
     * The shared validator, once it has refused one request: the classes a validation needs load on the compiling
     * thread too, rather than on the first call's.
     */
    private static SchemaValidator schemas() {
        SchemaValidator validator = SchemaValidator.shared();
        validator.validateRequest(Operation.POLL_FOR_THIRD_PARTY_JOBS, "{}");
        return validator;
    }

    private SchemaValidator validator() {
        try {
            return schemas.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /** What went wrong on the mock's side (strict-mode schema breaks, internal failures), oldest first. */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    /** Forgets the recorded problems. */
    public void clearProblems() {
        problems.clear();
    }

    /** Forgets the recorded problems and the answers kept for the jobs served so far (the mock's reset). */
    public void reset() {
        clearProblems();
        checkedAnswers.clear();
    }

    private void checkResponses(String subject, Map<Operation, JsonNode> responses) {
        List<String> broken = new ArrayList<>();
        for (Map.Entry<Operation, JsonNode> response : responses.entrySet()) {
            for (Violation violation : validator().validateResponse(response.getKey(), response.getValue())) {
                broken.add(response.getKey().operationName() + ": " + loggable(violation));
            }
        }
        if (broken.isEmpty()) {
            return;
        }
        String message = subject + " does not fit the CodePipeline wire format: " + String.join("; ", broken);
        if (strict) {
            throw new IllegalArgumentException(message + ". Fix the job, or build the mock with strict(false) to"
                    + " serve it anyway");
        }
        LOG.log(System.Logger.Level.WARNING, message + " (served anyway: strict mode is off)");
    }

    /**
     * A request body as a JSON object, as AWS JSON services read it: an empty body is {@code {}}, {@code null}
     * members are dropped (absent), and text that is not JSON, or JSON that is not an object, is a
     * SerializationException. The admin API reads its bodies with it too.
     */
    public static ObjectNode readObject(byte[] body) {
        if (body == null || body.length == 0) {
            return JSON.createObjectNode();
        }
        JsonNode node;
        try {
            node = WireJson.strictReader().readTree(body);
        } catch (IOException e) {
            String reason = e instanceof JsonProcessingException p ? p.getOriginalMessage() : e.getMessage();
            throw new AwsException(AwsError.SERIALIZATION, "The request body is not valid JSON: " + reason);
        }
        if (node == null || node.isMissingNode()) {
            return JSON.createObjectNode();
        }
        if (!(node instanceof ObjectNode object)) {
            throw new AwsException(AwsError.SERIALIZATION, "The request body must be a JSON object, but was a JSON "
                    + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
        }
        dropNulls(object);
        return object;
    }

    /** AWS treats a member sent as {@code null} as absent. */
    private static void dropNulls(JsonNode node) {
        if (node instanceof ObjectNode object) {
            List<String> nulls = new ArrayList<>();
            for (Map.Entry<String, JsonNode> member : object.properties()) {
                if (member.getValue().isNull()) {
                    nulls.add(member.getKey());
                } else {
                    dropNulls(member.getValue());
                }
            }
            object.remove(nulls);
        } else if (node.isArray()) {
            node.forEach(CodePipelineProtocol::dropNulls);
        }
    }

    private void checkRequest(Operation op, JsonNode request) {
        Optional<String> infinite = infiniteNumber(request, "");
        if (infinite.isPresent()) {
            // Beyond a double (1e400): the validator cannot compare it with an enum or a bound, and AWS cannot read it.
            throw new AwsException(AwsError.SERIALIZATION, "Value at '" + infinite.get() + "' cannot be"
                    + " deserialized: Member must be a number the service can represent, but it is beyond the range"
                    + " of a double");
        }
        refuseViolations(validator().validateRequest(op, request));
    }

    /** The AWS path of the first number too large for a double, or empty. */
    private static Optional<String> infiniteNumber(JsonNode node, String path) {
        if (node.isDouble() && !Double.isFinite(node.doubleValue())) {
            return Optional.of(path);
        }
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> member : node.properties()) {
                Optional<String> found = infiniteNumber(member.getValue(), path.isEmpty() ? member.getKey()
                        : path + "." + member.getKey());
                if (found.isPresent()) {
                    return found;
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                Optional<String> found = infiniteNumber(node.get(i), path + "." + (i + 1) + ".member");
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Nothing for no violations; otherwise the refusal AWS answers: SerializationException for a member of the wrong
     * JSON type, else ValidationException listing every violation.
     */
    static void refuseViolations(List<Violation> violations) {
        if (violations.isEmpty()) {
            return;
        }
        Optional<Violation> wrongType = violations.stream()
                .filter(v -> v.constraint() == Constraint.TYPE).findFirst();
        if (wrongType.isPresent()) {
            Violation v = wrongType.get();
            throw new AwsException(AwsError.SERIALIZATION, "Value " + (v.value() == null ? "null" : "'" + v.value()
                    + "'") + " at '" + v.awsPath() + "' cannot be deserialized: " + v.requirement());
        }
        throw new AwsException(AwsError.VALIDATION, Violation.validationExceptionMessage(violations));
    }

    /**
     * The text of a handler's reply once it passed the operation's output schema: rendered and checked once per
     * served job state (each answer with its own artifact credentials), and for every other reply each time. A reply that breaks the schema is InternalFailure in
     * strict mode, otherwise sent with a logged warning (and checked again next time).
     */
    private String checkedBody(Operation op, Reply reply) {
        if (reply.served() != null) {
            String checked = checkedAnswers.get(op, reply.served(), reply.credentials());
            if (checked != null) {
                return checked;
            }
        }
        JsonNode response = reply.body().get();
        List<Violation> violations = validator().validateResponse(op, response);
        String text = response.toString();
        if (violations.isEmpty()) {
            if (reply.served() != null) {
                checkedAnswers.put(op, reply.served(), reply.credentials(), text);
            }
            return text;
        }
        String problem = "the answer to " + op.operationName() + " does not fit its output schema: "
                + violations.stream().map(CodePipelineProtocol::loggable).collect(Collectors.joining("; "));
        if (strict) {
            problems.add(problem);
            LOG.log(System.Logger.Level.WARNING, problem);
            throw new AwsException(AwsError.INTERNAL_FAILURE, "The mock's " + problem + " (strict mode); fix the job"
                    + " fixture");
        }
        LOG.log(System.Logger.Level.WARNING, problem + " (sent anyway: strict mode is off)");
        return text;
    }

    /**
     * A request id in AWS's format (a random UUID). Not a secret: drawn from the thread's fast random numbers
     * rather than {@link UUID#randomUUID()}'s SecureRandom, which every request thread would queue on.
     */
    private static String requestId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return new UUID(random.nextLong() & ~0xF000L | 0x4000L,
                random.nextLong() & 0x3FFFFFFFFFFFFFFFL | 0x8000000000000000L).toString();
    }

    /**
     * A violation as it may appear in a log, a problem or an exception: credentials are already redacted by the
     * validator, and action configuration values are hidden too, since secret configuration properties travel
     * there in clear text.
     */
    static String loggable(Violation violation) {
        return violation.withConfigurationValueHidden().awsMessage();
    }
}
