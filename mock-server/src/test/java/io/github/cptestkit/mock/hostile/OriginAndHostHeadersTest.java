package io.github.cptestkit.mock.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cptestkit.mock.CodePipelineMock;
import io.github.cptestkit.schemas.Operation;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The headers a web page's requests carry, on every side of the mock: no CORS answer unless the origin is allowed,
 * a 403 in the side's protocol for an Origin not allowed or a Host that is not one of the mock's names, and the
 * requests of clients that send neither (curl, the SDKs, the CLI) served as before.
 */
class OriginAndHostHeadersTest {

    static final String EVIL = "http://evil.example";
    static final String PAGE = "http://localhost:3000";
    static final byte[] POLL = ("{\"actionTypeId\": {\"category\": \"Build\", \"owner\": \"Custom\","
            + " \"provider\": \"MyCi\", \"version\": \"1\"}}").getBytes(StandardCharsets.UTF_8);

    static CodePipelineMock mock;
    static CodePipelineMock allowing;
    static RawHttp http;

    /** One request of each side: the admin API, WireMock's journal, a CodePipeline call, an S3 request. */
    enum Side {
        ADMIN("GET", "/__admin/codepipeline/jobs", Map.of(), null),
        JOURNAL("GET", "/__admin/requests", Map.of(), null),
        CODEPIPELINE("POST", "/", Map.of("X-Amz-Target", Operation.POLL_FOR_JOBS.target(), "Content-Type",
                "application/x-amz-json-1.1"), POLL),
        S3("GET", "/some-bucket/some-key", Map.of(), null);

        final String method;
        final String path;
        final Map<String, String> headers;
        final byte[] body;

        Side(String method, String path, Map<String, String> headers, byte[] body) {
            this.method = method;
            this.path = path;
            this.headers = headers;
            this.body = body;
        }

        RawHttp.Answer send(RawHttp client, String... extraHeaders) {
            Map<String, String> all = new LinkedHashMap<>(headers);
            for (int i = 0; i < extraHeaders.length; i += 2) {
                all.put(extraHeaders[i], extraHeaders[i + 1]);
            }
            return client.send(method, path, all, body);
        }

        /** The answer is this side's 403, in its protocol. */
        void assertRefused(RawHttp.Answer answer, String... messageParts) {
            assertThat(answer.status()).as(this + " status").isEqualTo(403);
            assertNoCors(answer);
            if (this == S3) {
                assertThat(answer.header("Content-Type")).isEqualTo("application/xml");
                assertThat(answer.text()).contains("<Code>AccessDenied</Code>").contains(parts(messageParts));
            } else {
                assertThat(answer.header("x-amzn-ErrorType")).isEqualTo("AccessDeniedException");
                assertThat(answer.header("Content-Type")).isEqualTo(this == CODEPIPELINE
                        ? "application/x-amz-json-1.1" : "application/json");
                assertThat(answer.text()).contains("\"__type\":\"AccessDeniedException\"")
                        .contains(parts(messageParts));
            }
        }

        /** The answer is what the side serves a client without Origin (not a refusal of the guard). */
        void assertServed(RawHttp.Answer answer) {
            assertThat(answer.status()).as(this + " status").isEqualTo(switch (this) {
                case ADMIN, JOURNAL -> 200;
                case CODEPIPELINE -> 400; // ActionTypeNotFoundException: the type is not registered
                case S3 -> 403;           // unsigned: S3's AccessDenied, of the bucket, not of the guard
            });
            assertThat(answer.text()).doesNotContain("may not call this mock", "is not a name this mock answers to");
        }
    }

    @BeforeAll
    static void start() {
        mock = CodePipelineMock.builder().build().start();
        allowing = CodePipelineMock.builder().allowOrigin(PAGE).allowOrigin("http://[::1]:3000").build().start();
        http = new RawHttp(mock.endpoint());
    }

    @AfterAll
    static void stop() {
        mock.close();
        allowing.close();
    }

    /** What a refusal's text must contain: the parts given, or only its status when none are. */
    static String[] parts(String... messageParts) {
        return messageParts.length == 0 ? new String[] {"AccessDenied"} : messageParts;
    }

    static void assertNoCors(RawHttp.Answer answer) {
        assertThat(answer.headers().keySet()).noneMatch(name -> name.startsWith("access-control-"));
        assertThat(answer.headers().getOrDefault("vary", List.of())).noneMatch(value -> value.contains("Origin"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ADMIN", "JOURNAL", "CODEPIPELINE", "S3"})
    void withoutOriginEverySideIsServedAsBeforeAndWithoutCorsHeaders(Side side) {
        RawHttp.Answer answer = side.send(http);
        side.assertServed(answer);
        assertNoCors(answer);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ADMIN", "JOURNAL", "CODEPIPELINE", "S3"})
    void anotherOriginIsRefusedOnEverySideInItsProtocol(Side side) {
        side.assertRefused(side.send(http, "Origin", EVIL), "Origin 'http://evil.example' may not call this mock",
                "--allow-origin http://evil.example");
    }

    @ParameterizedTest
    @ValueSource(strings = {"null", "NULL", "HTTP://EVIL.EXAMPLE", "http://127.0.0.1:1", "http://localhost:3000",
            "http://localhost", "https://localhost:PORT", "http://LOCALHOST:1", "file://", "not an origin"})
    void anyOriginButTheMocksOwnIsRefusedWhateverItsCaseAndPort(String origin) {
        String sent = origin.replace("PORT", String.valueOf(mock.port()));
        for (Side side : Side.values()) {
            side.assertRefused(side.send(http, "Origin", sent), "Origin '");
        }
    }

    @Test
    void theMocksOwnOriginIsServedInAnyCaseWithoutCorsHeaders() {
        for (String origin : List.of("http://127.0.0.1:" + mock.port(), "HTTP://127.0.0.1:" + mock.port())) {
            for (Side side : Side.values()) {
                RawHttp.Answer answer = side.send(http, "Origin", origin);
                side.assertServed(answer);
                assertNoCors(answer);
            }
        }
    }

    @Test
    void aBrowsersSimpleCrossOriginPostQueuesNothing() {
        RawHttp.Answer answer = http.send("POST", "/__admin/codepipeline/jobs", Map.of("Origin", EVIL,
                "Content-Type", "text/plain"), "{\"preset\": \"minimal\"}".getBytes(StandardCharsets.UTF_8));
        Side.ADMIN.assertRefused(answer);
        assertThat(answer.text()).doesNotContain("clientToken");
        assertThat(mock.jobs()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/__admin/codepipeline/reset", "/__admin/mappings", "/"})
    void aPreflightFromAnotherOriginIsRefusedAndGrantsNothing(String path) {
        RawHttp.Answer answer = http.send("OPTIONS", path, Map.of("Origin", EVIL, "Access-Control-Request-Method",
                "DELETE", "Access-Control-Request-Headers", "x-amz-target"), null);
        assertThat(answer.status()).isEqualTo(403);
        assertNoCors(answer);
    }

    @Test
    void aRequestWithTwoOriginsIsRefused() {
        RawHttp.Answer answer = raw(allowing, "GET /__admin/codepipeline/jobs", "Host: localhost",
                "Origin: " + PAGE, "Origin: " + PAGE);
        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.text()).contains("one Origin");
    }

    @ParameterizedTest
    @ValueSource(strings = {"evil.example", "evil.example:PORT", "EVIL.EXAMPLE:PORT", "localhost.evil.example:PORT",
            "127.0.0.1.nip.io:PORT", "192.168.1.5:PORT", "[::2]:PORT", "0.0.0.0:PORT"})
    void boundToLoopbackARequestForAnotherHostIsRefusedOnEverySide(String host) {
        String sent = host.replace("PORT", String.valueOf(mock.port()));
        RawHttp.Answer admin = raw(mock, "GET /__admin/codepipeline/jobs", "Host: " + sent);
        Side.ADMIN.assertRefused(admin, "Host '" + sent + "' is not a name this mock answers to", "DNS rebinding",
                "--allow-host");
        RawHttp.Answer journal = raw(mock, "GET /__admin/requests", "Host: " + sent);
        Side.JOURNAL.assertRefused(journal, "Host '" + sent + "'");
        RawHttp.Answer codePipeline = raw(mock, "POST /", "Host: " + sent, "X-Amz-Target: "
                + Operation.POLL_FOR_JOBS.target(), "Content-Type: application/x-amz-json-1.1",
                "Content-Length: 0");
        Side.CODEPIPELINE.assertRefused(codePipeline, "Host '" + sent + "'");
        RawHttp.Answer s3 = raw(mock, "GET /some-bucket/some-key", "Host: " + sent);
        Side.S3.assertRefused(s3, "Host '" + sent + "'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "localhost:PORT", "LOCALHOST:PORT", "127.0.0.1", "127.0.0.1:PORT",
            "127.1.2.3:PORT", "[::1]", "[::1]:PORT", "[0:0:0:0:0:0:0:1]:PORT", "some-bucket.localhost:PORT"})
    void boundToLoopbackLoopbackNamesAndAddressesAreServedWithAndWithoutPort(String host) {
        String sent = host.replace("PORT", String.valueOf(mock.port()));
        RawHttp.Answer answer = raw(mock, "GET /__admin/codepipeline/jobs", "Host: " + sent);
        Side.ADMIN.assertServed(answer);
    }

    @Test
    void aRequestWithoutHostIsServed() {
        RawHttp.Answer answer = http.sendRaw("GET /__admin/codepipeline/jobs HTTP/1.0\r\n\r\n", new byte[0]);
        assertThat(answer.status()).isEqualTo(200);
    }

    @Test
    void anAllowedOriginGetsCorsAnswersWithoutCredentials() {
        RawHttp client = new RawHttp(allowing.endpoint());
        for (Side side : Side.values()) {
            RawHttp.Answer answer = side.send(client, "Origin", PAGE);
            assertThat(answer.header("Access-Control-Allow-Origin")).as(side.name()).isEqualTo(PAGE);
            assertThat(answer.header("Access-Control-Expose-Headers")).isEqualTo("*");
            assertThat(answer.header("Access-Control-Allow-Credentials")).isNull();
        }
        RawHttp.Answer ipv6 = Side.ADMIN.send(client, "Origin", "http://[::1]:3000");
        assertThat(ipv6.status()).isEqualTo(200);
        assertThat(ipv6.header("Access-Control-Allow-Origin")).isEqualTo("http://[::1]:3000");
    }

    @Test
    void anAllowedOriginsPreflightIsGrantedForTheAwsHeaders() {
        RawHttp.Answer answer = new RawHttp(allowing.endpoint()).send("OPTIONS", "/", Map.of("Origin", PAGE,
                "Access-Control-Request-Method", "POST", "Access-Control-Request-Headers",
                "x-amz-target,content-type,authorization,x-amz-date"), null);
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("Access-Control-Allow-Origin")).isEqualTo(PAGE);
        assertThat(answer.header("Access-Control-Allow-Methods")).contains("POST", "PUT", "DELETE");
        assertThat(answer.header("Access-Control-Allow-Headers")).contains("x-amz-target", "authorization");
        assertThat(answer.header("Access-Control-Allow-Credentials")).isNull();
    }

    @Test
    void anAllowedOriginDoesNotOpenOthers() {
        RawHttp client = new RawHttp(allowing.endpoint());
        for (String origin : List.of("http://localhost:3001", "https://localhost:3000", "http://127.0.0.1:3000",
                EVIL)) {
            Side.ADMIN.assertRefused(Side.ADMIN.send(client, "Origin", origin), "Origin '" + origin + "'");
        }
    }

    @Test
    void boundBeyondLoopbackIpAddressesAndAllowedNamesAreServedAndOtherNamesRefused() {
        try (CodePipelineMock everywhere = CodePipelineMock.builder().bindAddress("0.0.0.0").allowHost("mock")
                .build().start()) {
            int port = everywhere.port();
            assertThat(raw(everywhere, "GET /__admin/codepipeline/jobs", "Host: 192.168.1.5:" + port).status())
                    .isEqualTo(200);
            assertThat(raw(everywhere, "GET /__admin/codepipeline/jobs", "Host: [fe80::1]:" + port).status())
                    .isEqualTo(200);
            assertThat(raw(everywhere, "GET /__admin/codepipeline/jobs", "Host: MOCK:" + port).status())
                    .isEqualTo(200);
            RawHttp.Answer other = raw(everywhere, "GET /__admin/codepipeline/jobs", "Host: other:" + port);
            Side.ADMIN.assertRefused(other, "listening on 0.0.0.0", "IP addresses", "mock (any port)");
        }
    }

    /** A raw HTTP/1.1 request to {@code target} with exactly these header lines (Connection: close added). */
    static RawHttp.Answer raw(CodePipelineMock target, String requestLine, String... headerLines) {
        StringBuilder head = new StringBuilder(requestLine).append(" HTTP/1.1\r\n");
        for (String line : headerLines) {
            head.append(line).append("\r\n");
        }
        head.append("Connection: close\r\n\r\n");
        return new RawHttp(target.endpoint()).sendRaw(head.toString(), new byte[0]);
    }
}
