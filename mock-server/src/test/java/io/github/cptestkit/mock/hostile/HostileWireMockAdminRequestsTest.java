package io.github.cptestkit.mock.hostile;

import static io.github.cptestkit.mock.hostile.HostileBodies.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.cptestkit.mock.CodePipelineMock;
import io.github.cptestkit.mock.MockClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile requests to WireMock's own admin API under {@code /__admin/} (everything but the mock's
 * {@code /__admin/codepipeline/}), which every mock serves as WireMock does: each of its routes with malformed,
 * mistyped and oversized bodies and hostile path parameters. WireMock answers in its own JSON shapes, so the
 * answers are held to what matters here: never a 5xx, never a stack trace, and the mock still serves a correct
 * request afterwards. {@code POST /__admin/shutdown} is left out: it stops the server, as it should. The mock's
 * files root is a temporary directory without WireMock's {@code __files} folder (what most users have).
 */
class HostileWireMockAdminRequestsTest {

    static final HostileTally TALLY = new HostileTally();
    /** WireMock 3.13's admin routes, {@code {id}} and {@code {name}} and {@code **} to fill in. */
    static final List<String> ROUTES = List.of("GET /", "POST /reset", "GET /mappings", "POST /mappings",
            "DELETE /mappings", "POST /mappings/edit", "POST /mappings/save", "POST /mappings/reset",
            "GET /mappings/unmatched", "DELETE /mappings/unmatched", "GET /mappings/{id}", "PUT /mappings/{id}",
            "POST /mappings/remove", "DELETE /mappings/{id}", "POST /mappings/find-by-metadata",
            "POST /mappings/remove-by-metadata", "POST /mappings/import", "GET /files", "PUT /files/**",
            "DELETE /files/**", "GET /files/**", "GET /scenarios", "POST /scenarios/reset",
            "PUT /scenarios/{name}/state", "GET /requests", "DELETE /requests", "POST /requests/count",
            "POST /requests/find", "GET /requests/unmatched", "GET /requests/unmatched/near-misses",
            "GET /requests/{id}", "DELETE /requests/{id}", "POST /requests/remove",
            "POST /requests/remove-by-metadata", "POST /recordings/snapshot", "POST /recordings/start",
            "POST /recordings/stop", "GET /recordings/status", "GET /recorder", "POST /near-misses/request",
            "POST /near-misses/request-pattern", "GET /settings", "PUT /settings", "POST /settings",
            "PATCH /settings/extended", "GET /docs/swagger", "GET /docs", "GET /certs/wiremock-ca.crt",
            "GET /health", "GET /version");
    /** What a stack trace leaves in text (WireMock's errors may name a Java type, which is not one). */
    static final List<String> STACK_MARKERS = List.of("Exception in thread", "\tat ", "Caused by");

    @TempDir
    static Path filesRoot;
    static CodePipelineMock mock;
    static RawHttp http;

    @BeforeAll
    static void start() {
        mock = CodePipelineMock.builder().clock(MockClock.at(Instant.parse("2026-01-01T00:00:00Z")))
                .wireMockOptions(options -> options.usingFilesUnderDirectory(filesRoot.toString()))
                .build().start();
        http = new RawHttp(mock.endpoint());
    }

    @AfterAll
    static void stop() {
        System.out.println(TALLY.report("WireMock admin API"));
        mock.stop();
    }

    /** A correct request still works; the mock is put back (stubs included) for the next case. */
    @AfterEach
    void aCorrectRequestIsStillServed() {
        mock.reset();
        RawHttp.Answer clock = http.send("GET", "/__admin/codepipeline/clock", Map.of(), null);
        assertThat(clock.status()).as(clock.text()).isEqualTo(200);
        RawHttp.Answer unsigned = http.send("POST", "/", Map.of("X-Amz-Target", "CodePipeline_20150709.PollForJobs",
                "Content-Type", "application/x-amz-json-1.1"), utf8("{\"actionTypeId\": {\"category\": \"Build\","
                + " \"owner\": \"Custom\", \"provider\": \"Fuzz\", \"version\": \"1\"}}"));
        assertThat(unsigned.status()).as("the emulator's stubs are installed: %s", unsigned.text()).isEqualTo(400);
        assertThat(unsigned.header("x-amzn-ErrorType")).isEqualTo("ActionTypeNotFoundException");
        assertThat(mock.problems()).isEmpty();
    }

    @Test
    void everyWireMockAdminRouteAnswersHostileInputWithoutA5xxOrAStackTrace() {
        Fuzz.run("WireMock admin routes", 600, random -> {
            String[] route = Fuzz.pick(random, ROUTES.toArray(String[]::new)).split(" ", 2);
            String path = "/__admin" + fill(random, route[1]);
            byte[] body = "GET".equals(route[0]) ? null : hostileBody(random);
            RawHttp.Answer answer = http.send(route[0], path, Map.of("Content-Type", "application/json"), body);
            String describe = route[0] + " " + path + (body == null ? "" : " with "
                    + HostileAnswers.shorten(new String(body, java.nio.charset.StandardCharsets.UTF_8)));
            answered(answer, describe);
        });
    }

    @Test
    void bodiesWireMockWouldFailOnAreRefusedWithA400NamingTheMissingField() {
        Map<String, String> json = Map.of("Content-Type", "application/json");
        RawHttp.Answer noMappings = http.send("POST", "/__admin/mappings/import", json, utf8("{}"));
        RawHttp.Answer nullMapping = http.send("POST", "/__admin/mappings/import", json,
                utf8("{\"mappings\": [null]}"));
        RawHttp.Answer noUrl = http.send("POST", "/__admin/near-misses/request", json, utf8("{}"));
        RawHttp.Answer noMethod = http.send("POST", "/__admin/near-misses/request", json,
                utf8("{\"url\": \"/x\"}"));
        RawHttp.Answer noExtended = http.send("PATCH", "/__admin/settings/extended", json, utf8("{}"));
        RawHttp.Answer nullStub = http.send("POST", "/__admin/mappings", json, utf8(" null "));

        for (RawHttp.Answer answer : List.of(noMappings, nullMapping, noUrl, noMethod, noExtended, nullStub)) {
            assertThat(answer.status()).as(answer.text()).isEqualTo(400);
            assertThat(answer.header("x-amzn-ErrorType")).isEqualTo("ValidationException");
            assertThat(answer.text()).contains("\"__type\":\"ValidationException\"");
        }
        assertThat(noMappings.text()).contains("needs field 'mappings'");
        assertThat(nullMapping.text()).contains("'mappings' holds null at index 0");
        assertThat(noUrl.text()).contains("'url' is missing");
        assertThat(noMethod.text()).contains("'method' is missing");
        assertThat(noExtended.text()).contains("needs field 'extended'");
        assertThat(nullStub.text()).contains("POST /__admin/mappings: the body is JSON null");
    }

    @Test
    void wellFormedImportsAndNearMissQueriesStillReachWireMock() {
        Map<String, String> json = Map.of("Content-Type", "application/json");
        RawHttp.Answer imported = http.send("POST", "/__admin/mappings/import", json, utf8("{\"mappings\": [{"
                + "\"request\": {\"url\": \"/imported\"}, \"response\": {\"status\": 204}}]}"));
        RawHttp.Answer served = http.send("GET", "/imported", Map.of(), null);
        RawHttp.Answer nearMisses = http.send("POST", "/__admin/near-misses/request", json,
                utf8("{\"url\": \"/importe\", \"method\": \"GET\"}"));

        RawHttp.Answer replaced = http.send("PUT", "/__admin/settings", json, utf8("{\"fixedDelay\": 0}"));
        RawHttp.Answer patched = http.send("PATCH", "/__admin/settings/extended", json,
                utf8("{\"extended\": {\"team\": \"ci\"}}"));

        assertThat(imported.status()).as(imported.text()).isEqualTo(200);
        assertThat(replaced.status()).as(replaced.text()).isEqualTo(200);
        assertThat(patched.status()).as("a patch after settings without 'extended': %s", patched.text())
                .isEqualTo(200);
        assertThat(served.status()).isEqualTo(204);
        assertThat(nearMisses.status()).as(nearMisses.text()).isEqualTo(200);
        assertThat(nearMisses.text()).contains("nearMisses");
    }

    @Test
    void theFileListingWithoutAFilesFolderIsNotFoundAsWireMocksOwnFileRoutesAre() {
        assertThat(Files.exists(filesRoot.resolve("__files"))).isFalse();

        RawHttp.Answer listing = http.send("GET", "/__admin/files", Map.of(), null);
        RawHttp.Answer oneFile = http.send("GET", "/__admin/files/none.txt", Map.of(), null);

        assertThat(listing.status()).as(listing.text()).isEqualTo(404);
        assertThat(oneFile.status()).isEqualTo(404);
        HostileAnswers.noStackTrace(listing, "GET /__admin/files");
    }

    @Test
    void theCertificateAuthorityWithoutBrowserProxyingIsNotFound() {
        RawHttp.Answer answer = http.send("GET", "/__admin/certs/wiremock-ca.crt", Map.of(), null);

        assertThat(answer.status()).as(answer.text()).isEqualTo(404);
        assertThat(answer.text()).doesNotContain(System.getProperty("user.home"));
    }

    private static void answered(RawHttp.Answer answer, String describe) {
        assertThat(answer.status()).as("status of %s: %s", describe, HostileAnswers.shorten(answer.text()))
                .isBetween(200, 499);
        for (String marker : STACK_MARKERS) {
            assertThat(answer.text()).as("the answer to %s shows a stack trace", describe).doesNotContain(marker);
        }
        TALLY.count(String.valueOf(answer.status()));
    }

    /** The route with its parameters filled in: an unknown id, no id at all, a traversal, huge, control bytes. */
    private static String fill(Random random, String route) {
        return route.replace("{id}", Fuzz.pick(random, UUID.randomUUID().toString(), "not-a-uuid", "%00",
                        "x".repeat(5_000), "00000000-0000-0000-0000-00000000000g"))
                .replace("{name}", Fuzz.pick(random, "none", "%ff%fe", "a".repeat(5_000), "..%2f..%2fetc"))
                .replace("**", Fuzz.pick(random, "none.txt", "..%2f..%2fpom.xml", "a/b/c/../../d", "%2e%2e/x",
                        "x".repeat(3_000)));
    }

    private static byte[] hostileBody(Random random) {
        return switch (random.nextInt(6)) {
            case 0 -> HostileBodies.malformedBody(random).bytes();
            case 1 -> utf8(Fuzz.pick(random, "[]", "1e400", "\"text\"", "null", "{}", "{\"request\": 12}",
                    "{\"request\": {\"method\": 7, \"url\": []}}", "{\"mappings\": \"x\"}",
                    "{\"targetBaseUrl\": \"http://127.0.0.1:1\"}", "{\"fixedDelay\": -1}",
                    "{\"state\": {\"deep\": true}}"));
            case 2 -> utf8("[".repeat(5_000) + "]".repeat(5_000));
            case 3 -> utf8("{\"x\": \"" + "y".repeat(100_000) + "\"}");
            case 4 -> new byte[0];
            default -> {
                byte[] bytes = new byte[random.nextInt(2_000)];
                random.nextBytes(bytes);
                yield bytes;
            }
        };
    }
}
