package io.github.cptestkit.mock.internal.server;

import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.Request;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A request as a {@link Route}'s handler gets it: what WireMock received, with the body and Content-Type as the
 * connection delivered them. For a service whose body the guard keeps aside ({@link RequestRules.Handover#ASIDE})
 * WireMock saw none; here it is, handed to the service with the request.
 *
 * <pre>{@code
 * Answer answer(ServedRequest request) {
 *     SignedRequest signed = SignedRequest.of(request.method(), request.url(), request.headers(), request.body());
 *     ...
 * }
 * }</pre>
 */
public final class ServedRequest {

    private final Request request;
    private final byte[] body;
    private final String contentType;
    private final boolean keptAside;

    private ServedRequest(Request request, byte[] body, String contentType, boolean keptAside) {
        this.request = Objects.requireNonNull(request, "request");
        this.body = body == null ? new byte[0] : body;
        this.contentType = contentType;
        this.keptAside = keptAside;
    }

    /** A request whose body WireMock holds. */
    public static ServedRequest of(Request request) {
        return new ServedRequest(request, request.getBody(), null, false);
    }

    /** A request whose body and Content-Type the guard kept aside, as the connection delivered them. */
    public static ServedRequest of(Request request, byte[] body, String contentType) {
        return new ServedRequest(request, body, contentType, true);
    }

    /** The request as WireMock received it (for a body kept aside, without it). */
    public Request wireMock() {
        return request;
    }

    /** The HTTP method, upper case. */
    public String method() {
        return request.getMethod().getName();
    }

    /** The path and query as sent, e.g. {@code /bucket/my%20key?x-id=GetObject}. */
    public String url() {
        return request.getUrl();
    }

    /** The method, path and headers. */
    public RequestHead head() {
        return RequestHead.of(request);
    }

    /** A header's first value (case-insensitive name), or {@code null}. */
    public String header(String name) {
        return request.getHeader(name);
    }

    /** Every header with its values, in the order received; the Content-Type as sent. */
    public Map<String, List<String>> headers() {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (HttpHeader header : request.getHeaders().all()) {
            headers.computeIfAbsent(header.key(), name -> new ArrayList<>()).addAll(header.values());
        }
        if (keptAside) {
            headers.keySet().removeIf(name -> name.equalsIgnoreCase("Content-Type"));
            if (contentType != null) {
                headers.put("Content-Type", List.of(contentType));
            }
        }
        return headers;
    }

    /** The body bytes as sent; not copied. */
    public byte[] body() {
        return body;
    }

    /** Hides the body and the headers (credentials). */
    @Override
    public String toString() {
        return "ServedRequest[" + method() + " " + RequestHead.of(request).path() + ", body=" + body.length
                + " bytes]";
    }
}
