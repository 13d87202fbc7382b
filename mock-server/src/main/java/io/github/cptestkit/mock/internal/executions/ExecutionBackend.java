package io.github.cptestkit.mock.internal.executions;

import io.github.cptestkit.mock.jobs.JobSnapshot;
import io.github.cptestkit.wire.FakeCustomJob;
import io.github.cptestkit.wire.FakeThirdPartyJob;
import io.github.cptestkit.wire.S3ArtifactLocation;
import java.util.Optional;

/**
 * What pipeline executions run on: the job store, through the same calls a test's queued jobs take (so a job a
 * pipeline makes obeys every job rule), and the artifact bucket, where source actions put what they produce.
 *
 * <pre>{@code
 * ExecutionBackend backend = new ExecutionBackend() {
 *     public String enqueue(FakeThirdPartyJob job) { return assembly.enqueue(job); }
 *     ...
 * };
 * }</pre>
 */
public interface ExecutionBackend {

    /** Queues a partner-action job (and registers its client); returns its id. */
    String enqueue(FakeThirdPartyJob job);

    /** Queues a custom-action job, or starts a Lambda invoke job; returns its id. */
    String enqueue(FakeCustomJob job);

    /** How many jobs have ended so far: while it and the clock stand still, no job the engine waits for changed. */
    long endedJobs();

    /** The job now, or empty when the store does not have it (any more). */
    Optional<JobSnapshot> job(String jobId);

    /** The ETag of an object in the mock's bucket, without its quotes (an MD5 in hex, {@code -N} after a multipart one), or empty. */
    Optional<String> objectETag(S3ArtifactLocation location);

    /**
     * Copies an object of the mock's bucket to another location (its bucket made if need be), streamed: however big,
     * it never is in the heap whole. False when there is no such object (any more).
     */
    boolean copyObject(S3ArtifactLocation from, S3ArtifactLocation to);

    /** Puts an object in the mock's bucket (its bucket made if need be). */
    void putObject(S3ArtifactLocation location, byte[] content);
}
