package io.github.cptestkit.mock.internal.server;

import com.github.tomakehurst.wiremock.http.Request;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Which requests one of the services' own stubs takes, as one test: exactly the requests the stub's WireMock request
 * pattern matches, decided without evaluating the pattern. {@link RoutingStubStore} uses the routes while the mock
 * holds only its own stubs; a route that took a request its pattern would refuse (or the other way round) would
 * change which stub answers, and {@code RoutingStubStoreTest} compares every route with its pattern.
 *
 * <pre>{@code
 * new StubRoute(FALLBACK_STUB_ID, request -> true)   // the stub any(anyUrl())
 * }</pre>
 *
 * @param stubId the id of the stub (one of a {@link Route}'s, {@link Route#stubId()})
 * @param takes  whether the stub's pattern matches a request
 */
public record StubRoute(UUID stubId, Predicate<Request> takes) {

    public StubRoute {
        Objects.requireNonNull(stubId, "stubId");
        Objects.requireNonNull(takes, "takes");
    }
}
