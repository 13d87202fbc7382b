package io.github.cptestkit.mock.internal.server;

import com.github.tomakehurst.wiremock.core.Options;
import com.github.tomakehurst.wiremock.http.AdminRequestHandler;
import com.github.tomakehurst.wiremock.http.HttpServer;
import com.github.tomakehurst.wiremock.http.HttpServerFactory;
import com.github.tomakehurst.wiremock.http.RequestHandler;
import com.github.tomakehurst.wiremock.http.StubRequestHandler;
import com.github.tomakehurst.wiremock.jetty11.Jetty11HttpServer;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.Objects;
import java.util.Set;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.StatisticsHandler;
import org.eclipse.jetty.util.component.Graceful;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.servlet.FilterHolder;
import org.eclipse.jetty.servlet.FilterMapping;
import org.eclipse.jetty.servlet.ServletHandler;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHolder;
import org.eclipse.jetty.servlets.CrossOriginFilter;

/**
 * WireMock's own Jetty 11 server with the mock's {@link RequestGuard} in front of both its contexts (the stubs and
 * the admin API) and error pages that answer in the protocol of the service the request is for, never with Jetty's
 * HTML page and its stack trace. Handed to WireMock as its HTTP server factory.
 *
 * <p>CORS: WireMock answers every origin on its admin API (and, with {@code stubCorsEnabled}, on every stub) with
 * Jetty's {@code CrossOriginFilter}, credentials allowed; this server takes those filters out. Only the origins the
 * mock allows ({@link OriginPolicy#allowedOrigins()}) get CORS answers, from a {@code CrossOriginFilter} of its own
 * on both contexts, behind the guard (which refuses every other origin before): any method, any request header, every
 * answer header readable, no credentials.
 *
 * <pre>{@code
 * options.httpServerFactory(new GuardedServerFactory(new RequestGuard(services, bodies, policy), policy, streamed));
 * }</pre>
 */
public final class GuardedServerFactory implements HttpServerFactory {

    private static final System.Logger LOG = System.getLogger(GuardedServerFactory.class.getName());

    private final RequestGuard guard;
    private final StreamedBodies streamed;
    /** The server built last, to drain. */
    private volatile Server11 built;
    private final Set<String> corsOrigins;

    /**
     * @param guard    the guard in front of both contexts
     * @param policy   the origins to answer CORS
     * @param streamed where the admin API's answers sent as they are read wait for their serve events
     */
    public GuardedServerFactory(RequestGuard guard, OriginPolicy policy, StreamedBodies streamed) {
        this.guard = Objects.requireNonNull(guard, "guard");
        this.streamed = Objects.requireNonNull(streamed, "streamed");
        this.corsOrigins = Set.copyOf(policy.allowedOrigins());
    }

    @Override
    public HttpServer buildHttpServer(Options options, AdminRequestHandler adminRequestHandler,
            StubRequestHandler stubRequestHandler) {
        Server11 server = new Server11(options, adminRequestHandler, stubRequestHandler);
        built = server;
        return server;
    }

    /**
     * Stops the server built last from accepting connections and waits, up to {@code gracePeriod}, until the calls
     * in flight are answered (they are counted by a {@link StatisticsHandler} around every handler); returns when
     * they are, or when the period is over. WireMock's own stop, which follows, closes every connection at once.
     */
    public void drain(Duration gracePeriod) {
        Server11 server = built;
        if (server == null || gracePeriod.isZero() || !server.jettyServer().isRunning()) {
            return;
        }
        try {
            Graceful.shutdown(server.jettyServer()).get(gracePeriod.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException stillRunning) {
            LOG.log(System.Logger.Level.WARNING, "calls still in flight after the grace period of " + gracePeriod
                    + " are cut");
        } catch (ExecutionException | RuntimeException failed) {
            LOG.log(System.Logger.Level.WARNING, "the graceful stop failed (" + failed.getClass().getSimpleName()
                    + "); stopping at once");
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The server. An inner class: WireMock's constructor calls the decorating methods before a subclass's own
     * fields are set, but the enclosing instance (and so the guard) is already there.
     */
    private final class Server11 extends Jetty11HttpServer {

        Server11(Options options, AdminRequestHandler adminRequestHandler, StubRequestHandler stubRequestHandler) {
            super(options, adminRequestHandler, stubRequestHandler);
        }

        /** WireMock's handlers inside a StatisticsHandler, which counts the calls in flight for a graceful stop. */
        @Override
        protected Handler createHandler(Options options, AdminRequestHandler adminRequestHandler,
                StubRequestHandler stubRequestHandler) {
            StatisticsHandler inFlight = new StatisticsHandler();
            inFlight.setHandler(super.createHandler(options, adminRequestHandler, stubRequestHandler));
            return inFlight;
        }

        Server jettyServer() {
            return jettyServer;
        }

        @Override
        protected void applyAdditionalServerConfiguration(Server jettyServer, Options options) {
            super.applyAdditionalServerConfiguration(jettyServer, options);
            jettyServer.setErrorHandler(new ErrorPages(guard));
        }

        @Override
        protected void decorateMockServiceContextBeforeConfig(ServletContextHandler context) {
            guard(context);
        }

        @Override
        protected void decorateMockServiceContextAfterConfig(ServletContextHandler context) {
            finish(context);
        }

        @Override
        protected void decorateAdminServiceContextBeforeConfig(ServletContextHandler context) {
            guard(context);
        }

        /** Also: the admin API's answers get the bodies held for them ({@link StreamedBodies}). */
        @Override
        protected void decorateAdminServiceContextAfterConfig(ServletContextHandler context) {
            String handler = AdminRequestHandler.class.getName(); // WireMock's servlet finds its handler by this name
            context.setAttribute(handler, streamed.sendingHeldBodies(Objects.requireNonNull(
                    (RequestHandler) context.getAttribute(handler), "WireMock's admin request handler")));
            finish(context);
        }

        private void guard(ServletContextHandler context) {
            FilterHolder holder = new FilterHolder(guard);
            holder.setAsyncSupported(true);
            context.addFilter(holder, "/*", EnumSet.of(DispatcherType.REQUEST, DispatcherType.ASYNC));
        }

        /**
         * The context's error pages in its side's protocol; and since bodies are read asynchronously, every servlet
         * and filter behind the guard must allow it.
         */
        private void finish(ServletContextHandler context) {
            context.setErrorHandler(new ErrorPages(guard));
            ServletHandler handler = context.getServletHandler();
            for (FilterMapping mapping : handler.getFilterMappings()) {
                FilterHolder holder = handler.getFilter(mapping.getFilterName());
                if (holder != null && holder.getHeldClass() == CrossOriginFilter.class) {
                    handler.removeFilterMapping(mapping);
                    handler.removeFilterHolder(holder);
                }
            }
            if (!corsOrigins.isEmpty()) {
                FilterHolder cors = new FilterHolder(CrossOriginFilter.class);
                cors.setInitParameters(Map.of(
                        CrossOriginFilter.ALLOWED_ORIGINS_PARAM, String.join(",", corsOrigins),
                        CrossOriginFilter.ALLOWED_METHODS_PARAM, "GET,HEAD,POST,PUT,PATCH,DELETE,OPTIONS",
                        CrossOriginFilter.ALLOWED_HEADERS_PARAM, "*",
                        CrossOriginFilter.EXPOSED_HEADERS_PARAM, "*",
                        CrossOriginFilter.ALLOW_CREDENTIALS_PARAM, "false",
                        CrossOriginFilter.CHAIN_PREFLIGHT_PARAM, "false"));
                // ASYNC too: a body read asynchronously reaches WireMock in the dispatch that follows.
                context.addFilter(cors, "/*", EnumSet.of(DispatcherType.REQUEST, DispatcherType.ASYNC));
            }
            for (ServletHolder servlet : context.getServletHandler().getServlets()) {
                servlet.setAsyncSupported(true);
            }
            for (FilterHolder filter : context.getServletHandler().getFilters()) {
                filter.setAsyncSupported(true);
            }
        }
    }

    /**
     * Jetty's error pages, in the protocol of the service the request is for: for what Jetty refuses itself (a malformed request
     * line, headers too large) and anything that reached Jetty's error handling. No stack, no servlet name, no
     * exception message: only the status.
     */
    static final class ErrorPages extends ErrorHandler {
        private final RequestGuard guard;

        ErrorPages(RequestGuard guard) {
            this.guard = guard;
            setShowStacks(false);
            setShowServlet(false);
            setShowMessageInTitle(false);
        }

        @Override
        public boolean errorPageForMethod(String method) {
            return true;
        }

        @Override
        protected void generateAcceptableResponse(Request baseRequest, HttpServletRequest request,
                HttpServletResponse response, int code, String message) throws IOException {
            baseRequest.setHandled(true);
            RequestHead head = RequestGuard.head(request);
            Answer answer = guard.services().serviceFor(head).refusal(refusal(code), head,
                    "HTTP " + code + " " + HttpStatus.getMessage(code));
            response.setStatus(answer.status());
            answer.headers().forEach(response::setHeader);
            if (!"HEAD".equals(request.getMethod())) {
                response.setContentLength(answer.body().length);
                response.getOutputStream().write(answer.body());
            }
        }

        /**
         * A request Jetty could not parse: its service is unknown, so it is answered as a {@code POST /} without
         * headers is (a CodePipeline call).
         */
        @Override
        public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
            RequestHead unknown = new RequestHead("POST", "/", name -> null);
            Answer answer = guard.services().serviceFor(unknown).refusal(refusal(status), unknown,
                    "HTTP " + status + " " + HttpStatus.getMessage(status));
            answer.headers().forEach((name, value) -> {
                if (!name.equalsIgnoreCase("Content-Length")) {
                    fields.put(name, value);
                }
            });
            return ByteBuffer.wrap(answer.body());
        }

        private static Refusal refusal(int code) {
            if (code >= 500) {
                return Refusal.INTERNAL;
            }
            return switch (code) {
                case 404 -> Refusal.NOT_FOUND;
                case 413 -> Refusal.TOO_LARGE;
                case 415 -> Refusal.UNSUPPORTED_MEDIA_TYPE;
                default -> Refusal.UNREADABLE;
            };
        }
    }
}
