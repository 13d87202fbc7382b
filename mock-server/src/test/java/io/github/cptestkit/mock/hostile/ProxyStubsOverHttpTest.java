package io.github.cptestkit.mock.hostile;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.recording.RecordingStatus;
import io.github.cptestkit.mock.CodePipelineMock;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * WireMock's HTTP admin API takes no proxy stub, webhook or recording unless the mock allows them, whatever form
 * WireMock would read; plain stubs go on being taken, and in Java, through {@code mock.wireMock()}, every WireMock
 * feature stays.
 */
class ProxyStubsOverHttpTest {

    static WireMockServer localService;
    static CodePipelineMock mock;
    static RawHttp http;

    @BeforeAll
    static void start() {
        // A service only this machine reaches, which a proxy stub would expose.
        localService = new WireMockServer(options().port(0).bindAddress("127.0.0.1"));
        localService.start();
        localService.stubFor(get("/secret").willReturn(aResponse().withBody("local secret")));
        mock = CodePipelineMock.builder().build().start();
        http = new RawHttp(mock.endpoint());
    }

    @AfterAll
    static void stop() {
        mock.close();
        localService.stop();
    }

    @AfterEach
    void reset() {
        mock.reset();
    }

    String target() {
        return "http://127.0.0.1:" + localService.port();
    }

    RawHttp.Answer post(String path, String json) {
        return http.send("POST", path, Map.of("Content-Type", "application/json"),
                json.getBytes(StandardCharsets.UTF_8));
    }

    static void assertRefused(RawHttp.Answer answer, String what) {
        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.header("x-amzn-ErrorType")).isEqualTo("AccessDeniedException");
        assertThat(answer.text()).contains(what, "--allow-proxy", "allowProxy(true)", "mock.wireMock()");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"request\": {\"urlPath\": \"/secret\"}, \"response\": {\"proxyBaseUrl\": \"TARGET\"}}",
            "{'request': {'urlPath': '/secret'}, 'response': {'proxyBaseUrl': 'TARGET'}}",
            "{\"request\": {\"urlPath\": \"/secret\"}, /* comment */ \"response\": {\"proxyBaseUrl\": \"TARGET\"}}"})
    void aProxyStubIsRefusedInAnyFormWireMockReads(String stub) {
        assertRefused(post("/__admin/mappings", stub.replace("TARGET", target())), "Proxy stubs");
        assertThat(mock.wireMock().getStubMappings()).noneMatch(mapping -> mapping.getResponse().isProxyResponse());
        assertThat(http.send("GET", "/secret", Map.of(), null).text()).doesNotContain("local secret");
    }

    @Test
    void aStubCannotBeEditedOrImportedIntoAProxy() {
        RawHttp.Answer created = post("/__admin/mappings", "{\"request\": {\"urlPath\": \"/plain\"},"
                + " \"response\": {\"status\": 200, \"body\": \"plain\"}}");
        assertThat(created.status()).as("a plain stub").isEqualTo(201);
        String id = created.text().replaceAll("(?s).*\"id\" : \"([^\"]+)\".*", "$1");
        String proxy = "{\"request\": {\"urlPath\": \"/plain\"}, \"response\": {\"proxyBaseUrl\": \"" + target()
                + "\"}}";
        assertRefused(http.send("PUT", "/__admin/mappings/" + id, Map.of(), proxy.getBytes(StandardCharsets.UTF_8)),
                "Proxy stubs");
        assertRefused(post("/__admin/mappings/edit", proxy.replace("{\"request\"", "{\"id\": \"" + id
                + "\", \"request\"")), "Proxy stubs");
        assertRefused(post("/__admin/mappings/import", "{\"mappings\": [" + proxy + "]}"), "Proxy stubs");
        assertThat(http.send("GET", "/plain", Map.of(), null).text()).isEqualTo("plain");
    }

    @Test
    void aWebhookIsRefused() {
        assertRefused(post("/__admin/mappings", "{\"request\": {\"urlPath\": \"/hook\"}, \"response\": {},"
                + " \"serveEventListeners\": [{\"name\": \"webhook\", \"parameters\": {\"method\": \"POST\","
                + " \"url\": \"" + target() + "/secret\"}}]}"), "Webhooks");
        assertRefused(post("/__admin/mappings", "{\"request\": {\"urlPath\": \"/hook\"}, \"response\": {},"
                + " \"postServeActions\": [{\"name\": \"webhook\", \"parameters\": {\"url\": \"" + target()
                + "\"}}]}"), "Webhooks");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/__admin/recordings/start", "/__admin/__admin/recordings/start"})
    void recordingIsRefused(String path) {
        assertRefused(post(path, "{\"targetBaseUrl\": \"" + target() + "\"}"), "Recording");
        assertThat(mock.wireMock().getRecordingStatus().getStatus()).isEqualTo(RecordingStatus.NeverStarted);
    }

    @Test
    void aRecordingSnapshotIsRefused() {
        assertRefused(post("/__admin/recordings/snapshot", "{}"), "Recording snapshots");
        assertRefused(post("/__admin/recordings/snapshot?x=1", "{\"persist\": false}"), "Recording snapshots");
    }

    @Test
    void inJavaThroughWireMockEveryFeatureStays() {
        mock.wireMock().stubFor(any(urlEqualTo("/secret")).willReturn(aResponse().proxiedFrom(target())));

        assertThat(http.send("GET", "/secret", Map.of(), null).text()).isEqualTo("local secret");
    }

    @Test
    void allowedByTheBuilderProxyStubsAndRecordingsAreTakenOverHttp() {
        try (CodePipelineMock open = CodePipelineMock.builder().allowProxy(true).build().start()) {
            RawHttp client = new RawHttp(open.endpoint());
            RawHttp.Answer created = client.send("POST", "/__admin/mappings", Map.of(), ("{\"request\": {\"urlPath\":"
                    + " \"/secret\"}, \"response\": {\"proxyBaseUrl\": \"" + target() + "\"}}")
                    .getBytes(StandardCharsets.UTF_8));
            assertThat(created.status()).isEqualTo(201);
            assertThat(client.send("GET", "/secret", Map.of(), null).text()).isEqualTo("local secret");
            assertThat(client.send("POST", "/__admin/recordings/snapshot", Map.of(), "{\"persist\": false}"
                    .getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(200);
        }
    }
}
