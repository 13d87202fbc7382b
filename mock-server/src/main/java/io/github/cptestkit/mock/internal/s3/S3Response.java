package io.github.cptestkit.mock.internal.s3;

import io.github.cptestkit.mock.internal.body.StreamedBody;
import io.github.cptestkit.mock.internal.server.Answer;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An answer of the S3 edge, ready for any HTTP server to send.
 *
 * <pre>{@code
 * S3Response response = emulator.handle(request);
 * response.status();                    // 200
 * response.headers().get("ETag");       // "\"9e107d9d372bb6826bd81d3542a419d6\""
 * }</pre>
 *
 * @param status  the HTTP status
 * @param headers the headers, in order (Content-Length always among them)
 * @param body    the body; empty for HEAD, for answers without one and for a download's
 * @param stream  a download's body, sent as it is read (GetObject), or {@code null}
 */
public record S3Response(int status, Map<String, String> headers, byte[] body, StreamedBody stream) {

    public S3Response {
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        body = body == null ? new byte[0] : body;
    }

    /** An answer with its body in memory (or none). */
    public S3Response(int status, Map<String, String> headers, byte[] body) {
        this(status, headers, body, null);
    }

    /** This answer with a download's body instead of its own, sent as it is read. */
    S3Response streaming(StreamedBody download) {
        return new S3Response(status, headers, null, download);
    }

    /** The answer as the mock's server sends it. */
    public Answer toAnswer() {
        return stream == null ? Answer.of(status, headers, body) : Answer.streamed(status, headers, stream);
    }

    /** The body as UTF-8 text (XML for errors and results; a download's body, read). */
    public String bodyText() {
        return new String(stream == null ? body : stream.readAll(), StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "S3Response[" + status + ", " + headers + ", body=" + (stream == null ? body.length
                : stream.length()) + " bytes]";
    }
}
