package io.github.cptestkit.mock;

import static io.github.cptestkit.mock.SdkClients.sdk;
import static io.github.cptestkit.mock.TestJobs.CLIENT_ID;
import static io.github.cptestkit.mock.TestJobs.CLIENT_TOKEN;
import static io.github.cptestkit.mock.TestJobs.CUSTOM_TYPE;
import static io.github.cptestkit.mock.TestJobs.LAMBDA_TYPE;
import static io.github.cptestkit.mock.TestJobs.THIRD_PARTY_TYPE;
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

import io.github.cptestkit.fixtures.CurrentRevision;
import io.github.cptestkit.fixtures.ExecutionDetails;
import io.github.cptestkit.fixtures.FailureDetails;
import io.github.cptestkit.fixtures.JobStatus;
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
        String jobId = mock.enqueue(TestJobs.thirdParty(1));

        var polled = client.pollForThirdPartyJobs(r -> r.actionTypeId(sdk(THIRD_PARTY_TYPE)).maxBatchSize(5));
        assertThat(polled.jobs()).singleElement().satisfies(job -> {
            assertThat(job.clientId()).isEqualTo(CLIENT_ID);
            assertThat(job.jobId()).isEqualTo(jobId);
        });

        ThirdPartyJobDetails details = client.getThirdPartyJobDetails(r -> r.jobId(jobId).clientToken(CLIENT_TOKEN))
                .jobDetails();
        assertThat(details.id()).isEqualTo(jobId);
        assertThat(details.nonce()).isEqualTo("nonce-1");
        ThirdPartyJobData data = details.data();
        assertThat(data.actionTypeId()).isEqualTo(sdk(THIRD_PARTY_TYPE));
        assertThat(data.actionConfiguration().configuration()).containsExactly(Map.entry("ProjectName", "payments"));
        assertThat(data.pipelineContext().pipelineName()).isEqualTo("payments");
        assertThat(data.pipelineContext().pipelineArn()).isNull();
        assertThat(data.inputArtifacts()).singleElement().satisfies(artifact -> {
            assertThat(artifact.name()).isEqualTo("SourceOutput");
            assertThat(artifact.location().s3Location().bucketName()).isEqualTo(TestJobs.BUCKET);
            assertThat(artifact.location().s3Location().objectKey()).isEqualTo(TestJobs.input(1).objectKey());
        });
        assertThat(data.artifactCredentials().secretAccessKey()).isEqualTo(TestJobs.SECRET_ACCESS_KEY);
        assertThat(data.encryptionKey().type()).isEqualTo(EncryptionKeyType.KMS);
        assertThat(data.continuationToken()).isNull();

        assertThat(client.acknowledgeThirdPartyJob(r -> r.jobId(jobId).nonce(details.nonce())
                .clientToken(CLIENT_TOKEN)).status()).isEqualTo(SDK_IN_PROGRESS);

        Instant created = Instant.parse("2025-12-31T10:15:30.123Z");
        client.putThirdPartyJobSuccessResult(r -> r.jobId(jobId).clientToken(CLIENT_TOKEN)
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
        String jobId = mock.enqueue(TestJobs.custom(1));

        List<Job> polled = client.pollForJobs(r -> r.actionTypeId(sdk(CUSTOM_TYPE)).maxBatchSize(5)).jobs();
        assertThat(polled).hasSize(1);
        Job job = polled.get(0);
        assertThat(job.id()).isEqualTo(jobId);
        assertThat(job.nonce()).isEqualTo("nonce-1");
        assertThat(job.accountId()).isEqualTo(TestJobs.ACCOUNT_ID);
        assertThat(job.data().pipelineContext().pipelineArn()).endsWith(":payments");
        assertThat(job.data().artifactCredentials().accessKeyId()).isEqualTo(TestJobs.accessKeyId(1));
        assertThat(job.data().outputArtifacts()).singleElement()
                .satisfies(a -> assertThat(a.location().s3Location().objectKey()).endsWith("out1"));

        GetJobDetailsResponse details = client.getJobDetails(r -> r.jobId(jobId));
        assertThat(details.jobDetails().id()).isEqualTo(jobId);
        assertThat(details.jobDetails().accountId()).isEqualTo(TestJobs.ACCOUNT_ID);
        assertThat(details.jobDetails().data()).isEqualTo(job.data());

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
        String partnerJob = mock.enqueue(TestJobs.thirdParty(1));
        String customJob = mock.enqueue(TestJobs.custom(2));
        client.pollForThirdPartyJobs(r -> r.actionTypeId(sdk(THIRD_PARTY_TYPE)));
        client.acknowledgeThirdPartyJob(r -> r.jobId(partnerJob).nonce("nonce-1").clientToken(CLIENT_TOKEN));
        client.putThirdPartyJobFailureResult(r -> r.jobId(partnerJob).clientToken(CLIENT_TOKEN)
                .failureDetails(f -> f.type(FailureType.PERMISSION_ERROR).message("no access")
                        .externalExecutionId("x-1")));
        client.pollForJobs(r -> r.actionTypeId(sdk(CUSTOM_TYPE)));
        client.acknowledgeJob(r -> r.jobId(customJob).nonce("nonce-2"));
        client.putJobFailureResult(r -> r.jobId(customJob)
                .failureDetails(f -> f.type(FailureType.CONFIGURATION_ERROR).message("ProjectName is missing")));

        assertThat(mock.job(partnerJob).status()).isEqualTo(JobStatus.FAILED);
        assertThat(mock.job(partnerJob).failure().failureDetails()).isEqualTo(new FailureDetails(
                io.github.cptestkit.fixtures.FailureType.PERMISSION_ERROR, "no access", "x-1"));
        assertThat(mock.job(partnerJob).operations()).endsWith(PUT_THIRD_PARTY_JOB_FAILURE_RESULT);
        assertThat(mock.job(customJob).failure().failureDetails().type())
                .isEqualTo(io.github.cptestkit.fixtures.FailureType.CONFIGURATION_ERROR);
        assertThat(mock.job(customJob).operations()).endsWith(PUT_JOB_FAILURE_RESULT);
    }

    @Test
    void aLambdaInvokeJobTakesItsResultWithoutBeingPolled() {
        String jobId = mock.enqueue(TestJobs.lambda(1));
        assertThat(mock.job(jobId).status()).isEqualTo(JobStatus.IN_PROGRESS);
        client.putJobSuccessResult(r -> r.jobId(jobId).outputVariables(Map.of("DEPLOYED", "true")));
        assertThat(mock.job(jobId).status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(mock.job(jobId).calls()).singleElement()
                .satisfies(call -> assertThat(call.operation()).isEqualTo(PUT_JOB_SUCCESS_RESULT));
        assertThatThrownBy(() -> client.pollForJobs(r -> r.actionTypeId(sdk(LAMBDA_TYPE))))
                .isInstanceOf(software.amazon.awssdk.services.codepipeline.model.ValidationException.class)
                .hasMessageContaining("valid only for action types with owner Custom");
    }

    @Test
    void aSuccessWithAContinuationTokenQueuesTheNextJobOfTheActionWithThatToken() {
        String first = mock.enqueue(TestJobs.custom(1));
        client.pollForJobs(r -> r.actionTypeId(sdk(CUSTOM_TYPE)));
        client.acknowledgeJob(r -> r.jobId(first).nonce("nonce-1"));
        client.putJobSuccessResult(r -> r.jobId(first).continuationToken("deployment-42")
                .executionDetails(e -> e.percentComplete(50)));

        Job next = client.pollForJobs(r -> r.actionTypeId(sdk(CUSTOM_TYPE))).jobs().get(0);
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
        String jobId = mock.enqueue(TestJobs.custom(1));
        Job first = client.pollForJobs(r -> r.actionTypeId(sdk(CUSTOM_TYPE))).jobs().get(0);
        assertThat(client.pollForJobs(r -> r.actionTypeId(sdk(CUSTOM_TYPE))).jobs()).isEmpty();

        CLOCK.advance(Duration.ofMinutes(1));
        Job second = client.pollForJobs(r -> r.actionTypeId(sdk(CUSTOM_TYPE))).jobs().get(0);
        assertThat(second.id()).isEqualTo(jobId);
        assertThat(second.nonce()).isNotEqualTo(first.nonce());
        assertThatThrownBy(() -> client.acknowledgeJob(r -> r.jobId(jobId).nonce(first.nonce())))
                .isInstanceOf(InvalidNonceException.class);
        assertThat(client.acknowledgeJob(r -> r.jobId(jobId).nonce(second.nonce())).status())
                .isEqualTo(SDK_IN_PROGRESS);
    }

    @Test
    void anAcknowledgeAfterTheJobTimedOutAnswersTimedOutAndResultsAreRefused() {
        String jobId = mock.enqueue(TestJobs.custom(1));
        client.pollForJobs(r -> r.actionTypeId(sdk(CUSTOM_TYPE)));
        client.acknowledgeJob(r -> r.jobId(jobId).nonce("nonce-1"));
        CLOCK.advance(Duration.ofHours(24));
        assertThat(client.acknowledgeJob(r -> r.jobId(jobId).nonce("nonce-1")).status())
                .isEqualTo(software.amazon.awssdk.services.codepipeline.model.JobStatus.TIMED_OUT);
        assertThatThrownBy(() -> client.putJobSuccessResult(r -> r.jobId(jobId)))
                .isInstanceOf(software.amazon.awssdk.services.codepipeline.model.InvalidJobStateException.class)
                .hasMessageContaining("is TimedOut");
        assertThat(mock.job(jobId).status()).isEqualTo(JobStatus.TIMED_OUT);
    }

    @Test
    void queryParamPollsOnlyJobsWhoseQueryablePropertyMatches() {
        mock.registerActionType(CUSTOM_TYPE, ActionTypeSettings.defaults().withQueryableProperty("ProjectName"));
        mock.enqueue(TestJobs.custom(1, Map.of("ProjectName", "payments")));
        String billing = mock.enqueue(TestJobs.custom(2, Map.of("ProjectName", "billing")));
        List<Job> jobs = client.pollForJobs(r -> r.actionTypeId(sdk(CUSTOM_TYPE)).maxBatchSize(10)
                .queryParam(Map.of("ProjectName", "billing"))).jobs();
        assertThat(jobs).extracting(Job::id).containsExactly(billing);
    }
}
