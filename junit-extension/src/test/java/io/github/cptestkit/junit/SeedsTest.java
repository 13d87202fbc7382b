package io.github.cptestkit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import io.github.cptestkit.wire.ActionCategory;
import io.github.cptestkit.fixtures.FakeJobGenerator;
import io.github.cptestkit.fixtures.FakeJobs;
import io.github.cptestkit.wire.FakeThirdPartyJob;
import io.github.cptestkit.mock.MockClock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.assertj.core.api.Condition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opentest4j.AssertionFailedError;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.codepipeline.CodePipelineClient;

/** Seeds: derived per test from the class seed, stable across runs and orders, replayed by @Seed; failure reports. */
class SeedsTest {

    static final Map<String, Long> SEEDS = new ConcurrentHashMap<>();

    @BeforeEach
    void forgetEarlierRuns() {
        SEEDS.clear();
    }

    @ExtensionFixture
    @CodePipelineMockTest
    @Seed(42)
    static class SeededFixture {
        @Test
        void a(FakeJobGenerator generator, TestInfo test) {
            SEEDS.put(test.getDisplayName(), generator.seed());
        }

        @Test
        void b(FakeJobGenerator generator, TestInfo test) {
            SEEDS.put(test.getDisplayName(), generator.seed());
        }

        @Test
        @Seed(7)
        void replayed(FakeJobGenerator generator, @FakeJob FakeThirdPartyJob job, TestInfo test) {
            SEEDS.put(test.getDisplayName(), generator.seed());
            assertThat(job).isEqualTo(FakeJobs.withSeed(7).thirdParty().build());
        }
    }

    @Test
    void eachTestHasItsOwnSeedStableAcrossRunsAndOrdersAndAMethodSeedIsUsedAsItIs() {
        Fixtures.run(Map.of("junit.jupiter.testmethod.order.default", MethodOrderer.MethodName.class.getName()),
                SeededFixture.class).testEvents().assertStatistics(stats -> stats.succeeded(3));
        Map<String, Long> forwards = Map.copyOf(SEEDS);
        SEEDS.clear();
        Fixtures.run(Map.of("junit.jupiter.testmethod.order.default",
                        ReverseMethodName.class.getName()), SeededFixture.class)
                .testEvents().assertStatistics(stats -> stats.succeeded(3));

        assertThat(SEEDS).isEqualTo(forwards);
        assertThat(forwards.get("replayed(FakeJobGenerator, FakeThirdPartyJob, TestInfo)")).isEqualTo(7L);
        assertThat(forwards.get("a(FakeJobGenerator, TestInfo)"))
                .isNotEqualTo(forwards.get("b(FakeJobGenerator, TestInfo)")).isNotEqualTo(42L);
    }

    /** Method names in reverse order. */
    public static final class ReverseMethodName implements MethodOrderer {
        @Override
        public void orderMethods(org.junit.jupiter.api.MethodOrdererContext context) {
            context.getMethodDescriptors().sort((x, y) -> y.getMethod().getName().compareTo(x.getMethod().getName()));
        }
    }

    @ExtensionFixture
    static class FailingWorkerFixture {
        @RegisterExtension
        static final CodePipelineMockExtension EXTENSION = CodePipelineMockExtension.builder()
                .clock(MockClock.at(Instant.parse("2026-01-01T00:00:00Z"))).build();

        @Test
        @Seed(7)
        void aCallIsRefused(CodePipelineClient client,
                @FakeJob(category = ActionCategory.BUILD, provider = "MyCi", version = "1") FakeThirdPartyJob job) {
            TestWorker.poll(client, job);
            client.getThirdPartyJobDetails(r -> r.jobId(job.jobId()).clientToken("not-the-token"));
        }

        @Test
        @Seed(8)
        void theTestFails(CodePipelineClient client) {
            fail("the worker stopped");
        }

        @Test
        void anAssertJComparisonFails() {
            assertThat(1).isEqualTo(2);
        }
    }

    @Test
    void aFailureShowsTheSeedTheJobsAndTheCallsWithoutSecretsAndKeepsItsType() {
        FakeThirdPartyJob job = FakeJobs.withSeed(7).thirdParty().category(ActionCategory.BUILD).provider("MyCi")
                .version("1").build();
        String n = System.lineSeparator();
        var events = Fixtures.run(FailingWorkerFixture.class).testEvents()
                .assertStatistics(stats -> stats.started(3).failed(3));
        events.assertThatEvents()
                .haveExactly(1, event(test("aCallIsRefused"), finishedWithFailure(instanceOf(SdkException.class),
                        message(text -> text.startsWith("The client token is not valid for job " + job.jobId()))
                        )))
                .haveExactly(1, event(test("theTestFails"), finishedWithFailure(
                        instanceOf(AssertionFailedError.class), message("the worker stopped" + n + n
                                + "CodePipeline mock: seed 8 (replay: @Seed(8L) on the test method)" + n
                                + "jobs: none" + n
                                + "calls the worker made: none"))))
                .haveExactly(1, event(test("anAssertJComparisonFails"), finishedWithFailure(
                        instanceOf(AssertionFailedError.class),
                        new Condition<>(t -> ((AssertionFailedError) t).getExpected().getStringRepresentation()
                                .equals("2") && t.getMessage().contains("CodePipeline mock: seed "),
                                "keeps expected and gains the report"))));
        Throwable sdkFailure = events.finished().failed().stream()
                .filter(e -> e.getTestDescriptor().getDisplayName().startsWith("aCallIsRefused"))
                .findFirst().orElseThrow().getPayload(org.junit.platform.engine.TestExecutionResult.class)
                .orElseThrow().getThrowable().orElseThrow();
        String report = sdkFailure.getSuppressed()[0].getMessage();
        assertThat(report).isEqualTo("CodePipeline mock: seed 7 (replay: @Seed(7L) on the test method)" + n
                + "jobs:" + n
                + "  job " + job.jobId() + ": Dispatched (ThirdParty Build MyCi 1)" + n
                + "    result: none" + n
                + "    calls (mock clock):" + n
                + "      2026-01-01T00:00:00Z PollForThirdPartyJobs" + n
                + "      2026-01-01T00:00:00Z GetThirdPartyJobDetails -> InvalidClientTokenException" + n
                + "calls the worker made (oldest first):" + n
                + "  1. PollForThirdPartyJobs -> 200, 1 job" + n
                + "  2. GetThirdPartyJobDetails job " + job.jobId() + " -> 400 InvalidClientTokenException");
        assertThat(report).doesNotContain(job.clientToken(), "not-the-token",
                job.details().data().artifactCredentials().secretAccessKey(), job.details().nonce());
    }
}
