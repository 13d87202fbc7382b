package io.github.cptestkit.mock.internal.server;

import com.github.tomakehurst.wiremock.extension.requestfilter.RequestFilterAction;
import com.github.tomakehurst.wiremock.extension.requestfilter.RequestWrapper;
import com.github.tomakehurst.wiremock.extension.requestfilter.StubRequestFilterV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.github.cptestkit.mock.internal.body.ReceivedBody;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The bodies the {@link RequestGuard} keeps aside from WireMock ({@link RequestRules.Handover#ASIDE}), on their way to
 * the service's route: WireMock is handed such a request without its body (it would un-gzip bodies that start with
 * gzip's magic bytes or come with {@code Content-Encoding: gzip}, parse multipart ones and keep every artifact in its
 * journal) and with a Content-Type it cannot choke on. The hand-over is explicit, one request at a time:
 *
 * <ol>
 *   <li>the guard {@linkplain #hold holds} the body and Content-Type as the connection delivered them, and marks the
 *       request it passes on with the hold's token in header {@value #TOKEN_HEADER} (a client's own header of that
 *       name is dropped);</li>
 *   <li>as a WireMock request filter, this takes the token off the request before WireMock journals it or matches
 *       it against any stub, and files the body under the request's serve event;</li>
 *   <li>the {@link StubDispatcher} finds it {@linkplain #of by the serve event} and hands the service a
 *       {@link ServedRequest} with it;</li>
 *   <li>the guard {@linkplain #release releases} it once the request is answered, whoever answered it.</li>
 * </ol>
 *
 * <pre>{@code
 * String token = bodies.hold(new ReceivedBodies.Received(bytes, "multipart/mixed"));
 * try { chain.doFilter(marked(request, token), response); } finally { bodies.release(token); }
 * }</pre>
 */
final class ReceivedBodies implements StubRequestFilterV2 {

    /** The header that carries a hold's token from the guard to this filter; WireMock never keeps it. */
    static final String TOKEN_HEADER = "X-Codepipeline-Testkit-Received";

    /**
     * What the connection delivered.
     *
     * @param body        the body, as sent (in memory, or spilled to a temporary file)
     * @param contentType the Content-Type header as sent, or {@code null}
     */
    record Received(ReceivedBody body, String contentType) {}

    private final AtomicLong tokens = new AtomicLong();
    private final Map<String, Received> byToken = new ConcurrentHashMap<>();
    private final Map<UUID, Received> byServeEvent = new ConcurrentHashMap<>();
    private final Map<String, UUID> serveEventOfToken = new ConcurrentHashMap<>();

    /** Holds a body until {@link #release}; returns the token that marks its request. */
    String hold(Received received) {
        String token = Long.toString(tokens.incrementAndGet());
        byToken.put(token, received);
        return token;
    }

    /** Forgets what was held under {@code token}, once its request is answered. */
    void release(String token) {
        Received released = byToken.remove(token);
        if (released != null) {
            released.body().close(); // deletes its temporary file, if it has one
        }
        UUID serveEvent = serveEventOfToken.remove(token);
        if (serveEvent != null) {
            byServeEvent.remove(serveEvent);
        }
    }

    /** The body held for the request of a serve event, if the guard kept one aside. */
    Optional<Received> of(UUID serveEvent) {
        return Optional.ofNullable(byServeEvent.get(serveEvent));
    }

    @Override
    public String getName() {
        return "codepipeline-testkit-received-bodies";
    }

    /** Files a marked request's body under its serve event and takes the mark off. */
    @Override
    public RequestFilterAction filter(Request request, ServeEvent serveEvent) {
        String token = request.getHeader(TOKEN_HEADER);
        if (token == null) {
            return RequestFilterAction.continueWith(request);
        }
        Received received = byToken.get(token);
        if (received != null) {
            serveEventOfToken.put(token, serveEvent.getId());
            byServeEvent.put(serveEvent.getId(), received);
        }
        return RequestFilterAction.continueWith(RequestWrapper.create().removeHeader(TOKEN_HEADER).wrap(request));
    }
}
