package io.github.cptestkit.mock.internal.server;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.global.GlobalSettings;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.github.cptestkit.mock.internal.tls.LocalCertificateAuthority;
import io.github.cptestkit.mock.internal.tls.TlsFiles;
import io.github.cptestkit.mock.tls.HttpsTrust;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * One WireMock server serving a mock's {@link Services}: the {@link RequestGuard} in front of it (on WireMock's own
 * Jetty, through {@link GuardedServerFactory}), each service's options and routes, the catch-all stub that sends what
 * no other stub takes to the service that claims it, a bounded request journal, stub routing, and a notifier cut to
 * first lines. It installs the routes' stubs at start and again after every reset.
 *
 * <p><b>HTTPS</b>, when asked for, is WireMock's HTTPS port beside the HTTP one (same stubs, same guard), HTTP/1.1
 * only, with a server certificate for {@code localhost}, {@code *.localhost}, {@code 127.0.0.1}, {@code ::1} and the
 * bind address, signed by a CA made for this server ({@link LocalCertificateAuthority}); the CA's files are written
 * when the server is made and those in the temporary folder are deleted at {@link #stop()}.
 *
 * <pre>{@code
 * MockServer server = new MockServer(new Services(List.of(admin, codePipeline, bucket)),
 *         new MockServer.Options(0, "127.0.0.1", 1000, true, wireMock -> { },
 *                 OriginPolicy.of("127.0.0.1", List.of(), List.of())));
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
     * @param redactedJournal          whether the journal shows secrets redacted ({@link JournalView})
     * @param wireMockOptions          the user's adjustments of WireMock's options, after the services' own
     * @param httpsPort                the HTTPS port, 0 for a free one, or {@code null} for no HTTPS
     * @param httpsCaFile              where the CA certificate goes (PEM, its PKCS12 trust store beside it), or
     *                                 {@code null} for a temporary folder
     * @param originPolicy             the Hosts and Origins the server serves, and the origins it answers CORS
     */
    public record Options(int port, String bindAddress, int maxRequestJournalEntries, boolean redactedJournal,
            Consumer<WireMockConfiguration> wireMockOptions, Integer httpsPort, Path httpsCaFile,
            OriginPolicy originPolicy) {
        public Options {
            Objects.requireNonNull(bindAddress, "bindAddress");
            Objects.requireNonNull(wireMockOptions, "wireMockOptions");
            Objects.requireNonNull(originPolicy, "originPolicy");
        }

        /** Options without HTTPS, for loopback names and no web page. */
        public Options(int port, String bindAddress, int maxRequestJournalEntries, boolean redactedJournal,
                Consumer<WireMockConfiguration> wireMockOptions) {
            this(port, bindAddress, maxRequestJournalEntries, redactedJournal, wireMockOptions, null, null,
                    OriginPolicy.of(bindAddress, List.of(), List.of()));
        }
    }

    private final Services services;
    private final StubDispatcher stubs;
    private final WireMockServer server;
    /** The stub store that routes while it holds only the services' stubs; {@code null} with a store of the user's. */
    private final RoutingStubStore routing;
    private final GuardedServerFactory guarded;
    /** The TLS files, or {@code null} without HTTPS. */
    private final TlsFiles tls;
    private final HttpsTrust trust;
    private boolean stopped;

    public MockServer(Services services, Options settings) {
        this.services = Objects.requireNonNull(services, "services");
        List<Route> routes = new ArrayList<>(services.routes());
        routes.add(new Route(CATCH_ALL_KEY, "Any other request, refused in its side's protocol (codepipeline-testkit)",
                StubPriority.CATCH_ALL, RequestPattern.anyRequest(),
                request -> services.serviceFor(request.head()).unrouted(request)));
        this.stubs = new StubDispatcher(routes);
        this.guarded = new GuardedServerFactory(new RequestGuard(services, stubs.bodies(),
                settings.originPolicy()), settings.originPolicy(), stubs.streamed());
        services.all().forEach(service -> service.streamBodiesThrough(stubs.streamed()));
        WireMockConfiguration options = options()
                .port(settings.port())
                .bindAddress(settings.bindAddress())
                .stubRequestLoggingDisabled(true) // request bodies carry client tokens and credentials
                // Hosts, Origins, body limits, content types and error pages are checked before WireMock reads a
                // request.
                .httpServerFactory(guarded);
        services.all().forEach(service -> service.configure(options));
        stubs.configure(options);
        if (settings.httpsPort() != null) {
            LocalCertificateAuthority.Issued issued = LocalCertificateAuthority.issue(List.of("localhost",
                    "*.localhost"), addresses(settings.bindAddress()), Instant.now()); // TLS clients read real time
            this.tls = TlsFiles.write(issued, settings.httpsCaFile());
            this.trust = new HttpsTrust(issued.caCertificate(), tls.caCertificate(), tls.trustStore(),
                    TlsFiles.TRUST_STORE_PASSWORD);
            options.httpsPort(settings.httpsPort())
                    .keystorePath(tls.serverKeyStore().toString())
                    .keystoreType("PKCS12")
                    .keystorePassword(tls.serverKeyStorePassword())
                    .keyManagerPassword(tls.serverKeyStorePassword())
                    .http2TlsDisabled(true); // HTTP/1.1, as S3 speaks it
        } else {
            this.tls = null;
            this.trust = null;
        }
        settings.wireMockOptions().accept(options);
        // The files root is WireMock's (./src/test/resources unless the user names another): its mappings folder
        // holds the user's stubs only.
        options.mappingSource(new UserMappings(options.mappingsLoader(), options.mappingsSaver(),
                stubs.stubMappings().stream().map(StubMapping::getId).collect(Collectors.toSet())));
        options.notifier(new QuietNotifier(options.notifier())); // WireMock's reports print whole requests
        // WireMock's own journal bound costs a scan of the journal per request; this one keeps a constant cost.
        // It keeps no live request nor artifact bodies, and shows secrets redacted unless told otherwise.
        BoundedRequestJournal.install(options, settings.maxRequestJournalEntries(),
                new JournalView(services, settings.redactedJournal()));
        // While only the services' stubs are installed, a request's stub is found by their routes, not patterns.
        this.routing = RoutingStubStore.install(options, stubs.stubRoutes()).orElse(null);
        this.server = new WireMockServer(options);
    }

    /** The loopback addresses and the bind address (unless it is every interface) a certificate must name. */
    private static List<InetAddress> addresses(String bindAddress) {
        List<InetAddress> addresses = new ArrayList<>();
        try {
            addresses.add(InetAddress.getByName("127.0.0.1"));
            addresses.add(InetAddress.getByName("::1"));
            InetAddress bound = InetAddress.getByName(bindAddress);
            if (!bound.isAnyLocalAddress() && !bound.isLoopbackAddress()) {
                addresses.add(bound);
            }
        } catch (UnknownHostException e) {
            // a literal address always resolves; an unknown bind name fails when WireMock binds
        }
        return addresses;
    }

    /** Starts the server, waits until every service is ready, and installs the stubs. */
    public void start() {
        if (stopped && tls != null) {
            throw new IllegalStateException("a mock with HTTPS cannot start again once stopped: its key store was"
                    + " deleted at stop(); build a new mock");
        }
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
        stop(Duration.ZERO);
    }

    /**
     * Stops accepting connections, lets the calls in flight finish for up to {@code gracePeriod}
     * ({@link GuardedServerFactory}), then stops the server (cutting what still runs) and closes every service.
     */
    public void stop(Duration gracePeriod) {
        services.all().forEach(MockService::stopping);
        if (server.isRunning()) {
            guarded.drain(gracePeriod);
            server.stop();
        }
        services.all().forEach(MockService::close);
        if (tls != null) {
            tls.close();
        }
        stopped = true;
    }

    /** How clients trust the HTTPS port, or empty without HTTPS. */
    public Optional<HttpsTrust> httpsTrust() {
        return Optional.ofNullable(trust);
    }

    /** Whether the server is running. */
    public boolean isRunning() {
        return server.isRunning();
    }

    /** Resets every service and WireMock (stubs, journal, scenarios), then installs the stubs again if running. */
    public void reset() {
        services.all().forEach(MockService::reset);
        if (server.isRunning() && routing != null && routing.isRouting()) {
            // The store holds exactly the services' stubs, unedited (no user stub, none from files): what resetAll
            // and installing them again would give, without building every stub again.
            server.resetRequests();
            server.resetScenarios();
            return;
        }
        server.resetAll();
        if (server.isRunning()) {
            installStubs();
        }
    }

    private void installStubs() {
        stubs.stubMappings().forEach(server::addStubMapping);
        // WireMock's PATCH /__admin/settings/extended fails (NullPointerException) without extended settings to
        // merge into; the admin API's filter keeps them from being taken away (WireMockAdminBodies).
        GlobalSettings settings = server.getGlobalSettings().getSettings();
        if (settings.getExtended() == null) {
            server.updateGlobalSettings(settings.copy().extended(Parameters.empty()).build());
        }
    }

    /** The WireMock server. */
    public WireMockServer wireMock() {
        return server;
    }
}
