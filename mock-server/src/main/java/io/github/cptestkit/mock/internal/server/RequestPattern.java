package io.github.cptestkit.mock.internal.server;

import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.common.Urls;
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.matching.MatchResult;
import com.github.tomakehurst.wiremock.matching.RequestMatcherExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Which requests a {@link Route} takes, declared once: from it come both the WireMock request pattern of the route's
 * stub ({@link #mapping()}) and the test {@link RoutingStubStore} routes with ({@link #takes(Request)}), so the two
 * cannot disagree. Each part has its WireMock form and its test side by side:
 *
 * <ul>
 *   <li>the method ({@link #method}): WireMock's method match, {@code RequestMethod.equals};</li>
 *   <li>the path, query aside: exactly ({@link #path}, {@code urlPathEqualTo}) or a regular expression
 *       ({@link #pathMatching}, {@code urlPathMatching}, matched whole with {@link Pattern#DOTALL} as WireMock does);
 *   </li>
 *   <li>headers: one value starting with a prefix ({@link #headerStartingWith}: {@code matching(quote(prefix) + ".*")}),
 *       or present at all ({@link #headerPresent}: {@code matching(".*")});</li>
 *   <li>a test of its own ({@link #matching}): a named WireMock {@link RequestMatcherExtension} that runs the test,
 *       for what patterns cannot say (a signature's credential scope).</li>
 * </ul>
 *
 * <pre>{@code
 * RequestPattern operations = RequestPattern.method(RequestMethod.POST).path("/")
 *         .headerStartingWith("X-Amz-Target", "CodePipeline_20150709.");
 * RequestPattern runtimeApi = RequestPattern.method(RequestMethod.GET)
 *         .pathMatching("/__lambda/[^/]+/2018-06-01/runtime/invocation/next");
 * RequestPattern bucket = RequestPattern.anyRequest().matching("cptestkit-s3-signed-request", S3::isForTheBucket);
 * }</pre>
 */
public final class RequestPattern {

    private record HeaderTest(String name, String prefix) {
        boolean takes(Request request) {
            HttpHeader header = request.header(name);
            // An absent header has no values().
            return header.isPresent() && header.values().stream().anyMatch(value -> value.startsWith(prefix));
        }
    }

    private record OwnTest(String name, Predicate<Request> test) {}

    private final RequestMethod method;
    private final String path;
    private final Pattern pathPattern;
    private final List<HeaderTest> headers;
    private final OwnTest own;

    private RequestPattern(RequestMethod method, String path, Pattern pathPattern, List<HeaderTest> headers,
            OwnTest own) {
        this.method = method;
        this.path = path;
        this.pathPattern = pathPattern;
        this.headers = List.copyOf(headers);
        this.own = own;
    }

    /** Any method, any path. */
    public static RequestPattern anyRequest() {
        return new RequestPattern(RequestMethod.ANY, null, null, List.of(), null);
    }

    /** Requests of one method, any path. */
    public static RequestPattern method(RequestMethod method) {
        return new RequestPattern(Objects.requireNonNull(method, "method"), null, null, List.of(), null);
    }

    /** This pattern for exactly this path (the query aside). */
    public RequestPattern path(String exactPath) {
        requireNoPath();
        return new RequestPattern(method, Objects.requireNonNull(exactPath, "exactPath"), null, headers, own);
    }

    /** This pattern for paths (the query aside) that the regular expression matches whole. */
    public RequestPattern pathMatching(String regex) {
        requireNoPath();
        return new RequestPattern(method, null, Pattern.compile(regex, Pattern.DOTALL), headers, own);
    }

    /** This pattern for requests with a value of header {@code name} (case-insensitive) that starts with {@code prefix}. */
    public RequestPattern headerStartingWith(String name, String prefix) {
        List<HeaderTest> more = new ArrayList<>(headers);
        more.add(new HeaderTest(Objects.requireNonNull(name, "name"), Objects.requireNonNull(prefix, "prefix")));
        return new RequestPattern(method, path, pathPattern, more, own);
    }

    /** This pattern for requests that carry header {@code name} (case-insensitive), whatever its value. */
    public RequestPattern headerPresent(String name) {
        return headerStartingWith(name, "");
    }

    /**
     * This pattern for requests that pass {@code test} too, which WireMock runs as the request matcher extension
     * {@code matcherName} (one per pattern).
     */
    public RequestPattern matching(String matcherName, Predicate<Request> test) {
        if (own != null) {
            throw new IllegalStateException("a request pattern has one test of its own, already " + own.name()
                    + "; combine the tests into one");
        }
        return new RequestPattern(method, path, pathPattern, headers,
                new OwnTest(Objects.requireNonNull(matcherName, "matcherName"), Objects.requireNonNull(test, "test")));
    }

    /** The WireMock request pattern: the start of the route's stub. */
    public MappingBuilder mapping() {
        MappingBuilder mapping = WireMock.request(method.getName(), path != null ? urlPathEqualTo(path)
                : pathPattern != null ? urlPathMatching(pathPattern.pattern()) : anyUrl());
        for (HeaderTest header : headers) {
            mapping.withHeader(header.name(), WireMock.matching(Pattern.quote(header.prefix()) + ".*"));
        }
        if (own != null) {
            mapping.andMatching(own.name());
        }
        return mapping;
    }

    /** The WireMock extension that runs this pattern's own test, if it has one: to register with the server. */
    public Optional<RequestMatcherExtension> matcher() {
        if (own == null) {
            return Optional.empty();
        }
        return Optional.of(new RequestMatcherExtension() {
            @Override
            public String getName() {
                return own.name();
            }

            @Override
            public MatchResult match(Request request, Parameters parameters) {
                return MatchResult.of(own.test().test(request));
            }
        });
    }

    /** Whether the pattern matches a request, decided without WireMock's matching. */
    public boolean takes(Request request) {
        if (method != RequestMethod.ANY && !method.equals(request.getMethod())) {
            return false;
        }
        if (path != null || pathPattern != null) {
            String requestPath = Urls.getPath(request.getUrl());
            if (path != null ? !path.equals(requestPath) : !pathPattern.matcher(requestPath).matches()) {
                return false;
            }
        }
        for (HeaderTest header : headers) {
            if (!header.takes(request)) {
                return false;
            }
        }
        return own == null || own.test().test(request);
    }

    private void requireNoPath() {
        if (path != null || pathPattern != null) {
            throw new IllegalStateException("a request pattern has one path, already "
                    + (path != null ? path : pathPattern.pattern()));
        }
    }

    @Override
    public String toString() {
        return "RequestPattern[" + method + " " + (path != null ? path : pathPattern != null ? pathPattern : "any")
                + ", headers " + headers + (own == null ? "" : ", " + own.name()) + "]";
    }
}
