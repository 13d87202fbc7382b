package io.github.cptestkit.mock.internal.sigv4;

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
 * @param body     the body bytes as sent (still aws-chunked encoded when it was); not copied
 */
public record SignedRequest(String method, String rawPath, String rawQuery, Map<String, List<String>> headers,
        byte[] body) {

    public SignedRequest {
        Objects.requireNonNull(method, "method");
        rawPath = rawPath == null || rawPath.isEmpty() ? "/" : rawPath;
        rawQuery = rawQuery == null ? "" : rawQuery;
        body = body == null ? new byte[0] : body;
        Map<String, List<String>> lower = new TreeMap<>();
        if (headers != null) {
            headers.forEach((name, values) -> lower.computeIfAbsent(name.toLowerCase(Locale.ROOT),
                    n -> new ArrayList<>()).addAll(values));
        }
        lower.replaceAll((name, values) -> List.copyOf(values));
        headers = Collections.unmodifiableMap(lower);
    }

    /** A request from a URL path with an optional {@code ?query}, as servers report it. */
    public static SignedRequest of(String method, String pathAndQuery, Map<String, List<String>> headers,
            byte[] body) {
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

    /** Hides the body and the credentials in the headers. */
    @Override
    public String toString() {
        return "SignedRequest[" + method + " " + rawPath + (rawQuery.isEmpty() ? "" : "?…") + ", body="
                + body.length + " bytes]";
    }

}
