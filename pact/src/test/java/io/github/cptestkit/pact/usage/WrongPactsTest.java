package io.github.cptestkit.pact.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * Every pact under {@code src/test/resources/wrong-pacts/<case>/} expects something CodePipeline cannot do, and the
 * provider verification ({@link WrongPactCase}, run through the JUnit Platform test kit) must fail its one
 * interaction with the message in {@code expected-failure.txt} (exactly) or {@code expected-failure-contains.txt}
 * (a line of Pact's own report).
 */
class WrongPactsTest {

    static Stream<String> cases() throws IOException, URISyntaxException {
        try (Stream<Path> folders = Files.list(root())) {
            return folders.filter(Files::isDirectory).map(f -> f.getFileName().toString()).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachWrongPactFailsItsInteractionWithTheExpectedMessage(String name) throws Exception {
        Path folder = root().resolve(name);
        Path exact = folder.resolve("expected-failure.txt");
        boolean isExact = Files.exists(exact);
        String expected = Files.readString(isExact ? exact : folder.resolve("expected-failure-contains.txt"),
                StandardCharsets.UTF_8).strip();

        List<Event> failed = verify("wrong-pacts/" + name).testEvents().failed().list();

        assertThat(failed).as("failed interactions of %s", name).hasSize(1);
        String message = failed.get(0).getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow()
                .getMessage().strip();
        if (isExact) {
            assertThat(message).isEqualTo(expected);
        } else {
            assertThat(message).contains(expected);
        }
    }

    @Test
    void aPendingInteractionIsReportedWithoutFailingTheBuild() {
        // The same mistake as wrong-pacts/enum-value-outside-the-model, in a V4 pact whose interaction is pending.
        EngineExecutionResults results = verify("pending-pacts");

        assertThat(results.testEvents().failed().count()).isZero();
        List<Event> passed = results.testEvents().succeeded().list();
        assertThat(passed).hasSize(1);
        assertThat(passed.get(0).getTestDescriptor().getDisplayName()).endsWith("[PENDING]");
    }

    private static EngineExecutionResults verify(String folder) {
        System.setProperty(WrongPactCase.FOLDER, folder);
        try {
            return EngineTestKit.engine("junit-jupiter").selectors(selectClass(WrongPactCase.class)).execute();
        } finally {
            System.clearProperty(WrongPactCase.FOLDER);
        }
    }

    private static Path root() throws URISyntaxException {
        return Path.of(WrongPactsTest.class.getClassLoader().getResource("wrong-pacts").toURI());
    }
}
