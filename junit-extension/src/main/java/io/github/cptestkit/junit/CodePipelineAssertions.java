package io.github.cptestkit.junit;

import io.github.cptestkit.mock.CodePipelineMock;
import io.github.cptestkit.mock.executions.PipelineExecutionSnapshot;
import io.github.cptestkit.mock.jobs.JobSnapshot;
import io.github.cptestkit.mock.s3.StoredArtifact;
import org.assertj.core.api.Assertions;

/**
 * Entry point of the toolkit's AssertJ assertions; it extends {@link Assertions}, so one static import gives
 * AssertJ's {@code assertThat}s too.
 *
 * <pre>{@code
 * import static io.github.cptestkit.junit.CodePipelineAssertions.assertThat;
 *
 * assertThat(mock.job(jobId)).succeeded().hasExecutionSummary("3 files, 42 lines");
 * assertThat(mock).job(jobId).failed().hasFailureType(FailureType.CONFIGURATION_ERROR);
 * }</pre>
 */
public class CodePipelineAssertions extends Assertions {

    /** For a subclass that adds entry points of its own; the assertions themselves are static. */
    protected CodePipelineAssertions() {}

    /**
     * Assertions on a job snapshot.
     *
     * @param job the job as the mock saw it, e.g. {@code mock.job(jobId)}; null fails every assertion
     * @return assertions that cannot follow continuations or artifacts; use {@code assertThat(mock).job(jobId)} for
     *     those
     */
    public static JobAssert assertThat(JobSnapshot job) {
        return new JobAssert(job, null);
    }

    /**
     * Assertions on an artifact of the mock's bucket, e.g. {@code mock.outputArtifact(jobId, name).orElseThrow()}.
     *
     * @param artifact the stored object; null fails every assertion
     * @return assertions on its zip entries and encryption
     */
    public static ArtifactAssert assertThat(StoredArtifact artifact) {
        return new ArtifactAssert(artifact);
    }

    /**
     * Assertions on a pipeline execution snapshot.
     *
     * @param execution the execution as the mock saw it; null fails every assertion
     * @return assertions whose failures leave out the jobs' calls; use {@code assertThat(mock).pipelineExecution(id)}
     *     for those
     */
    public static PipelineExecutionAssert assertThat(PipelineExecutionSnapshot execution) {
        return new PipelineExecutionAssert(execution, null);
    }

    /**
     * Assertions on a mock: its jobs, and (through them) their continuations.
     *
     * @param mock the mock; null fails every assertion
     * @return assertions on the mock's jobs, pipeline executions, KMS use and problems
     */
    public static MockAssert assertThat(CodePipelineMock mock) {
        return new MockAssert(mock);
    }
}
