package io.github.cptestkit.mock.internal.server;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;

/**
 * One route of a {@link MockService}, declared once: which requests it takes, at which of the mock's
 * {@linkplain StubPriority priorities}, and who answers them. The mock turns it into a WireMock stub (so the request
 * journal, {@code verify} and user stubs of higher priority work as usual) and into the route
 * {@link RoutingStubStore} finds the stub by, both from the same {@link RequestPattern}.
 *
 * <pre>{@code
 * new Route("codepipeline/operations", "CodePipeline job operations (codepipeline-testkit emulator)",
 *         StubPriority.OPERATION,
 *         RequestPattern.method(RequestMethod.POST).path("/").headerStartingWith("X-Amz-Target", PREFIX),
 *         request -> protocol.answer(request));
 * }</pre>
 *
 * @param key         a stable key, unique in the mock; the stub's id derives from it
 * @param description the stub's name, as WireMock lists it
 * @param priority    where the stub comes among the mock's stubs
 * @param pattern     which requests it takes
 * @param handler     answers them
 */
public record Route(String key, String description, StubPriority priority, RequestPattern pattern, Handler handler) {

    /** Answers the requests of a route. */
    @FunctionalInterface
    public interface Handler {
        /** The answer to one request the route took. */
        Answer answer(ServedRequest request);
    }

    public Route {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(pattern, "pattern");
        Objects.requireNonNull(handler, "handler");
    }

    /** The id of the route's stub: the same for the same key, so installing the stub again replaces it. */
    public UUID stubId() {
        return stubIdOf(key);
    }

    /** The id of the stub of the route with this key. */
    public static UUID stubIdOf(String key) {
        return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8));
    }

    /** The route's stub, answered by the transformer {@code transformerName}. */
    StubMapping stub(String transformerName) {
        return pattern.mapping()
                .withId(stubId())
                .withName(description)
                .atPriority(priority.value())
                .willReturn(aResponse().withTransformers(transformerName))
                .build();
    }

    /** The route {@link RoutingStubStore} finds the stub by. */
    StubRoute stubRoute() {
        return new StubRoute(stubId(), pattern::takes);
    }
}
