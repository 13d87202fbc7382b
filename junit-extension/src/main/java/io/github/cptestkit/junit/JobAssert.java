package io.github.cptestkit.junit;

import io.github.cptestkit.wire.Artifact;
import io.github.cptestkit.wire.ExecutionDetails;
import io.github.cptestkit.wire.FailureDetails;
import io.github.cptestkit.wire.FailureType;
import io.github.cptestkit.wire.JobStatus;
import io.github.cptestkit.wire.S3ArtifactLocation;
import io.github.cptestkit.junit.internal.JobDescription;
import io.github.cptestkit.mock.CodePipelineMock;
import io.github.cptestkit.mock.jobs.JobResult;
import io.github.cptestkit.mock.jobs.JobSnapshot;
import io.github.cptestkit.mock.jobs.RecordedCall;
import io.github.cptestkit.mock.s3.KmsViolation;
import io.github.cptestkit.mock.s3.StoredArtifact;
import io.github.cptestkit.schemas.AwsError;
import io.github.cptestkit.schemas.Operation;
import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Assertions on a job as the mock saw it. A failure says what was expected and shows the job's actual state: its
 * status, action type, result, and every call made on it with its time (on the mock's clock) and error.
 *
 * <pre>{@code
 * assertThat(mock.job(jobId)).succeeded().wasAcknowledged().hasExecutionSummary("3 files, 42 lines");
 * assertThat(mock.job(jobId)).failed().hasFailureType(FailureType.CONFIGURATION_ERROR);
 * assertThat(mock.job(jobId)).succeeded().hasContinuation();
 * }</pre>
 *
 * <p>A failure reads, for example:
 * <pre>
 * Expecting job 5b1f0c4e-... to have succeeded, but it is Failed.
 * job 5b1f0c4e-...: Failed (ThirdParty Build ReportBuilder 1)
 *   result: failure ConfigurationError "Configuration property ReportTitle is missing"
 *   calls (mock clock):
 *     2026-01-01T00:00:00Z PollForThirdPartyJobs
 *     ...
 * </pre>
 */
public class JobAssert extends org.assertj.core.api.AbstractAssert<JobAssert, JobSnapshot> {

    private final CodePipelineMock mock;

    /**
     * An assertion on {@code actual}; {@code mock} (may be null) lets it follow continuations and artifacts.
     *
     * @param actual the job as the mock saw it, from {@link CodePipelineMock#job(String)}; null fails every assertion
     * @param mock the mock the job came from; null when only the snapshot is known, and then the assertions that follow
     *     a continuation or read an artifact fail saying how to pass it
     */
    protected JobAssert(JobSnapshot actual, CodePipelineMock mock) {
        super(actual, JobAssert.class);
        this.mock = mock;
    }

    // ---------------------------------------------------------------- status

    /**
     * The job's status is {@code expected}.
     *
     * @param expected the status the job must have; not null
     * @return this assertion
     * @throws NullPointerException if {@code expected} is null
     */
    public JobAssert hasStatus(JobStatus expected) {
        Objects.requireNonNull(expected, "expected");
        isNotNull();
        if (actual.status() != expected) {
            fail("to be " + expected.wire() + ", but it is " + actual.status().wire());
        }
        return this;
    }

    /**
     * The job succeeded (a success result, with or without a continuation token).
     *
     * @return this assertion
     */
    public JobAssert succeeded() {
        return expectStatus(JobStatus.SUCCEEDED, "to have succeeded");
    }

    /**
     * The job failed (a failure result).
     *
     * @return this assertion
     */
    public JobAssert failed() {
        return expectStatus(JobStatus.FAILED, "to have failed");
    }

    /**
     * The job timed out.
     *
     * @return this assertion
     */
    public JobAssert timedOut() {
        return expectStatus(JobStatus.TIMED_OUT, "to have timed out");
    }

    /**
     * The job is in progress: acknowledged, no result yet.
     *
     * @return this assertion
     */
    public JobAssert isInProgress() {
        return expectStatus(JobStatus.IN_PROGRESS, "to be in progress");
    }

    private JobAssert expectStatus(JobStatus expected, String expectation) {
        isNotNull();
        if (actual.status() != expected) {
            fail(expectation + ", but it is " + actual.status().wire());
        }
        return this;
    }

    // ---------------------------------------------------------------- calls

    /**
     * An AcknowledgeJob or AcknowledgeThirdPartyJob call on the job succeeded.
     *
     * @return this assertion
     */
    public JobAssert wasAcknowledged() {
        isNotNull();
        if (actual.calls().stream().noneMatch(call -> call.succeeded() && isAcknowledge(call.operation()))) {
            fail("to have been acknowledged, but no acknowledge call on it succeeded");
        }
        return this;
    }

    /**
     * No acknowledge call on the job succeeded.
     *
     * @return this assertion
     */
    public JobAssert wasNotAcknowledged() {
        isNotNull();
        if (actual.calls().stream().anyMatch(call -> call.succeeded() && isAcknowledge(call.operation()))) {
            fail("not to have been acknowledged, but it was");
        }
        return this;
    }

    /**
     * The calls made on the job were exactly these operations, in this order.
     *
     * @param expected every operation called on the job, in call order, refused calls included; none for a job nobody
     *     touched
     * @return this assertion
     */
    public JobAssert hasOperations(Operation... expected) {
        isNotNull();
        if (!actual.operations().equals(Arrays.asList(expected))) {
            fail("to have had the calls " + names(Arrays.asList(expected)) + ", but had " + names(actual.operations()));
        }
        return this;
    }

    /**
     * Every call made on the job was answered with success.
     *
     * @return this assertion
     */
    public JobAssert hasNoRefusedCalls() {
        isNotNull();
        List<RecordedCall> refused = actual.calls().stream().filter(call -> !call.succeeded()).toList();
        if (!refused.isEmpty()) {
            fail("to have had no refused call, but " + refused.size() + (refused.size() == 1 ? " was" : " were")
                    + " refused");
        }
        return this;
    }

    /**
     * A call of {@code operation} on the job was answered with {@code error}.
     *
     * @param operation the operation that was called on the job
     * @param error the error the mock answered that call with
     * @return this assertion
     */
    public JobAssert hasRefusedCall(Operation operation, AwsError error) {
        isNotNull();
        if (actual.calls().stream().noneMatch(call -> call.operation() == operation && call.error() == error)) {
            fail("to have had a " + operation.operationName() + " call answered with " + error.type()
                    + ", but had none");
        }
        return this;
    }

    // ---------------------------------------------------------------- success

    /**
     * The job's success result has this execution summary.
     *
     * @param expected the whole summary the worker sent; null for a success without one
     * @return this assertion
     */
    public JobAssert hasExecutionSummary(String expected) {
        return hasExecutionDetail("the execution summary", ExecutionDetails::summary, expected);
    }

    /**
     * The job's success result has an execution summary containing {@code text}.
     *
     * @param text a part of the summary, matched case-sensitively
     * @return this assertion
     */
    public JobAssert hasExecutionSummaryContaining(String text) {
        ExecutionDetails details = executionDetails("an execution summary containing \"" + text + "\"");
        if (details.summary() == null || !details.summary().contains(text)) {
            fail("to have an execution summary containing \"" + text + "\", but it has " + quoted(details.summary()));
        }
        return this;
    }

    /**
     * The job's success result reports this external execution id.
     *
     * @param expected the external execution id the worker sent; null for a success without one
     * @return this assertion
     */
    public JobAssert hasExternalExecutionId(String expected) {
        return hasExecutionDetail("the external execution id", ExecutionDetails::externalExecutionId, expected);
    }

    /**
     * The job's success result reports this percentage.
     *
     * @param expected the percentage the worker sent, 0 to 100
     * @return this assertion
     */
    public JobAssert hasPercentComplete(int expected) {
        return hasExecutionDetail("percentComplete", ExecutionDetails::percentComplete, expected);
    }

    private <T> JobAssert hasExecutionDetail(String name, Function<ExecutionDetails, T> member, T expected) {
        ExecutionDetails details = executionDetails(name + " " + quoted(expected));
        if (!Objects.equals(member.apply(details), expected)) {
            fail("to have " + name + " " + quoted(expected) + ", but it has " + quoted(member.apply(details)));
        }
        return this;
    }

    /**
     * The job's success result carries a continuation token: the action goes on with a new job.
     *
     * @return this assertion
     */
    public JobAssert hasContinuation() {
        JobResult.Success success = success("a continuation");
        if (success.continuationToken() == null) {
            fail("to have a continuation token, but its success has none: the action completed");
        }
        return this;
    }

    /**
     * The job's success result carries this continuation token.
     *
     * @param expected the token the worker sent, exactly
     * @return this assertion
     */
    public JobAssert hasContinuationToken(String expected) {
        JobResult.Success success = success("the continuation token \"" + expected + "\"");
        if (!Objects.equals(success.continuationToken(), expected)) {
            fail("to have the continuation token \"" + expected + "\", but it has "
                    + quoted(success.continuationToken()));
        }
        return this;
    }

    /**
     * The job's success result has no continuation token: the action completed.
     *
     * @return this assertion
     */
    public JobAssert hasNoContinuation() {
        JobResult.Success success = success("no continuation");
        if (success.continuationToken() != null) {
            fail("to complete the action, but it has the continuation token \"" + success.continuationToken()
                    + "\"");
        }
        return this;
    }

    /**
     * The job's success result (a custom action's) has this output variable.
     *
     * @param name the variable's name, as the worker sent it
     * @param value the variable's value, exactly
     * @return this assertion
     */
    public JobAssert hasOutputVariable(String name, String value) {
        JobResult.Success success = success("the output variable " + name);
        if (!Objects.equals(success.outputVariables().get(name), value)) {
            fail("to have the output variable " + name + " = \"" + value + "\", but "
                    + (success.outputVariables().containsKey(name) ? "it is \"" + success.outputVariables().get(name)
                            + "\"" : "it has " + success.outputVariables().keySet()));
        }
        return this;
    }

    /**
     * Assertions on the job queued by this job's continuation token.
     *
     * @return assertions on the next job of the same action, made with the same mock
     */
    public JobAssert continuationJob() {
        hasContinuation();
        return new JobAssert(requireMock("continuationJob()").job(actual.result() instanceof JobResult.Success s
                ? s.continuationJobId() : null), mock);
    }

    // ---------------------------------------------------------------- artifacts

    /**
     * Assertions on the job's first output artifact as the worker uploaded it; fails when nothing is stored.
     *
     * @return assertions on the stored object
     */
    public ArtifactAssert outputArtifact() {
        isNotNull();
        List<Artifact> outputs = actual.data() == null || actual.data().outputArtifacts() == null ? List.of()
                : actual.data().outputArtifacts();
        if (outputs.isEmpty()) {
            fail("to have an output artifact, but the job has none");
        }
        return outputArtifact(outputs.get(0).name());
    }

    /**
     * Assertions on the job's output artifact {@code name} as the worker uploaded it (its bytes read into the test's
     * heap: {@link StoredArtifact}); fails when nothing is stored.
     *
     * @param name the output artifact's name, as the job's data lists it
     * @return assertions on the stored object
     */
    public ArtifactAssert outputArtifact(String name) {
        isNotNull();
        CodePipelineMock source = requireMock("outputArtifact(...)");
        Optional<StoredArtifact> stored;
        try {
            stored = source.outputArtifact(actual.jobId(), name);
        } catch (NoSuchElementException e) {
            fail("to have the output artifact " + name + ", but " + e.getMessage());
            throw e;
        }
        if (stored.isEmpty()) {
            S3ArtifactLocation location = actual.data().outputArtifacts().stream()
                    .filter(artifact -> artifact.name().equals(name)).findFirst().orElseThrow().location().s3Location();
            fail("to have uploaded its output artifact " + name + ", but nothing is stored at s3://"
                    + location.bucketName() + "/" + location.objectKey());
        }
        return new ArtifactAssert(stored.get());
    }

    /**
     * Every upload made with the job's credentials honoured its encryption key (no {@link KmsViolation}).
     *
     * @return this assertion
     */
    public JobAssert hasNoKmsViolations() {
        isNotNull();
        List<KmsViolation> violations = requireMock("hasNoKmsViolations()").kmsViolations().stream()
                .filter(violation -> violation.jobId().equals(actual.jobId())).toList();
        if (!violations.isEmpty()) {
            fail("to have used its KMS key for every upload, but " + violations.stream()
                    .map(v -> v.operation() + " s3://" + v.bucket() + "/" + v.key() + ": " + v.problem()
                            + (v.rejected() ? " (refused)" : " (accepted)"))
                    .collect(java.util.stream.Collectors.joining("; ")));
        }
        return this;
    }

    // ---------------------------------------------------------------- failure

    /**
     * The job's failure result has this type.
     *
     * @param expected the fixtures' failure type, e.g. {@code FailureType.CONFIGURATION_ERROR}
     * @return this assertion
     */
    public JobAssert hasFailureType(FailureType expected) {
        FailureDetails details = failure("a failure of type " + expected.wire());
        if (details.type() != expected) {
            fail("to have failed with " + expected.wire() + ", but it failed with " + details.type().wire());
        }
        return this;
    }

    /**
     * The job's failure result has this type, given as the AWS SDK's enum (what a worker passes to
     * {@code failureDetails(f -> f.type(...))}).
     *
     * @param expected the SDK's failure type, e.g. {@code FailureType.CONFIGURATION_ERROR}
     * @return this assertion
     */
    public JobAssert hasFailureType(software.amazon.awssdk.services.codepipeline.model.FailureType expected) {
        Objects.requireNonNull(expected, "expected");
        if (expected == software.amazon.awssdk.services.codepipeline.model.FailureType.UNKNOWN_TO_SDK_VERSION) {
            throw new IllegalArgumentException("hasFailureType needs a failure type the job can have, but was"
                    + " UNKNOWN_TO_SDK_VERSION; pass one of JOB_FAILED, CONFIGURATION_ERROR, PERMISSION_ERROR,"
                    + " REVISION_OUT_OF_SYNC, REVISION_UNAVAILABLE or SYSTEM_UNAVAILABLE");
        }
        return hasFailureType(FailureType.fromWire(expected.toString()));
    }

    /**
     * The job's failure result has this message.
     *
     * @param expected the whole message the worker sent
     * @return this assertion
     */
    public JobAssert hasFailureMessage(String expected) {
        FailureDetails details = failure("the failure message \"" + expected + "\"");
        if (!Objects.equals(details.message(), expected)) {
            fail("to have the failure message \"" + expected + "\", but it has \"" + details.message() + "\"");
        }
        return this;
    }

    /**
     * The job's failure message contains {@code text}.
     *
     * @param text a part of the message, matched case-sensitively
     * @return this assertion
     */
    public JobAssert hasFailureMessageContaining(String text) {
        FailureDetails details = failure("a failure message containing \"" + text + "\"");
        if (!details.message().contains(text)) {
            fail("to have a failure message containing \"" + text + "\", but it has \"" + details.message() + "\"");
        }
        return this;
    }

    // ---------------------------------------------------------------- helpers

    /**
     * The mock this assertion was made with; an assertion error saying how to get one when there is none.
     *
     * @param what the assertion that needs the mock, as the user wrote it, e.g. {@code "outputArtifact(...)"}
     * @return the mock, never null
     */
    protected CodePipelineMock requireMock(String what) {
        if (mock == null) {
            failWithMessage("%s", what + " needs the mock: write assertThat(mock).job(jobId)." + what
                    + " instead of assertThat(mock.job(jobId))." + what);
        }
        return mock;
    }

    private JobResult.Success success(String expectation) {
        isNotNull();
        if (!(actual.result() instanceof JobResult.Success success)) {
            fail("to have " + expectation + ", but it has no success result: it is " + actual.status().wire());
            throw new IllegalStateException("unreachable");
        }
        return success;
    }

    private ExecutionDetails executionDetails(String expectation) {
        JobResult.Success success = success(expectation);
        return success.executionDetails() == null ? new ExecutionDetails(null, null, null)
                : success.executionDetails();
    }

    private FailureDetails failure(String expectation) {
        isNotNull();
        if (!(actual.result() instanceof JobResult.Failure failure)) {
            fail("to have " + expectation + ", but it has no failure result: it is " + actual.status().wire());
            throw new IllegalStateException("unreachable");
        }
        return failure.failureDetails();
    }

    private void fail(String expectation) {
        failWithMessage("%s", "Expecting job " + actual.jobId() + " " + expectation + "." + System.lineSeparator()
                + JobDescription.of(actual, "  "));
    }

    private static boolean isAcknowledge(Operation operation) {
        return operation == Operation.ACKNOWLEDGE_JOB || operation == Operation.ACKNOWLEDGE_THIRD_PARTY_JOB;
    }

    private static String names(List<Operation> operations) {
        return operations.stream().map(Operation::operationName).toList().toString();
    }

    private static String quoted(Object value) {
        return value == null ? "none" : value instanceof String ? "\"" + value + "\"" : value.toString();
    }
}
