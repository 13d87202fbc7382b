package io.github.cptestkit.mock;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cptestkit.fixtures.FakeJobGenerator;
import io.github.cptestkit.fixtures.FakeJobs;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import software.amazon.awssdk.services.codepipeline.CodePipelineClient;

/**
 * One strict mock on a {@link MockClock} and one single-attempt SDK client per test class, reset before each test;
 * each test must leave the mock without {@linkplain CodePipelineMock#problems() problems}. Test classes run one
 * after another, so the static fields are never shared by two at once.
 */
abstract class SharedMockTest {

    static final MockClock CLOCK = MockClock.at(Instant.parse("2026-01-01T00:00:00Z"));
    /** Where the tests' jobs come from: job {@code n} of this seed is the same in every run. */
    static final FakeJobGenerator FAKES = FakeJobs.withSeed(2026);
    static CodePipelineMock mock;
    static CodePipelineClient client;

    @BeforeAll
    static void startMock() {
        mock = CodePipelineMock.builder().clock(CLOCK).build().start();
        client = SdkClients.oneAttempt(mock);
    }

    @AfterAll
    static void stopMock() {
        client.close();
        mock.stop();
    }

    @BeforeEach
    void resetMock() {
        mock.reset();
    }

    @AfterEach
    void theMockHadNoProblems() {
        assertThat(mock.problems()).isEmpty();
    }
}
