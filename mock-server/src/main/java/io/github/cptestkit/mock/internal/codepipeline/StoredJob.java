package io.github.cptestkit.mock.internal.codepipeline;

import io.github.cptestkit.wire.ActionTypeId;
import io.github.cptestkit.wire.ArtifactObject;
import io.github.cptestkit.wire.JobData;
import io.github.cptestkit.wire.JobStatus;
import io.github.cptestkit.mock.jobs.JobResult;
import io.github.cptestkit.mock.jobs.JobSnapshot;
import io.github.cptestkit.schemas.AwsError;
import io.github.cptestkit.schemas.Operation;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One job and its mutable state. Every field that changes is guarded by the {@link JobStore}'s lock; nothing
 * outside the store sees this class.
 */
final class StoredJob {

    final String id;
    final Operation.Family family;
    /** The client id of a third-party job; {@code null} for custom and Lambda jobs. */
    final String clientId;
    final ActionTypeId actionTypeId;
    final JobData data;
    /** The account id a custom job is served with; {@code null} for third-party jobs. */
    final String accountId;
    final List<ArtifactObject> artifacts;
    /** Enqueue order: the queue serves the lowest first, also after a job returns to it. */
    final long sequence;
    /** The nonce the job was enqueued with, served on its first dispatch; {@code null} to make one up. */
    final String initialNonce;
    final String continuedFrom;
    /** Its type's job timeout as last looked up ({@code null}: none), and the control plane's changes count then. */
    Duration jobTimeout;
    long jobTimeoutAt = -1;

    JobStatus status = JobStatus.QUEUED;
    String nonce;
    int dispatches;
    Instant dispatchedAt;
    Instant startedAt;
    /** When the action began: its first job's acknowledge (a Lambda job's start); the action timeout counts from it. */
    Instant actionStartedAt;
    /** When the job's artifactCredentials were last handed out (enqueue, PollForJobs, Get*JobDetails). */
    Instant credentialsIssuedAt;
    /** Whether an answer has handed out the job's own artifactCredentials yet; later answers renew them. */
    boolean credentialsHandedOut;
    /** The access key ids of the renewed sets still kept, oldest first. */
    final java.util.ArrayDeque<String> renewedKeys = new java.util.ArrayDeque<>();
    JobResult result;
    final CallLog calls = new CallLog();

    StoredJob(String id, Operation.Family family, String clientId, ActionTypeId actionTypeId, JobData data,
            String accountId, List<ArtifactObject> artifacts, long sequence, String initialNonce,
            String continuedFrom) {
        this.id = id;
        this.family = family;
        this.clientId = clientId;
        this.actionTypeId = actionTypeId;
        this.data = data;
        this.accountId = accountId;
        this.artifacts = List.copyOf(artifacts);
        this.sequence = sequence;
        this.initialNonce = initialNonce;
        this.continuedFrom = continuedFrom;
    }

    void record(Operation operation, Instant at, AwsError error) {
        calls.add(operation, at, error);
    }

    JobSnapshot snapshot() {
        return new JobSnapshot(id, actionTypeId, clientId, status, nonce, data, calls.toList(), result,
                continuedFrom);
    }
}
