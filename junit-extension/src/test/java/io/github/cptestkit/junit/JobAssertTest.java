package io.github.cptestkit.junit;

import static io.github.cptestkit.junit.CodePipelineAssertions.assertThat;
import static io.github.cptestkit.junit.CodePipelineAssertions.assertThatThrownBy;

import io.github.cptestkit.wire.ActionCategory;
import io.github.cptestkit.wire.ActionOwner;
import io.github.cptestkit.wire.ActionTypeId;
import io.github.cptestkit.wire.ExecutionDetails;
import io.github.cptestkit.wire.FailureDetails;
import io.github.cptestkit.wire.FailureType;
import io.github.cptestkit.wire.JobStatus;
import io.github.cptestkit.mock.jobs.JobResult;
import io.github.cptestkit.mock.jobs.JobSnapshot;
import io.github.cptestkit.mock.jobs.RecordedCall;
import io.github.cptestkit.schemas.AwsError;
import io.github.cptestkit.schemas.Operation;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The job assertions pass on what they describe and fail showing the job's state and calls. */
class JobAssertTest {

    private static final String ID = "5b1f0c4e-0000-4000-8000-000000000001";
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final ActionTypeId TYPE =
            new ActionTypeId(ActionCategory.BUILD, ActionOwner.THIRD_PARTY, "ReportBuilder", "1");
    private static final List<RecordedCall> CALLS = List.of(
            new RecordedCall(Operation.POLL_FOR_THIRD_PARTY_JOBS, T0, null),
            new RecordedCall(Operation.GET_THIRD_PARTY_JOB_DETAILS, T0.plusSeconds(1), null),
            new RecordedCall(Operation.ACKNOWLEDGE_THIRD_PARTY_JOB, T0.plusSeconds(2), AwsError.INVALID_NONCE),
            new RecordedCall(Operation.ACKNOWLEDGE_THIRD_PARTY_JOB, T0.plusSeconds(3), null),
            new RecordedCall(Operation.PUT_THIRD_PARTY_JOB_FAILURE_RESULT, T0.plusSeconds(4), null));
    private static final String N = System.lineSeparator();
    private static final String FAILED_JOB = "job " + ID + ": Failed (ThirdParty Build ReportBuilder 1)" + N
            + "  result: failure ConfigurationError \"Configuration property ReportTitle is missing\"" + N
            + "  calls (mock clock):" + N
            + "    2026-01-01T00:00:00Z PollForThirdPartyJobs" + N
            + "    2026-01-01T00:00:01Z GetThirdPartyJobDetails" + N
            + "    2026-01-01T00:00:02Z AcknowledgeThirdPartyJob -> InvalidNonceException" + N
            + "    2026-01-01T00:00:03Z AcknowledgeThirdPartyJob" + N
            + "    2026-01-01T00:00:04Z PutThirdPartyJobFailureResult";

    private static JobSnapshot failed() {
        return new JobSnapshot(ID, TYPE, "c11e0000-0000-4000-8000-000000000001", JobStatus.FAILED, "n", null, CALLS,
                new JobResult.Failure(T0.plusSeconds(4), new FailureDetails(FailureType.CONFIGURATION_ERROR,
                        "Configuration property ReportTitle is missing", null)), null);
    }

    private static JobSnapshot succeeded(String continuationToken) {
        return new JobSnapshot(ID, TYPE, null, JobStatus.SUCCEEDED, "n", null, CALLS.subList(0, 4),
                new JobResult.Success(T0.plusSeconds(4), null, new ExecutionDetails("3 files, 42 lines", "r-1", 50),
                        continuationToken, Map.of(), continuationToken == null ? null : "next-job"), null);
    }

    @Test
    void assertionsThatHoldPass() {
        assertThat(failed()).failed().wasAcknowledged().hasFailureType(FailureType.CONFIGURATION_ERROR)
                .hasFailureMessage("Configuration property ReportTitle is missing")
                .hasFailureMessageContaining("ReportTitle")
                .hasRefusedCall(Operation.ACKNOWLEDGE_THIRD_PARTY_JOB, AwsError.INVALID_NONCE)
                .hasOperations(Operation.POLL_FOR_THIRD_PARTY_JOBS, Operation.GET_THIRD_PARTY_JOB_DETAILS,
                        Operation.ACKNOWLEDGE_THIRD_PARTY_JOB, Operation.ACKNOWLEDGE_THIRD_PARTY_JOB,
                        Operation.PUT_THIRD_PARTY_JOB_FAILURE_RESULT);
        assertThat(succeeded("page-2")).succeeded().hasExecutionSummary("3 files, 42 lines")
                .hasExecutionSummaryContaining("42 lines").hasExternalExecutionId("r-1").hasPercentComplete(50)
                .hasContinuation().hasContinuationToken("page-2");
        assertThat(succeeded(null)).hasNoContinuation().hasStatus(JobStatus.SUCCEEDED);
    }

    @Test
    void aWrongStatusShowsTheJobsResultAndEveryCallWithItsTimeAndError() {
        assertThatThrownBy(() -> assertThat(failed()).succeeded()).isInstanceOf(AssertionError.class)
                .hasMessage("Expecting job " + ID + " to have succeeded, but it is Failed." + N + FAILED_JOB);
    }

    @Test
    void aWrongFailureTypeNamesBothTypes() {
        assertThatThrownBy(() -> assertThat(failed()).hasFailureType(FailureType.JOB_FAILED))
                .hasMessage("Expecting job " + ID + " to have failed with JobFailed, but it failed with"
                        + " ConfigurationError." + N + FAILED_JOB);
    }

    @Test
    void aSuccessAssertionOnAFailedJobSaysThereIsNoSuccess() {
        assertThatThrownBy(() -> assertThat(failed()).hasExecutionSummary("done"))
                .hasMessage("Expecting job " + ID + " to have the execution summary \"done\", but it has no success"
                        + " result: it is Failed." + N + FAILED_JOB);
        assertThatThrownBy(() -> assertThat(failed()).hasContinuation())
                .hasMessageStartingWith("Expecting job " + ID + " to have a continuation, but it has no success"
                        + " result: it is Failed.");
    }

    @Test
    void aContinuationMismatchShowsTheSuccess() {
        assertThatThrownBy(() -> assertThat(succeeded(null)).hasContinuation())
                .hasMessageStartingWith("Expecting job " + ID + " to have a continuation token, but its success has"
                        + " none: the action completed." + N + "job " + ID + ": Succeeded (ThirdParty Build"
                        + " ReportBuilder 1)" + N + "  result: success with summary \"3 files, 42 lines\","
                        + " externalExecutionId=r-1, percentComplete=50" + N);
        assertThatThrownBy(() -> assertThat(succeeded("page-2")).hasNoContinuation())
                .hasMessageContaining("to complete the action, but it has the continuation token \"page-2\".")
                .hasMessageContaining("continuationToken \"page-2\" (continued by job next-job)");
    }

    @Test
    void anUnacknowledgedJobAndUnexpectedCallsAreNamed() {
        JobSnapshot polled = new JobSnapshot(ID, TYPE, null, JobStatus.DISPATCHED, "n", null, CALLS.subList(0, 1),
                null, null);
        assertThatThrownBy(() -> assertThat(polled).wasAcknowledged())
                .hasMessage("Expecting job " + ID + " to have been acknowledged, but no acknowledge call on it"
                        + " succeeded." + N + "job " + ID + ": Dispatched (ThirdParty Build ReportBuilder 1)" + N
                        + "  result: none" + N + "  calls (mock clock):" + N
                        + "    2026-01-01T00:00:00Z PollForThirdPartyJobs");
        assertThatThrownBy(() -> assertThat(failed()).hasNoRefusedCalls())
                .hasMessageStartingWith("Expecting job " + ID + " to have had no refused call, but 1 was refused.");
        assertThatThrownBy(() -> assertThat(polled).hasOperations(Operation.POLL_FOR_JOBS))
                .hasMessageStartingWith("Expecting job " + ID + " to have had the calls [PollForJobs], but had"
                        + " [PollForThirdPartyJobs].");
    }

    @Test
    void followingAContinuationNeedsTheMock() {
        assertThatThrownBy(() -> assertThat(succeeded("page-2")).continuationJob())
                .hasMessage("continuationJob() needs the mock: write assertThat(mock).job(jobId).continuationJob()"
                        + " instead of assertThat(mock.job(jobId)).continuationJob()");
    }
}
