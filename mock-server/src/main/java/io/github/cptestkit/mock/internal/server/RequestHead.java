package io.github.cptestkit.mock.internal.server;

import com.github.tomakehurst.wiremock.common.Urls;
import com.github.tomakehurst.wiremock.http.Request;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * What is known of a request before its body is read: enough to tell which {@link MockService} it is for
 * ({@link MockService#claims}) and to word a refusal in that service's protocol.
 *
 * <pre>{@code
 * RequestHead head = new RequestHead("POST", "/", request::getHeader);
 * head.header("X-Amz-Target");   // "CodePipeline_20150709.PollForJobs"
 * }</pre>
 *
 * @param method  the HTTP method
 * @param path    the path, without the query
 * @param headers a header's first value by name (case-insensitive), or {@code null}
 */
public record RequestHead(String method, String path, UnaryOperator<String> headers) {

    public RequestHead {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(headers, "headers");
    }

    /** A request as WireMock received it. */
    public static RequestHead of(Request request) {
        return new RequestHead(request.getMethod().getName(), Urls.getPath(request.getUrl()), request::getHeader);
    }

    /** A header's first value, or {@code null}. */
    public String header(String name) {
        return headers.apply(name);
    }

    /** Whether the path is {@code prefix} or below it ({@code prefix/...}). */
    public boolean isUnder(String prefix) {
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }
}
