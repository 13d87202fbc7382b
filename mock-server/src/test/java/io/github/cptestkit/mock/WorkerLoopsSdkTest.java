package io.github.cptestkit.mock;

import static io.github.cptestkit.mock.SdkClients.sdk;
import static io.github.cptestkit.schemas.Operation.ACKNOWLEDGE_JOB;
import static io.github.cptestkit.schemas.Operation.ACKNOWLEDGE_THIRD_PARTY_JOB;
import static io.github.cptestkit.schemas.Operation.GET_JOB_DETAILS;
import static io.github.cptestkit.schemas.Operation.GET_THIRD_PARTY_JOB_DETAILS;
import static io.github.cptestkit.schemas.Operation.POLL_FOR_JOBS;
import static io.github.cptestkit.schemas.Operation.POLL_FOR_THIRD_PARTY_JOBS;
import static io.github.cptestkit.schemas.Operation.PUT_JOB_FAILURE_RESULT;
import static io.github.cptestkit.schemas.Operation.PUT_JOB_SUCCESS_RESULT;
import static io.github.cptestkit.schemas.Operation.PUT_THIRD_PARTY_JOB_FAILURE_RESULT;
import static io.github.cptestkit.schemas.Operation.PUT_THIRD_PARTY_JOB_SUCCESS_RESULT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cptestkit.wire.ActionCategory;
import io.github.cptestkit.wire.CurrentRevision;
import io.github.cptestkit.wire.ExecutionDetails;
import io.github.cptestkit.wire.FailureDetails;
import io.github.cptestkit.wire.FakeCustomJob;
import io.github.cptestkit.wire.FakeThirdPartyJob;
import io.github.cptestkit.wire.JobData;
import io.github.cptestkit.wire.JobStatus;
import io.github.cptestkit.wire.Preset;
import io.github.cptestkit.wire.S3ArtifactLocation;
import io.github.cptestkit.mock.jobs.ActionTypeSettings;
import io.github.cptestkit.mock.jobs.JobSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.codepipeline.model.EncryptionKeyType;
import software.amazon.awssdk.services.codepipeline.model.FailureType;
import software.amazon.awssdk.services.codepipeline.model.GetJobDetailsResponse;
import software.amazon.awssdk.services.codepipeline.model.InvalidNonceException;
import software.amazon.awssdk.services.codepipeline.model.Job;
import software.amazon.awssdk.services.codepipeline.model.ThirdPartyJobData;
import software.amazon.awssdk.services.codepipeline.model.ThirdPartyJobDetails;

/** Full worker loops through the real AWS SDK for Java v2, ending in the recorded state. */
class WorkerLoopsSdkTest extends SharedMockTest {

    static final software.amazon.awssdk.services.codepipeline.model.JobStatus SDK_IN_PROGRESS =
            software.amazon.awssdk.services.codepipeline.model.JobStatus.IN_PROGRESS;

    @Test
    void aThirdPartyWorkerLoopEndsSucceededWithItsRevisionAndDetailsRecorded() {
        FakeThirdPartyJob partnerJob = FAKES.thirdParty().inputArtifacts(1).encrypted().build();
        JobData fixture = partnerJob.details().data();
        String clientToken = partnerJob.clientToken();
        String jobId = mock.enqueue(partnerJob);

        var polled = client.pollForThirdPartyJobs(r -> r.actionTypeId(sdk(partnerJob.actionTypeId())).maxBatchSize(5));
        assertThat(polled.jobs()).singleElement().satisfies(job -> {
            assertThat(job.clientId()).isEqualTo(partnerJob.clientId());
            assertThat(job.jobId()).isEqualTo(jobId);
        });

        ThirdPartyJobDetails details = client.getThirdPartyJobDetails(r -> r.jobId(jobId).clientToken(clientToken))
                .jobDetails();
        assertThat(details.id()).isEqualTo(jobId);
        assertThat(details.nonce()).isEqualTo(partnerJob.details().nonce());
        ThirdPartyJobData data = details.data();
        assertThat(data.actionTypeId()).isEqualTo(sdk(partnerJob.actionTypeId()));
        assertThat(data.actionConfiguration().configuration())
                .containsExactlyInAnyOrderEntriesOf(fixture.actionConfiguration().configuration());
        assertThat(data.pipelineContext().pipelineName()).isEqualTo(fixture.pipelineContext().pipelineName());
        assertThat(data.pipelineContext().pipelineArn()).isNull();
        S3ArtifactLocation input = fixture.inputArtifacts().get(0).location().s3Location();
        assertThat(data.inputArtifacts()).singleElement().satisfies(artifact -> {
            assertThat(artifact.name()).isEqualTo(fixture.inputArtifacts().get(0).name());
            assertThat(artifact.location().s3Location().bucketName()).isEqualTo(input.bucketName());
            assertThat(artifact.location().s3Location().objectKey()).isEqualTo(input.objectKey());
        });
        assertThat(data.artifactCredentials().secretAccessKey())
                .isEqualTo(fixture.artifactCredentials().secretAccessKey());
        assertThat(data.encryptionKey().type()).isEqualTo(EncryptionKeyType.KMS);
        assertThat(data.continuationToken()).isNull();

        assertThat(client.acknowledgeThirdPartyJob(r -> r.jobId(jobId).nonce(details.nonce())
                .clientToken(clientToken)).status()).isEqualTo(SDK_IN_PROGRESS);

        Instant created = Instant.parse("2025-12-31T10:15:30.123Z");
        client.putThirdPartyJobSuccessResult(r -> r.jobId(jobId).clientToken(clientToken)
                .currentRevision(c -> c.revision("r-42").changeIdentifier("change-42").created(created)
                        .revisionSummary("Fix the build"))
                .executionDetails(e -> e.summary("Built").externalExecutionId("build-7").percentComplete(100)));

        JobSnapshot job = mock.job(jobId);
        assertThat(job.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(job.operations()).containsExactly(POLL_FOR_THIRD_PARTY_JOBS, GET_THIRD_PARTY_JOB_DETAILS,
                ACKNOWLEDGE_THIRD_PARTY_JOB, PUT_THIRD_PARTY_JOB_SUCCESS_RESULT);
        assertThat(job.success().currentRevision())
                .isEqualTo(new CurrentRevision("r-42", "change-42", created, "Fix the build"));
        assertThat(job.success().executionDetails()).isEqualTo(new ExecutionDetails("Built", "build-7", 100));
        assertThat(job.success().continuationToken()).isNull();
        assertThat(job.success().at()).isEqualTo(CLOCK.instant());
    }

    @Test
    void aCustomWorkerLoopEndsSucceededWithItsOutputVariablesRecorded() {
        FakeCustomJob customJob = FAKES.custom().outputArtifacts(1).build();
        JobData fixture = customJob.job().data();
        String jobId = mock.enqueue(customJob);

        List<Job> polled = client.pollForJobs(r -> r.actionTypeId(sdk(customJob.actionTypeId())).maxBatchSize(5))
                .jobs();
        assertThat(polled).hasSize(1);
        Job job = polled.get(0);
        assertThat(job.id()).isEqualTo(jobId);
        assertThat(job.nonce()).isEqualTo(customJob.job().nonce());
        assertThat(job.accountId()).isEqualTo(customJob.job().accountId());
        assertThat(job.data().pipelineContext().pipelineArn()).endsWith(":" + fixture.pipelineContext().pipelineName());
        assertThat(job.data().artifactCredentials().accessKeyId())
                .isEqualTo(fixture.artifactCredentials().accessKeyId());
        assertThat(job.data().outputArtifacts()).singleElement()
                .satisfies(a -> assertThat(a.location().s3Location().objectKey())
                        .isEqualTo(fixture.outputArtifacts().get(0).location().s3Location().objectKey()));

        GetJobDetailsResponse details = client.getJobDetails(r -> r.jobId(jobId));
        assertThat(details.jobDetails().id()).isEqualTo(jobId);
        assertThat(details.jobDetails().accountId()).isEqualTo(customJob.job().accountId());
        assertThat(withoutCredentials(details.jobDetails().data())).isEqualTo(withoutCredentials(job.data()));
        assertThat(details.jobDetails().data().artifactCredentials().accessKeyId()).as("fetched again: a new set")
                .isNotEqualTo(job.data().artifactCredentials().accessKeyId());

        assertThat(client.acknowledgeJob(r -> r.jobId(jobId).nonce(job.nonce())).status())
                .isEqualTo(SDK_IN_PROGRESS);
        client.putJobSuccessResult(r -> r.jobId(jobId)
                .currentRevision(c -> c.revision("r-1").changeIdentifier("c-1"))
                .outputVariables(Map.of("IMAGE_TAG", "1.2.3", "build@id", "b-1")));

        JobSnapshot snapshot = mock.job(jobId);
        assertThat(snapshot.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(snapshot.operations()).containsExactly(POLL_FOR_JOBS, GET_JOB_DETAILS, ACKNOWLEDGE_JOB,
                PUT_JOB_SUCCESS_RESULT);
        assertThat(snapshot.success().outputVariables())
                .containsOnly(Map.entry("IMAGE_TAG", "1.2.3"), Map.entry("build@id", "b-1"));
        assertThat(snapshot.success().currentRevision()).isEqualTo(new CurrentRevision("r-1", "c-1", null, null));
    }

    @Test
    void failureResultsOfBothKindsAreRecordedWithTheirDetails() {
        FakeThirdPartyJob partner = FAKES.thirdParty().index(1).build();
        FakeCustomJob custom = FAKES.custom().index(2).build();
        String partnerJob = mock.enqueue(partner);
        String customJob = mock.enqueue(custom);
        client.pollForThirdPartyJobs(r -> r.actionTypeId(sdk(partner.actionTypeId())));
        client.acknowledgeThirdPartyJob(r -> r.jobId(partnerJob).nonce(partner.details().nonce())
                .clientToken(partner.clientToken()));
        client.putThirdPartyJobFailureResult(r -> r.jobId(partnerJob).clientToken(partner.clientToken())
                .failureDetails(f -> f.type(FailureType.PERMISSION_ERROR).message("no access")
                        .externalExecutionId("x-1")));
        client.pollForJobs(r -> r.actionTypeId(sdk(custom.actionTypeId())));
        client.acknowledgeJob(r -> r.jobId(customJob).nonce(custom.job().nonce()));
        client.putJobFailureResult(r -> r.jobId(customJob)
                .failureDetails(f -> f.type(FailureType.CONFIGURATION_ERROR).message("ProjectName is missing")));

        assertThat(mock.job(partnerJob).status()).isEqualTo(JobStatus.FAILED);
        assertThat(mock.job(partnerJob).failure().failureDetails()).isEqualTo(new FailureDetails(
                io.github.cptestkit.wire.FailureType.PERMISSION_ERROR, "no access", "x-1"));
        assertThat(mock.job(partnerJob).operations()).endsWith(PUT_THIRD_PARTY_JOB_FAILURE_RESULT);
        assertThat(mock.job(customJob).failure().failureDetails().type())
                .isEqualTo(io.github.cptestkit.wire.FailureType.CONFIGURATION_ERROR);
        assertThat(mock.job(customJob).operations()).endsWith(PUT_JOB_FAILURE_RESULT);
    }

    @Test
    void aLambdaInvokeJobTakesItsResultWithoutBeingPolled() {
        FakeCustomJob lambdaJob = FAKES.custom().preset(Preset.LAMBDA_INVOKE).build();
        String jobId = mock.enqueue(lambdaJob);
        assertThat(mock.job(jobId).status()).isEqualTo(JobStatus.IN_PROGRESS);
        client.putJobSuccessResult(r -> r.jobId(jobId).outputVariables(Map.of("DEPLOYED", "true")));
        assertThat(mock.job(jobId).status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(mock.job(jobId).calls()).singleElement()
                .satisfies(call -> assertThat(call.operation()).isEqualTo(PUT_JOB_SUCCESS_RESULT));
        assertThatThrownBy(() -> client.pollForJobs(r -> r.actionTypeId(sdk(lambdaJob.actionTypeId()))))
                .isInstanceOf(software.amazon.awssdk.services.codepipeline.model.ValidationException.class)
                .hasMessageContaining("valid only for action types with owner Custom");
    }

    @Test
    void aSuccessWithAContinuationTokenQueuesTheNextJobOfTheActionWithThatToken() {
        FakeCustomJob customJob = FAKES.custom().build();
        String first = mock.enqueue(customJob);
        client.pollForJobs(r -> r.actionTypeId(sdk(customJob.actionTypeId())));
        client.acknowledgeJob(r -> r.jobId(first).nonce(customJob.job().nonce()));
        client.putJobSuccessResult(r -> r.jobId(first).continuationToken("deployment-42")
                .executionDetails(e -> e.percentComplete(50)));

        Job next = client.pollForJobs(r -> r.actionTypeId(sdk(customJob.actionTypeId()))).jobs().get(0);
        assertThat(next.id()).isNotEqualTo(first).isEqualTo(mock.job(first).success().continuationJobId());
        assertThat(next.data().continuationToken()).isEqualTo("deployment-42");
        assertThat(next.nonce()).isNotBlank();
        client.acknowledgeJob(r -> r.jobId(next.id()).nonce(next.nonce()));
        client.putJobSuccessResult(r -> r.jobId(next.id()));

        assertThat(mock.jobs()).extracting(JobSnapshot::status).containsExactly(JobStatus.SUCCEEDED,
                JobStatus.SUCCEEDED);
        assertThat(mock.job(next.id()).continuedFromJobId()).isEqualTo(first);
        assertThat(mock.job(next.id()).success().continuationJobId()).isNull();
    }

    @Test
    void aJobNotAcknowledgedInTimeIsPolledAgainAndTheFirstNonceNoLongerWorks() {
        FakeCustomJob customJob = FAKES.custom().build();
        String jobId = mock.enqueue(customJob);
        var type = sdk(customJob.actionTypeId());
        Job first = client.pollForJobs(r -> r.actionTypeId(type)).jobs().get(0);
        assertThat(client.pollForJobs(r -> r.actionTypeId(type)).jobs()).isEmpty();

        CLOCK.advance(Duration.ofMinutes(1));
        Job second = client.pollForJobs(r -> r.actionTypeId(type)).jobs().get(0);
        assertThat(second.id()).isEqualTo(jobId);
        assertThat(second.nonce()).isNotEqualTo(first.nonce());
        assertThatThrownBy(() -> client.acknowledgeJob(r -> r.jobId(jobId).nonce(first.nonce())))
                .isInstanceOf(InvalidNonceException.class);
        assertThat(client.acknowledgeJob(r -> r.jobId(jobId).nonce(second.nonce())).status())
                .isEqualTo(SDK_IN_PROGRESS);
    }

    @Test
    void anAcknowledgeAfterTheJobTimedOutAnswersTimedOutAndResultsAreRefused() {
        FakeCustomJob customJob = FAKES.custom().build();
        String jobId = mock.enqueue(customJob);
        String nonce = customJob.job().nonce();
        client.pollForJobs(r -> r.actionTypeId(sdk(customJob.actionTypeId())));
        client.acknowledgeJob(r -> r.jobId(jobId).nonce(nonce));
        CLOCK.advance(Duration.ofHours(24));
        assertThat(client.acknowledgeJob(r -> r.jobId(jobId).nonce(nonce)).statusAsString())
                .isEqualTo(JobStatus.TIMED_OUT.wire());
        assertThatThrownBy(() -> client.putJobSuccessResult(r -> r.jobId(jobId)))
                .isInstanceOf(software.amazon.awssdk.services.codepipeline.model.InvalidJobStateException.class)
                .hasMessageContaining("is TimedOut");
        assertThat(mock.job(jobId).status()).isEqualTo(JobStatus.TIMED_OUT);
    }

    @Test
    void queryParamPollsOnlyJobsWhoseQueryablePropertyMatches() {
        FakeCustomJob payments = FAKES.custom().category(ActionCategory.BUILD).provider("MyCi").version("1")
                .index(1).configuration("ProjectName", "payments").build();
        FakeCustomJob billingJob = FAKES.custom().category(ActionCategory.BUILD).provider("MyCi").version("1")
                .index(2).configuration("ProjectName", "billing").build();
        mock.registerActionType(payments.actionTypeId(),
                ActionTypeSettings.defaults().withQueryableProperty("ProjectName"));
        mock.enqueue(payments);
        String billing = mock.enqueue(billingJob);
        List<Job> jobs = client.pollForJobs(r -> r.actionTypeId(sdk(payments.actionTypeId())).maxBatchSize(10)
                .queryParam(Map.of("ProjectName", "billing"))).jobs();
        assertThat(jobs).extracting(Job::id).containsExactly(billing);
    }

    /** The SDK's job data without its artifact credentials, which differ on every fetch (a new set each time). */
    static software.amazon.awssdk.services.codepipeline.model.JobData withoutCredentials(
            software.amazon.awssdk.services.codepipeline.model.JobData data) {
        return data.toBuilder().artifactCredentials(
                (software.amazon.awssdk.services.codepipeline.model.AWSSessionCredentials) null).build();
    }
}
