package io.github.cptestkit.mock.internal.server;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.Admin;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.Extension;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The WireMock side of the services' routes: one stub per {@link Route} (its pattern, id, name and priority), all
 * answered by this response-definition transformer, which finds the route by the stub that matched, hands its
 * handler the {@link ServedRequest} and sends back the handler's {@link Answer}. Because the services answer through
 * stubs, WireMock's request journal, {@code verify}, and user stubs of higher priority work as usual.
 *
 * <pre>{@code
 * StubDispatcher stubs = new StubDispatcher(services.routes());
 * WireMockServer server = new WireMockServer(stubs.configure(options().dynamicPort()));
 * server.start();
 * stubs.install(server);                 // again after every server.resetAll()
 * }</pre>
 */
public final class StubDispatcher implements ResponseDefinitionTransformerV2 {

    /** The transformer's name, which every route's stub names. */
    public static final String NAME = "codepipeline-testkit";

    private final Map<UUID, Route> routes = new LinkedHashMap<>();
    private final ReceivedBodies bodies = new ReceivedBodies();
    private final StreamedBodies streamed = new StreamedBodies();

    /** Dispatches to these routes; their keys must be unique. */
    public StubDispatcher(List<Route> routes) {
        for (Route route : routes) {
            if (this.routes.putIfAbsent(route.stubId(), route) != null) {
                throw new IllegalArgumentException("two routes with the key " + route.key() + "; give each route"
                        + " its own key");
            }
        }
    }

    @Override
    public String getName() {
        return NAME;
    }

    /** Only the routes' stubs use it. */
    @Override
    public boolean applyGlobally() {
        return false;
    }

    /**
     * Adds the transformer, the routes' request matchers and the hand-overs of kept-aside bodies and of streamed
     * answers to the options of a server to create.
     */
    public WireMockConfiguration configure(WireMockConfiguration options) {
        List<Extension> extensions = new ArrayList<>();
        extensions.add(this);
        extensions.add(bodies);
        extensions.add(streamed);
        routes.values().forEach(route -> route.pattern().matcher().ifPresent(extensions::add));
        return options.extensions(extensions.toArray(Extension[]::new));
    }

    /** The routes' stubs, in route order. */
    public List<StubMapping> stubMappings() {
        return routes.values().stream().map(route -> route.stub(NAME)).toList();
    }

    /** The routes {@link RoutingStubStore} finds the stubs by. */
    public List<StubRoute> stubRoutes() {
        return routes.values().stream().map(Route::stubRoute).toList();
    }

    /**
     * Installs the stubs on a server built with options that went through {@link #configure}, replacing any stub of
     * the same id (a {@code WireMockServer} is an {@code Admin}).
     */
    public void install(Admin server) {
        for (StubMapping stub : stubMappings()) {
            server.removeStubMapping(stub);
            server.addStubMapping(stub);
        }
    }

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
        Route route = serveEvent.getStubMapping() == null ? null : routes.get(serveEvent.getStubMapping().getId());
        if (route == null) {
            return serveEvent.getResponseDefinition(); // a stub of someone else's that names this transformer
        }
        Answer answer = route.handler().answer(served(serveEvent));
        if (answer.stream() != null) {
            streamed.hold(serveEvent.getId(), answer.stream()); // WireMock's response gets it when rendered
        }
        return response(answer);
    }

    /** Where the answers' bodies sent as they are read wait for WireMock to send them. */
    StreamedBodies streamed() {
        return streamed;
    }

    /** Where the request guard of the same server keeps bodies aside for the routes. */
    ReceivedBodies bodies() {
        return bodies;
    }

    /** The request with the body the guard kept aside for it, if it kept one. */
    private ServedRequest served(ServeEvent serveEvent) {
        Request request = serveEvent.getRequest();
        Optional<ReceivedBodies.Received> received = bodies.of(serveEvent.getId());
        return received.isEmpty() ? ServedRequest.of(request)
                : ServedRequest.of(request, received.get().body(), received.get().contentType());
    }

    /** An answer as WireMock sends it (a streamed body but for its headers: {@link StreamedBodies} adds it). */
    static ResponseDefinition response(Answer answer) {
        if (answer.fault() != null) {
            return ResponseDefinitionBuilder.responseDefinition().withFault(answer.fault()).build();
        }
        ResponseDefinitionBuilder response = new ResponseDefinitionBuilder().withStatus(answer.status());
        answer.headers().forEach(response::withHeader);
        if (answer.body().length > 0) {
            response.withBody(answer.body());
        }
        if (!answer.delay().isZero()) {
            response.withFixedDelay(Math.toIntExact(answer.delay().toMillis()));
        }
        return response.build();
    }
}
