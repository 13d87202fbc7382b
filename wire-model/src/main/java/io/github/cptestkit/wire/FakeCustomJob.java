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

    public FakeCustomJob {
        Objects.requireNonNull(job, "job");
        artifacts = artifacts == null ? List.of() : List.copyOf(artifacts);
    }

    /** The job id. */
    public String jobId() {
        return job.id();
    }

    /** The action type the job belongs to. */
    public ActionTypeId actionTypeId() {
        return job.data().actionTypeId();
    }

    /** This job as GetJobDetails returns it: id, data and account, without the nonce. */
    public JobDetails details() {
        return new JobDetails(job.id(), job.data(), job.accountId());
    }

    @Override
    public String toString() {
        return "FakeCustomJob[jobId=" + job.id() + ", actionTypeId=" + job.data().actionTypeId() + ", artifacts="
                + artifacts.size() + "]";
    }
}
