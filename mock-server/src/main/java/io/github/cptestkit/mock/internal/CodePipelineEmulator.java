package io.github.cptestkit.mock.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.Extension;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import io.github.cptestkit.mock.InjectedFault;
import io.github.cptestkit.schemas.Operation;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The WireMock adapter of the CodePipeline emulator: two low-priority stub mappings route {@code POST /} with an
 * {@code X-Amz-Target} header to this response-definition transformer, which applies any planned
 * {@linkplain FaultPlan fault} and otherwise answers with the {@link AwsJsonProtocol} edge. Because it answers
 * through stubs, WireMock's request journal, {@code verify}, and user stubs of higher priority all work as usual.
 *
 * <pre>{@code
 * CodePipelineEmulator emulator = new CodePipelineEmulator(protocol, faults);
 * WireMockServer server = new WireMockServer(options().dynamicPort().extensions(emulator));
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

    private final AwsJsonProtocol protocol;
    private final FaultPlan faults;

    public CodePipelineEmulator(AwsJsonProtocol protocol, FaultPlan faults) {
        this.protocol = Objects.requireNonNull(protocol, "protocol");
        this.faults = Objects.requireNonNull(faults, "faults");
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
        String target = request.getHeader(AwsJsonProtocol.TARGET_HEADER);
        Optional<InjectedFault> fault = faults.take(Operation.fromTarget(target).orElse(null));
        if (fault.isPresent() && fault.get() instanceof InjectedFault.SocketFault socket) {
            return ResponseDefinitionBuilder.responseDefinition().withFault(socket.fault()).build();
        }
        AwsResponse answer = fault.isPresent() && fault.get() instanceof InjectedFault.ErrorAnswer error
                ? protocol.error(error.error(), error.message())
                : protocol.answer(target, request.getBody());
        ResponseDefinitionBuilder response = aResponse()
                .withStatus(answer.status())
                .withBody(answer.body().getBytes(StandardCharsets.UTF_8));
        answer.headers().forEach(response::withHeader);
        if (fault.isPresent() && fault.get() instanceof InjectedFault.DelayedAnswer delayed) {
            response.withFixedDelay(Math.toIntExact(delayed.delay().toMillis()));
        }
        return response.build();
    }

    @Override
    public List<Extension> extensions() {
        return List.of(this);
    }

    @Override
    public List<StubMapping> stubMappings() {
        return List.of(
                post(urlPathEqualTo("/"))
                        .withId(UUID.nameUUIDFromBytes((NAME + "/operations").getBytes(StandardCharsets.UTF_8)))
                        .withName("CodePipeline job operations (codepipeline-testkit emulator)")
                        .withHeader(AwsJsonProtocol.TARGET_HEADER,
                                matching(Pattern.quote(Operation.TARGET_PREFIX) + ".*"))
                        .atPriority(PRIORITY)
                        .willReturn(aResponse().withTransformers(NAME))
                        .build(),
                post(urlPathEqualTo("/"))
                        .withId(UUID.nameUUIDFromBytes((NAME + "/unknown").getBytes(StandardCharsets.UTF_8)))
                        .withName("Unknown X-Amz-Target (codepipeline-testkit emulator)")
                        .withHeader(AwsJsonProtocol.TARGET_HEADER, matching(".*"))
                        .atPriority(UNKNOWN_TARGET_PRIORITY)
                        .willReturn(aResponse().withTransformers(NAME))
                        .build());
    }

    @Override
    public void reset() {
        faults.clear();
        protocol.clearProblems();
    }
}
