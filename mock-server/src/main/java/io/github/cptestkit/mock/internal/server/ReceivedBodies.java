package io.github.cptestkit.mock.internal.server;

import java.util.Optional;

/**
 * The body and Content-Type of the artifact-bucket request being served on this thread, as the mock's request guard
 * received them from the connection. WireMock is handed such a request without its body (it would un-gzip bodies
 * that start with gzip's magic bytes or come with {@code Content-Encoding: gzip}, and keep every artifact in its
 * journal) and with a Content-Type it cannot choke on; the {@link StubDispatcher} takes both from here into the
 * {@link ServedRequest} it hands the service, so the bucket sees the bytes that were signed.
 *
 * <pre>{@code
 * ReceivedBodies.set(new ReceivedBodies.Received(bytes, "multipart/mixed"));
 * try { chain.doFilter(wrapped, response); } finally { ReceivedBodies.clear(); }
 * }</pre>
 */
public final class ReceivedBodies {

    /**
     * What the connection delivered.
     *
     * @param body        the body bytes, as sent
     * @param contentType the Content-Type header as sent, or {@code null}
     */
    public record Received(byte[] body, String contentType) {}

    private static final ThreadLocal<Received> CURRENT = new ThreadLocal<>();

    private ReceivedBodies() {}

    /** Records the request now being served on this thread. */
    public static void set(Received received) {
        CURRENT.set(received);
    }

    /** Forgets it, once the request is answered. */
    public static void clear() {
        CURRENT.remove();
    }

    /** The request being served on this thread, when the guard received it. */
    public static Optional<Received> current() {
        return Optional.ofNullable(CURRENT.get());
    }
}
