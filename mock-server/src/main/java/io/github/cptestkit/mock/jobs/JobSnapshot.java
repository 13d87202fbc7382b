package io.github.cptestkit.mock.jobs;

import io.github.cptestkit.wire.ActionTypeId;
import io.github.cptestkit.wire.JobData;
import io.github.cptestkit.wire.JobStatus;
import io.github.cptestkit.schemas.Operation;
import java.util.List;
import java.util.Objects;

/**
 * A job as the mock sees it at one moment: its state, the calls made on it and the result put on it.
 *
 * <pre>{@code
 * JobSnapshot job = mock.job(jobId);
 * assertThat(job.status()).isEqualTo(JobStatus.SUCCEEDED);
 * assertThat(job.operations()).containsExactly(Operation.POLL_FOR_JOBS, Operation.ACKNOWLEDGE_JOB,
 *         Operation.PUT_JOB_SUCCESS_RESULT);
 * assertThat(job.success().currentRevision().revision()).isEqualTo("r-42");
 * }</pre>
 *
 * @param jobId              the job id
 * @param actionTypeId       the action type it belongs to
 * @param clientId           the client id of a third-party job, {@code null} for other jobs
 * @param status             its status now (timeouts already applied)
 * @param nonce              the nonce of its current dispatch, or {@code null} before its first dispatch
 * @param data               the job data it is served with (with {@code continuationToken} set for a job that
 *                           continues an action)
 * @param calls              the calls made on it, oldest first: its last 1,000 (a job called more often drops
 *                           its oldest calls)
 * @param result             the result put on it, or {@code null}
 * @param continuedFromJobId the job whose success with a continuation token queued this one, or {@code null}
 */
public record JobSnapshot(String jobId, ActionTypeId actionTypeId, String clientId, JobStatus status, String nonce,
        JobData data, List<RecordedCall> calls, JobResult result, String continuedFromJobId) {

    /**
     * Copies the calls; the id and the status are required.
     *
     * @param jobId              the job id
     * @param actionTypeId       the action type it belongs to
     * @param clientId           the client id of a third-party job, {@code null} for other jobs
     * @param status             its status now (timeouts already applied)
     * @param nonce              the nonce of its current dispatch, or {@code null} before its first dispatch
     * @param data               the job data it is served with (with {@code continuationToken} set for a job that
     *                           continues an action)
     * @param calls              the calls made on it, oldest first: its last 1,000 (a job called more often drops
     *                           its oldest calls)
     * @param result             the result put on it, or {@code null}
     * @param continuedFromJobId the job whose success with a continuation token queued this one, or {@code null}
     */
    public JobSnapshot {
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(status, "status");
        calls = List.copyOf(calls);
    }

    /**
     * The operations of {@link #calls()}, in order.
     *
     * @return one operation per recorded call, refused calls included
     */
    public List<Operation> operations() {
        return calls.stream().map(RecordedCall::operation).toList();
    }

    /**
     * The success result.
     *
     * @return the success the worker put on the job
     * @throws IllegalStateException naming the job's status and result, when it has no success result
     */
    public JobResult.Success success() {
        if (result instanceof JobResult.Success success) {
            return success;
        }
        throw new IllegalStateException("job " + jobId + " has no success result: it is " + status.wire()
                + (result == null ? " with no result" : " with " + result));
    }

    /**
     * The failure result.
     *
     * @return the failure the worker put on the job
     * @throws IllegalStateException naming the job's status and result, when it has no failure result
     */
    public JobResult.Failure failure() {
        if (result instanceof JobResult.Failure failure) {
            return failure;
        }
        throw new IllegalStateException("job " + jobId + " has no failure result: it is " + status.wire()
                + (result == null ? " with no result" : " with " + result));
    }
}
