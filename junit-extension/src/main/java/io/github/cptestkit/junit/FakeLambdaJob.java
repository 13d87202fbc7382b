package io.github.cptestkit.junit;

import io.github.cptestkit.wire.FakeCustomJob;
import java.util.Objects;

/**
 * A Lambda invoke job of a test ({@link LambdaJob @LambdaJob}): the fake job (action type Invoke/AWS/Lambda/1,
 * {@code FunctionName} set, its input zips in the artifact bucket), queued in the mock, which invoked the function
 * at once; run it with a handler through {@link LambdaHarness}, or let a runtime interface client take it.
 *
 * <pre>{@code
 * @Test
 * void deploys(LambdaHarness lambda, @LambdaJob(function = "Deploy") FakeLambdaJob job, CodePipelineMock mock) {
 *     lambda.invoke(job, new DeployHandler());
 *     assertThat(mock.job(job.jobId()).status()).isEqualTo(JobStatus.SUCCEEDED);
 * }
 * }</pre>
 *
 * @param functionName the function the job names
 * @param job          the fake job, with the bytes of its input artifacts
 */
public record FakeLambdaJob(String functionName, FakeCustomJob job) {

    /**
     * Requires both components.
     *
     * @param functionName the function the job names; not null
     * @param job          the fake job; not null
     */
    public FakeLambdaJob {
        Objects.requireNonNull(functionName, "functionName");
        Objects.requireNonNull(job, "job");
    }

    /**
     * The job id.
     *
     * @return the id of {@link #job()}, the one its invocation event carries
     */
    public String jobId() {
        return job.jobId();
    }
}
