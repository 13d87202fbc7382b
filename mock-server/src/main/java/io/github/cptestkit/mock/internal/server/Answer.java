package io.github.cptestkit.mock.internal.server;

import com.github.tomakehurst.wiremock.http.Fault;
import io.github.cptestkit.mock.internal.body.StreamedBody;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a service answers to a request, whatever protocol it speaks: the status, the headers in their order and the
 * body (none when it is empty, as for HEAD); or, for an injected fault, a delay before it or a broken connection
 * instead of it. The mock's server sends it: through WireMock for a route's answer, straight to the connection for a
 * refusal of the {@link RequestGuard}. A download's body is {@linkplain #streamed streamed}: read as it is sent
 * ({@link StreamedBodies}), never held whole.
 *
 * <pre>{@code
 * Answer ok = Answer.of(200, Map.of("Content-Type", "application/x-amz-json-1.1"), body);
 * Answer slow = ok.delayedBy(Duration.ofSeconds(3));
 * Answer reset = Answer.fault(Fault.CONNECTION_RESET_BY_PEER);
 * }</pre>
 *
 * @param status  the HTTP status (ignored when {@code fault} is set)
 * @param headers the headers, in the order they are sent
 * @param body    the body bytes; empty for none
 * @param delay   how long to wait before answering; zero for no delay
 * @param fault   the connection fault to send instead of an answer, or {@code null}
 * @param stream  a body sent as it is read instead of {@code body}, or {@code null}
 */
public record Answer(int status, Map<String, String> headers, byte[] body, Duration delay, Fault fault,
        StreamedBody stream) {

    public Answer {
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(headers, "headers")));
        body = body == null ? new byte[0] : body;
        Objects.requireNonNull(delay, "delay");
    }

    /** An answer sent at once. */
    public static Answer of(int status, Map<String, String> headers, byte[] body) {
        return new Answer(status, headers, body, Duration.ZERO, null, null);
    }

    /** An answer whose body is sent as it is read; {@code headers} give its Content-Length. */
    public static Answer streamed(int status, Map<String, String> headers, StreamedBody stream) {
        return new Answer(status, headers, null, Duration.ZERO, null, Objects.requireNonNull(stream, "stream"));
    }

    /** A broken connection instead of an answer. */
    public static Answer fault(Fault fault) {
        return new Answer(0, Map.of(), new byte[0], Duration.ZERO, Objects.requireNonNull(fault, "fault"), null);
    }

    /** This answer, sent after {@code delay}. */
    public Answer delayedBy(Duration delay) {
        return new Answer(status, headers, body, delay, fault, stream);
    }

    @Override
    public String toString() {
        return fault != null ? "Answer[" + fault + "]"
                : "Answer[" + status + ", " + headers + ", body=" + (stream == null ? body.length : stream.length())
                + " bytes]";
    }
}
