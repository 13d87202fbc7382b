package io.github.cptestkit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.testkit.engine.EventConditions.container;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import io.github.cptestkit.wire.ActionCategory;
import io.github.cptestkit.wire.FakeCustomJob;
import io.github.cptestkit.fixtures.FakeJobGenerator;
import io.github.cptestkit.wire.FakeThirdPartyJob;
import io.github.cptestkit.wire.JobStatus;
import io.github.cptestkit.wire.Preset;
import io.github.cptestkit.wire.S3ArtifactLocation;
import io.github.cptestkit.mock.CodePipelineMock;
import io.github.cptestkit.mock.jobs.JobSnapshot;
import io.github.cptestkit.mock.MockClock;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.services.codepipeline.CodePipelineClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** Which parameters the extension resolves, where, and what it says about those it cannot. */
class ParametersTest {

    @ExtensionFixture
    @CodePipelineMockTest
    static class EveryTypeFixture {

        @Test
        void resolvesEachTypeAndQueuesTheJobsInParameterOrder(CodePipelineMock mock, CodePipelineClient codePipeline,
                S3Client s3, JobS3Clients jobS3, FakeJobGenerator generator,
                @FakeJob(category = ActionCategory.BUILD, provider = "MyCi", version = "1") FakeThirdPartyJob job,
                @FakeJob(provider = "MyDeployer") FakeCustomJob custom,
                @FakeJobs(count = 2, value = @FakeJob(provider = "MyCi")) List<FakeThirdPartyJob> more) {
            assertThat(mock.jobs()).extracting(JobSnapshot::jobId)
                    .containsExactly(job.jobId(), custom.jobId(), more.get(0).jobId(), more.get(1).jobId());
            assertThat(job.actionTypeId().provider()).isEqualTo("MyCi");
            assertThat(custom.actionTypeId().provider()).isEqualTo("MyDeployer");
            // the generator is the test's: settings change no ids, so its jobs 0 and 1 are the injected ones
            assertThat(generator.thirdParty().build().jobId()).isEqualTo(job.jobId());
            assertThat(generator.custom().index(1).build().jobId()).isEqualTo(custom.jobId());
            assertThat(codePipeline.serviceClientConfiguration().endpointOverride()).contains(mock.endpoint());
            assertThat(s3.serviceClientConfiguration().endpointOverride()).contains(mock.endpoint());
            assertThat(jobS3).hasToString("JobS3Clients[" + mock.endpoint() + ", us-east-1, maxAttempts=1]");

            TestWorker.succeed(codePipeline, job, "built");
            assertThat(mock.job(job.jobId()).status()).isEqualTo(JobStatus.SUCCEEDED);
        }

        @Test
        void jobS3ClientsReadTheInputWithTheJobsCredentialsWhileTheInjectedS3ClientIsRefused(
                CodePipelineClient codePipeline, S3Client s3, JobS3Clients jobS3,
                @FakeJob(category = ActionCategory.BUILD, provider = "MyCi", inputArtifacts = 1)
                FakeThirdPartyJob job) {
            TestWorker.poll(codePipeline, job);
            var credentials = codePipeline.getThirdPartyJobDetails(r -> r.jobId(job.jobId())
                    .clientToken(job.clientToken())).jobDetails().data().artifactCredentials();
            S3ArtifactLocation input = job.artifacts().get(0).location();
            try (S3Client withJobCredentials = jobS3.create(AwsSessionCredentials.create(credentials.accessKeyId(),
                    credentials.secretAccessKey(), credentials.sessionToken()))) {
                assertThat(withJobCredentials.getObjectAsBytes(r -> r.bucket(input.bucketName())
                        .key(input.objectKey())).asByteArray()).isEqualTo(job.artifacts().get(0).content());
            }
            assertThatThrownBy(() -> s3.getObjectAsBytes(r -> r.bucket(input.bucketName()).key(input.objectKey())))
                    .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(403));
        }

        @Test
        void aJobWithEnqueueFalseIsBuiltButNotQueued(CodePipelineMock mock,
                @FakeJob(preset = Preset.MINIMAL, enqueue = false) FakeThirdPartyJob job) {
            assertThat(job.details().nonce()).hasSize(1);
            assertThat(mock.jobs()).isEmpty();
        }
    }

    @ExtensionFixture
    @CodePipelineMockTest(mockClock = true)
    static class ConstructorAndLifecycleFixture {
        private final FakeThirdPartyJob fromConstructor;
        private FakeThirdPartyJob fromBeforeEach;

        ConstructorAndLifecycleFixture(@FakeJob(provider = "MyCi") FakeThirdPartyJob job) {
            this.fromConstructor = job;
        }

        @BeforeEach
        void queueOneMore(@FakeJob(provider = "MyCi") FakeThirdPartyJob job) {
            this.fromBeforeEach = job;
        }

        @Test
        void jobsOfTheConstructorAndOfBeforeEachSurviveTheResetAndAreDistinct(CodePipelineMock mock,
                MockClock clock) {
            assertThat(mock.jobs()).extracting(JobSnapshot::jobId)
                    .containsExactly(fromConstructor.jobId(), fromBeforeEach.jobId());
            assertThat(mock.clock()).isSameAs(clock);
        }
    }

    @ExtensionFixture
    @CodePipelineMockTest
    static class WrongParametersFixture {
        @Test
        void wrongType(@FakeJob String job) {}

        @Test
        void withoutAnnotation(FakeThirdPartyJob job) {}

        @Test
        void wrongListType(@FakeJobs(count = 2) List<String> jobs) {}

        @Test
        void zeroJobs(@FakeJobs(count = 0) List<FakeCustomJob> jobs) {}

        @Test
        void badConfiguration(@FakeJob(configuration = "NoEqualsSign") FakeThirdPartyJob job) {}

        @Test
        void clockOfASystemClockMock(MockClock clock) {}

        @Test
        void trustOfAnHttpOnlyMock(io.github.cptestkit.mock.tls.HttpsTrust trust) {}

        @Test
        void notOurs(String text) {}
    }

    @ExtensionFixture
    @CodePipelineMockTest
    static class FakeJobInBeforeAllFixture {
        @BeforeAll
        static void queue(@FakeJob FakeThirdPartyJob job) {}

        @Test
        void never() {}
    }

    @Test
    void everyTypeIsResolvedAndFakeJobsAreQueuedInOrder() {
        Fixtures.run(EveryTypeFixture.class).testEvents().assertStatistics(stats -> stats.started(3).succeeded(3));
    }

    @Test
    void constructorAndBeforeEachParametersAreResolvedAfterTheResetOfTheirTest() {
        Fixtures.run(ConstructorAndLifecycleFixture.class).testEvents()
                .assertStatistics(stats -> stats.started(1).succeeded(1));
    }

    @Test
    void aParameterTheExtensionCannotResolveFailsWithAMessageNamingItAndTheFix() {
        EngineExecutionResults results = Fixtures.run(WrongParametersFixture.class);
        String fixture = "WrongParametersFixture.";
        results.testEvents().assertStatistics(stats -> stats.started(8).failed(8))
                .assertThatEvents()
                .haveExactly(1, failure("wrongType", "@FakeJob parameter [String arg0] in " + fixture
                        + "wrongType(String) has type String; @FakeJob needs FakeThirdPartyJob or FakeCustomJob."
                        + " Change the parameter type to one of those."))
                .haveExactly(1, failure("withoutAnnotation", "Parameter [FakeThirdPartyJob arg0] in " + fixture
                        + "withoutAnnotation(FakeThirdPartyJob) is a FakeThirdPartyJob without @FakeJob, so nothing"
                        + " says to build and queue it. Annotate it with @FakeJob."))
                .haveExactly(1, failure("wrongListType", "@FakeJobs parameter [List<String> arg0] in " + fixture
                        + "wrongListType(List<String>) has type List<String>; @FakeJobs needs"
                        + " List<FakeThirdPartyJob> or List<FakeCustomJob>. Change the parameter type to one of"
                        + " those."))
                .haveExactly(1, failure("zeroJobs", "@FakeJobs parameter [List<FakeCustomJob> arg0] in " + fixture
                        + "zeroJobs(List<FakeCustomJob>) has count=0; count must be at least 1. Use count = 1 or"
                        + " more."))
                .haveExactly(1, failure("badConfiguration", "@FakeJob parameter [FakeThirdPartyJob arg0] in "
                        + fixture + "badConfiguration(FakeThirdPartyJob) cannot be built: @FakeJob configuration"
                        + " entries must read \"Key=Value\", but one was \"NoEqualsSign\"; write it as Key=Value"))
                .haveExactly(1, failure("clockOfASystemClockMock", "Parameter [MockClock arg0] in " + fixture
                        + "clockOfASystemClockMock(MockClock) needs a mock on a MockClock, but this mock reads"
                        + " SystemClock[Z]. Use @CodePipelineMockTest(mockClock = true) or"
                        + " CodePipelineMockExtension.builder().clock(MockClock.at(...))."))
                .haveExactly(1, failure("trustOfAnHttpOnlyMock", "Parameter [HttpsTrust arg0] in " + fixture
                        + "trustOfAnHttpOnlyMock(HttpsTrust) needs a mock that serves HTTPS, but this one serves"
                        + " HTTP only. Use @CodePipelineMockTest(https = true) or"
                        + " CodePipelineMockExtension.builder().https(true)."))
                // not claimed, so another resolver may take it: JUnit's own message with what the extension has
                .haveExactly(1, failure("notOurs", "No ParameterResolver registered for parameter"
                        + " [java.lang.String arg0] in method [void io.github.cptestkit.junit.ParametersTest$"
                        + "WrongParametersFixture.notOurs(java.lang.String)]. CodePipelineMockExtension injects"
                        + " CodePipelineMock, CodePipelineClient, CodePipelineAsyncClient, S3Client, S3AsyncClient,"
                        + " JobS3Clients, JobS3AsyncClients, FakeJobGenerator, MockClock, HttpsTrust, LambdaHarness,"
                        + " @FakeJob FakeThirdPartyJob or FakeCustomJob, @FakeJobs List<FakeThirdPartyJob> or"
                        + " List<FakeCustomJob>, (@LambdaJob) FakeLambdaJob, and @PipelineResource PipelineSnapshot."
                        + " Use one of those types, or build another client on mock.endpoint()."));
    }

    @Test
    void aFakeJobForTheWholeClassIsRefusedSinceTheResetWouldDropIt() {
        Fixtures.run(FakeJobInBeforeAllFixture.class).containerEvents().assertThatEvents()
                .haveExactly(1, event(container(FakeJobInBeforeAllFixture.class),
                        finishedWithFailure(instanceOf(ParameterResolutionException.class), message(
                                "@FakeJob parameter [FakeThirdPartyJob arg0] in FakeJobInBeforeAllFixture.queue("
                                        + "FakeThirdPartyJob) would be queued once for the class, but the mock is"
                                        + " reset before each test, which drops it. Move it to a test method, a"
                                        + " @BeforeEach method or the constructor of a class with the default"
                                        + " per-method lifecycle."))));
    }

    private static org.assertj.core.api.Condition<org.junit.platform.testkit.engine.Event> failure(String method,
            String text) {
        // nothing ran: no mock report (a suppressed FailureReport) rides on the error
        return event(test(method), finishedWithFailure(instanceOf(ParameterResolutionException.class),
                message(text), new org.assertj.core.api.Condition<>(error -> error.getSuppressed().length == 0,
                        "no suppressed exception")));
    }
}
