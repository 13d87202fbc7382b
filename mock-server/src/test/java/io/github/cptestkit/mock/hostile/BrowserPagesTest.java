package io.github.cptestkit.mock.hostile;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.github.cptestkit.fixtures.FakeJobs;
import io.github.cptestkit.wire.FakeThirdPartyJob;
import io.github.cptestkit.mock.CodePipelineMock;
import io.github.cptestkit.mock.jobs.JobSnapshot;
import io.github.cptestkit.mock.MockClock;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A web page in a real browser (headless Chromium) tries what the page {@code browser/drive-the-mock.html} does to
 * a mock on this machine: read the admin API and WireMock's journal, queue a job, move the clock, plant a proxy stub,
 * reset. From another origin, or from a name that resolves to the mock (DNS rebinding), nothing is read and nothing
 * changes; from the mock's own origin, and from an origin the mock allows, the same page works (but for the proxy
 * stub), so the refusals are the mock's, not the browser's.
 */
class BrowserPagesTest {

    static final String PAGE_PATH = "/drive-the-mock.html";
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    static final ObjectMapper JSON = new ObjectMapper();
    static final String PAGE = page();

    /** Serves the page from a second local origin: another port, so another origin than the mock's. */
    static WireMockServer otherOrigin;

    @BeforeAll
    static void serveThePageFromAnotherOrigin() {
        otherOrigin = new WireMockServer(options().port(0).bindAddress("127.0.0.1"));
        otherOrigin.start();
        servePageFrom(otherOrigin);
    }

    @AfterAll
    static void stopIt() {
        otherOrigin.stop();
    }

    @Test
    void aPageFromAnotherOriginReadsNothingAndChangesNothing() {
        MockClock clock = MockClock.at(T0);
        try (CodePipelineMock mock = CodePipelineMock.builder().clock(clock).build().start()) {
            FakeThirdPartyJob job = FakeJobs.withSeed(19).thirdParty().build();
            String jobId = mock.enqueue(job);
            int stubs = mock.wireMock().getStubMappings().size();

            JsonNode results = run(URI.create("http://127.0.0.1:" + otherOrigin.port() + PAGE_PATH + "?target="
                    + mock.endpoint()));

            assertThat(results.properties()).allSatisfy(attempt -> {
                assertThat(attempt.getValue().path("read").asBoolean()).as(attempt.getKey() + " read").isFalse();
                assertThat(attempt.getValue().path("body").asText()).as(attempt.getKey()).isEmpty();
            });
            assertNothingChanged(mock, clock, jobId, stubs);
        }
    }

    @Test
    void aPageFromAnAllowedOriginReadsAndDrivesTheMockButPlantsNoProxy() {
        MockClock clock = MockClock.at(T0);
        String pageOrigin = "http://127.0.0.1:" + otherOrigin.port();
        try (CodePipelineMock mock = CodePipelineMock.builder().clock(clock).allowOrigin(pageOrigin).build()
                .start()) {
            String jobId = mock.enqueue(FakeJobs.withSeed(19).thirdParty().build());

            JsonNode results = run(URI.create(pageOrigin + PAGE_PATH + "?target=" + mock.endpoint()));

            assertThat(results.path("jobs").path("read").asBoolean()).isTrue();
            assertThat(results.path("jobs").path("body").asText()).contains(jobId);
            assertThat(results.path("journal").path("status").asInt()).isEqualTo(200);
            assertThat(results.path("queueJob").path("body").asText()).contains("clientToken");
            assertThat(results.path("advanceClock").path("status").asInt()).as("a preflighted POST").isEqualTo(200);
            assertThat(results.path("proxyStub").path("status").asInt()).isEqualTo(403);
            assertThat(results.path("proxyStub").path("body").asText()).contains("AccessDeniedException",
                    "--allow-proxy");
            assertThat(results.path("reset").path("status").asInt()).isEqualTo(200);
            assertThat(mock.jobs()).as("after the page's reset").isEmpty();
            assertThat(clock.instant()).isAfter(T0);
            assertThat(mock.wireMock().getStubMappings()).noneMatch(stub -> stub.getResponse().isProxyResponse());
        }
    }

    @Test
    void aPageFromANameThatResolvesToTheMockIsNotServedAndChangesNothing() {
        MockClock clock = MockClock.at(T0);
        try (CodePipelineMock mock = CodePipelineMock.builder().clock(clock).build().start()) {
            servePageFrom(mock.wireMock());
            String jobId = mock.enqueue(FakeJobs.withSeed(19).thirdParty().build());
            int stubs = mock.wireMock().getStubMappings().size();

            // The attacker's name now resolves to this machine: the page and the mock are one origin to the browser.
            String dom = HeadlessChromium.dumpDom(URI.create("http://rebound.example:" + mock.port() + PAGE_PATH),
                    "--host-resolver-rules=MAP rebound.example 127.0.0.1");

            assertThat(HeadlessChromium.elementText(dom, "results")).as("the page's results").isEmpty();
            assertThat(dom).contains("AccessDenied", "rebound.example");
            assertNothingChanged(mock, clock, jobId, stubs);
        }
    }

    @Test
    void theSamePageServedFromTheMocksOwnOriginDrivesIt() {
        MockClock clock = MockClock.at(T0);
        try (CodePipelineMock mock = CodePipelineMock.builder().clock(clock).build().start()) {
            servePageFrom(mock.wireMock());
            String jobId = mock.enqueue(FakeJobs.withSeed(19).thirdParty().build());

            JsonNode results = run(URI.create("http://localhost:" + mock.port() + PAGE_PATH));

            assertThat(results.path("jobs").path("read").asBoolean()).isTrue();
            assertThat(results.path("jobs").path("body").asText()).contains(jobId);
            assertThat(results.path("journal").path("status").asInt()).isEqualTo(200);
            assertThat(results.path("advanceClock").path("status").asInt()).isEqualTo(200);
            assertThat(results.path("reset").path("status").asInt()).isEqualTo(200);
            assertThat(mock.jobs()).as("after the page's reset").isEmpty();
            assertThat(clock.instant()).isAfter(T0);
        }
    }

    /** Serves the page at {@link #PAGE_PATH}, with any query. */
    static void servePageFrom(WireMockServer server) {
        server.stubFor(get(urlPathEqualTo(PAGE_PATH)).willReturn(aResponse().withHeader("Content-Type", "text/html")
                .withBody(PAGE)));
    }

    /** Loads the page, and reads the outcome of each attempt from the DOM its script wrote. */
    static JsonNode run(URI page) {
        String dom = HeadlessChromium.dumpDom(page);
        String results = HeadlessChromium.elementText(dom, "results").orElseThrow(() -> new AssertionError(
                "the page " + page + " did not load; the browser shows: "
                + dom.substring(0, Math.min(dom.length(), 2_000))));
        try {
            return JSON.readTree(results);
        } catch (IOException e) {
            throw new AssertionError("the page's script did not finish (it shows '" + results + "')", e);
        }
    }

    static void assertNothingChanged(CodePipelineMock mock, MockClock clock, String jobId, int stubs) {
        assertThat(mock.jobs()).extracting(JobSnapshot::jobId).containsExactly(jobId);
        assertThat(clock.instant()).isEqualTo(T0);
        assertThat(mock.wireMock().getStubMappings()).hasSize(stubs)
                .noneMatch(stub -> stub.getResponse().isProxyResponse());
    }

    private static String page() {
        try (InputStream in = BrowserPagesTest.class.getResourceAsStream("/browser" + PAGE_PATH)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
