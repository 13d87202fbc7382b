package io.github.cptestkit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import io.github.cptestkit.wire.FakeThirdPartyJob;
import io.github.cptestkit.schemas.AwsError;
import io.github.cptestkit.schemas.Operation;
import java.time.Duration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.services.codepipeline.CodePipelineClient;
import software.amazon.awssdk.services.codepipeline.model.CodePipelineException;
import software.amazon.awssdk.services.codepipeline.model.JobNotFoundException;

/** @FailNext, @Throttle and @Delay on classes, nested classes and methods, planned after each reset. */
class FaultsTest {

    @ExtensionFixture
    @CodePipelineMockTest
    @Throttle(operation = Operation.POLL_FOR_THIRD_PARTY_JOBS)
    static class DeclaredFaultsFixture {

        @Test
        @FailNext(operation = Operation.GET_THIRD_PARTY_JOB_DETAILS, error = AwsError.JOB_NOT_FOUND,
                message = "gone")
        void classFaultsComeFirstThenTheMethodsOwn(CodePipelineClient client, @FakeJob FakeThirdPartyJob job) {
            assertThatThrownBy(() -> TestWorker.poll(client, job)).isInstanceOf(CodePipelineException.class)
                    .satisfies(e -> assertThat(((CodePipelineException) e).awsErrorDetails().errorCode())
                            .isEqualTo("ThrottlingException"));
            assertThat(TestWorker.poll(client, job)).hasSize(1);
            assertThatThrownBy(() -> client.getThirdPartyJobDetails(r -> r.jobId(job.jobId())
                    .clientToken(job.clientToken()))).isInstanceOf(JobNotFoundException.class)
                    .hasMessageStartingWith("gone");
            assertThat(client.getThirdPartyJobDetails(r -> r.jobId(job.jobId()).clientToken(job.clientToken()))
                    .jobDetails().id()).isEqualTo(job.jobId());
        }

        @Test
        void theMethodFaultsOfAnotherTestAreGone(CodePipelineClient client, @FakeJob FakeThirdPartyJob job) {
            assertThatThrownBy(() -> TestWorker.poll(client, job)).isInstanceOf(CodePipelineException.class);
            TestWorker.succeed(client, job, "done");
        }

        @Test
        @Delay(operation = Operation.POLL_FOR_THIRD_PARTY_JOBS, millis = 2_000, times = 2)
        void aDelayOutlastsAShortAttemptTimeout(CodePipelineClient client, @FakeJob FakeThirdPartyJob job) {
            assertThatThrownBy(() -> TestWorker.poll(client, job)).isInstanceOf(CodePipelineException.class);
            assertThatThrownBy(() -> client.pollForThirdPartyJobs(r -> r
                    .actionTypeId(TestWorker.sdk(job.actionTypeId()))
                    .overrideConfiguration(c -> c.apiCallAttemptTimeout(Duration.ofMillis(200)))))
                    .isInstanceOf(ApiCallAttemptTimeoutException.class);
        }

        @Nested
        @FailNext(error = AwsError.SERVICE_UNAVAILABLE)
        class Nested503 {
            @Test
            void enclosingClassFaultsComeBeforeTheNestedClasss(CodePipelineClient client,
                    @FakeJob FakeThirdPartyJob job) {
                assertThatThrownBy(() -> TestWorker.poll(client, job))
                        .satisfies(e -> assertThat(((CodePipelineException) e).statusCode()).isEqualTo(400));
                assertThatThrownBy(() -> TestWorker.poll(client, job))
                        .satisfies(e -> assertThat(((CodePipelineException) e).statusCode()).isEqualTo(503));
                assertThat(TestWorker.poll(client, job)).hasSize(1);
            }
        }
    }

    @ExtensionFixture
    @CodePipelineMockTest
    static class WrongFaultsFixture {
        @Test
        @Throttle(times = 0)
        void noTimes() {}

        @Test
        @Delay(millis = 60_001)
        void tooLong() {}

        @Test
        @FailNext(operation = Operation.POLL_FOR_THIRD_PARTY_JOBS, error = AwsError.INVALID_NONCE)
        void anErrorThePollNeverAnswers() {}
    }

    @ExtensionFixture
    @CodePipelineMockTest
    static class AnyErrorFixture {
        @Test
        @FailNext(operation = Operation.POLL_FOR_THIRD_PARTY_JOBS, error = AwsError.INVALID_NONCE, anyError = true)
        void anyErrorInjectsAnErrorTheModelDoesNotList(CodePipelineClient client, @FakeJob FakeThirdPartyJob job) {
            assertThatThrownBy(() -> TestWorker.poll(client, job))
                    .isInstanceOf(software.amazon.awssdk.services.codepipeline.model.InvalidNonceException.class);
            assertThat(TestWorker.poll(client, job)).hasSize(1);
        }
    }

    @Test
    void anyErrorAllowsAnErrorTheOperationNeverAnswers() {
        Fixtures.run(AnyErrorFixture.class).testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
    }

    @Test
    void declaredFaultsAnswerInOrderAndLastOneTest() {
        Fixtures.run(DeclaredFaultsFixture.class).testEvents().assertStatistics(stats -> stats.started(4).succeeded(4));
    }

    @Test
    void aFaultThatCannotBePlannedFailsTheTestNamingTheRuleAndTheFix() {
        String fixture = "io.github.cptestkit.junit.FaultsTest$WrongFaultsFixture.";
        Fixtures.run(WrongFaultsFixture.class).testEvents().assertStatistics(stats -> stats.started(3).failed(3))
                .assertThatEvents()
                .haveExactly(1, event(test("noTimes"), finishedWithFailure(
                        instanceOf(ExtensionConfigurationException.class), message("@Throttle on " + fixture
                                + "noTimes() has times=0; times must be at least 1. Use times = 1 or remove the"
                                + " annotation."))))
                .haveExactly(1, event(test("tooLong"), finishedWithFailure(
                        instanceOf(ExtensionConfigurationException.class), message("@Delay on " + fixture
                                + "tooLong() has millis=60001; millis must be between 0 and 60000. Use a delay in"
                                + " that range."))))
                .haveExactly(1, event(test("anErrorThePollNeverAnswers"), finishedWithFailure(
                        instanceOf(ExtensionConfigurationException.class), message("@FailNext on " + fixture
                                + "anErrorThePollNeverAnswers(): PollForThirdPartyJobs cannot answer"
                                + " InvalidNonceException: it answers [ActionTypeNotFoundException,"
                                + " ValidationException, ThrottlingException, InternalFailure, ServiceUnavailable,"
                                + " UnknownOperationException, SerializationException, AccessDeniedException]; to"
                                + " inject it anyway, add anyError = true"))));
    }
}
