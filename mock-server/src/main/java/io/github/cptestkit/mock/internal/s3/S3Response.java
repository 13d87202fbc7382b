package io.github.cptestkit.mock.internal.s3;

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
 * @param body    the body; empty for HEAD and for answers without one
 */
public record S3Response(int status, Map<String, String> headers, byte[] body) {

    public S3Response {
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        body = body == null ? new byte[0] : body;
    }

    /** The answer as the mock's server sends it. */
    public Answer toAnswer() {
        return Answer.of(status, headers, body);
    }

    /** The body as UTF-8 text (XML for errors and results). */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "S3Response[" + status + ", " + headers + ", body=" + body.length + " bytes]";
    }
}
