package io.github.cptestkit.pact.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * No Pact Broker can run here, so the broker path is checked as far as configuration goes: without
 * {@code pactbroker.url} {@link BrokerPactVerificationTest} is skipped; with it, the class's annotations and its
 * selectors method are accepted and Pact JVM goes to that URL for pacts.
 */
class BrokerConfigurationTest {

    @Test
    void withoutABrokerUrlTheBrokerVerificationIsSkipped() {
        List<Event> skipped = EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(BrokerPactVerificationTest.class)).execute().containerEvents().skipped().list();

        assertThat(skipped).hasSize(1);
        assertThat(skipped.get(0).getPayload(String.class)).hasValueSatisfying(reason ->
                assertThat(reason).contains("pactbroker.url"));
    }

    @Test
    void aBrokerUrlSendsTheVerificationToThatBrokerForItsPacts() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        System.setProperty("pactbroker.url", "http://127.0.0.1:" + closedPort);
        List<Event> failed;
        try {
            failed = EngineTestKit.engine("junit-jupiter").selectors(selectClass(BrokerPactVerificationTest.class))
                    .execute().allEvents().failed().list();
        } finally {
            System.clearProperty("pactbroker.url");
        }

        assertThat(failed).hasSize(1);
        Throwable failure = failed.get(0).getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow();
        assertThat(failure.getClass().getSimpleName()).isEqualTo("InvalidNavigationRequest");
        assertThat(failure).hasMessage("Failed to fetch the root HAL document");
    }
}
