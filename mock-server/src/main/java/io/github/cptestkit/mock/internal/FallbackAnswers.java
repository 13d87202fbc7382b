package io.github.cptestkit.mock.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;

import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import io.github.cptestkit.mock.internal.s3.S3Emulator;
import io.github.cptestkit.mock.internal.s3.S3Response;
import io.github.cptestkit.mock.internal.s3.SignedRequest;
import io.github.cptestkit.schemas.AwsError;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * What the mock answers to a request that no stub takes, in the protocol of the side it is for ({@link MockSide}):
 * a CodePipeline call without an {@code X-Amz-Target}, or one that is not {@code POST /}, is UnknownOperationException
 * in AWS JSON; anything else goes to the artifact bucket, which refuses it as S3 does (an unsigned request is
 * AccessDenied, one signed for another service AuthorizationHeaderMalformed, ...). One stub, at the lowest priority
 * of all, so that every user stub and every emulator stub wins; WireMock's own "Request was not matched" report,
 * which prints the whole request (credentials included), is never sent.
 *
 * <pre>{@code
 * FallbackAnswers fallback = new FallbackAnswers(protocol, artifactBucket);
 * emulators.add(fallback);   // after the emulators whose stubs it backs up
 * }</pre>
 */
public final class FallbackAnswers implements ResponseDefinitionTransformerV2, ServiceEmulator {

    /** The transformer's name, which the stub refers to. */
    public static final String NAME = "codepipeline-testkit-fallback";
    /** The stub's priority: below every other stub of the mock (and far below WireMock's default of 5). */
    public static final int PRIORITY = 10_000;

    private static final UUID STUB_ID = UUID.nameUUIDFromBytes(NAME.getBytes(StandardCharsets.UTF_8));

    private final AwsJsonProtocol codePipeline;
    private final S3Emulator artifactBucket;

    public FallbackAnswers(AwsJsonProtocol codePipeline, S3Emulator artifactBucket) {
        this.codePipeline = Objects.requireNonNull(codePipeline, "codePipeline");
        this.artifactBucket = Objects.requireNonNull(artifactBucket, "artifactBucket");
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
        Request request = serveEvent.getRequest();
        String url = request.getUrl();
        int query = url.indexOf('?');
        String path = query < 0 ? url : url.substring(0, query);
        String method = request.getMethod().getName();
        if (MockSide.of(method, path, request::getHeader) == MockSide.CODEPIPELINE) {
            String target = request.getHeader(AwsJsonProtocol.TARGET_HEADER);
            String message = target == null
                    ? "The request has no X-Amz-Target header: a CodePipeline call names its operation there, e.g."
                            + " X-Amz-Target: CodePipeline_20150709.PollForJobs"
                    : "CodePipeline calls are POST /, but this was " + method + " " + path;
            AwsResponse answer = codePipeline.error(AwsError.UNKNOWN_OPERATION, message);
            return ServiceEmulator.response(answer.status(), answer.headers(),
                    answer.body().getBytes(StandardCharsets.UTF_8)).build();
        }
        S3Response answer = artifactBucket.handle(SignedRequest.of(request));
        return ServiceEmulator.response(answer.status(), answer.headers(), answer.body()).build();
    }

    @Override
    public WireMockConfiguration configure(WireMockConfiguration options) {
        return options.extensions(this);
    }

    @Override
    public List<StubMapping> stubMappings() {
        return List.of(any(anyUrl())
                .withId(STUB_ID)
                .withName("Any other request, refused in its side's protocol (codepipeline-testkit)")
                .atPriority(PRIORITY)
                .willReturn(aResponse().withTransformers(NAME))
                .build());
    }

    /** The stub takes any request. */
    @Override
    public List<StubRoute> routes() {
        return List.of(new StubRoute(STUB_ID, request -> true));
    }

    @Override
    public void reset() {
        // nothing of its own
    }
}
