package io.github.cptestkit.pact;

import java.util.List;

/**
 * The provider states a CodePipeline pact may name, and what {@link CodePipelineProviderTest} sets up for each.
 * Names are written as here, braces included; the values travel as provider state parameters (Pact
 * specification v3 {@code providerStates[].params}), which {@link CodePipelineRequest#givenJob} fills in.
 *
 * <p>Parameters of the job states (all optional but {@code jobId}; the provider takes what is missing from the
 * interaction's request, then from its expected response, then from a fake job of fixed seed):
 * <ul>
 *   <li>{@code jobId}: the job's id (a lowercase UUID for custom jobs);</li>
 *   <li>{@code clientId}, {@code clientToken}: a third-party job's client and its token (a job state with a
 *       {@code clientId} is a third-party job; without one, the job is of the operation's family);</li>
 *   <li>{@code nonce}: the nonce the job's first dispatch hands out;</li>
 *   <li>{@code accountId}: a custom job's account;</li>
 *   <li>{@code actionTypeId}: {@code {"category", "owner", "provider", "version"}}, the job's action type.</li>
 * </ul>
 * The job's data is the one the interaction's expected response shows for that job id (GetThirdPartyJobDetails,
 * GetJobDetails, PollForJobs), else a fake job's.
 *
 * <pre>{@code
 * // in a pact file (or given(ProviderStates.JOB_IN_PROGRESS, Map.of("jobId", id, "clientId", client)))
 * "providerStates": [{"name": "job {jobId} is in progress",
 *                     "params": {"jobId": "0c5e...", "clientId": "6f1d...", "clientToken": "token-1"}}]
 * }</pre>
 */
public final class ProviderStates {

    /** A third-party job waiting in its action type's queue: PollForThirdPartyJobs hands it out. */
    public static final String THIRD_PARTY_JOB_QUEUED = "a third-party job {jobId} is queued for client {clientId}";
    /** A custom-action job waiting in its action type's queue: PollForJobs hands it out. */
    public static final String CUSTOM_JOB_QUEUED = "a custom job {jobId} is queued";
    /** A job a poll handed out, not yet acknowledged: details and acknowledge work, with its {@code nonce}. */
    public static final String JOB_DISPATCHED = "job {jobId} is dispatched";
    /** An acknowledged job (or a Lambda invoke job): results can be put on it. */
    public static final String JOB_IN_PROGRESS = "job {jobId} is in progress";
    /** A job that took a success result: another result is InvalidJobStateException. */
    public static final String JOB_SUCCEEDED = "job {jobId} has succeeded";
    /** A job that took a failure result. */
    public static final String JOB_FAILED = "job {jobId} has failed";
    /** An acknowledged job left past its job timeout. */
    public static final String JOB_TIMED_OUT = "job {jobId} has timed out";
    /** No job has this id: calls on it are JobNotFoundException. Sets nothing up. */
    public static final String NO_JOB = "no job {jobId} exists";
    /**
     * The action type (parameter {@code actionTypeId}, else the request's) is known but has no job queued: polls
     * answer {@code {"jobs": []}}.
     */
    public static final String NO_JOBS_QUEUED = "no jobs are queued for the action type";

    private ProviderStates() {}

    /**
     * Every documented state, in the order above.
     *
     * @return the state names, unmodifiable
     */
    public static List<String> all() {
        return List.of(THIRD_PARTY_JOB_QUEUED, CUSTOM_JOB_QUEUED, JOB_DISPATCHED, JOB_IN_PROGRESS, JOB_SUCCEEDED,
                JOB_FAILED, JOB_TIMED_OUT, NO_JOB, NO_JOBS_QUEUED);
    }
}
