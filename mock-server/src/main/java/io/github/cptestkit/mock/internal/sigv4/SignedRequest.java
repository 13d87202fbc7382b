package io.github.cptestkit.mock.internal.sigv4;

import io.github.cptestkit.mock.internal.body.ReceivedBody;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An HTTP request as it arrived, before any decoding: what SigV4 signs.
 *
 * <pre>{@code
 * SignedRequest request = new SignedRequest("GET", "/bucket/my%20key", "x-id=GetObject",
 *         Map.of("Host", List.of("localhost:8080"), "Authorization", List.of("AWS4-HMAC-SHA256 ...")), new byte[0]);
 * request.header("host");   // Optional[localhost:8080]
 * }</pre>
 *
 * @param method   the HTTP method, upper case
 * @param rawPath  the path exactly as sent (percent-encoded), starting with {@code /}
 * @param rawQuery the query string exactly as sent, without {@code ?}; empty when there is none
 * @param headers  the headers; names are matched case-insensitively and kept in lower case
 * @param payload  the body as sent (still aws-chunked encoded when it was), in memory or spilled to a file
 */
public record SignedRequest(String method, String rawPath, String rawQuery, Map<String, List<String>> headers,
        ReceivedBody payload) {

    public SignedRequest {
        Objects.requireNonNull(method, "method");
        rawPath = rawPath == null || rawPath.isEmpty() ? "/" : rawPath;
        rawQuery = rawQuery == null ? "" : rawQuery;
        payload = payload == null ? ReceivedBody.of(null) : payload;
        Map<String, List<String>> lower = new TreeMap<>();
        if (headers != null) {
            headers.forEach((name, values) -> lower.computeIfAbsent(name.toLowerCase(Locale.ROOT),
                    n -> new ArrayList<>()).addAll(values));
        }
        lower.replaceAll((name, values) -> List.copyOf(values));
        headers = Collections.unmodifiableMap(lower);
    }

    /** A request with its body in memory (not copied). */
    public SignedRequest(String method, String rawPath, String rawQuery, Map<String, List<String>> headers,
            byte[] body) {
        this(method, rawPath, rawQuery, headers, ReceivedBody.of(body));
    }

    /** A request from a URL path with an optional {@code ?query}, as servers report it. */
    public static SignedRequest of(String method, String pathAndQuery, Map<String, List<String>> headers,
            byte[] body) {
        return received(method, pathAndQuery, headers, ReceivedBody.of(body));
    }

    /** A request from a URL path with an optional {@code ?query}, its body as received (maybe spilled to a file). */
    public static SignedRequest received(String method, String pathAndQuery, Map<String, List<String>> headers,
            ReceivedBody body) {
        int question = pathAndQuery.indexOf('?');
        return question < 0
                ? new SignedRequest(method, pathAndQuery, "", headers, body)
                : new SignedRequest(method, pathAndQuery.substring(0, question),
                        pathAndQuery.substring(question + 1), headers, body);
    }

    /** The values of a header (case-insensitive name), joined with commas as SigV4 does; empty if absent. */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(String.join(",", values));
    }

    /** The decoded query parameters, first value of each name (names are case-sensitive, as in S3). */
    public Map<String, String> queryParameters() {
        Map<String, String> parameters = new TreeMap<>();
        for (String[] pair : SigV4.queryPairs(rawQuery)) {
            parameters.putIfAbsent(SigV4.percentDecode(pair[0]), SigV4.percentDecode(pair[1]));
        }
        return parameters;
    }

    /** The body in one array: for bodies known to be small (an upload is read through {@link #payload()}). */
    public byte[] body() {
        return payload.bytes();
    }

    /** Hides the body and the credentials in the headers. */
    @Override
    public String toString() {
        return "SignedRequest[" + method + " " + rawPath + (rawQuery.isEmpty() ? "" : "?…") + ", body="
                + payload.size() + " bytes]";
    }

}
