package io.github.cptestkit.mock.internal.codepipeline;

import com.github.tomakehurst.wiremock.http.RequestMethod;
import io.github.cptestkit.mock.faults.InjectedFault;
import io.github.cptestkit.mock.internal.server.Answer;
import io.github.cptestkit.mock.internal.server.MockService;
import io.github.cptestkit.mock.internal.server.Refusal;
import io.github.cptestkit.mock.internal.server.RequestHead;
import io.github.cptestkit.mock.internal.server.RequestPattern;
import io.github.cptestkit.mock.internal.server.RequestRules;
import io.github.cptestkit.mock.internal.server.Route;
import io.github.cptestkit.mock.internal.server.ServedRequest;
import io.github.cptestkit.mock.internal.server.StubPriority;
import io.github.cptestkit.mock.internal.sigv4.CredentialsLookup;
import io.github.cptestkit.mock.internal.sigv4.SigV4Rejection;
import io.github.cptestkit.mock.internal.sigv4.SigV4Verifier;
import io.github.cptestkit.mock.internal.sigv4.SignedRequest;
import io.github.cptestkit.schemas.AwsError;
import io.github.cptestkit.schemas.Operation;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * CodePipeline as a service of the mock: two routes take {@code POST /} with an {@code X-Amz-Target} (one of the
 * service's, then any other), apply any planned {@linkplain FaultPlan fault} and otherwise answer with the
 * {@link CodePipelineProtocol} edge, after an optional SigV4 check of the caller. It claims every request with an
 * {@code X-Amz-Target} and every {@code POST /} not signed for S3, guards them as CodePipeline does (1 MiB, AWS JSON
 * 1.1 bodies only) and refuses in AWS JSON.
 *
 * <pre>{@code
 * CodePipelineService codePipeline = new CodePipelineService(jobStore, protocol, faults);
 * MockServer server = new MockServer(new Services(List.of(admin, codePipeline, bucket)), options);
 * }</pre>
 */
public final class CodePipelineService implements MockService {

    /** The largest body of a CodePipeline call (its largest valid one, a success with 122,880 bytes of output
     * variables, is far below). */
    public static final long MAX_BODY_BYTES = 1L << 20;
    /** The SigV4 service name CodePipeline calls are signed for. */
    public static final String SIGNING_SERVICE = "codepipeline";

    private static final String ROUTES = "codepipeline-job-operations";
    private static final RequestRules RULES = new RequestRules(MAX_BODY_BYTES,
            Optional.of(new RequestRules.ContentType(CodePipelineProtocol.CONTENT_TYPE, "CodePipeline calls")), true,
            RequestRules.Handover.AS_SENT);

    private final JobStore store;
    private final CodePipelineProtocol protocol;
    private final FaultPlan faults;
    private final SigV4Verifier verifier;
    private final CredentialsLookup workers;

    /** A service that answers calls whatever their signature, as most tests want. */
    public CodePipelineService(JobStore store, CodePipelineProtocol protocol, FaultPlan faults) {
        this(store, protocol, faults, null, null);
    }

    /**
     * A service that first verifies each call's SigV4 signature against the workers' credentials and answers a
     * refusal with the AWS JSON error of {@link CodePipelineProtocol#error(SigV4Rejection)}, before faults and the job
     * store see the call.
     *
     * @param verifier the verifier (on the mock's clock), or {@code null} to answer calls unchecked
     * @param workers  the credentials workers may sign with
     */
    public CodePipelineService(JobStore store, CodePipelineProtocol protocol, FaultPlan faults,
            SigV4Verifier verifier, CredentialsLookup workers) {
        this.store = Objects.requireNonNull(store, "store");
        this.protocol = Objects.requireNonNull(protocol, "protocol");
        this.faults = Objects.requireNonNull(faults, "faults");
        if ((verifier == null) != (workers == null)) {
            throw new IllegalArgumentException("a signature check needs both a verifier and the workers'"
                    + " credentials, or neither; it had " + (verifier == null ? "only the credentials" : "only the"
                    + " verifier"));
        }
        this.verifier = verifier;
        this.workers = workers;
    }

    @Override
    public String name() {
        return "codepipeline";
    }

    /** Any request with an {@code X-Amz-Target}, and {@code POST /} unless it is signed for S3. */
    @Override
    public boolean claims(RequestHead request) {
        if (request.header(CodePipelineProtocol.TARGET_HEADER) != null) {
            return true;
        }
        String authorization = request.header("Authorization");
        boolean signedForS3 = authorization != null && (authorization.contains("/s3/aws4_request")
                || authorization.startsWith("AWS "));
        return "POST".equals(request.method().toUpperCase(Locale.ROOT)) && request.path().equals("/") && !signedForS3;
    }

    @Override
    public RequestRules requestRules() {
        return RULES;
    }

    /**
     * {@code POST} to the path {@code /} (any query) with an {@code X-Amz-Target} value that starts with the
     * service's prefix; then with any {@code X-Amz-Target} at all, answered UnknownOperationException by the
     * protocol. Both go through the same handler: the signature check and faults apply to unknown targets too.
     */
    @Override
    public List<Route> routes() {
        RequestPattern postToRoot = RequestPattern.method(RequestMethod.POST).path("/");
        return List.of(
                new Route(ROUTES + "/operations", "CodePipeline job operations (codepipeline-testkit emulator)",
                        StubPriority.OPERATION,
                        postToRoot.headerStartingWith(CodePipelineProtocol.TARGET_HEADER, Operation.TARGET_PREFIX),
                        this::answer),
                new Route(ROUTES + "/unknown", "Unknown X-Amz-Target (codepipeline-testkit emulator)",
                        StubPriority.UNKNOWN_OPERATION, postToRoot.headerPresent(CodePipelineProtocol.TARGET_HEADER),
                        this::answer));
    }

    private Answer answer(ServedRequest request) {
        if (verifier != null) {
            try {
                verifier.verify(SignedRequest.of(request.method(), request.url(), request.headers(), request.body()),
                        SIGNING_SERVICE, workers);
            } catch (SigV4Rejection rejection) {
                return protocol.error(rejection).toAnswer();
            }
        }
        String target = request.header(CodePipelineProtocol.TARGET_HEADER);
        Optional<InjectedFault> fault = faults.take(Operation.fromTarget(target).orElse(null));
        if (fault.isPresent() && fault.get() instanceof InjectedFault.SocketFault socket) {
            return Answer.fault(socket.fault());
        }
        Answer answer = (fault.isPresent() && fault.get() instanceof InjectedFault.ErrorAnswer error
                ? protocol.error(error.error(), error.message())
                : protocol.answer(target, request.body())).toAnswer();
        if (fault.isPresent() && fault.get() instanceof InjectedFault.DelayedAnswer delayed) {
            return answer.delayedBy(delayed.delay());
        }
        return answer;
    }

    /**
     * A CodePipeline call no route took: without an {@code X-Amz-Target}, or not {@code POST /}; UnknownOperation
     * in AWS JSON.
     */
    @Override
    public Answer unrouted(ServedRequest request) {
        String target = request.header(CodePipelineProtocol.TARGET_HEADER);
        String message = target == null
                ? "The request has no X-Amz-Target header: a CodePipeline call names its operation there, e.g."
                        + " X-Amz-Target: CodePipeline_20150709.PollForJobs"
                : "CodePipeline calls are POST /, but this was " + request.method() + " " + request.head().path();
        return protocol.error(AwsError.UNKNOWN_OPERATION, message).toAnswer();
    }

    /** Credentials, client tokens and configuration values hidden ({@link JobSecrets}). */
    @Override
    public byte[] journaledRequestBody(RequestHead request, byte[] body) {
        return JobSecrets.redactedCall(Operation.fromTarget(request.header(CodePipelineProtocol.TARGET_HEADER)),
                false, body);
    }

    /** Credentials, client tokens and configuration values hidden ({@link JobSecrets}). */
    @Override
    public byte[] journaledResponseBody(RequestHead request, byte[] body) {
        return JobSecrets.redactedCall(Operation.fromTarget(request.header(CodePipelineProtocol.TARGET_HEADER)),
                true, body);
    }

    @Override
    public Answer refusal(Refusal refusal, RequestHead request, String detail) {
        return (switch (refusal) {
            case TOO_LARGE -> protocol.error("RequestEntityTooLargeException", 413, "The request body is too"
                    + " large: " + detail + " (" + MAX_BODY_BYTES + " bytes for a CodePipeline call)");
            case UNSUPPORTED_MEDIA_TYPE -> protocol.error("UnsupportedMediaTypeException", 415, detail);
            case COMPRESSED -> protocol.error(AwsError.SERIALIZATION, "The request body could not be read: "
                    + detail);
            case UNREADABLE -> protocol.error(AwsError.SERIALIZATION, "The request could not be read: " + detail);
            case NOT_FOUND -> protocol.error(AwsError.UNKNOWN_OPERATION, "Nothing is served here: " + detail);
            case FORBIDDEN -> protocol.error(AwsError.ACCESS_DENIED.type(), 403, detail);
            case INTERNAL -> protocol.error(AwsError.INTERNAL_FAILURE, "An internal error occurred in the mock");
        }).toAnswer();
    }

    /** The schemas compile while the server starts; a broken build fails here, not at the first call. */
    @Override
    public void awaitReady() {
        protocol.awaitSchemas();
    }

    /** Forgets every job, action type, client, planned fault, problem and checked answer. */
    @Override
    public void reset() {
        store.reset();
        faults.clear();
        protocol.reset();
    }
}
