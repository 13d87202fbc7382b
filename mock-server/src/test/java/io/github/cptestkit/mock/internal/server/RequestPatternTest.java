package io.github.cptestkit.mock.internal.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.http.ImmutableRequest;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.matching.RequestMatcherExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestPatternTest {

    private static final String NEXT = "/__lambda/[^/]+/2018-06-01/runtime/invocation/next";

    /** Every form a route can declare, as the CodePipeline, S3 and a Lambda Runtime API service would. */
    private static final List<RequestPattern> PATTERNS = List.of(
            RequestPattern.anyRequest(),
            RequestPattern.method(RequestMethod.POST).path("/").headerStartingWith("X-Amz-Target", "CodePipeline_"),
            RequestPattern.method(RequestMethod.POST).path("/").headerPresent("X-Amz-Target"),
            RequestPattern.method(RequestMethod.GET).pathMatching(NEXT),
            RequestPattern.method(RequestMethod.POST).pathMatching("/__lambda/[^/]+/2018-06-01/runtime/invocation/"
                    + "[^/]+/(response|error)"),
            RequestPattern.anyRequest().matching("signed-for-s3", request -> String.valueOf(
                    request.getHeader("Authorization")).contains("/s3/aws4_request")));

    private static final List<Request> CORPUS = List.of(
            request(RequestMethod.POST, "/", "X-Amz-Target", "CodePipeline_20150709.PollForJobs"),
            request(RequestMethod.POST, "/?q=1", "x-amz-target", "CodePipeline_20150709.AcknowledgeJob"),
            request(RequestMethod.POST, "/", "X-Amz-Target", "Logs_20140328.PutLogEvents"),
            request(RequestMethod.POST, "/", "X-Amz-Target", ""),
            request(RequestMethod.POST, "/"),
            request(RequestMethod.PUT, "/", "X-Amz-Target", "CodePipeline_20150709.PollForJobs"),
            request(RequestMethod.POST, "/jobs", "X-Amz-Target", "CodePipeline_20150709.PollForJobs"),
            request(RequestMethod.GET, "/__lambda/Deploy/2018-06-01/runtime/invocation/next"),
            request(RequestMethod.GET, "/__lambda/Deploy/2018-06-01/runtime/invocation/next?x=1"),
            request(RequestMethod.GET, "/__lambda/Deploy/Other/2018-06-01/runtime/invocation/next"),
            request(RequestMethod.POST, "/__lambda/Deploy/2018-06-01/runtime/invocation/8476a536/response"),
            request(RequestMethod.POST, "/__lambda/Deploy/2018-06-01/runtime/invocation/8476a536/error"),
            request(RequestMethod.POST, "/__lambda/Deploy/2018-06-01/runtime/invocation/8476a536/other"),
            request(RequestMethod.GET, "/bucket/key", "Authorization",
                    "AWS4-HMAC-SHA256 Credential=AKID/20260101/us-east-1/s3/aws4_request, Signature=0"),
            request(RequestMethod.GET, "/bucket/key"));

    @Test
    void aPatternsTestTakesExactlyTheRequestsItsWireMockStubMatches() {
        List<String> compared = new ArrayList<>();
        for (RequestPattern pattern : PATTERNS) {
            com.github.tomakehurst.wiremock.matching.RequestPattern wireMock = pattern.mapping().build().getRequest();
            Map<String, RequestMatcherExtension> matchers = pattern.matcher()
                    .map(matcher -> Map.of(matcher.getName(), matcher)).orElse(Map.of());
            for (Request request : CORPUS) {
                assertThat(pattern.takes(request)).as(pattern + " on " + request.getMethod() + " " + request.getUrl())
                        .isEqualTo(wireMock.match(request, matchers).isExactMatch());
                compared.add(pattern.takes(request) ? "taken" : "left");
            }
        }
        assertThat(compared).as("the corpus has requests on both sides of the patterns").contains("taken", "left");
    }

    @Test
    void aPatternHasOnePathAndOneTestOfItsOwn() {
        assertThatThrownBy(() -> RequestPattern.anyRequest().path("/").pathMatching("/.*"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("one path, already /");
        assertThatThrownBy(() -> RequestPattern.anyRequest().matching("a", request -> true).matching("b",
                request -> true)).isInstanceOf(IllegalStateException.class).hasMessageContaining("already a");
    }

    private static Request request(RequestMethod method, String pathAndQuery, String... headers) {
        ImmutableRequest.Builder request = ImmutableRequest.create()
                .withAbsoluteUrl("http://localhost:8080" + pathAndQuery)
                .withMethod(method);
        for (int i = 0; i < headers.length; i += 2) {
            request.withHeader(headers[i], headers[i + 1]);
        }
        return request.build();
    }
}
