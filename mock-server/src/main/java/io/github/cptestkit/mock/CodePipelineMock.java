package io.github.cptestkit.mock;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.github.cptestkit.wire.ActionTypeId;
import io.github.cptestkit.wire.FakeCustomJob;
import io.github.cptestkit.wire.FakeJobSource;
import io.github.cptestkit.wire.FakeThirdPartyJob;
import io.github.cptestkit.wire.S3ArtifactLocation;
import io.github.cptestkit.mock.faults.InjectedFault;
import io.github.cptestkit.mock.executions.ExecutionStart;
import io.github.cptestkit.mock.executions.PipelineExecutionSnapshot;
import io.github.cptestkit.mock.executions.SimulatedAction;
import io.github.cptestkit.mock.internal.assembly.Assembly;
import io.github.cptestkit.mock.jobs.ActionTypeSettings;
import io.github.cptestkit.mock.pipelines.ActionType;
import io.github.cptestkit.mock.pipelines.ActionTypeSnapshot;
import io.github.cptestkit.mock.pipelines.ControlPlaneException;
import io.github.cptestkit.mock.pipelines.PipelineDeclaration;
import io.github.cptestkit.mock.pipelines.PipelineSnapshot;
import io.github.cptestkit.mock.jobs.JobDocument;
import io.github.cptestkit.mock.jobs.JobSnapshot;
import io.github.cptestkit.mock.lambda.FunctionSettings;
import io.github.cptestkit.mock.lambda.InvocationAttempt;
import io.github.cptestkit.mock.lambda.LambdaFunction;
import io.github.cptestkit.mock.s3.KmsViolation;
import io.github.cptestkit.mock.s3.StoredArtifact;
import io.github.cptestkit.schemas.Operation;
import io.github.cptestkit.mock.tls.HttpsTrust;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A stateful mock of the CodePipeline job-worker API and of the job's artifact bucket (S3) on one WireMock server:
 * point a worker (any AWS SDK) at {@link #endpoint()} for both, queue jobs, and inspect what the worker did with
 * them and with their artifacts. The ten job operations behave as CodePipeline's do, and the bucket as S3 does for
 * the job's temporary {@code artifactCredentials} (see docs/fidelity.md); everything else WireMock offers (user
 * stubs, which win over the emulators, the request journal, {@code verify}, delays, faults) stays available through
 * {@link #wireMock()}.
 *
 * <pre>{@code
 * MockClock clock = MockClock.at(Instant.parse("2026-01-01T00:00:00Z"));
 * try (CodePipelineMock mock = CodePipelineMock.builder().clock(clock).build().start()) {
 *     String jobId = mock.enqueue(customJob);                    // a FakeCustomJob; its input zips are in the bucket
 *     CodePipelineClient client = CodePipelineClient.builder()
 *             .endpointOverride(mock.endpoint()).region(Region.US_EAST_1)
 *             .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKID", "SECRET")))
 *             .build();
 *     new MyWorker(client, mock.endpoint()).runOnce();           // its S3Client uses the job's credentials
 *     assertThat(mock.job(jobId).status()).isEqualTo(JobStatus.SUCCEEDED);
 *     assertThat(mock.outputArtifact(jobId, "BuildOutput").orElseThrow().zipEntryText("result.json"))
 *             .contains("ok");
 *     assertThat(mock.kmsViolations()).isEmpty();
 * }
 * }</pre>
 *
 * <p>For tests in other languages, the same setup and inspection is served as JSON over HTTP under
 * {@code /__admin/codepipeline/} on the mock's port (docs/admin-api.md).
 *
 * <p>Thread-safe: workers may call it from many threads while a test inspects it.
 */
public final class CodePipelineMock implements AutoCloseable {

    /** How many served requests WireMock's journal keeps unless {@link Builder#maxRequestJournalEntries} says. */
    public static final int DEFAULT_MAX_REQUEST_JOURNAL_ENTRIES = Assembly.Settings.DEFAULT_MAX_REQUEST_JOURNAL_ENTRIES;

    /** The execution role's access key id in {@link #lambdaEnvironment}: obviously fake. */
    public static final String EXECUTION_ROLE_ACCESS_KEY_ID = "ASIAEXECUTIONROLEFAKE";
    /** The execution role's secret in {@link #lambdaEnvironment}. */
    public static final String EXECUTION_ROLE_SECRET_ACCESS_KEY = "execution-role-secret-of-the-mock";
    /** The execution role's session token in {@link #lambdaEnvironment}. */
    public static final String EXECUTION_ROLE_SESSION_TOKEN = "execution-role-session-token-of-the-mock";

    private final Assembly mock;

    private CodePipelineMock(Assembly.Settings settings) {
        this.mock = new Assembly(settings);
    }

    /**
     * The highest WireMock priority number a stub of yours may have and still win over the mock's own stubs, on every
     * service (CodePipeline, the artifact bucket, the admin API's neighbours). WireMock tries priority 1 first; its
     * default is 5.
     *
     * <pre>{@code mock.wireMock().stubFor(post("/").atPriority(CodePipelineMock.USER_STUBS_WIN_UP_TO).willReturn(ok()));}</pre>
     */
    public static final int USER_STUBS_WIN_UP_TO = Assembly.USER_STUBS_WIN_UP_TO;

    /**
     * Options for a new mock; {@code builder().build().start()} gives a strict mock on a free port.
     *
     * @return a new builder with the defaults
     */
    public static Builder builder() {
        return new Builder();
    }

    // ---------------------------------------------------------------- lifecycle

    /**
     * Starts the server and installs the emulators' stubs; returns this mock. Bound to anything but a loopback
     * address, it logs a warning: whoever reaches the port drives the mock, its admin API and WireMock's (whose
     * request journal holds every request as sent, client tokens included).
     *
     * @return this mock, running, so that {@code builder().build().start()} reads as one expression
     */
    public CodePipelineMock start() {
        mock.start();
        return this;
    }

    /**
     * Stops the server and closes the artifact bucket: its objects are forgotten and its temporary files deleted.
     * The jobs stay inspectable; inspect artifacts before stopping.
     */
    public void stop() {
        mock.stop(Duration.ZERO);
    }

    /**
     * Stops gracefully: stops accepting connections at once, lets the calls in flight finish for up to
     * {@code gracePeriod}, then stops as {@link #stop()} does (calls still running are cut). How the standalone
     * mock stops on SIGTERM.
     *
     * <pre>{@code mock.stop(Duration.ofSeconds(5));}</pre>
     *
     * @param gracePeriod how long the calls in flight may go on, in real time; zero or more ({@code ZERO} is
     *                    {@link #stop()})
     * @throws IllegalArgumentException when {@code gracePeriod} is negative
     */
    public void stop(Duration gracePeriod) {
        Objects.requireNonNull(gracePeriod, "gracePeriod");
        if (gracePeriod.isNegative()) {
            throw new IllegalArgumentException("gracePeriod must be zero or more, but was " + gracePeriod);
        }
        mock.stop(gracePeriod);
    }

    /** Same as {@link #stop()}, for try-with-resources. */
    @Override
    public void close() {
        stop();
    }

    /**
     * Whether the server is running.
     *
     * @return {@code true} between {@link #start()} and {@link #stop()}
     */
    public boolean isRunning() {
        return mock.isRunning();
    }

    /**
     * The port the server listens on (the chosen one when the builder asked for port 0).
     *
     * @return the HTTP port, 1..65535
     * @throws IllegalStateException when the mock is not running (call {@link #start()} first)
     */
    public int port() {
        requireRunning("port()");
        return mock.wireMock().port();
    }

    /**
     * The HTTPS port; an {@link IllegalStateException} when the builder asked for none.
     *
     * @return the HTTPS port, 1..65535
     * @throws IllegalStateException when the mock is not running, or serves no HTTPS
     */
    public int httpsPort() {
        requireRunning("httpsPort()");
        https();
        return mock.wireMock().httpsPort();
    }

    /**
     * The HTTPS endpoint, e.g. {@code https://127.0.0.1:54322}; clients trust it through {@link #https()}.
     *
     * <pre>{@code
     * CodePipelineMock mock = CodePipelineMock.builder().httpsPort(0).build().start();
     * CodePipelineClient client = CodePipelineClient.builder().endpointOverride(mock.httpsEndpoint())
     *         .httpClient(ApacheHttpClient.builder().tlsTrustManagersProvider(mock.https()::trustManagers).build())
     *         .region(Region.US_EAST_1).credentialsProvider(credentials).build();
     * }</pre>
     *
     * @return {@code https://<host>:<httpsPort>}, the host being the bind address ({@code localhost} when bound to
     *         all)
     * @throws IllegalStateException when the mock is not running, or serves no HTTPS
     */
    public URI httpsEndpoint() {
        return URI.create("https://" + host() + ":" + httpsPort());
    }

    /**
     * How clients trust the HTTPS port: the mock's CA as a PEM file ({@code AWS_CA_BUNDLE},
     * {@code NODE_EXTRA_CA_CERTS}), a PKCS12 trust store ({@code javax.net.ssl.trustStore}), trust managers and a TLS
     * context; an {@link IllegalStateException} when the builder asked for no HTTPS port.
     *
     * @return the CA certificate, its PEM file and trust store, and ways to trust it
     * @throws IllegalStateException when the builder asked for no HTTPS port
     */
    public HttpsTrust https() {
        return mock.httpsTrust().orElseThrow(() -> new IllegalStateException("this mock serves no HTTPS; build it"
                + " with CodePipelineMock.builder().httpsPort(0)"));
    }

    /**
     * How clients trust the HTTPS port, or empty when the builder asked for none.
     *
     * @return the trust of the HTTPS port, or empty for a mock that serves HTTP only
     */
    public Optional<HttpsTrust> httpsTrustIfServed() {
        return mock.httpsTrust();
    }

    /**
     * The endpoint to give a client, e.g. {@code http://127.0.0.1:54321}.
     *
     * @return {@code http://<host>:<port>}, the host being the bind address ({@code localhost} when bound to all); the
     *         same endpoint serves CodePipeline, the artifact bucket and the admin API
     * @throws IllegalStateException when the mock is not running (call {@link #start()} first)
     */
    public URI endpoint() {
        requireRunning("endpoint()");
        return URI.create("http://" + host() + ":" + mock.wireMock().port());
    }

    /**
     * The underlying WireMock server: add your own stubs (a stub of priority 1 to {@link #USER_STUBS_WIN_UP_TO},
     * WireMock's default 5 included, wins over every service of the mock), read its request journal, {@code verify}.
     * Reset through {@link #reset()}, not WireMock's own reset methods, which would remove the emulator's stubs.
     *
     * @return the server the mock runs on, shared with the emulators
     */
    public WireMockServer wireMock() {
        return mock.wireMock();
    }

    /**
     * The clock the mock reads.
     *
     * @return the builder's clock: a {@link MockClock} when the test gave one, else the system UTC clock
     */
    public Clock clock() {
        return mock.clock();
    }

    // ---------------------------------------------------------------- setup

    /**
     * Queues a partner-action job, registers its clientId/clientToken pair and puts its input artifacts (the zips of
     * {@code job.artifacts()}) in the artifact bucket; returns the job id. In strict mode a job that would break the
     * wire format (a bad id, a value outside its pattern) is an {@link IllegalArgumentException} naming the member,
     * here rather than at the worker; so is, in any mode, a job whose artifacts lie in more than one bucket.
     *
     * @param job the job, with its input artifacts' contents; not {@code null}
     * @return the job's id, as PollForThirdPartyJobs lists it
     * @throws IllegalArgumentException when the job breaks the wire format (strict mode), its artifacts lie in more
     *                                  than one bucket, or its id is already queued
     */
    public String enqueue(FakeThirdPartyJob job) {
        return mock.enqueue(Objects.requireNonNull(job, "job"));
    }

    /**
     * Queues a custom-action job (owner Custom), or starts a Lambda invoke job (owner AWS: it is InProgress at once
     * and waits for PutJobSuccessResult/PutJobFailureResult), and puts its input artifacts in the artifact bucket;
     * returns the job id. Checked as {@link #enqueue(FakeThirdPartyJob)}.
     *
     * @param job the job, with its input artifacts' contents; not {@code null}
     * @return the job's id, as PollForJobs lists it (a Lambda invoke job: as its event carries it)
     * @throws IllegalArgumentException when the job breaks the wire format (strict mode), its artifacts lie in more
     *                                  than one bucket, or its id is already queued
     */
    public String enqueue(FakeCustomJob job) {
        return mock.enqueue(Objects.requireNonNull(job, "job"));
    }

    /**
     * Queues the job a {@linkplain JobDocument job document} holds (registering a third-party job's client), as
     * {@link #enqueue(FakeThirdPartyJob)} or {@link #enqueue(FakeCustomJob)} does; returns its id.
     *
     * <pre>{@code
     * for (JobDocument job : JobDocument.readAll(Path.of("jobs.json"))) {
     *     mock.enqueue(job);
     * }
     * }</pre>
     *
     * @param job the document's job; not {@code null}
     * @return the job's id
     * @throws IllegalArgumentException as {@link #enqueue(FakeThirdPartyJob)} and {@link #enqueue(FakeCustomJob)} do
     */
    public String enqueue(JobDocument job) {
        return mock.enqueue(Objects.requireNonNull(job, "job"));
    }

    /**
     * Makes an action type known with default settings: polls for it succeed even with no job queued.
     *
     * @param type the action type's category, owner, provider and version; not {@code null}
     */
    public void registerActionType(ActionTypeId type) {
        mock.registerActionType(Objects.requireNonNull(type, "type"), ActionTypeSettings.defaults());
    }

    /**
     * Makes an action type known, or changes its job timeout and queryable property.
     *
     * @param type         the action type's category, owner, provider and version; not {@code null}
     * @param typeSettings its job timeout and queryable property; not {@code null}
     * @throws IllegalArgumentException when a job of the type still to run has no valid value of the new queryable
     *                                  property
     */
    public void registerActionType(ActionTypeId type, ActionTypeSettings typeSettings) {
        mock.registerActionType(Objects.requireNonNull(type, "type"), typeSettings);
    }

    // ---------------------------------------------------------------- pipelines and action types

    /**
     * Creates a pipeline as CreatePipeline does (version 1), checked by the same rules; the action types it uses
     * must be known (AWS's own, or created or registered first).
     *
     * <pre>{@code
     * mock.createCustomActionType(ActionType.custom(ActionCategory.BUILD, "MyBuilder", "1"));
     * PipelineSnapshot created = mock.createPipeline(PipelineDeclaration.builder("release")...build());
     * }</pre>
     *
     * @param declaration the pipeline, {@code version} unset; not {@code null}
     * @return the pipeline as the mock keeps it: version 1, its metadata and no tags
     * @throws ControlPlaneException naming the AWS error the wire would answer and the broken rule
     */
    public PipelineSnapshot createPipeline(PipelineDeclaration declaration) {
        return mock.createPipeline(Objects.requireNonNull(declaration, "declaration"));
    }

    /**
     * Creates a pipeline from a JSON document, checked as CreatePipeline checks it: the output of
     * {@code aws codepipeline get-pipeline}, a {@code create-pipeline --cli-input-json} file, a bare declaration, or
     * the {@code Properties} of a CloudFormation {@code AWS::CodePipeline::Pipeline} resource (or the whole resource);
     * tags in the document become the pipeline's.
     *
     * <pre>{@code
     * mock.createPipeline("{\"pipeline\": {\"name\": \"release\", \"roleArn\": ..., \"stages\": [...]}}");
     * }</pre>
     *
     * @param json the document's JSON text; not {@code null}
     * @return the pipeline as the mock keeps it: version 1, its metadata and the document's tags
     * @throws ControlPlaneException naming the AWS error the wire would answer (ValidationException for a document
     *                               that breaks the model, InvalidStructureException, ...)
     */
    public PipelineSnapshot createPipeline(String json) {
        return mock.createPipeline(Objects.requireNonNull(json, "json"));
    }

    /**
     * Creates a pipeline from a JSON file, as {@link #createPipeline(String)}.
     *
     * <pre>{@code mock.createPipeline(Path.of("src/test/resources/pipeline.json"));}</pre>
     *
     * @param file a JSON file in one of the forms {@link #createPipeline(String)} takes; not {@code null}
     * @return the pipeline as the mock keeps it: version 1, its metadata and the document's tags
     * @throws UncheckedIOException when the file cannot be read
     * @throws ControlPlaneException naming the AWS error the wire would answer
     */
    public PipelineSnapshot createPipeline(Path file) {
        Objects.requireNonNull(file, "file");
        String json;
        try {
            json = Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("the pipeline file " + file + " cannot be read: " + e.getMessage(), e);
        }
        return mock.createPipeline(json);
    }

    /**
     * Creates a custom action type as CreateCustomActionType does: the same type for pipelines and PollForJobs.
     *
     * @param type the type, owner Custom, its properties and artifact counts; not {@code null}
     * @return the type as the mock keeps it, origin {@link ActionTypeSnapshot.Origin#CREATED}
     * @throws ControlPlaneException naming the AWS error the wire would answer and the broken rule
     */
    public ActionTypeSnapshot createCustomActionType(ActionType type) {
        return mock.createCustomActionType(Objects.requireNonNull(type, "type"));
    }

    /**
     * Creates a custom action type from a JSON document: CreateCustomActionType's request, as
     * {@code aws codepipeline create-custom-action-type --cli-input-json file://type.json} reads it.
     *
     * @param json the request's JSON text; not {@code null}
     * @return the type as the mock keeps it, with the request's tags
     * @throws ControlPlaneException naming the AWS error the wire would answer
     */
    public ActionTypeSnapshot createCustomActionType(String json) {
        return mock.createCustomActionType(Objects.requireNonNull(json, "json"));
    }

    /**
     * The pipeline named {@code name} as it is now (its latest version, secrets unmasked), or empty.
     *
     * @param name the pipeline's name; not {@code null}
     * @return the pipeline, or empty when the mock has none of that name
     */
    public Optional<PipelineSnapshot> pipeline(String name) {
        return mock.pipeline(Objects.requireNonNull(name, "name"));
    }

    /**
     * Every pipeline now, by name.
     *
     * @return the pipelines, sorted by name; empty when none
     */
    public List<PipelineSnapshot> pipelines() {
        return mock.pipelines();
    }

    /**
     * The action type with this id (AWS's own, created through the API or Java, or registered), or empty.
     *
     * @param type the action type's category, owner, provider and version; not {@code null}
     * @return the type with its declaration, settings, origin and tags, or empty when the mock does not know it
     */
    public Optional<ActionTypeSnapshot> actionType(ActionTypeId type) {
        return mock.actionType(Objects.requireNonNull(type, "type"));
    }

    // ---------------------------------------------------------------- pipeline executions

    /**
     * Starts an execution of a pipeline as StartPipelineExecution does; returns its id. The execution runs on the
     * mock's clock: its Custom and ThirdParty actions wait for workers, a Lambda invoke action for a job result, a
     * manual approval for PutApprovalResult, other AWS-owned actions are simulated ({@link #simulate}).
     *
     * <pre>{@code
     * String id = mock.startPipelineExecution(ExecutionStart.of("release").variable("Env", "prod").build());
     * worker.runOnce();
     * assertThat(mock.pipelineExecution(id).status()).isEqualTo(PipelineExecutionStatus.SUCCEEDED);
     * }</pre>
     *
     * @param start the pipeline, its variables, source revisions and idempotency token; not {@code null}
     * @return the new execution's id (or, for a token already used on the pipeline, the first execution's)
     * @throws ControlPlaneException PipelineNotFoundException or ValidationException (an undeclared variable, ...)
     */
    public String startPipelineExecution(ExecutionStart start) {
        return mock.startPipelineExecution(Objects.requireNonNull(start, "start"));
    }

    /**
     * Starts an execution of {@code pipelineName} with no variables; returns its id.
     *
     * @param pipelineName the pipeline to run; not {@code null}
     * @return the new execution's id
     * @throws ControlPlaneException as {@link #startPipelineExecution(ExecutionStart)} (PipelineNotFoundException when
     *                               there is no such pipeline)
     */
    public String startPipelineExecution(String pipelineName) {
        return startPipelineExecution(ExecutionStart.of(pipelineName).build());
    }

    /**
     * The execution now; a {@link NoSuchElementException} naming the id when it is unknown.
     *
     * @param executionId the id {@link #startPipelineExecution} returned; not {@code null}
     * @return the execution with every action run so far
     * @throws NoSuchElementException when the mock keeps no execution of that id
     */
    public PipelineExecutionSnapshot pipelineExecution(String executionId) {
        return mock.pipelineExecution(Objects.requireNonNull(executionId, "executionId"))
                .orElseThrow(() -> new NoSuchElementException("pipeline execution " + executionId + " is not in this"
                        + " mock; start it first, or list the known ones with pipelineExecutions()"));
    }

    /**
     * Every execution the mock keeps, in start order.
     *
     * @return the executions of every pipeline, oldest start first; empty when none
     */
    public List<PipelineExecutionSnapshot> pipelineExecutions() {
        return mock.pipelineExecutions();
    }

    /**
     * How many ended pipeline executions this mock has forgotten (since its start or last reset) to stay within
     * {@link Builder#retainedFinishedExecutions(int)}; {@link #pipelineExecution(String)} no longer knows them.
     *
     * <pre>{@code assertThat(mock.forgottenPipelineExecutions()).isZero();}</pre>
     *
     * @return the number of ended executions forgotten, 0 when none
     */
    public long forgottenPipelineExecutions() {
        return mock.forgottenPipelineExecutions();
    }

    /**
     * How the AWS-owned action {@code actionName} of stage {@code stageName} in {@code pipelineName} behaves in the
     * executions started from now on: CodeBuild, CodeDeploy, CloudFormation, S3 deploy, source actions, ... are not
     * run but simulated; they succeed at once unless told otherwise.
     *
     * @param pipelineName the pipeline (it need not exist yet)
     * @param stageName    the action's stage
     * @param actionName   the action: an AWS-owned one other than a Lambda invoke or a manual approval (the mock does
     *                     not use a simulation of any other action)
     * @param behaviour    how long it runs and how it ends; not {@code null}
     */
    public void simulate(String pipelineName, String stageName, String actionName, SimulatedAction behaviour) {
        mock.simulate(pipelineName, stageName, actionName, Objects.requireNonNull(behaviour, "behaviour"));
    }

    /**
     * The client id (a lower-case UUID, as the model requires) and token a pipeline's partner-action (ThirdParty)
     * jobs of {@code type} are queued for: what the worker presents. Without one, both are UUIDs derived from the
     * type's category, provider and version (the same every run).
     *
     * @param type        the partner action type; not {@code null}
     * @param clientId    the client id, a lower-case UUID; not {@code null}
     * @param clientToken the token the worker presents with it; not {@code null}
     * @throws IllegalArgumentException when {@code clientId} is not a lower-case UUID
     */
    public void registerPartnerClient(ActionTypeId type, String clientId, String clientToken) {
        mock.registerPartnerClient(Objects.requireNonNull(type, "type"), clientId, clientToken);
    }

    /**
     * Stops an execution as StopPipelineExecution does ({@code abandon}: its running actions are abandoned).
     *
     * @param pipelineName the execution's pipeline
     * @param executionId  the execution to stop
     * @param abandon      {@code true}: abandon its running actions and stop at once; {@code false}: let them finish
     *                     (the execution is Stopping until they do)
     * @param reason       the stop's reason, the execution's status summary, or {@code null} for a default one
     * @throws ControlPlaneException PipelineNotFoundException, PipelineExecutionNotFoundException,
     *                               PipelineExecutionNotStoppableException (it ended) or DuplicatedStopRequestException
     *                               (a second stop without abandon), as the wire answers
     */
    public void stopPipelineExecution(String pipelineName, String executionId, boolean abandon, String reason) {
        mock.stopPipelineExecution(pipelineName, executionId, abandon, reason);
    }

    /**
     * Registers the clientToken that third-party calls for jobs of {@code clientId} must present.
     *
     * @param clientId    the partner client's id; not {@code null}
     * @param clientToken the token its third-party calls must present; not {@code null}
     * @throws IllegalArgumentException when {@code clientId} is registered with another token (registering the same
     *                                  pair again is harmless)
     */
    public void registerClient(String clientId, String clientToken) {
        mock.registerClient(clientId, clientToken);
    }

    // ---------------------------------------------------------------- faults

    /**
     * The next {@code times} calls of {@code operation} answer {@code fault} instead of the emulator.
     *
     * @param operation the operation whose calls fail; not {@code null}
     * @param times     how many calls, 1 or more; later faults wait until earlier ones are used up
     * @param fault     what the calls answer; not {@code null}
     * @throws IllegalArgumentException when {@code times} is below 1, or {@code operation} cannot answer the fault's
     *                                  error (see {@link InjectedFault.ErrorAnswer#checkFor})
     */
    public void failNext(Operation operation, int times, InjectedFault fault) {
        mock.failNext(Objects.requireNonNull(operation, "operation"), times, fault);
    }

    /**
     * The next {@code times} calls of any operation answer {@code fault} instead of the emulator.
     *
     * @param times how many calls, 1 or more
     * @param fault what the calls answer; an error fault must be a service-wide error unless made with
     *              {@link InjectedFault#anyError}; not {@code null}
     * @throws IllegalArgumentException when {@code times} is below 1, or the fault's error is not one every operation
     *                                  answers
     */
    public void failNext(int times, InjectedFault fault) {
        mock.failNext(null, times, fault);
    }

    // ---------------------------------------------------------------- Lambda invoke actions

    /**
     * Makes function {@code name} known (its Runtime API served) with {@code functionSettings}, or changes the
     * settings of a known function. A function also becomes known when a Lambda invoke job names it, with the
     * default settings.
     *
     * @param name             a plain Lambda function name ({@link LambdaFunction#NAME})
     * @param functionSettings its timeout, retries and what becomes of a discarded event's job; not {@code null}
     * @throws IllegalArgumentException when {@code name} is not a plain Lambda function name
     */
    public void registerLambdaFunction(String name, FunctionSettings functionSettings) {
        mock.registerLambdaFunction(name, Objects.requireNonNull(functionSettings, "functionSettings"));
    }

    /**
     * What {@code AWS_LAMBDA_RUNTIME_API} says for function {@code name}: {@code host:port/__lambda/<name>}, where a
     * Lambda runtime interface client (Java, Node.js, Python) started with it takes the function's invocations. The
     * function becomes known (with the default settings) if it was not, so that the runtime may start first.
     *
     * <pre>{@code
     * String runtimeApi = mock.lambdaRuntimeApi("Deploy");   // "127.0.0.1:8080/__lambda/Deploy"
     * new ProcessBuilder("java", "-cp", classPath, "com.amazonaws.services.lambda.runtime.api.client.AWSLambda",
     *         "example.DeployHandler::handleRequest")
     *         .environment().putAll(mock.lambdaEnvironment("Deploy"));
     * }</pre>
     *
     * @param name a plain Lambda function name ({@link LambdaFunction#NAME})
     * @return {@code host:port/__lambda/<name>}, without a scheme, as the runtime interface clients take it
     * @throws IllegalArgumentException when {@code name} is not a plain Lambda function name
     * @throws IllegalStateException when the mock is not running (call {@link #start()} first)
     */
    public String lambdaRuntimeApi(String name) {
        requireRunning("lambdaRuntimeApi(name)");
        if (mock.lambdaFunction(name).isEmpty()) {
            mock.registerLambdaFunction(name, FunctionSettings.defaults());
        }
        return mock.lambdaRuntimeApi(name);
    }

    /**
     * The environment Lambda gives function {@code name}'s runtime, pointed at this mock: {@code AWS_LAMBDA_RUNTIME_API},
     * {@code AWS_ENDPOINT_URL_CODEPIPELINE} and {@code AWS_ENDPOINT_URL_S3} (the mock, by IP address, so that S3
     * clients use path-style requests), {@code AWS_REGION}, the function's name, version, memory and log names, and
     * execution-role credentials that are obviously fake (the artifact bucket takes only the job's own). Add
     * {@code _HANDLER} and {@code LAMBDA_TASK_ROOT} for the runtime you start. The function becomes known if it was
     * not.
     *
     * @param name a plain Lambda function name ({@link LambdaFunction#NAME})
     * @return the variables by name, in a new map the caller may change
     * @throws IllegalArgumentException when {@code name} is not a plain Lambda function name
     * @throws IllegalStateException when the mock is not running (call {@link #start()} first)
     */
    public Map<String, String> lambdaEnvironment(String name) {
        String runtimeApi = lambdaRuntimeApi(name);
        String mockUrl = "http://" + ("localhost".equals(host()) ? "127.0.0.1" : host()) + ":" + port();
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("AWS_LAMBDA_RUNTIME_API", runtimeApi);
        environment.put("AWS_ENDPOINT_URL_CODEPIPELINE", mockUrl);
        environment.put("AWS_ENDPOINT_URL_S3", mockUrl);
        environment.put("AWS_REGION", "us-east-1");
        environment.put("AWS_DEFAULT_REGION", "us-east-1");
        environment.put("AWS_LAMBDA_FUNCTION_NAME", name);
        environment.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        environment.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "512");
        environment.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + name);
        environment.put("AWS_LAMBDA_LOG_STREAM_NAME", "mock/[$LATEST]codepipelinetestkit");
        environment.put("AWS_EXECUTION_ENV", "AWS_Lambda_java17");
        environment.put("AWS_ACCESS_KEY_ID", EXECUTION_ROLE_ACCESS_KEY_ID);
        environment.put("AWS_SECRET_ACCESS_KEY", EXECUTION_ROLE_SECRET_ACCESS_KEY);
        environment.put("AWS_SESSION_TOKEN", EXECUTION_ROLE_SESSION_TOKEN);
        return environment;
    }

    /**
     * Calls {@code listener} with the name of every function that becomes known from now on (registered, or named by
     * a Lambda invoke job), on the thread that made it known; it may read the functions ({@link #lambdaRuntimeApi}),
     * but must not queue jobs.
     *
     * @param listener called with each new function's name; not {@code null}
     */
    public void onLambdaFunctionKnown(Consumer<String> listener) {
        mock.onLambdaFunctionKnown(listener);
    }

    /**
     * The function now (its deadlines and retries applied), or empty when the mock does not know it.
     *
     * @param name the function's plain name
     * @return its runtime address, settings, events and attempts, or empty when the mock does not know it
     */
    public Optional<LambdaFunction> lambdaFunction(String name) {
        return mock.lambdaFunction(name);
    }

    /**
     * Waits until function {@code name} has ended at least {@code count} attempts (since it became known, or since
     * the last reset), at most {@code timeout} of real time: for a runtime in another process, whose answers arrive
     * when they arrive. Answers its attempts, newest first.
     *
     * <pre>{@code
     * InvocationAttempt first = mock.awaitLambdaAttempts("Deploy", 1, Duration.ofSeconds(30)).get(0);
     * assertThat(first.outcome()).isEqualTo(InvocationAttempt.Outcome.RESPONDED);
     * }</pre>
     *
     * @param name    the function's plain name
     * @param count   how many ended attempts to wait for
     * @param timeout how long to wait at most, in real time (the mock's clock does not shorten it); not {@code null}
     * @return its ended attempts, newest first (its last 1,000)
     * @throws IllegalStateException when the time is up first (saying how many it has), or the function is unknown
     */
    public List<InvocationAttempt> awaitLambdaAttempts(String name, int count, Duration timeout) {
        return mock.awaitLambdaAttempts(name, count, timeout);
    }

    /**
     * Every function the mock serves now, in the order they became known.
     *
     * @return the functions, each as {@link #lambdaFunction(String)} answers it; empty when none
     */
    public List<LambdaFunction> lambdaFunctions() {
        return mock.lambdaFunctions();
    }

    // ---------------------------------------------------------------- inspection

    /**
     * The job now (timeouts applied); a {@link NoSuchElementException} naming the id when it is unknown.
     *
     * @param jobId the job's id, as enqueue returned it or PollForJobs listed it
     * @return its status, data, calls and result
     * @throws NoSuchElementException when the mock has no job of that id (never queued, or forgotten)
     */
    public JobSnapshot job(String jobId) {
        return mock.job(jobId).orElseThrow(() -> Assembly.unknownJob(jobId));
    }

    /**
     * Every job now, in the order they were queued (continuation jobs included), but for the finished jobs forgotten
     * beyond {@link Builder#retainedFinishedJobs(int)}.
     *
     * @return the jobs, oldest queued first; empty when none
     */
    public List<JobSnapshot> jobs() {
        return mock.jobs();
    }

    /**
     * How many finished jobs this mock has forgotten (since its start or last reset) to stay within
     * {@link Builder#retainedFinishedJobs(int)}; {@link #job(String)} no longer knows them.
     *
     * @return the number of finished jobs dropped, 0 or more
     */
    public long forgottenJobs() {
        return mock.forgottenJobs();
    }

    /**
     * What went wrong on the mock's side: answers that broke their output schema in strict mode, internal
     * failures. Empty in a healthy test; assert it in teardown to catch bad fixtures.
     *
     * @return one message per problem, oldest first; empty when none
     */
    public List<String> problems() {
        return mock.problems();
    }

    /**
     * The output artifact {@code artifactName} of a job as the worker uploaded it (bytes, zip entries, encryption),
     * or empty while nothing is stored at its location. Its bytes are copied into the heap ({@link StoredArtifact}
     * says how to stream a large one instead).
     *
     * <pre>{@code
     * StoredArtifact output = mock.outputArtifact(jobId, "BuildOutput").orElseThrow();
     * assertThat(output.zipEntryText("result.json")).contains("\"ok\":true");
     * assertThat(output.kmsKeyId()).hasValue(keyArn);
     * }</pre>
     *
     * @param jobId        the job's id
     * @param artifactName the output artifact's name, as the job's data lists it
     * @return the object the worker uploaded, or empty while there is none
     * @throws NoSuchElementException when the job is unknown or has no output artifact of that name (the message
     *                                lists the names it has)
     */
    public Optional<StoredArtifact> outputArtifact(String jobId, String artifactName) {
        return mock.outputArtifact(jobId, artifactName);
    }

    /**
     * The object at an artifact location (an input the mock seeded, or an output the worker uploaded), or empty; its
     * bytes copied into the heap, as {@link #outputArtifact}'s.
     *
     * <pre>{@code
     * S3ArtifactLocation input = job.details().data().inputArtifacts().get(0).location().s3Location();
     * assertThat(mock.artifact(input).orElseThrow().zipEntries()).containsKey("buildspec.yml");
     * }</pre>
     *
     * @param location the bucket and object key; not {@code null}
     * @return the stored object, or empty when nothing is stored there
     */
    public Optional<StoredArtifact> artifact(S3ArtifactLocation location) {
        return mock.artifact(Objects.requireNonNull(location, "location"));
    }

    /**
     * Every upload that ignored its job's {@code encryptionKey} (no SSE-KMS, or another key), oldest first: recorded
     * in every mode, and refused with AccessDenied when {@link Builder#strictKms(boolean)} is on.
     *
     * <pre>{@code assertThat(mock.kmsViolations()).isEmpty();}</pre>
     *
     * @return the violations since the start or the last reset; empty when every upload used its job's key
     */
    public List<KmsViolation> kmsViolations() {
        return mock.kmsViolations();
    }

    /**
     * Forgets every job, pipeline, action type, client, planned fault, problem, artifact and KMS violation (deleting
     * the artifact bucket's temporary files), resets WireMock (stubs, journal, scenarios) and installs the emulators'
     * stubs again. The clock is left where it is.
     */
    public void reset() {
        mock.reset();
    }

    private void requireRunning(String what) {
        if (!mock.isRunning()) {
            throw new IllegalStateException(what + " needs a running mock; call start() first");
        }
    }

    private String host() {
        return mock.host();
    }

    /**
     * Options of a {@link CodePipelineMock}.
     *
     * <pre>{@code
     * CodePipelineMock mock = CodePipelineMock.builder()
     *         .port(0)                                  // a free port (the default)
     *         .clock(MockClock.at(Instant.parse("2026-01-01T00:00:00Z")))
     *         .strict(true)                             // the default
     *         .dispatchTimeout(Duration.ofSeconds(30))
     *         .jobTimeout(Duration.ofMinutes(10))
     *         .strictKms(false)                         // record uploads that ignore the job's key, accept them
     *         .artifactCredentialsLifetime(Duration.ofMinutes(15))
     *         .verifyCodePipelineSignatures("AKIAWORKER", "worker-secret")
     *         .build()
     *         .start();
     * }</pre>
     */
    public static final class Builder {
        private static final Assembly.Settings DEFAULTS = Assembly.Settings.defaults();

        private int port = DEFAULTS.port();
        private String bindAddress = DEFAULTS.bindAddress();
        private Clock clock = DEFAULTS.clock();
        private boolean strict = DEFAULTS.strict();
        private Duration dispatchTimeout = DEFAULTS.dispatchTimeout();
        private Duration jobTimeout = DEFAULTS.jobTimeout();
        private int outputVariablesLimitBytes = DEFAULTS.outputVariablesLimitBytes();
        private Boolean strictKms = DEFAULTS.strictKms();
        private Duration artifactCredentialsLifetime = DEFAULTS.artifactCredentialsLifetime();
        private long artifactSpillThreshold = DEFAULTS.artifactSpillThreshold();
        private int maxRequestJournalEntries = DEFAULTS.maxRequestJournalEntries();
        private long maxUploadBytes = DEFAULTS.maxUploadBytes();
        private int retainedFinishedJobs = DEFAULTS.retainedFinishedJobs();
        private int retainedFinishedExecutions = DEFAULTS.retainedFinishedExecutions();
        private final Map<String, Assembly.WorkerCredentials> workerCredentials = new LinkedHashMap<>();
        private Consumer<WireMockConfiguration> wireMockOptions = DEFAULTS.wireMockOptions();
        private long fakeJobSeed = DEFAULTS.fakeJobSeed();
        private boolean redactRequestJournal = DEFAULTS.redactRequestJournal();
        private Integer httpsPort = DEFAULTS.httpsPort();
        private Path httpsCaFile = DEFAULTS.httpsCaFile();
        private final List<String> allowedOrigins = new ArrayList<>(DEFAULTS.access().allowedOrigins());
        private final List<String> allowedHosts = new ArrayList<>(DEFAULTS.access().allowedHosts());
        private boolean allowProxy = DEFAULTS.access().allowProxy();
        private final Map<String, FunctionSettings> lambdaFunctions = new LinkedHashMap<>();

        private Builder() {}

        /**
         * The port to listen on; 0 (the default) picks a free one.
         *
         * @param port 0 for a free port (see {@link CodePipelineMock#port()}), or 1..65535
         * @return this builder
         * @throws IllegalArgumentException when {@code port} is outside 0..65535
         */
        public Builder port(int port) {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("port must be 0 (any free port) to 65535, but was " + port);
            }
            this.port = port;
            return this;
        }

        /**
         * The address to listen on; {@code 127.0.0.1} by default (use {@code 0.0.0.0} inside a container).
         *
         * @param bindAddress the local address, e.g. {@code 127.0.0.1}, {@code ::1} or {@code 0.0.0.0} (every
         *                    address); not {@code null}
         * @return this builder
         */
        public Builder bindAddress(String bindAddress) {
            this.bindAddress = Objects.requireNonNull(bindAddress, "bindAddress");
            return this;
        }

        /**
         * Where time comes from; a {@link MockClock} lets a test move it. The system UTC clock by default.
         *
         * @param clock the clock the mock's timeouts, timestamps and credentials' expiry read; not {@code null}
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Whether answers and enqueued jobs that break the output schemas fail loudly (on by default): enqueue
         * throws, and a broken answer becomes InternalFailure plus a {@linkplain #problems() problem}. Off, they are
         * served as they are with a logged warning, to see how a worker copes with malformed answers.
         *
         * @param strict {@code true} to refuse what breaks the output schemas, {@code false} to serve it with a warning
         * @return this builder
         */
        public Builder strict(boolean strict) {
            this.strict = strict;
            return this;
        }

        /**
         * How long a dispatched job waits for its acknowledgement before it is queued again; 1 minute by default.
         *
         * @param timeout how long a job polled but not acknowledged stays Dispatched, on the mock's clock; positive
         * @return this builder
         * @throws IllegalArgumentException when {@code timeout} is zero or negative
         */
        public Builder dispatchTimeout(Duration timeout) {
            this.dispatchTimeout = positive(timeout, "dispatchTimeout");
            return this;
        }

        /**
         * How long any acknowledged job may stay InProgress before it times out, unless its action type sets its
         * own ({@code jobTimeout}: "the timeout for a single job, not the entire action execution"). No limit by
         * default. The action timeout of the quotas page applies as well, across the action's continuation jobs,
         * counted from its first job's acknowledge: 24 hours for custom actions, 1 hour for partner actions, 20
         * minutes for Lambda invoke actions.
         *
         * @param timeout how long an acknowledged job may stay InProgress, on the mock's clock; positive
         * @return this builder
         * @throws IllegalArgumentException when {@code timeout} is zero or negative
         */
        public Builder jobTimeout(Duration timeout) {
            this.jobTimeout = positive(timeout, "jobTimeout");
            return this;
        }

        /**
         * The combined size (UTF-8 bytes of names and values) output variables may have; AWS's 122,880 by default.
         *
         * @param bytes the limit in UTF-8 bytes, 0 or more; a success result over it is refused
         *              (OutputVariablesSizeExceededException)
         * @return this builder
         * @throws IllegalArgumentException when {@code bytes} is negative
         */
        public Builder outputVariablesLimitBytes(int bytes) {
            if (bytes < 0) {
                throw new IllegalArgumentException("outputVariablesLimitBytes must be 0 or more, but was " + bytes);
            }
            this.outputVariablesLimitBytes = bytes;
            return this;
        }

        /**
         * Whether an upload that ignores its job's {@code encryptionKey} is refused with AccessDenied, as the
         * artifact bucket policy CodePipeline creates does (on), or accepted (off); it is recorded in
         * {@link CodePipelineMock#kmsViolations()} either way. By default it follows {@link #strict(boolean)}.
         *
         * @param strictKms {@code true} to refuse such uploads, {@code false} to accept them (recorded either way)
         * @return this builder
         */
        public Builder strictKms(boolean strictKms) {
            this.strictKms = strictKms;
            return this;
        }

        /**
         * How long a job's {@code artifactCredentials} work in the artifact bucket after they were last handed out:
         * at enqueue, and again by every PollForJobs, GetJobDetails and GetThirdPartyJobDetails answer that carries
         * the job. Afterwards S3 answers ExpiredToken until the worker fetches the job's details again. 1 hour (an
         * STS session's default) by default.
         *
         * @param lifetime how long the credentials work after they were last handed out, on the mock's clock; positive
         * @return this builder
         * @throws IllegalArgumentException when {@code lifetime} is zero or negative
         */
        public Builder artifactCredentialsLifetime(Duration lifetime) {
            this.artifactCredentialsLifetime = positive(lifetime, "artifactCredentialsLifetime");
            return this;
        }

        /**
         * Bytes above which artifacts and upload parts go to temporary files instead of the heap; 1 MiB by default.
         *
         * @param bytes the size in bytes above which an object or part is kept on disk; 0 keeps every one on disk
         * @return this builder
         * @throws IllegalArgumentException when {@code bytes} is negative
         */
        public Builder artifactSpillThreshold(long bytes) {
            if (bytes < 0) {
                throw new IllegalArgumentException("artifactSpillThreshold must be 0 (always spill) or more bytes,"
                        + " but was " + bytes);
            }
            this.artifactSpillThreshold = bytes;
            return this;
        }

        /**
         * How many served requests WireMock's journal keeps (the oldest are dropped): it holds their bodies in
         * memory, but not those of artifact uploads and downloads (their size and hash only). 1000 by default; {@link #wireMockOptions(Consumer)} can turn the journal
         * off altogether ({@code disableRequestJournal()}).
         *
         * @param entries how many served requests the journal keeps, 1 or more
         * @return this builder
         * @throws IllegalArgumentException when {@code entries} is below 1
         */
        public Builder maxRequestJournalEntries(int entries) {
            if (entries < 1) {
                throw new IllegalArgumentException("maxRequestJournalEntries must be 1 or more, but was " + entries
                        + "; to keep no journal, use wireMockOptions(o -> o.disableRequestJournal())");
            }
            this.maxRequestJournalEntries = entries;
            return this;
        }

        /**
         * How many finished jobs (Succeeded, Failed, TimedOut) the mock keeps; beyond it the oldest finished are
         * forgotten, with the artifacts no kept job names, so that a long run's memory stays bounded (queued and
         * running jobs are always kept). 10,000 by default; {@link CodePipelineMock#forgottenJobs()} counts them.
         *
         * @param jobs how many finished jobs are kept, 1 or more
         * @return this builder
         * @throws IllegalArgumentException when {@code jobs} is below 1
         */
        public Builder retainedFinishedJobs(int jobs) {
            if (jobs < 1) {
                throw new IllegalArgumentException("retainedFinishedJobs must be 1 or more, but was " + jobs);
            }
            this.retainedFinishedJobs = jobs;
            return this;
        }

        /**
         * How many ended pipeline executions (Succeeded, Failed, Stopped, Superseded) the mock keeps; beyond it the
         * oldest ended are forgotten (GetPipelineExecution answers PipelineExecutionNotFoundException for them), so
         * that a long run's memory stays bounded; executions in progress are always kept. 1,000 by default;
         * {@link CodePipelineMock#forgottenPipelineExecutions()} counts them.
         *
         * <pre>{@code
         * CodePipelineMock mock = CodePipelineMock.builder().retainedFinishedExecutions(100).build();
         * }</pre>
         *
         * @param executions how many ended executions are kept, 1 or more
         * @return this builder
         * @throws IllegalArgumentException when {@code executions} is below 1
         */
        public Builder retainedFinishedExecutions(int executions) {
            if (executions < 1) {
                throw new IllegalArgumentException("retainedFinishedExecutions must be 1 or more, but was "
                        + executions);
            }
            this.retainedFinishedExecutions = executions;
            return this;
        }

        /**
         * The largest request body the artifact bucket takes (a PutObject or an UploadPart); a larger one is S3's
         * EntityTooLarge, refused before it is read. 256 MiB by default. CodePipeline calls are limited to 1 MiB and
         * admin API requests to 64 MiB (413 RequestEntityTooLargeException).
         *
         * @param bytes the largest PutObject or UploadPart body in bytes, 0 up to the mock's own limit on request
         *              bodies (about 2 GiB)
         * @return this builder
         * @throws IllegalArgumentException when {@code bytes} is negative or above that limit (the message names it)
         */
        public Builder maxUploadBytes(long bytes) {
            if (bytes < 0 || bytes > Assembly.MAX_BODY_BYTES) {
                throw new IllegalArgumentException("maxUploadBytes must be 0 to " + Assembly.MAX_BODY_BYTES
                        + " bytes, but was " + bytes);
            }
            this.maxUploadBytes = bytes;
            return this;
        }

        /**
         * Turns on the SigV4 check of CodePipeline calls (off by default) and lets a worker with these long-term
         * credentials call: a call signed by another key is UnrecognizedClientException, a wrong signature
         * InvalidSignatureException, an unsigned call MissingAuthenticationTokenException (see docs/fidelity.md).
         * Call it once for each worker.
         *
         * @param accessKeyId     the worker's access key id; not {@code null}
         * @param secretAccessKey its secret access key, which the mock signs with to check; not {@code null}
         * @return this builder
         */
        public Builder verifyCodePipelineSignatures(String accessKeyId, String secretAccessKey) {
            workerCredentials.put(Objects.requireNonNull(accessKeyId, "accessKeyId"), new Assembly.WorkerCredentials(
                    Objects.requireNonNull(secretAccessKey, "secretAccessKey"), null));
            return this;
        }

        /**
         * As {@link #verifyCodePipelineSignatures(String, String)}, for a worker with temporary credentials: its
         * calls must carry this session token.
         *
         * @param accessKeyId     the worker's temporary access key id; not {@code null}
         * @param secretAccessKey its secret access key; not {@code null}
         * @param sessionToken    the session token its calls carry ({@code X-Amz-Security-Token}); not {@code null}
         * @return this builder
         */
        public Builder verifyCodePipelineSignatures(String accessKeyId, String secretAccessKey, String sessionToken) {
            workerCredentials.put(Objects.requireNonNull(accessKeyId, "accessKeyId"), new Assembly.WorkerCredentials(
                    Objects.requireNonNull(secretAccessKey, "secretAccessKey"),
                    Objects.requireNonNull(sessionToken, "sessionToken")));
            return this;
        }

        /**
         * Adjusts WireMock's own options before the server is created (e.g. to add your extensions, or HTTPS);
         * the emulators' extensions, gzip off (objects go out as stored) and the port, bind address, journal size
         * and logging settings are already set.
         *
         * @param adjust changes the configuration in place; replaces an earlier one; not {@code null}
         * @return this builder
         */
        public Builder wireMockOptions(Consumer<WireMockConfiguration> adjust) {
            this.wireMockOptions = Objects.requireNonNull(adjust, "adjust");
            return this;
        }

        /**
         * The seed of the fake jobs the admin API queues from a preset ({@code POST /__admin/codepipeline/jobs},
         * see docs/admin-api.md); {@link FakeJobSource#DEFAULT_SEED} by default (fake jobs come from
         * codepipeline-testkit-fixtures, when it is on the class path). The n-th job queued in the mock is job
         * n of the seed, so the same requests give the same jobs.
         *
         * @param seed any number; the same seed gives the same fake jobs
         * @return this builder
         */
        public Builder fakeJobSeed(long seed) {
            this.fakeJobSeed = seed;
            return this;
        }

        /**
         * Whether WireMock's request journal ({@code wireMock().getAllServeEvents()}, {@code verify}, WireMock's
         * {@code /__admin/requests}) shows secrets as {@code *** Sensitive Data Redacted ***}: the artifact
         * credentials and configuration values in answers, client tokens in requests, session tokens in headers
         * and presigned URLs. On by default; off ({@code false}) it shows the traffic as sent, for a test that
         * must match a secret in the journal. Artifact bodies are never journaled either way.
         *
         * <pre>{@code CodePipelineMock.builder().redactRequestJournal(false).build().start();}</pre>
         *
         * @param redact {@code true} to redact the secrets (the default), {@code false} to journal them as sent
         * @return this builder
         */
        public Builder redactRequestJournal(boolean redact) {
            this.redactRequestJournal = redact;
            return this;
        }

        /**
         * Serves HTTPS on this port (0: a free one) beside HTTP: same services, same stubs. The server certificate,
         * for {@code localhost}, {@code 127.0.0.1}, {@code ::1} and the bind address, is signed by a certificate
         * authority the mock makes when it is built; {@link CodePipelineMock#https()} says how clients trust it.
         * Off by default. Some clients need it: the AWS SDK for Java v1 sends SSE-KMS headers only over HTTPS.
         *
         * @param port 0 for a free port (see {@link CodePipelineMock#httpsPort()}), or 1..65535
         * @return this builder
         * @throws IllegalArgumentException when {@code port} is outside 0..65535
         */
        public Builder httpsPort(int port) {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("httpsPort must be 0 (any free port) to 65535, but was " + port);
            }
            this.httpsPort = port;
            return this;
        }

        /**
         * Where the HTTPS port's CA certificate is written (PEM; a PKCS12 trust store of the same name ending
         * {@code .p12} beside it), to hand to clients in other processes; both stay after the mock stops. By default
         * they go to a temporary folder deleted at stop. Only with {@link #httpsPort(int)}.
         *
         * @param file the PEM file to write (its folder is made if need be); not {@code null}
         * @return this builder
         */
        public Builder httpsCaFile(Path file) {
            this.httpsCaFile = Objects.requireNonNull(file, "file");
            return this;
        }

        /**
         * Lets the web pages of this origin read and drive the mock from a browser: their requests are served, with
         * CORS answers (any method and header, no credentials), on every path. By default no page of another origin
         * than the mock's own is: a request whose {@code Origin} is not allowed is refused (403, in the protocol of
         * the path: AWS JSON, S3 XML, the admin API's JSON), so that a page a developer visits cannot read the
         * journal or the jobs' secrets, queue, reset or move the clock. Clients that send no {@code Origin} (the
         * SDKs, the CLI, curl) are not concerned. Call once per origin.
         *
         * <pre>{@code CodePipelineMock.builder().allowOrigin("http://localhost:3000").build().start();}</pre>
         *
         * @return this builder
         * @throws IllegalArgumentException when {@code origin} is not such an origin; the message names it
         * @param origin {@code scheme://host[:port]} as browsers send it; {@code *} and {@code null} are refused
         */
        public Builder allowOrigin(String origin) {
            try {
                allowedOrigins.add(Assembly.Access.origin(origin));
            } catch (IllegalArgumentException invalid) {
                throw new IllegalArgumentException("allowOrigin: " + invalid.getMessage(), invalid);
            }
            return this;
        }

        /**
         * A host name the mock answers to besides the loopback ones ({@code localhost}, {@code *.localhost},
         * 127.0.0.0/8, {@code [::1]}) and, when bound beyond loopback, IP addresses: say, the name of its container
         * ({@code mock}) for workers in other containers. A request naming any other host is refused (403), so that a
         * web page whose own name is made to resolve to this machine (DNS rebinding) cannot drive it. Any port;
         * call once per name.
         *
         * <pre>{@code CodePipelineMock.builder().bindAddress("0.0.0.0").allowHost("mock").build().start();}</pre>
         *
         * @param hostName a host name without port, e.g. {@code mock}
         * @return this builder
         * @throws IllegalArgumentException when {@code hostName} is not a host name; the message names it
         */
        public Builder allowHost(String hostName) {
            try {
                allowedHosts.add(Assembly.Access.hostName(hostName));
            } catch (IllegalArgumentException invalid) {
                throw new IllegalArgumentException("allowHost: " + invalid.getMessage(), invalid);
            }
            return this;
        }

        /**
         * Whether WireMock's HTTP admin API takes what makes the mock send requests of its own: proxy stubs
         * ({@code proxyBaseUrl}), webhooks and recordings. Off by default (403 AccessDeniedException): whoever
         * reaches the admin API could read through the mock any HTTP service its machine reaches. Stubs made in Java
         * through {@link CodePipelineMock#wireMock()} keep every WireMock feature either way.
         *
         * @param allow {@code true} to let the HTTP admin API make proxy stubs, webhooks and recordings
         * @return this builder
         */
        public Builder allowProxy(boolean allow) {
            this.allowProxy = allow;
            return this;
        }

        /**
         * Serves the Lambda Runtime API of function {@code name} (a plain Lambda name) with the default settings
         * (15-minute timeout, two retries), from the start: a runtime may ask for its first invocation before any
         * job names the function.
         *
         * @param name a plain Lambda function name ({@link LambdaFunction#NAME})
         * @return this builder
         * @throws IllegalArgumentException when {@code name} is not a plain Lambda function name
         */
        public Builder lambdaFunction(String name) {
            return lambdaFunction(name, FunctionSettings.defaults());
        }

        /**
         * Serves the Lambda Runtime API of function {@code name} with {@code functionSettings}.
         *
         * <pre>{@code
         * CodePipelineMock.builder()
         *         .lambdaFunction("Deploy", FunctionSettings.defaults().withTimeout(Duration.ofSeconds(30)))
         *         .build().start();
         * }</pre>
         *
         * @param name             a plain Lambda function name ({@link LambdaFunction#NAME})
         * @param functionSettings its timeout, retries and what becomes of a discarded event's job; not {@code null}
         * @return this builder
         * @throws IllegalArgumentException when {@code name} is not a plain Lambda function name
         */
        public Builder lambdaFunction(String name, FunctionSettings functionSettings) {
            LambdaFunction.requireName(name);
            lambdaFunctions.put(name, Objects.requireNonNull(functionSettings, "functionSettings"));
            return this;
        }

        /**
         * A mock with these options, not yet started.
         *
         * @return a new mock; call {@link CodePipelineMock#start()} to serve
         * @throws IllegalStateException when {@link #httpsCaFile(Path)} was given without {@link #httpsPort(int)}
         */
        public CodePipelineMock build() {
            if (httpsCaFile != null && httpsPort == null) {
                throw new IllegalStateException("httpsCaFile(" + httpsCaFile + ") needs httpsPort(...): without an"
                        + " HTTPS port the mock makes no CA; add httpsPort(0)");
            }
            return new CodePipelineMock(new Assembly.Settings(port, bindAddress, clock, advance(clock), strict,
                    dispatchTimeout, jobTimeout, outputVariablesLimitBytes, strictKms, artifactCredentialsLifetime,
                    artifactSpillThreshold, maxRequestJournalEntries, maxUploadBytes, retainedFinishedJobs,
                    retainedFinishedExecutions, workerCredentials, wireMockOptions, fakeJobSeed, redactRequestJournal,
                    httpsPort, httpsCaFile,
                    new Assembly.Access(allowedOrigins, allowedHosts, allowProxy), lambdaFunctions,
                    clock instanceof MockClock mockClock ? mockClock::whenMoved : null));
        }

        /** How the admin API moves the clock: a {@link MockClock}'s advance; {@code null} for any other clock. */
        private static Consumer<Duration> advance(Clock clock) {
            return clock instanceof MockClock mockClock ? mockClock::advance : null;
        }

        private static Duration positive(Duration duration, String name) {
            Objects.requireNonNull(duration, name);
            if (duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException(name + " must be positive, but was " + duration);
            }
            return duration;
        }
    }
}
