package io.github.cptestkit.pact.internal;

import io.github.cptestkit.wire.JobStatus;
import io.github.cptestkit.pact.ProviderStates;
import io.github.cptestkit.schemas.Operation.Family;

/**
 * The documented provider states and what each sets up: a job in a status (of a family, or of the family its
 * parameters and the interaction imply), no job, or a known action type with no job.
 *
 * <pre>{@code StateKind.JOB_IN_PROGRESS.status();   // JobStatus.IN_PROGRESS}</pre>
 */
public enum StateKind {
    THIRD_PARTY_JOB_QUEUED(ProviderStates.THIRD_PARTY_JOB_QUEUED, JobStatus.QUEUED, Family.THIRD_PARTY),
    CUSTOM_JOB_QUEUED(ProviderStates.CUSTOM_JOB_QUEUED, JobStatus.QUEUED, Family.CUSTOM),
    JOB_DISPATCHED(ProviderStates.JOB_DISPATCHED, JobStatus.DISPATCHED, null),
    JOB_IN_PROGRESS(ProviderStates.JOB_IN_PROGRESS, JobStatus.IN_PROGRESS, null),
    JOB_SUCCEEDED(ProviderStates.JOB_SUCCEEDED, JobStatus.SUCCEEDED, null),
    JOB_FAILED(ProviderStates.JOB_FAILED, JobStatus.FAILED, null),
    JOB_TIMED_OUT(ProviderStates.JOB_TIMED_OUT, JobStatus.TIMED_OUT, null),
    NO_JOB(ProviderStates.NO_JOB, null, null),
    NO_JOBS_QUEUED(ProviderStates.NO_JOBS_QUEUED, null, null);

    private final String stateName;
    private final JobStatus status;
    private final Family family;

    StateKind(String stateName, JobStatus status, Family family) {
        this.stateName = stateName;
        this.status = status;
        this.family = family;
    }

    /** The state's name in pacts. */
    public String stateName() {
        return stateName;
    }

    /** The status the state's job ends in, or {@code null} for the states without a job. */
    public JobStatus status() {
        return status;
    }

    /** The family the state fixes, or {@code null} when parameters and the interaction decide. */
    public Family family() {
        return family;
    }
}
