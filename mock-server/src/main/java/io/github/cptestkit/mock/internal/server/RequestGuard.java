package io.github.cptestkit.mock.internal.server;

import io.github.cptestkit.mock.internal.body.ReceivedBody;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What every request meets before WireMock reads it: the servlet filter in front of the mock's two Jetty contexts.
 * It reads the body itself, so that nothing WireMock would choke on reaches it, and refuses in the protocol of the
 * {@link MockService} the request is for ({@link Services#serviceFor}), by that service's {@link RequestRules}:
 *
 * <ul>
 *   <li>first, before anything of the request is read, a Host that is not one of the mock's names or an Origin
 *       that is not allowed ({@link OriginPolicy}): 403 AccessDeniedException (AWS JSON), S3's AccessDenied, so that
 *       a web page can neither read nor drive the mock;</li>
 *   <li>a body over the service's limit, declared or counted: 413 RequestEntityTooLargeException (AWS JSON), S3's
 *       EntityTooLarge;</li>
 *   <li>a Content-Type other than the service's (for CodePipeline calls {@code application/x-amz-json-1.1},
 *       parameters and case aside, UTF-8 only; absent is taken as JSON): 415 UnsupportedMediaTypeException;</li>
 *   <li>a compressed JSON body ({@code Content-Encoding} other than identity, or gzip's magic bytes, which WireMock
 *       would inflate): SerializationException;</li>
 *   <li>a body the connection does not deliver (the client stalled past the idle timeout, or went away):
 *       SerializationException, S3's IncompleteBody.</li>
 * </ul>
 *
 * <p>A request it lets through goes on with its body buffered, as the service's {@link RequestRules.Handover} says:
 * the admin API's presented as {@code application/json} (WireMock would parse {@code curl -d}'s form encoding and
 * fail on a {@code %}); the artifact bucket's kept aside in {@link ReceivedBodies}, which hands it to the bucket's
 * route, and WireMock given none (it would un-gzip tar.gz uploads, parse multipart ones, and keep every artifact in
 * its journal). Anything that still escapes WireMock becomes the
 * service's internal error with no stack trace; {@link ErrorPages} does the same for what Jetty refuses itself.
 *
 * <pre>{@code
 * context.addFilter(new FilterHolder(new RequestGuard(services, bodies, policy)), "/*",
 *         EnumSet.of(DispatcherType.REQUEST, DispatcherType.ASYNC));
 * }</pre>
 */
public final class RequestGuard implements Filter {

    private static final System.Logger LOG = System.getLogger(RequestGuard.class.getName());
    private static final String JSON_CONTENT_TYPE = "application/json";
    private static final String BINARY = "application/octet-stream";
    /** The request attribute that carries an asynchronously read body to the dispatch that follows. */
    private static final String BODY_READ = RequestGuard.class.getName() + ".body";
    /** How much of a refused body is read and dropped before the refusal is sent. */
    private static final long DRAIN_BYTES = 32L << 20;

    private final Services services;
    private final ReceivedBodies bodies;
    private final OriginPolicy policy;

    /**
     * @param services the services whose requests it guards
     * @param bodies   where the bodies it keeps aside go to the services' routes
     * @param policy   the Hosts and Origins it lets through
     */
    RequestGuard(Services services, ReceivedBodies bodies, OriginPolicy policy) {
        this.services = Objects.requireNonNull(services, "services");
        this.bodies = Objects.requireNonNull(bodies, "bodies");
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    @Override
    public void doFilter(ServletRequest servletRequest, ServletResponse servletResponse, FilterChain chain)
            throws IOException {
        HttpServletRequest request = (HttpServletRequest) servletRequest;
        HttpServletResponse response = (HttpServletResponse) servletResponse;
        MockService side = serviceFor(request);
        try {
            if (request.getDispatcherType() == DispatcherType.ASYNC) {
                // Back after reading the body asynchronously (or another component's async dispatch).
                Object body = request.getAttribute(BODY_READ);
                request.removeAttribute(BODY_READ);
                if (body instanceof ReceivedBody received) {
                    try {
                        pass(request, response, side, received, chain);
                    } finally {
                        received.close(); // answered: a temporary file it has, nobody took, goes
                    }
                } else if (!response.isCommitted()) {
                    chain.doFilter(request, response);
                } // else: Jetty offers an async dispatch to every context; the admin API's already answered it
                return;
            }
            guard(request, response, side, chain);
        } catch (IOException connectionGone) {
            // The client went away while the answer was written: nobody is left to answer.
        } catch (RuntimeException | ServletException bug) {
            LOG.log(System.Logger.Level.ERROR, "the mock failed answering a " + side.name() + " request "
                    + request.getMethod() + " " + request.getRequestURI() + ": " + bug.getClass().getName());
            if (!response.isCommitted()) {
                response.reset();
                refuse(response, side, request, Refusal.INTERNAL, "");
            }
        }
    }

    private void guard(HttpServletRequest request, HttpServletResponse response, MockService side, FilterChain chain)
            throws IOException, ServletException {
        Optional<String> forbidden = policy.refusal(request.getScheme(), host(request),
                Collections.list(request.getHeaders("Origin")));
        if (forbidden.isPresent()) {
            if (request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null) {
                response.setHeader("Connection", "close"); // its body is not worth reading
            }
            refuse(response, side, request, Refusal.FORBIDDEN, forbidden.get());
            return;
        }
        Optional<String> notServed = side.notServed(head(request));
        if (notServed.isPresent()) {
            refuse(response, side, request, Refusal.NOT_FOUND, notServed.get());
            return;
        }
        long limit = side.requestRules().maxBodyBytes();
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            // Jetty answers "100 Continue" once the body stream is asked for: a client waiting for it sends nothing.
            boolean waitsForContinue = "100-continue".equalsIgnoreCase(String.valueOf(request.getHeader("Expect")));
            if (!waitsForContinue && declared - limit <= DRAIN_BYTES) {
                drain(request.getInputStream());
            } else {
                response.setHeader("Connection", "close"); // not sent yet, or not worth reading: answer first
            }
            refuse(response, side, request, Refusal.TOO_LARGE, declared + " bytes, more than the " + limit
                    + " bytes the mock takes");
            return;
        }
        InputStream in = request.getInputStream();
        boolean chunked = String.valueOf(request.getHeader("Transfer-Encoding")).toLowerCase(Locale.ROOT)
                .contains("chunked");
        boolean stillArriving = declared > 0 ? in.available() < declared : declared < 0 && chunked;
        if (stillArriving && request.isAsyncSupported()) {
            readAsynchronously(request, response, side, limit);
            return;
        }
        ReceivedBody.Writer body = writer(side, declared);
        try {
            // a body that has arrived whole, read in one go (a byte more to see its end); else 64 KiB at a time
            byte[] buffer = new byte[declared >= 0 && declared < 64 * 1024 ? (int) declared + 1 : 64 * 1024];
            for (int read = in.read(buffer); read >= 0 && body.size() <= limit; read = in.read(buffer)) {
                body.write(buffer, 0, read);
            }
        } catch (IOException unreadable) {
            body.abort();
            refuse(response, side, request, Refusal.UNREADABLE, "the connection did not deliver the whole body ("
                    + unreadable.getClass().getSimpleName() + ")");
            return;
        } catch (RuntimeException failed) {
            body.abort();
            throw failed;
        }
        if (body.size() > limit) {
            body.abort();
            drain(in);
            refuse(response, side, request, Refusal.TOO_LARGE, "more than the " + limit + " bytes the mock takes");
            return;
        }
        ReceivedBody received = body.finish();
        try {
            pass(request, response, side, received, chain);
        } finally {
            received.close(); // answered: a temporary file it has, nobody took, goes
        }
    }

    /**
     * Reads a body that has not all arrived without holding a thread: a client that sends slowly, or stalls, waits
     * in Jetty's selector (until the idle timeout) rather than in one of the server's worker threads, so others go on
     * being served. Once read, the request is dispatched again and {@link #pass} takes it from there.
     */
    private void readAsynchronously(HttpServletRequest request, HttpServletResponse response, MockService side,
            long limit) throws IOException {
        AsyncContext async = request.startAsync();
        async.setTimeout(0); // the connection's idle timeout bounds the wait
        // Jetty offers a request no servlet handled to the next context: the admin API's requests would reach the
        // stubs' context too. This one is handled, by the dispatch that follows.
        org.eclipse.jetty.server.Request base = org.eclipse.jetty.server.Request.getBaseRequest(request);
        if (base != null) {
            base.setHandled(true);
        }
        ServletInputStream in = request.getInputStream();
        BodyReader reader = new BodyReader(request, response, side, limit, async, in);
        async.addListener(reader);
        in.setReadListener(reader);
    }

    /**
     * Reads a body as the connection delivers it, then dispatches the request again with it. Whatever happens to the
     * request, the body's temporary file goes once the request's asynchronous cycle ends: refused, failed, timed
     * out, answered (the dispatch took the body, and the dispatch's pass deleted it) or never dispatched at all (the
     * connection or the server went away first).
     */
    private final class BodyReader implements ReadListener, AsyncListener {
        private final byte[] buffer = new byte[16 * 1024];
        private final HttpServletRequest request;
        private final HttpServletResponse response;
        private final MockService side;
        private final long limit;
        private final AsyncContext async;
        private final ServletInputStream in;
        /** Let go once done: Jetty keeps the listener until the connection's next request. */
        private ReceivedBody.Writer body;
        private boolean done;

        BodyReader(HttpServletRequest request, HttpServletResponse response, MockService side, long limit,
                AsyncContext async, ServletInputStream in) {
            this.request = request;
            this.response = response;
            this.side = side;
            this.limit = limit;
            this.async = async;
            this.in = in;
            this.body = writer(side);
        }

        @Override
        public synchronized void onDataAvailable() throws IOException {
            while (!done && in.isReady()) {
                int read = in.read(buffer);
                if (read < 0) {
                    return; // onAllDataRead follows
                }
                body.write(buffer, 0, read);
                if (body.size() > limit) {
                    drop();
                    response.setHeader("Connection", "close");
                    refuse(response, side, request, Refusal.TOO_LARGE, "more than the " + limit
                            + " bytes the mock takes");
                    async.complete();
                }
            }
        }

        @Override
        public synchronized void onAllDataRead() {
            if (!done) {
                done = true;
                request.setAttribute(BODY_READ, body.finish());
                body = null;
                async.dispatch();
            }
        }

        @Override
        public synchronized void onError(Throwable failure) {
            if (!done) {
                drop();
                try {
                    if (!response.isCommitted()) {
                        refuse(response, side, request, Refusal.UNREADABLE, "the connection did not deliver the"
                                + " whole body (" + failure.getClass().getSimpleName() + ")");
                    }
                } catch (IOException | RuntimeException gone) {
                    // nobody is left to answer
                }
                async.complete();
            }
        }

        /** Drops what was read so far (and its temporary file). */
        private void drop() {
            done = true;
            if (body != null) {
                body.abort();
                body = null;
            }
        }

        /** The asynchronous cycle ended: nothing of the body may stay behind. */
        private synchronized void ended() {
            drop();
            Object read = request.getAttribute(BODY_READ);
            if (read instanceof ReceivedBody never) {
                request.removeAttribute(BODY_READ);
                never.close(); // read, but never dispatched
            }
        }

        @Override
        public void onComplete(AsyncEvent event) {
            ended();
        }

        @Override
        public void onTimeout(AsyncEvent event) {
            ended();
        }

        @Override
        public void onError(AsyncEvent event) {
            ended();
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
            // a new cycle of the same request: this listener is not carried over
        }
    }

    /**
     * Where a body is written as it arrives: in memory, but for a service whose body is kept aside (the artifact
     * bucket's uploads), which spills past {@link ReceivedBody#DEFAULT_SPILL_THRESHOLD} to a temporary file.
     */
    private static ReceivedBody.Writer writer(MockService side) {
        return writer(side, -1);
    }

    /** The writer of a body of {@code declared} bytes (its Content-Length, -1 when unknown). */
    private static ReceivedBody.Writer writer(MockService side, long declared) {
        return ReceivedBody.writer(side.requestRules().handover() == RequestRules.Handover.ASIDE
                ? ReceivedBody.DEFAULT_SPILL_THRESHOLD : side.requestRules().maxBodyBytes(), declared);
    }

    /** The checks on a read body, then WireMock with the body buffered (or kept aside). */
    private void pass(HttpServletRequest request, HttpServletResponse response, MockService side,
            ReceivedBody received, FilterChain chain) throws IOException, ServletException {
        RequestRules rules = side.requestRules();
        if (rules.handover() == RequestRules.Handover.ASIDE) {
            String contentType = request.getHeader("Content-Type");
            String token = bodies.hold(new ReceivedBodies.Received(received, contentType));
            try {
                chain.doFilter(new Buffered(request, new byte[0], wireMockSafe(contentType), Map.of(
                        ReceivedBodies.TOKEN_HEADER, token,
                        JournalView.BODY_BYTES, String.valueOf(received.size()),
                        JournalView.BODY_SHA256, received.sha256Hex())), response);
            } finally {
                bodies.release(token); // and deletes its temporary file, if it has one
            }
            return;
        }
        passInMemory(request, response, side, received.bytes(), chain);
    }

    private void passInMemory(HttpServletRequest request, HttpServletResponse response, MockService side,
            byte[] body, FilterChain chain) throws IOException, ServletException {
        RequestRules rules = side.requestRules();
        String contentType = request.getHeader("Content-Type");
        if (rules.contentType().isPresent() && !hasMediaType(contentType, rules.contentType().get().mediaType())) {
            refuse(response, side, request, Refusal.UNSUPPORTED_MEDIA_TYPE, "Content-Type '" + contentType
                    + "' is not supported: " + rules.contentType().get().senders() + " send "
                    + rules.contentType().get().mediaType());
            return;
        }
        String encoding = request.getHeader("Content-Encoding");
        if (rules.plainBodiesOnly() && encoding != null && !encoding.isBlank()
                && !encoding.trim().equalsIgnoreCase("identity")) {
            refuse(response, side, request, Refusal.COMPRESSED, "the request body is sent with Content-Encoding '"
                    + encoding + "'; send it as plain JSON");
            return;
        }
        if (rules.plainBodiesOnly() && body.length >= 2 && body[0] == (byte) 0x1f && body[1] == (byte) 0x8b) {
            refuse(response, side, request, Refusal.COMPRESSED, "the request body is gzip-compressed; send it as"
                    + " plain JSON");
            return;
        }
        chain.doFilter(new Buffered(request, body, rules.handover() == RequestRules.Handover.AS_JSON
                ? JSON_CONTENT_TYPE : contentType, Map.of()), response);
    }

    /**
     * The authority the request names: its Host header, or for HTTP/2 (which has none) its {@code :authority};
     * {@code null} when it names none (HTTP/1.0).
     */
    private static String host(HttpServletRequest request) {
        String host = request.getHeader("Host");
        if (host == null && request.getProtocol() != null && request.getProtocol().startsWith("HTTP/2")) {
            org.eclipse.jetty.server.Request base = org.eclipse.jetty.server.Request.getBaseRequest(request);
            return base == null ? null : base.getHttpURI().getAuthority();
        }
        return host;
    }

    /** What is known of a servlet request before its body is read. */
    static RequestHead head(HttpServletRequest request) {
        return new RequestHead(request.getMethod(), request.getRequestURI(), request::getHeader);
    }

    /** The service a servlet request is for. */
    MockService serviceFor(HttpServletRequest request) {
        return services.serviceFor(head(request));
    }

    /** The services this guard guards. */
    Services services() {
        return services;
    }

    /** Writes the service's refusal. */
    void refuse(HttpServletResponse response, MockService side, HttpServletRequest request, Refusal refusal,
            String detail) throws IOException {
        Answer answer = side.refusal(refusal, head(request), detail);
        response.setStatus(answer.status());
        answer.headers().forEach(response::setHeader);
        response.setContentLength(answer.body().length);
        response.getOutputStream().write(answer.body());
        response.flushBuffer();
    }

    /**
     * Whether a Content-Type is {@code mediaType} in any case, with any parameters but a charset other than UTF-8;
     * an absent one is taken as it (curl, scripts).
     */
    static boolean hasMediaType(String contentType, String mediaType) {
        if (contentType == null || contentType.isBlank()) {
            return true;
        }
        String[] parts = contentType.split(";", -1);
        if (!parts[0].trim().equalsIgnoreCase(mediaType)) {
            return false;
        }
        for (int i = 1; i < parts.length; i++) {
            String[] parameter = parts[i].split("=", 2);
            if (parameter[0].trim().equalsIgnoreCase("charset")) {
                String charset = parameter.length < 2 ? "" : parameter[1].trim().replace("\"", "");
                if (!charset.equalsIgnoreCase("utf-8") && !charset.equalsIgnoreCase("utf8")) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * The Content-Type WireMock is shown for a bucket request: as sent, unless WireMock would parse the (absent) body
     * by it and fail: multipart and form types, and charsets Java does not know.
     */
    static String wireMockSafe(String contentType) {
        if (contentType == null) {
            return null;
        }
        String lower = contentType.toLowerCase(Locale.ROOT);
        if (lower.contains("multipart/") || lower.contains("x-www-form-urlencoded")) {
            return BINARY;
        }
        int charset = lower.indexOf("charset=");
        if (charset >= 0) {
            String name = contentType.substring(charset + "charset=".length()).split(";", -1)[0].trim()
                    .replace("\"", "");
            try {
                Charset.forName(name);
            } catch (RuntimeException unknown) {
                return BINARY;
            }
        }
        return contentType;
    }

    /**
     * Reads and drops what is left of a refused body, up to {@link #DRAIN_BYTES}, so that the client, still
     * writing it, gets to read the refusal (Jetty closes a connection whose body was not read, and a client blocked
     * writing it never sees the answer). A body declared even larger is not read: the answer goes first, and the
     * connection is closed.
     */
    private static void drain(InputStream in) {
        byte[] scratch = new byte[64 * 1024];
        long left = DRAIN_BYTES;
        try {
            for (int read = 0; read >= 0 && left > 0; read = in.read(scratch, 0, (int) Math.min(scratch.length,
                    left))) {
                left -= read;
            }
        } catch (IOException gone) {
            // nothing more to read
        }
    }

    /**
     * The request as WireMock gets it: the buffered body, the Content-Type chosen for it, and the headers the guard
     * adds (the size and hash of a body kept aside).
     */
    private static final class Buffered extends HttpServletRequestWrapper {
        private final byte[] body;
        private final String contentType;
        private final Map<String, String> added;

        Buffered(HttpServletRequest request, byte[] body, String contentType, Map<String, String> added) {
            super(request);
            this.body = body;
            this.contentType = contentType;
            this.added = added;
        }

        /** The headers as sent but a client's own hold token (never passed on), then the ones the guard adds. */
        @Override
        public Enumeration<String> getHeaderNames() {
            List<String> names = new ArrayList<>(Collections.list(super.getHeaderNames()));
            names.removeIf(name -> isToken(name) || added.keySet().stream().anyMatch(name::equalsIgnoreCase));
            names.addAll(added.keySet());
            return Collections.enumeration(names);
        }

        private String addedValue(String name) {
            for (Map.Entry<String, String> header : added.entrySet()) {
                if (header.getKey().equalsIgnoreCase(name)) {
                    return header.getValue();
                }
            }
            return null;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new IllegalStateException("the mock reads request bodies blocking");
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return in.read(buffer, offset, length);
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }

        @Override
        public String getContentType() {
            return contentType;
        }

        @Override
        public String getCharacterEncoding() {
            return contentType == null || !contentType.toLowerCase(Locale.ROOT).contains("charset=") ? null
                    : super.getCharacterEncoding();
        }

        @Override
        public String getHeader(String name) {
            String value = addedValue(name);
            return value != null || isToken(name) ? value : isContentType(name) ? contentType : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            String value = addedValue(name);
            if (value != null || isToken(name)) {
                return value == null ? Collections.emptyEnumeration() : Collections.enumeration(List.of(value));
            }
            if (isContentType(name)) {
                return contentType == null ? Collections.emptyEnumeration()
                        : Collections.enumeration(java.util.List.of(contentType));
            }
            return super.getHeaders(name);
        }

        private static boolean isToken(String name) {
            return ReceivedBodies.TOKEN_HEADER.equalsIgnoreCase(name);
        }

        private static boolean isContentType(String name) {
            return "Content-Type".equalsIgnoreCase(name);
        }
    }
}
