package io.github.cptestkit.mock.internal.admin;

import io.github.cptestkit.wire.ActionTypeId;
import io.github.cptestkit.mock.executions.ExecutionStart;
import io.github.cptestkit.mock.executions.PipelineExecutionSnapshot;
import io.github.cptestkit.mock.executions.SimulatedAction;
import io.github.cptestkit.mock.faults.InjectedFault;
import io.github.cptestkit.mock.jobs.ActionTypeSettings;
import io.github.cptestkit.mock.jobs.JobDocument;
import io.github.cptestkit.mock.jobs.JobSnapshot;
import io.github.cptestkit.mock.pipelines.ControlPlaneException;
import io.github.cptestkit.mock.pipelines.PipelineDeclaration;
import io.github.cptestkit.mock.pipelines.PipelineSnapshot;
import io.github.cptestkit.mock.lambda.FunctionSettings;
import io.github.cptestkit.mock.lambda.LambdaFunction;
import io.github.cptestkit.mock.internal.s3.ArtifactStore.ObjectBytes;
import io.github.cptestkit.mock.s3.KmsViolation;
import io.github.cptestkit.schemas.Operation;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * What the admin API acts on: the mock's Java API, the same calls {@code CodePipelineMock} makes, so that a route is a
 * thin layer over what a Java test can do. The mock's assembly implements it.
 *
 * <pre>{@code
 * AdminRoutes admin = new AdminRoutes(target, FakeJobs.withSeed(42));
 * target.enqueue(JobDocument.parse(json));
 * }</pre>
 */
public interface AdminTarget {

    /** Queues a job document's job (registering a third-party job's client); returns its id. */
    String enqueue(JobDocument job);

    /** Every job now, in the order queued. */
    List<JobSnapshot> jobs();

    /** One job now, or empty when the mock does not have it. */
    Optional<JobSnapshot> job(String jobId);

    /**
     * A job's output artifact as uploaded, its description with its bytes to read as they are sent (never whole in
     * the heap), or empty while nothing is stored at its location.
     *
     * @throws NoSuchElementException when the job has no output artifact of that name (the message lists its names)
     */
    Optional<ObjectBytes> outputArtifactBytes(String jobId, String artifactName);

    /** Uploads that ignored their job's encryption key, oldest first. */
    List<KmsViolation> kmsViolations();

    /**
     * Creates a pipeline from a declaration document (get-pipeline output, a bare declaration, a CloudFormation
     * resource's Properties).
     *
     * @throws ControlPlaneException with the AWS error CreatePipeline would answer
     */
    PipelineSnapshot createPipeline(String json);

    /** Every pipeline now, by name. */
    List<PipelineSnapshot> pipelines();

    /** One pipeline (its latest version), or empty. */
    Optional<PipelineSnapshot> pipeline(String name);

    /** The declaration as GetPipeline answers it: secret configuration values masked. */
    PipelineDeclaration masked(PipelineDeclaration declaration);

    /** Registers a client's token. */
    void registerClient(String clientId, String clientToken);

    /** Starts an execution (StartPipelineExecution from the admin API); returns its id. */
    String startPipelineExecution(ExecutionStart start);

    /** The execution with this id, or empty. */
    Optional<PipelineExecutionSnapshot> pipelineExecution(String executionId);

    /** How an AWS-owned action of a pipeline behaves in executions from now on. */
    void simulate(String pipelineName, String stageName, String actionName, SimulatedAction behaviour);

    /** Makes an action type known, or changes its settings. */
    void registerActionType(ActionTypeId type, ActionTypeSettings settings);

    /** The next {@code times} calls of {@code operation} ({@code null}: of any operation) answer {@code fault}. */
    void failNext(Operation operation, int times, InjectedFault fault);

    /** The clock the mock reads. */
    Clock clock();

    /** Whether {@link #advanceClock} moves the mock's clock. */
    boolean clockAdvances();

    /** Moves the mock's clock forward by {@code amount}; nothing when it {@linkplain #clockAdvances() cannot}. */
    void advanceClock(Duration amount);

    /** Forgets every job, type, client, fault, artifact and stub of the user's; the clock stays. */
    void reset();

    /** Makes a Lambda function known, or changes a known one's settings. */
    void registerLambdaFunction(String name, FunctionSettings settings);

    /** A Lambda function now, or empty when the mock does not know it. */
    Optional<LambdaFunction> lambdaFunction(String name);

    /** Every Lambda function now, in the order they became known. */
    List<LambdaFunction> lambdaFunctions();
}
