package io.github.cptestkit.mock.internal.server;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.store.InMemoryStubMappingStore;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import io.github.cptestkit.mock.CodePipelineMock;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RoutingStubStoreTest {

    private static final String S3_SIGNED = "AWS4-HMAC-SHA256 Credential=AKIAEXAMPLE/20260101/us-east-1/s3/aws4_request,"
            + " SignedHeaders=host;x-amz-date, Signature=0123456789abcdef";
    private static final String CODEPIPELINE_SIGNED = S3_SIGNED.replace("/s3/", "/codepipeline/");

    /** Requests on either side of every stub's pattern: method, path and query, headers (a name may repeat). */
    private static final List<Sent> CORPUS = List.of(
            new Sent("POST", "/", "X-Amz-Target", "CodePipeline_20150709.PollForThirdPartyJobs"),
            new Sent("POST", "/?any=query", "X-Amz-Target", "CodePipeline_20150709.GetJobDetails"),
            new Sent("POST", "/", "x-amz-target", "CodePipeline_20150709.AcknowledgeJob"),
            new Sent("POST", "/", "X-Amz-Target", "CodePipeline_20150709.NoSuchOperation"),
            new Sent("POST", "/", "X-Amz-Target", "CodePipeline_20150709."),
            new Sent("POST", "/", "X-Amz-Target", "codepipeline_20150709.PollForJobs"),
            new Sent("POST", "/", "X-Amz-Target", "Logs_20140328.PutLogEvents"),
            new Sent("POST", "/", "X-Amz-Target", ""),
            new Sent("POST", "/", "X-Amz-Target", "Logs_20140328.PutLogEvents", "X-Amz-Target",
                    "CodePipeline_20150709.PollForJobs"),
            new Sent("POST", "/"),
            new Sent("GET", "/", "X-Amz-Target", "CodePipeline_20150709.PollForJobs"),
            new Sent("PUT", "/", "X-Amz-Target", "CodePipeline_20150709.PollForJobs"),
            new Sent("POST", "/jobs", "X-Amz-Target", "CodePipeline_20150709.PollForJobs"),
            new Sent("POST", "/", "X-Amz-Target", "CodePipeline_20150709.PollForJobs", "Authorization",
                    CODEPIPELINE_SIGNED),
            new Sent("POST", "/", "X-Amz-Target", "CodePipeline_20150709.PollForJobs", "Authorization", S3_SIGNED),
            new Sent("GET", "/bucket/key", "Authorization", S3_SIGNED),
            new Sent("PUT", "/bucket/key", "Authorization", S3_SIGNED),
            new Sent("GET", "/bucket/key?X-Amz-Credential=AKIAEXAMPLE%2F20260101%2Fus-east-1%2Fs3%2Faws4_request"),
            new Sent("GET", "/bucket/key?AWSAccessKeyId=AKIAEXAMPLE&Signature=abc&Expires=1"),
            new Sent("GET", "/bucket/key", "Authorization", "AWS AKIAEXAMPLE:c2lnbmF0dXJl"),
            new Sent("GET", "/bucket/key"),
            new Sent("DELETE", "/bucket/key", "Authorization", CODEPIPELINE_SIGNED),
            // the Lambda Runtime API's routes, for a function the mock does not know (answered at once, 404)
            new Sent("GET", "/__lambda/Deploy/2018-06-01/runtime/invocation/next"),
            new Sent("POST", "/__lambda/Deploy/2018-06-01/runtime/invocation/r-1/response"),
            new Sent("POST", "/__lambda/Deploy/2018-06-01/runtime/invocation/r-1/error"),
            new Sent("POST", "/__lambda/Deploy/2018-06-01/runtime/init/error"),
            new Sent("GET", "/__lambda/Deploy/2020-01-01/runtime/invocation/next"),
            new Sent("POST", "/__lambda/Deploy/2018-06-01/runtime/invocation/next"));

    private static CodePipelineMock mock;
    private static RoutingStubStore store;
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    static void start() {
        mock = CodePipelineMock.builder().build().start();
        store = (RoutingStubStore) mock.wireMock().getOptions().getStores().getStubStore();
    }

    @AfterAll
    static void stop() {
        mock.stop();
    }

    @BeforeEach
    void reset() {
        mock.reset();
    }

    @Test
    void everyRequestIsAnsweredByTheSameStubWhetherRoutedOrMatchedByWireMock() {
        assertThat(store.isRouting()).as("routing with only the mock's stubs").isTrue();
        Map<Sent, Answer> routed = sendAll();

        // A stub of the user's that matches none of the corpus turns routing off: WireMock evaluates every pattern.
        mock.wireMock().stubFor(get(urlEqualTo("/never/asked")).atPriority(1).willReturn(ok()));
        assertThat(store.isRouting()).as("routing with a user stub").isFalse();
        Map<Sent, Answer> matched = sendAll();

        assertThat(routed).isEqualTo(matched);
        assertThat(routed.values()).extracting(Answer::matchedStub).doesNotContainNull()
                .as("the corpus reaches every one of the mock's stubs").hasSizeGreaterThan(0)
                .containsAll(mock.wireMock().getStubMappings().stream()
                        .filter(stub -> stub.getPriority() != null && stub.getPriority() > 5)
                        .map(stub -> stub.getId().toString()).toList());
    }

    @Test
    void aUserStubTurnsRoutingOffSoThatItWinsAndAResetTurnsRoutingBackOn() {
        mock.wireMock().stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(418)));

        assertThat(store.isRouting()).isFalse();
        assertThat(send(CORPUS.get(0)).status()).isEqualTo(418);

        mock.reset();
        assertThat(store.isRouting()).isTrue();
        assertThat(send(CORPUS.get(0)).status()).as("the emulator refuses the poll's empty body").isEqualTo(400);
    }

    @Test
    void editingOneOfTheMocksStubsTurnsRoutingOffUntilTheStubsAreReset() {
        StubMapping emulators = mock.wireMock().getStubMappings().stream()
                .filter(stub -> Integer.valueOf(StubPriority.OPERATION.value()).equals(stub.getPriority()))
                .findFirst().orElseThrow();
        mock.wireMock().editStub(any(anyUrl()).withId(emulators.getId()).atPriority(StubPriority.OPERATION.value())
                .willReturn(aResponse().withStatus(503)));

        assertThat(store.isRouting()).isFalse();
        assertThat(send(CORPUS.get(0)).status()).as("the edited stub answers").isEqualTo(503);

        mock.reset();
        assertThat(store.isRouting()).isTrue();
    }

    @Test
    void routesAreTriedInWireMocksOrderOfPriorityWhateverTheirOwnOrder() {
        StubMapping low = any(anyUrl()).withId(UUID.randomUUID()).atPriority(50).willReturn(ok()).build();
        StubMapping high = any(anyUrl()).withId(UUID.randomUUID()).atPriority(10).willReturn(ok()).build();
        RoutingStubStore routing = new RoutingStubStore(new InMemoryStubMappingStore(),
                List.of(new StubRoute(low.getId(), request -> true), new StubRoute(high.getId(), request -> true)));
        assertThat(routing.isRouting()).as("before the stubs are added").isFalse();

        routing.add(low);
        assertThat(routing.isRouting()).as("with one of two routed stubs").isFalse();
        routing.add(high);

        assertThat(routing.isRouting()).isTrue();
        Request anyRequest = null; // the routes take every request without looking at it
        assertThat(routing.findAllMatchingRequest(anyRequest, Map.of(), event -> { }).toList()).containsExactly(high);

        routing.remove(high.getId());
        assertThat(routing.isRouting()).isFalse();
        routing.add(high);
        routing.clear();
        assertThat(routing.isRouting()).isFalse();
    }

    private static Map<Sent, Answer> sendAll() {
        Map<Sent, Answer> answers = new LinkedHashMap<>();
        CORPUS.forEach(sent -> answers.put(sent, send(sent)));
        return answers;
    }

    private static Answer send(Sent sent) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(mock.endpoint() + sent.pathAndQuery()))
                .method(sent.method(), HttpRequest.BodyPublishers.ofString("{}"))
                .header("Content-Type", "application/x-amz-json-1.1");
        for (int i = 0; i < sent.headers().size(); i += 2) {
            request.header(sent.headers().get(i), sent.headers().get(i + 1));
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().firstValue("Matched-Stub-Id").orElse(null));
        } catch (IOException e) {
            throw new UncheckedIOException(sent + " got no answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private record Sent(String method, String pathAndQuery, List<String> headers) {
        Sent(String method, String pathAndQuery, String... headers) {
            this(method, pathAndQuery, List.of(headers));
        }
    }

    private record Answer(int status, String matchedStub) {}
}
