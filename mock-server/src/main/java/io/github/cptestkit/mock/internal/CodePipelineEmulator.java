package io.github.cptestkit.mock.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.common.Urls;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import io.github.cptestkit.mock.InjectedFault;
import io.github.cptestkit.mock.internal.s3.CredentialsLookup;
import io.github.cptestkit.mock.internal.s3.SigV4Rejection;
import io.github.cptestkit.mock.internal.s3.SigV4Verifier;
import io.github.cptestkit.mock.internal.s3.SignedRequest;
import io.github.cptestkit.schemas.Operation;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The WireMock adapter of the CodePipeline emulator: two low-priority stub mappings route {@code POST /} with an
 * {@code X-Amz-Target} header to this response-definition transformer, which applies any planned
 * {@linkplain FaultPlan fault} and otherwise answers with the {@link AwsJsonProtocol} edge. Because it answers
 * through stubs, WireMock's request journal, {@code verify}, and user stubs of higher priority all work as usual.
 *
 * <pre>{@code
 * CodePipelineEmulator emulator = new CodePipelineEmulator(protocol, faults);
 * WireMockServer server = new WireMockServer(emulator.configure(options().dynamicPort()));
 * server.start();
 * emulator.stubMappings().forEach(server::addStubMapping);
 * }</pre>
 */
public final class CodePipelineEmulator implements ResponseDefinitionTransformerV2, ServiceEmulator {

    /** The transformer's name, which the emulator's stubs refer to. */
    public static final String NAME = "codepipeline-job-operations";
    /** Priority of the stub for the service's own targets: far below WireMock's default of 5, so user stubs win. */
    public static final int PRIORITY = 1000;
    /** Priority of the stub that answers any other target with UnknownOperationException. */
    public static final int UNKNOWN_TARGET_PRIORITY = PRIORITY + 1;

    private static final UUID OPERATIONS_STUB_ID =
            UUID.nameUUIDFromBytes((NAME + "/operations").getBytes(StandardCharsets.UTF_8));
    private static final UUID UNKNOWN_TARGET_STUB_ID =
            UUID.nameUUIDFromBytes((NAME + "/unknown").getBytes(StandardCharsets.UTF_8));

    /** The SigV4 service name CodePipeline calls are signed for. */
    public static final String SIGNING_SERVICE = "codepipeline";

    private final AwsJsonProtocol protocol;
    private final FaultPlan faults;
    private final SigV4Verifier verifier;
    private final CredentialsLookup workers;

    /** An emulator that answers calls whatever their signature, as most tests want. */
    public CodePipelineEmulator(AwsJsonProtocol protocol, FaultPlan faults) {
        this(protocol, faults, null, null);
    }

    /**
     * An emulator that first verifies each call's SigV4 signature against the workers' credentials and answers a
     * refusal with the AWS JSON error of {@link AwsJsonProtocol#error(SigV4Rejection)}, before faults and the job
     * store see the call.
     *
     * @param verifier the verifier (on the mock's clock), or {@code null} to answer calls unchecked
     * @param workers  the credentials workers may sign with
     */
    public CodePipelineEmulator(AwsJsonProtocol protocol, FaultPlan faults, SigV4Verifier verifier,
            CredentialsLookup workers) {
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
    public String getName() {
        return NAME;
    }

    /** Only the emulator's own stubs use it. */
    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
        Request request = serveEvent.getRequest();
        if (verifier != null) {
            try {
                verifier.verify(SignedRequest.of(request), SIGNING_SERVICE, workers);
            } catch (SigV4Rejection rejection) {
                return response(protocol.error(rejection)).build();
            }
        }
        String target = request.getHeader(AwsJsonProtocol.TARGET_HEADER);
        Optional<InjectedFault> fault = faults.take(Operation.fromTarget(target).orElse(null));
        if (fault.isPresent() && fault.get() instanceof InjectedFault.SocketFault socket) {
            return ResponseDefinitionBuilder.responseDefinition().withFault(socket.fault()).build();
        }
        AwsResponse answer = fault.isPresent() && fault.get() instanceof InjectedFault.ErrorAnswer error
                ? protocol.error(error.error(), error.message())
                : protocol.answer(target, request.getBody());
        ResponseDefinitionBuilder response = response(answer);
        if (fault.isPresent() && fault.get() instanceof InjectedFault.DelayedAnswer delayed) {
            response.withFixedDelay(Math.toIntExact(delayed.delay().toMillis()));
        }
        return response.build();
    }

    private static ResponseDefinitionBuilder response(AwsResponse answer) {
        return ServiceEmulator.response(answer.status(), answer.headers(),
                answer.body().getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public WireMockConfiguration configure(WireMockConfiguration options) {
        return options.extensions(this);
    }

    @Override
    public List<StubMapping> stubMappings() {
        return List.of(
                post(urlPathEqualTo("/"))
                        .withId(OPERATIONS_STUB_ID)
                        .withName("CodePipeline job operations (codepipeline-testkit emulator)")
                        .withHeader(AwsJsonProtocol.TARGET_HEADER,
                                matching(Pattern.quote(Operation.TARGET_PREFIX) + ".*"))
                        .atPriority(PRIORITY)
                        .willReturn(aResponse().withTransformers(NAME))
                        .build(),
                post(urlPathEqualTo("/"))
                        .withId(UNKNOWN_TARGET_STUB_ID)
                        .withName("Unknown X-Amz-Target (codepipeline-testkit emulator)")
                        .withHeader(AwsJsonProtocol.TARGET_HEADER, matching(".*"))
                        .atPriority(UNKNOWN_TARGET_PRIORITY)
                        .willReturn(aResponse().withTransformers(NAME))
                        .build());
    }

    /**
     * The stubs' patterns as tests: {@code POST} to the path {@code /} (any query) with an {@code X-Amz-Target}
     * value that starts with the service's prefix (WireMock's regular expressions match line ends too), or with any
     * {@code X-Amz-Target} at all.
     */
    @Override
    public List<StubRoute> routes() {
        return List.of(
                new StubRoute(OPERATIONS_STUB_ID, request -> isPostToRoot(request)
                        && hasTarget(request, value -> value.startsWith(Operation.TARGET_PREFIX))),
                new StubRoute(UNKNOWN_TARGET_STUB_ID, request -> isPostToRoot(request)
                        && hasTarget(request, value -> true)));
    }

    private static boolean hasTarget(Request request, Predicate<String> value) {
        HttpHeader target = request.header(AwsJsonProtocol.TARGET_HEADER);
        return target.isPresent() && target.values().stream().anyMatch(value); // an absent header has no values()
    }

    private static boolean isPostToRoot(Request request) {
        return RequestMethod.POST.equals(request.getMethod()) && "/".equals(Urls.getPath(request.getUrl()));
    }

    @Override
    public void reset() {
        faults.clear();
        protocol.reset();
    }
}
