package io.github.cptestkit.mock.internal.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class OriginPolicyTest {

    static final OriginPolicy LOOPBACK = OriginPolicy.of("127.0.0.1", List.of(), List.of());
    static final OriginPolicy EVERY_INTERFACE = OriginPolicy.of("0.0.0.0", List.of(), List.of("mock"));
    static final OriginPolicy WITH_A_PAGE = OriginPolicy.of("127.0.0.1", List.of("http://localhost:3000",
            "HTTPS://App.Example:443", "http://[::1]:3000"), List.of());

    static boolean allowed(OriginPolicy policy, String host, String... origins) {
        return policy.refusal("http", host, List.of(origins)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "localhost:8080", "LOCALHOST:8080", "localhost.:8080", "127.0.0.1",
            "127.0.0.1:8080", "127.255.0.9:1", "[::1]", "[::1]:8080", "[0:0:0:0:0:0:0:1]:8080",
            "[::ffff:127.0.0.1]:8080", "my-bucket.localhost:8080", "my.dotted.bucket.localhost"})
    void boundToLoopbackTheMockAnswersToLoopbackNamesAndAddressesWithAndWithoutPort(String host) {
        assertThat(allowed(LOOPBACK, host)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"evil.example", "evil.example:8080", "EVIL.example:8080", "localhost.evil.example:8080",
            "127.0.0.1.evil.example", "2130706433:8080", "0x7f000001", "192.168.1.5:8080", "0.0.0.0:8080",
            "[::2]:8080", "[fe80::1]:8080", "[::1", "[::1]x", "localhost:http", "localhost:8080:1", "a b", "",
            "::1"})
    void boundToLoopbackTheMockRefusesEveryOtherHostSoThatDnsRebindingFails(String host) {
        assertThat(LOOPBACK.refusal("http", host, List.of())).hasValueSatisfying(message -> assertThat(message)
                .contains("Host '" + host + "' is not a name this mock answers to", "listening on loopback",
                        "localhost, *.localhost, 127.0.0.0/8 and [::1]", "DNS rebinding", "--allow-host NAME"));
    }

    @Test
    void aRequestWithoutHostPasses() {
        assertThat(LOOPBACK.refusal("http", null, List.of())).isEmpty();
    }

    @Test
    void boundBeyondLoopbackTheMockAlsoAnswersToIpAddressesAndTheAllowedNamesOnly() {
        assertThat(allowed(EVERY_INTERFACE, "192.168.1.5:8080")).isTrue();
        assertThat(allowed(EVERY_INTERFACE, "[fe80::1]:8080")).isTrue();
        assertThat(allowed(EVERY_INTERFACE, "localhost:8080")).isTrue();
        assertThat(allowed(EVERY_INTERFACE, "mock:8080")).isTrue();
        assertThat(allowed(EVERY_INTERFACE, "MOCK.")).isTrue();
        assertThat(EVERY_INTERFACE.refusal("http", "mock.evil.example:8080", List.of()))
                .hasValueSatisfying(message -> assertThat(message).contains("listening on 0.0.0.0",
                        "IP addresses, localhost, *.localhost, 127.0.0.0/8 and [::1], mock (any port)"));
        assertThat(allowed(OriginPolicy.of("0.0.0.0", List.of(), List.of()), "mock:8080")).isFalse();
    }

    @Test
    void anAllowedHostNameIsAllowedBoundToLoopbackToo() {
        assertThat(allowed(OriginPolicy.of("127.0.0.1", List.of(), List.of("mock.test")), "mock.test:8080"))
                .isTrue();
    }

    @Test
    void withoutOriginCurlTheSdksAndTheCliPass() {
        assertThat(allowed(LOOPBACK, "127.0.0.1:8080")).isTrue();
        assertThat(LOOPBACK.refusal("http", "127.0.0.1:8080", null)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://evil.example", "http://evil.example:8080", "https://localhost:8080",
            "http://localhost:8081", "http://127.0.0.1:8080", "http://localhost", "chrome-extension://abcdef",
            "file://", "http://localhost:8080/path", "not an origin", ""})
    void anyOtherOriginThanTheMocksOwnIsRefused(String origin) {
        assertThat(LOOPBACK.refusal("http", "localhost:8080", List.of(origin))).hasValueSatisfying(message ->
                assertThat(message).contains("Origin '" + origin.trim() + "' may not call this mock",
                        "--allow-origin", "allowOrigin"));
    }

    @Test
    void theRefusalOfAnOriginNamesTheOptionThatAllowsIt() {
        assertThat(LOOPBACK.refusal("http", "localhost:8080", List.of("http://Evil.Example:80")))
                .hasValueSatisfying(message -> assertThat(message).contains("--allow-origin http://evil.example "));
    }

    @ParameterizedTest
    @ValueSource(strings = {"null", "NULL", " null "})
    void theNullOriginOfSandboxedFramesAndFilePagesIsRefused(String origin) {
        assertThat(LOOPBACK.refusal("http", "localhost:8080", List.of(origin))).hasValueSatisfying(message ->
                assertThat(message).contains("Origin 'null'", "cannot be allowed"));
    }

    @Test
    void aRequestWithTwoOriginsIsRefused() {
        assertThat(WITH_A_PAGE.refusal("http", "localhost:8080", List.of("http://localhost:3000",
                "http://localhost:3000"))).hasValueSatisfying(message -> assertThat(message).contains("one Origin",
                "2 Origin headers"));
        assertThat(allowed(WITH_A_PAGE, "localhost:8080", "http://localhost:3000 http://evil.example")).isFalse();
    }

    @Test
    void thePagesOfTheMocksOwnOriginPassInAnyCaseAndWithDefaultPorts() {
        assertThat(allowed(LOOPBACK, "localhost:8080", "http://localhost:8080")).isTrue();
        assertThat(allowed(LOOPBACK, "LocalHost:8080", "HTTP://LOCALHOST:8080")).isTrue();
        assertThat(allowed(LOOPBACK, "localhost", "http://localhost:80")).isTrue();
        assertThat(allowed(LOOPBACK, "localhost:80", "http://localhost")).isTrue();
        assertThat(allowed(LOOPBACK, "[::1]:8080", "http://[::1]:8080")).isTrue();
        assertThat(allowed(LOOPBACK, "127.0.0.1:8080", "http://127.0.0.1:8080")).isTrue();
        assertThat(LOOPBACK.refusal("https", "localhost:8443", List.of("https://localhost:8443"))).isEmpty();
        assertThat(LOOPBACK.refusal("https", "localhost", List.of("https://localhost:443"))).isEmpty();
        assertThat(LOOPBACK.refusal("https", "localhost:8080", List.of("http://localhost:8080"))).isPresent();
    }

    @Test
    void anAllowedOriginPassesInAnyCaseWithItsPortOnly() {
        assertThat(allowed(WITH_A_PAGE, "localhost:8080", "http://localhost:3000")).isTrue();
        assertThat(allowed(WITH_A_PAGE, "localhost:8080", "http://LOCALHOST:3000")).isTrue();
        assertThat(allowed(WITH_A_PAGE, "localhost:8080", "http://localhost:3000/")).isTrue();
        assertThat(allowed(WITH_A_PAGE, "localhost:8080", "https://app.example")).isTrue();
        assertThat(allowed(WITH_A_PAGE, "localhost:8080", "http://[::1]:3000")).isTrue();
        assertThat(allowed(WITH_A_PAGE, "localhost:8080", "http://localhost:3001")).isFalse();
        assertThat(allowed(WITH_A_PAGE, "localhost:8080", "https://localhost:3000")).isFalse();
        assertThat(allowed(WITH_A_PAGE, "localhost:8080", "http://127.0.0.1:3000")).isFalse();
        assertThat(allowed(WITH_A_PAGE, "localhost:8080", "http://app.example")).isFalse();
        assertThat(WITH_A_PAGE.allowedOrigins()).containsExactlyInAnyOrder("http://localhost:3000",
                "https://app.example", "http://[::1]:3000");
    }

    @Test
    void anAllowedOriginDoesNotOpenTheHostCheck() {
        assertThat(WITH_A_PAGE.refusal("http", "evil.example:8080", List.of("http://localhost:3000")))
                .hasValueSatisfying(message -> assertThat(message).startsWith("Host 'evil.example:8080'"));
    }

    @Test
    void anOriginToAllowIsTheOriginOfAPageAndNeitherAnyNorNull() {
        assertThat(OriginPolicy.origin(" http://LocalHost:3000/ ")).isEqualTo("http://localhost:3000");
        assertThat(OriginPolicy.origin("https://app.example:443")).isEqualTo("https://app.example");
        assertThatThrownBy(() -> OriginPolicy.origin("*")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'*' would let any web page (every site)");
        assertThatThrownBy(() -> OriginPolicy.origin("null")).hasMessageContaining("any sandboxed frame");
        for (String bad : new String[] {"localhost:3000", "http://localhost:3000/app", "ftp://localhost",
                "http://user@localhost:3000", "http://localhost:3000?x", "", "  "}) {
            assertThatThrownBy(() -> OriginPolicy.origin(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("an allowed origin must be the origin of a web page, but was '" + bad
                            + "'");
        }
    }

    @Test
    void aHostToAllowIsANameWithoutPort() {
        assertThat(OriginPolicy.hostName(" Mock.Internal. ")).isEqualTo("mock.internal");
        assertThat(OriginPolicy.hostName("compose_service_1")).isEqualTo("compose_service_1");
        assertThatThrownBy(() -> OriginPolicy.hostName("mock:8080")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("without a port (any port is allowed), but was 'mock:8080'; give 'mock'");
        assertThatThrownBy(() -> OriginPolicy.hostName("*")).hasMessageContaining("a DNS name");
        assertThatThrownBy(() -> OriginPolicy.hostName("http://mock")).hasMessageContaining("not a URL");
    }

    @Test
    void loopbackAddressesAreToldFromTheRest() {
        assertThat(OriginPolicy.isLoopback("127.0.0.1")).isTrue();
        assertThat(OriginPolicy.isLoopback("::1")).isTrue();
        assertThat(OriginPolicy.isLoopback("0.0.0.0")).isFalse();
        assertThat(OriginPolicy.isLoopback("no-such-host.invalid")).isFalse();
    }
}
