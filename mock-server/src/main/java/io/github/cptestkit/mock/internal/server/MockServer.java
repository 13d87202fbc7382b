package io.github.cptestkit.mock.internal.server;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * One WireMock server serving a mock's {@link Services}: the {@link RequestGuard} in front of it (on WireMock's own
 * Jetty, through {@link GuardedServerFactory}), each service's options and routes, the catch-all stub that sends what
 * no other stub takes to the service that claims it, a bounded request journal, stub routing, and a notifier cut to
 * first lines. It installs the routes' stubs at start and again after every reset.
 *
 * <pre>{@code
 * MockServer server = new MockServer(new Services(List.of(admin, codePipeline, bucket)),
 *         new MockServer.Options(0, "127.0.0.1", 1000, wireMock -> { }));
 * server.start();
 * server.wireMock().port();
 * }</pre>
 */
public final class MockServer {

    /** The key of the catch-all route (the id of its stub derives from it). */
    static final String CATCH_ALL_KEY = "codepipeline-testkit-fallback";

    /**
     * The server's options.
     *
     * @param port                     the port, 0 for a free one
     * @param bindAddress              the address to listen on
     * @param maxRequestJournalEntries how many served requests the journal keeps
     * @param wireMockOptions          the user's adjustments of WireMock's options, after the services' own
     */
    public record Options(int port, String bindAddress, int maxRequestJournalEntries,
            Consumer<WireMockConfiguration> wireMockOptions) {
        public Options {
            Objects.requireNonNull(bindAddress, "bindAddress");
            Objects.requireNonNull(wireMockOptions, "wireMockOptions");
        }
    }

    private final Services services;
    private final StubDispatcher stubs;
    private final WireMockServer server;

    public MockServer(Services services, Options settings) {
        this.services = Objects.requireNonNull(services, "services");
        List<Route> routes = new ArrayList<>(services.routes());
        routes.add(new Route(CATCH_ALL_KEY, "Any other request, refused in its side's protocol (codepipeline-testkit)",
                StubPriority.CATCH_ALL, RequestPattern.anyRequest(),
                request -> services.serviceFor(request.head()).unrouted(request)));
        this.stubs = new StubDispatcher(routes);
        WireMockConfiguration options = options()
                .port(settings.port())
                .bindAddress(settings.bindAddress())
                .stubRequestLoggingDisabled(true) // request bodies carry client tokens and credentials
                // Body limits, content types and error pages are checked before WireMock reads a request.
                .httpServerFactory(new GuardedServerFactory(new RequestGuard(services)));
        services.all().forEach(service -> service.configure(options));
        stubs.configure(options);
        settings.wireMockOptions().accept(options);
        options.notifier(new QuietNotifier(options.notifier())); // WireMock's reports print whole requests
        // WireMock's own journal bound costs a scan of the journal per request; this one keeps a constant cost.
        BoundedRequestJournal.install(options, settings.maxRequestJournalEntries());
        // While only the services' stubs are installed, a request's stub is found by their routes, not patterns.
        RoutingStubStore.install(options, stubs.stubRoutes());
        this.server = new WireMockServer(options);
    }

    /** Starts the server, waits until every service is ready, and installs the stubs. */
    public void start() {
        server.start();
        try {
            services.all().forEach(MockService::awaitReady);
        } catch (RuntimeException | Error e) {
            server.stop();
            throw e;
        }
        installStubs();
    }

    /** Stops the server (if it runs) and closes every service. */
    public void stop() {
        if (server.isRunning()) {
            server.stop();
        }
        services.all().forEach(MockService::close);
    }

    /** Whether the server is running. */
    public boolean isRunning() {
        return server.isRunning();
    }

    /** Resets every service and WireMock (stubs, journal, scenarios), then installs the stubs again if running. */
    public void reset() {
        services.all().forEach(MockService::reset);
        server.resetAll();
        if (server.isRunning()) {
            installStubs();
        }
    }

    private void installStubs() {
        stubs.stubMappings().forEach(server::addStubMapping);
    }

    /** The WireMock server. */
    public WireMockServer wireMock() {
        return server;
    }
}
