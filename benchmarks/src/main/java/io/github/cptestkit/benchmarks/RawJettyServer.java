package io.github.cptestkit.benchmarks;

import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.AbstractHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * L0, the ceiling: a plain handler on the Jetty that WireMock brings, answering every request with the same bytes
 * and headers as the emulator's GetThirdPartyJobDetails answer, on a thread pool of WireMock's default size.
 *
 * <pre>{@code
 * try (RawJettyServer jetty = RawJettyServer.start(answer)) {
 *     jetty.port();
 * }
 * }</pre>
 */
final class RawJettyServer implements AutoCloseable {

    private final Server server;
    private final ServerConnector connector;

    private RawJettyServer(Server server, ServerConnector connector) {
        this.server = server;
        this.connector = connector;
    }

    static RawJettyServer start(Answer answer) throws Exception {
        Server server = new Server(new QueuedThreadPool(WireMockConfiguration.options().containerThreads()));
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(new AbstractHandler() {
            @Override
            public void handle(String target, Request base, HttpServletRequest request, HttpServletResponse response)
                    throws IOException {
                request.getInputStream().readAllBytes();
                response.setStatus(answer.status());
                answer.headers().forEach(response::setHeader);
                response.setContentLength(answer.body().length);
                response.getOutputStream().write(answer.body());
                base.setHandled(true);
            }
        });
        server.start();
        return new RawJettyServer(server, connector);
    }

    int port() {
        return connector.getLocalPort();
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
