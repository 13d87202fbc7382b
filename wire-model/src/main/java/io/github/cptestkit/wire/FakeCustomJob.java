package io.github.cptestkit.wire;

import java.util.List;
import java.util.Objects;

/**
 * A custom-action job ready to queue in a mock: the job PollForJobs returns (with its nonce and account) and the
 * bytes of its input artifacts.
 *
 * <pre>{@code
 * FakeCustomJob job = FakeJobs.custom().provider("MyDeployer").encrypted().build();
 * mock.enqueue(job);
 * }</pre>
 *
 * @param job       what PollForJobs returns
 * @param artifacts the objects behind the input artifacts
 */
public record FakeCustomJob(Job job, List<ArtifactObject> artifacts) {

    /**
     * Checks the job is given and copies the artifacts.
     *
     * @param job       the job, not null
     * @param artifacts the objects behind the input artifacts, copied; {@code null} for none
     * @throws NullPointerException if {@code job} is null
     */
    public FakeCustomJob {
        Objects.requireNonNull(job, "job");
        artifacts = artifacts == null ? List.of() : List.copyOf(artifacts);
    }

    /**
     * The job id.
     *
     * @return the id the worker reports its result for, a lowercase UUID
     */
    public String jobId() {
        return job.id();
    }

    /**
     * The action type the job belongs to.
     *
     * @return the type a worker polls with to get this job
     */
    public ActionTypeId actionTypeId() {
        return job.data().actionTypeId();
    }

    /**
     * This job as GetJobDetails returns it: id, data and account, without the nonce.
     *
     * @return a new value on every call, equal each time
     */
    public JobDetails details() {
        return new JobDetails(job.id(), job.data(), job.accountId());
    }

    @Override
    public String toString() {
        return "FakeCustomJob[jobId=" + job.id() + ", actionTypeId=" + job.data().actionTypeId() + ", artifacts="
                + artifacts.size() + "]";
    }
}
