package io.github.cptestkit.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cptestkit.wire.FakeThirdPartyJob;
import io.github.cptestkit.wire.JobStatus;
import io.github.cptestkit.mock.CodePipelineMock;
import io.github.cptestkit.mock.jobs.JobSnapshot;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import software.amazon.awssdk.services.codepipeline.CodePipelineClient;

/**
 * Under JUnit's parallel execution (everything concurrent) classes run at the same time, each on its own mock,
 * while the tests of one class (nested ones included) run one at a time; no test sees another's job.
 */
class ParallelTest {

    static final List<String> EVENTS = new CopyOnWriteArrayList<>();
    /** Every fixture class's first test waits here until all three classes are running at once. */
    static final CountDownLatch ALL_CLASSES_RUNNING = new CountDownLatch(3);

    abstract static class WorkerFixture {
        @BeforeEach
        void enter(TestInfo test) {
            EVENTS.add("start " + getClass().getSimpleName() + " " + test.getDisplayName());
        }

        @AfterEach
        void leave(TestInfo test) {
            EVENTS.add("end " + getClass().getSimpleName() + " " + test.getDisplayName());
        }

        @Test
        void first(CodePipelineMock mock, CodePipelineClient client, @FakeJob FakeThirdPartyJob job)
                throws InterruptedException {
            ALL_CLASSES_RUNNING.countDown();
            assertThat(ALL_CLASSES_RUNNING.await(30, TimeUnit.SECONDS)).as("three classes at once").isTrue();
            worksOnlyOnItsOwnJob(mock, client, job);
        }

        @Test
        void second(CodePipelineMock mock, CodePipelineClient client, @FakeJob FakeThirdPartyJob job) {
            worksOnlyOnItsOwnJob(mock, client, job);
        }

        @Test
        void third(CodePipelineMock mock, CodePipelineClient client, @FakeJob FakeThirdPartyJob job) {
            worksOnlyOnItsOwnJob(mock, client, job);
        }

        @Nested
        class Inner {
            @Test
            void nested(CodePipelineMock mock, CodePipelineClient client, @FakeJob FakeThirdPartyJob job) {
                worksOnlyOnItsOwnJob(mock, client, job);
            }
        }

        static void worksOnlyOnItsOwnJob(CodePipelineMock mock, CodePipelineClient client, FakeThirdPartyJob job) {
            TestWorker.succeed(client, job, "done " + job.jobId());
            assertThat(mock.jobs()).extracting(JobSnapshot::jobId).containsExactly(job.jobId());
            assertThat(mock.job(job.jobId()).status()).isEqualTo(JobStatus.SUCCEEDED);
        }
    }

    @ExtensionFixture
    @CodePipelineMockTest
    static class FixtureA extends WorkerFixture {}

    @ExtensionFixture
    @CodePipelineMockTest
    static class FixtureB extends WorkerFixture {}

    @ExtensionFixture
    @CodePipelineMockTest
    static class FixtureC extends WorkerFixture {}

    @Test
    void classesRunConcurrentlyEachOnItsOwnMockAndTheTestsOfAClassOneAtATime() {
        Map<String, String> parallel = Map.of("junit.jupiter.execution.parallel.enabled", "true",
                "junit.jupiter.execution.parallel.mode.default", "concurrent",
                "junit.jupiter.execution.parallel.mode.classes.default", "concurrent",
                "junit.jupiter.execution.parallel.config.strategy", "fixed",
                "junit.jupiter.execution.parallel.config.fixed.parallelism", "4");
        Fixtures.run(parallel, FixtureA.class, FixtureB.class, FixtureC.class).testEvents()
                .assertStatistics(stats -> stats.started(12).succeeded(12));

        for (String fixture : List.of("FixtureA", "FixtureB", "FixtureC")) {
            List<String> own = EVENTS.stream().filter(e -> e.contains(" " + fixture + " ")).toList();
            assertThat(own).hasSize(8);
            for (int i = 0; i < own.size(); i += 2) {
                assertThat(own.get(i)).as("a start of %s follows the end of the test before", fixture)
                        .startsWith("start ");
                assertThat(own.get(i + 1)).isEqualTo(own.get(i).replaceFirst("^start ", "end "));
            }
        }
    }
}
