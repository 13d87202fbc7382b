package io.github.cptestkit.junit;

import io.github.cptestkit.mock.CodePipelineMock;
import io.github.cptestkit.mock.executions.PipelineExecutionSnapshot;
import io.github.cptestkit.mock.jobs.JobSnapshot;
import io.github.cptestkit.mock.s3.KmsViolation;
import java.util.List;
import java.util.NoSuchElementException;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on a whole mock: its jobs, its pipeline executions and the problems it met.
 *
 * <pre>{@code
 * assertThat(mock).hasNoProblems().job(jobId).succeeded().hasContinuation();
 * }</pre>
 */
public class MockAssert extends AbstractAssert<MockAssert, CodePipelineMock> {

    /**
     * An assertion on {@code actual}.
     *
     * @param actual the mock; null fails every assertion
     */
    protected MockAssert(CodePipelineMock actual) {
        super(actual, MockAssert.class);
    }

    /**
     * Assertions on job {@code jobId}, able to follow its continuation.
     *
     * @param jobId the job's id, as the mock or the fake job gave it
     * @return assertions on the job as it is now
     */
    public JobAssert job(String jobId) {
        isNotNull();
        JobSnapshot job;
        try {
            job = actual.job(jobId);
        } catch (NoSuchElementException e) {
            failWithMessage("%s", "Expecting the mock to have job " + jobId + ", but it has only "
                    + actual.jobs().stream().map(JobSnapshot::jobId).toList());
            throw e;
        }
        return new JobAssert(job, actual);
    }

    /**
     * Assertions on pipeline execution {@code executionId}.
     *
     * @param executionId the execution's {@code pipelineExecutionId}
     * @return assertions on the execution as it is now, whose failures show the calls made on its jobs
     */
    public PipelineExecutionAssert pipelineExecution(String executionId) {
        isNotNull();
        PipelineExecutionSnapshot execution;
        try {
            execution = actual.pipelineExecution(executionId);
        } catch (NoSuchElementException e) {
            failWithMessage("%s", "Expecting the mock to have pipeline execution " + executionId + ", but it has only "
                    + actual.pipelineExecutions().stream().map(PipelineExecutionSnapshot::pipelineExecutionId).toList());
            throw e;
        }
        return new PipelineExecutionAssert(execution, actual);
    }

    /**
     * No upload ignored its job's KMS key.
     *
     * @return this assertion
     */
    public MockAssert hasNoKmsViolations() {
        isNotNull();
        List<KmsViolation> violations = actual.kmsViolations();
        if (!violations.isEmpty()) {
            failWithMessage("%s", "Expecting every upload to use its job's KMS key, but " + violations.size()
                    + " did not:" + System.lineSeparator() + violations.stream()
                    .map(v -> "job " + v.jobId() + " " + v.operation() + " s3://" + v.bucket() + "/" + v.key() + ": "
                            + v.problem())
                    .collect(java.util.stream.Collectors.joining(System.lineSeparator())));
        }
        return this;
    }

    /**
     * The mock met no problem (no answer broke its schema, no internal failure).
     *
     * @return this assertion
     */
    public MockAssert hasNoProblems() {
        isNotNull();
        List<String> problems = actual.problems();
        if (!problems.isEmpty()) {
            failWithMessage("%s", "Expecting the mock to have met no problem, but it met " + problems.size() + ":"
                    + System.lineSeparator() + String.join(System.lineSeparator(), problems));
        }
        return this;
    }
}
