package io.github.cptestkit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.testkit.engine.EventConditions.container;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import io.github.cptestkit.fixtures.FakeJobGenerator;
import io.github.cptestkit.mock.CodePipelineMock;
import io.github.cptestkit.mock.MockClock;
import io.github.cptestkit.mock.jobs.JobSnapshot;
import io.github.cptestkit.wire.ActionCategory;
import io.github.cptestkit.wire.FakeCustomJob;
import io.github.cptestkit.wire.FakeThirdPartyJob;
import io.github.cptestkit.wire.JobStatus;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.codepipeline.CodePipelineAsyncClient;
import software.amazon.awssdk.services.codepipeline.CodePipelineClient;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3Client;

/** Instance fields take what parameters take: @MockResource for the mock and its clients, @FakeJob for jobs. */
class FieldsTest {

    static final List<String> JOB_IDS = new ArrayList<>();

    @ExtensionFixture
    @CodePipelineMockTest(mockClock = true)
    static class EveryFieldFixture {
        @MockResource CodePipelineMock mock;
        @MockResource CodePipelineClient codePipeline;
        @MockResource CodePipelineAsyncClient codePipelineAsync;
        @MockResource S3Client s3;
        @MockResource S3AsyncClient s3Async;
        @MockResource JobS3Clients jobS3;
        @MockResource JobS3AsyncClients jobS3Async;
        @MockResource FakeJobGenerator generator;
        @MockResource MockClock clock;
        @FakeJob(category = ActionCategory.BUILD, provider = "MyCi") FakeThirdPartyJob job;
        @FakeJob(provider = "MyDeployer") private FakeCustomJob custom;
        @FakeJobs(count = 2, value = @FakeJob(provider = "MyCi")) List<FakeThirdPartyJob> more;

        @Test
        void everyFieldIsSetAndTheJobsAreQueuedBeforeTheTest(@FakeJob(provider = "MyCi") FakeThirdPartyJob param) {
            assertThat(List.of(mock, codePipeline, codePipelineAsync, s3, s3Async, jobS3, jobS3Async, generator,
                    clock)).doesNotContainNull();
            assertThat(mock.clock()).isSameAs(clock);
            assertThat(codePipeline.serviceClientConfiguration().endpointOverride()).contains(mock.endpoint());
            assertThat(mock.jobs()).extracting(JobSnapshot::jobId).containsExactlyInAnyOrder(job.jobId(),
                    custom.jobId(), more.get(0).jobId(), more.get(1).jobId(), param.jobId());
            assertThat(mock.jobs()).extracting(JobSnapshot::jobId).last().isEqualTo(param.jobId());
            TestWorker.succeed(codePipeline, job, "built");
            assertThat(mock.job(job.jobId()).status()).isEqualTo(JobStatus.SUCCEEDED);
            JOB_IDS.add(job.jobId());
        }

        @Test
        void eachTestGetsJobsOfItsOwnAfterTheReset() {
            assertThat(mock.jobs()).hasSize(4);
            assertThat(mock.job(job.jobId()).status()).isEqualTo(JobStatus.QUEUED);
            JOB_IDS.add(job.jobId());
        }

        @Nested
        class Inner {
            @FakeJob(provider = "MyCi") FakeThirdPartyJob innerJob;

            @Test
            void theOuterInstancesFieldsAreSetForANestedTestToo() {
                assertThat(mock.jobs()).extracting(JobSnapshot::jobId).contains(job.jobId(), innerJob.jobId())
                        .hasSize(5);
            }
        }
    }

    @ExtensionFixture
    static class PerTestMockFixture {
        @RegisterExtension
        final CodePipelineMockExtension extension = CodePipelineMockExtension.builder().build();

        @MockResource CodePipelineMock mock;
        @FakeJob FakeThirdPartyJob job;

        @Test
        void fieldsAreSetWhenTheExtensionLivesInAnInstanceField() {
            assertThat(mock.jobs()).extracting(JobSnapshot::jobId).containsExactly(job.jobId());
        }
    }

    @ExtensionFixture
    @CodePipelineMockTest
    static class StaticFieldFixture {
        @FakeJob static FakeThirdPartyJob job;

        @Test
        void never() {}
    }

    @ExtensionFixture
    @CodePipelineMockTest
    static class StaticClientFixture {
        @MockResource static CodePipelineClient client;

        @Test
        void never() {}
    }

    @ExtensionFixture
    @CodePipelineMockTest
    static class FinalFieldFixture {
        @MockResource final CodePipelineMock mock = null;

        @Test
        void never() {}
    }

    @ExtensionFixture
    @CodePipelineMockTest
    static class WrongTypeFixture {
        @MockResource String endpoint;

        @Test
        void never() {}
    }

    @ExtensionFixture
    @CodePipelineMockTest
    static class WrongJobTypeFixture {
        @FakeJobs(count = 2) List<String> jobs;

        @Test
        void never() {}
    }

    @ExtensionFixture
    @CodePipelineMockTest
    static class ClockOfASystemClockMockFixture {
        @MockResource MockClock clock;

        @Test
        void never() {}
    }

    @Test
    void fieldsAreSetBeforeEachTestWithJobsOfThatTest() {
        JOB_IDS.clear();
        Fixtures.run(EveryFieldFixture.class).testEvents().assertStatistics(stats -> stats.started(3).succeeded(3));
        assertThat(JOB_IDS).hasSize(2).doesNotHaveDuplicates();
    }

    @Test
    void fieldsAreSetWithAMockPerTest() {
        Fixtures.run(PerTestMockFixture.class).testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
    }

    @Test
    void aStaticFieldIsRefusedWithTheFieldAndTheFix() {
        assertClassFails(StaticFieldFixture.class, "@FakeJob field [FakeThirdPartyJob job] in"
                + " FieldsTest.StaticFieldFixture is static, but the extension injects fields before each test (the"
                + " mock is reset then, which would drop a class-wide job). Make it an instance field: remove"
                + " 'static'.");
        assertClassFails(StaticClientFixture.class, "@MockResource field [CodePipelineClient client] in"
                + " FieldsTest.StaticClientFixture is static, but the extension injects fields before each test (the"
                + " mock is reset then, which would drop a class-wide job). Make it an instance field: remove"
                + " 'static'.");
    }

    @Test
    void aFinalFieldIsRefused() {
        assertClassFails(FinalFieldFixture.class, "@MockResource field [CodePipelineMock mock] in"
                + " FieldsTest.FinalFieldFixture is final, so the extension cannot inject it. Remove 'final'.");
    }

    @Test
    void aFieldOfATypeTheExtensionDoesNotInjectFailsItsTestNamingTheTypesItDoes() {
        assertTestFails(WrongTypeFixture.class, "@MockResource field [String endpoint] in"
                + " FieldsTest.WrongTypeFixture has type String, which the extension does not inject; @MockResource"
                + " takes CodePipelineMock, CodePipelineClient, CodePipelineAsyncClient, S3Client, S3AsyncClient,"
                + " JobS3Clients, JobS3AsyncClients, FakeJobGenerator, MockClock, HttpsTrust. Change the field type to"
                + " one of those (fake jobs take @FakeJob instead).");
        assertTestFails(WrongJobTypeFixture.class, "@FakeJobs field [List<String> jobs] in"
                + " FieldsTest.WrongJobTypeFixture has type List<String>; @FakeJobs needs List<FakeThirdPartyJob> or"
                + " List<FakeCustomJob>. Change the field type to one of those.");
        assertTestFails(ClockOfASystemClockMockFixture.class, "Field [MockClock clock] in"
                + " FieldsTest.ClockOfASystemClockMockFixture needs a mock on a MockClock, but this mock reads"
                + " SystemClock[Z]. Use @CodePipelineMockTest(mockClock = true) or"
                + " CodePipelineMockExtension.builder().clock(MockClock.at(...)).");
    }

    private static void assertClassFails(Class<?> fixture, String text) {
        Fixtures.run(fixture).containerEvents().assertThatEvents().haveExactly(1, event(container(fixture),
                finishedWithFailure(instanceOf(ExtensionConfigurationException.class), message(text))));
    }

    private static void assertTestFails(Class<?> fixture, String text) {
        Fixtures.run(fixture).testEvents().assertThatEvents().haveExactly(1, event(test("never"),
                finishedWithFailure(instanceOf(ExtensionConfigurationException.class), message(text))));
    }
}
