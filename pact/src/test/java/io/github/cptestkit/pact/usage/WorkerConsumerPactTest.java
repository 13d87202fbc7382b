package io.github.cptestkit.pact.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.RequestResponsePact;
import au.com.dius.pact.core.model.annotations.Pact;
import io.github.cptestkit.wire.ActionCategory;
import io.github.cptestkit.wire.ExecutionDetails;
import io.github.cptestkit.wire.FailureDetails;
import io.github.cptestkit.wire.FailureType;
import io.github.cptestkit.wire.FakeCustomJob;
import io.github.cptestkit.fixtures.FakeJobs;
import io.github.cptestkit.wire.FakeThirdPartyJob;
import io.github.cptestkit.wire.JobStatus;
import io.github.cptestkit.pact.CodePipelinePact;
import io.github.cptestkit.schemas.AwsError;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.codepipeline.model.InvalidJobStateException;

/**
 * Consumer tests of {@link TestWorker}, the way a worker's own tests use the DSL: the real SDK client runs against
 * Pact's mock server, and the pact file {@code testkit-worker-aws-codepipeline.json} is written to
 * {@code target/pacts}, for {@code WorkerPactsVerificationIT} to verify.
 */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = CodePipelinePact.PROVIDER, pactVersion = PactSpecVersion.V3)
class WorkerConsumerPactTest {

    static final String CONSUMER = "testkit-worker";
    static final FakeThirdPartyJob PARTNER_JOB = FakeJobs.withSeed(11).thirdParty()
            .category(ActionCategory.BUILD).provider("TestkitCi").inputArtifacts(1).encrypted().build();
    static final FakeThirdPartyJob LATE_JOB = FakeJobs.withSeed(11).thirdParty().provider("TestkitCi").index(1).build();
    static final FakeCustomJob CUSTOM_JOB = FakeJobs.withSeed(11).custom()
            .category(ActionCategory.DEPLOY).provider("TestkitDeployer").build();

    @Pact(consumer = CONSUMER)
    RequestResponsePact aPartnerJobRunsToSuccess(PactDslWithProvider builder) {
        return CodePipelinePact.pact(builder,
                CodePipelinePact.pollForThirdPartyJobs().givenJob(PARTNER_JOB).maxBatchSize(1).willRespondWith(),
                CodePipelinePact.getThirdPartyJobDetails().givenJob(PARTNER_JOB).willRespondWith(),
                CodePipelinePact.acknowledgeThirdPartyJob().givenJob(PARTNER_JOB).willRespondWith(),
                CodePipelinePact.putThirdPartyJobSuccessResult().givenJob(PARTNER_JOB)
                        .executionDetails(new ExecutionDetails("Built by TestkitCi", null, 100))
                        .willRespondWith());
    }

    @Test
    @PactTestFor(pactMethod = "aPartnerJobRunsToSuccess")
    void thePartnerWorkerRunsAJobFromPollToSuccess(MockServer server) {
        TestWorker worker = new TestWorker(server.getUrl(), Map.of(PARTNER_JOB.clientId(), PARTNER_JOB.clientToken()));

        assertThat(worker.runThirdPartyJob(PARTNER_JOB.actionTypeId())).isEqualTo(PARTNER_JOB.jobId());
    }

    @Pact(consumer = CONSUMER)
    RequestResponsePact noPartnerJobIsQueued(PactDslWithProvider builder) {
        return CodePipelinePact.pollForThirdPartyJobs().givenNoJobsQueued(PARTNER_JOB.actionTypeId()).maxBatchSize(1)
                .willRespondWith().toPact(builder);
    }

    @Test
    @PactTestFor(pactMethod = "noPartnerJobIsQueued")
    void thePartnerWorkerFindsNothingToDo(MockServer server) {
        TestWorker worker = new TestWorker(server.getUrl(), Map.of());

        assertThat(worker.runThirdPartyJob(PARTNER_JOB.actionTypeId())).isNull();
    }

    @Pact(consumer = CONSUMER)
    RequestResponsePact aCustomJobFails(PactDslWithProvider builder) {
        return CodePipelinePact.pact(builder,
                CodePipelinePact.pollForJobs().givenJob(CUSTOM_JOB).maxBatchSize(1).willRespondWith(),
                CodePipelinePact.acknowledgeJob().givenJob(CUSTOM_JOB).willRespondWith(),
                CodePipelinePact.putJobFailureResult().givenJob(CUSTOM_JOB)
                        .failureDetails(new FailureDetails(FailureType.CONFIGURATION_ERROR, "ApplicationName is"
                                + " missing", null))
                        .willRespondWith());
    }

    @Test
    @PactTestFor(pactMethod = "aCustomJobFails")
    void theCustomWorkerFailsAJobItCannotRun(MockServer server) {
        TestWorker worker = new TestWorker(server.getUrl(), Map.of());

        assertThat(worker.failCustomJob(CUSTOM_JOB.actionTypeId(), "ApplicationName is missing"))
                .isEqualTo(CUSTOM_JOB.jobId());
    }

    @Pact(consumer = CONSUMER)
    RequestResponsePact aResultOnATimedOutJobIsRefused(PactDslWithProvider builder) {
        return CodePipelinePact.putThirdPartyJobSuccessResult().givenJob(LATE_JOB, JobStatus.TIMED_OUT)
                .willRespondWithError(AwsError.INVALID_JOB_STATE).toPact(builder);
    }

    @Test
    @PactTestFor(pactMethod = "aResultOnATimedOutJobIsRefused")
    void aLateResultGetsInvalidJobStateException(MockServer server) {
        TestWorker worker = new TestWorker(server.getUrl(), Map.of());

        assertThatThrownBy(() -> worker.reportSuccess(LATE_JOB.jobId(), LATE_JOB.clientToken()))
                .isInstanceOf(InvalidJobStateException.class);
    }
}
