package io.github.cptestkit.mock.internal.assembly;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.github.cptestkit.wire.ActionTypeId;
import io.github.cptestkit.wire.Artifact;
import io.github.cptestkit.wire.ArtifactObject;
import io.github.cptestkit.wire.FakeCustomJob;
import io.github.cptestkit.wire.FakeJobSource;
import io.github.cptestkit.wire.FailureDetails;
import io.github.cptestkit.wire.FailureType;
import io.github.cptestkit.wire.FakeThirdPartyJob;
import io.github.cptestkit.wire.JobData;
import io.github.cptestkit.wire.S3ArtifactLocation;
import io.github.cptestkit.mock.faults.InjectedFault;
import io.github.cptestkit.mock.internal.admin.AdminRoutes;
import io.github.cptestkit.mock.internal.admin.AdminTarget;
import io.github.cptestkit.mock.internal.admin.ProxyingFilter;
import io.github.cptestkit.mock.internal.admin.WireMockAdminBodies;
import io.github.cptestkit.mock.internal.codepipeline.CodePipelineProtocol;
import io.github.cptestkit.mock.internal.codepipeline.CodePipelineService;
import io.github.cptestkit.mock.internal.codepipeline.FaultPlan;
import io.github.cptestkit.mock.internal.codepipeline.AwsException;
import io.github.cptestkit.mock.internal.codepipeline.JobStore;
import io.github.cptestkit.mock.internal.codepipeline.PipelineDocuments;
import io.github.cptestkit.mock.executions.ExecutionStart;
import io.github.cptestkit.mock.executions.PipelineExecutionSnapshot;
import io.github.cptestkit.mock.executions.SimulatedAction;
import io.github.cptestkit.mock.internal.executions.ExecutionBackend;
import io.github.cptestkit.mock.internal.executions.ExecutionEngine;
import io.github.cptestkit.mock.internal.executions.ExecutionOperations;
import io.github.cptestkit.mock.internal.pipelines.ControlPlaneRefusal;
import io.github.cptestkit.mock.internal.pipelines.ResourceTags;
import io.github.cptestkit.mock.pipelines.ActionType;
import io.github.cptestkit.mock.pipelines.ActionTypeSnapshot;
import io.github.cptestkit.mock.pipelines.ControlPlaneException;
import io.github.cptestkit.mock.pipelines.PipelineDeclaration;
import io.github.cptestkit.mock.pipelines.PipelineSnapshot;
import io.github.cptestkit.mock.internal.lambda.DiscardedEvent;
import io.github.cptestkit.mock.internal.lambda.FunctionView;
import io.github.cptestkit.mock.internal.lambda.LambdaFunctions;
import io.github.cptestkit.mock.internal.lambda.LambdaJobEvent;
import io.github.cptestkit.mock.internal.lambda.LambdaRuntimeService;
import io.github.cptestkit.mock.internal.lambda.LambdaTimer;
import io.github.cptestkit.mock.internal.lambda.RuntimeApiRefusal;
import io.github.cptestkit.mock.internal.s3.ArtifactBucketService;
import io.github.cptestkit.mock.internal.s3.ArtifactStore;
import io.github.cptestkit.mock.internal.s3.ArtifactStore.ObjectBytes;
import io.github.cptestkit.mock.internal.s3.ObjectAttributes;
import io.github.cptestkit.mock.internal.server.MockServer;
import io.github.cptestkit.mock.internal.server.OriginPolicy;
import io.github.cptestkit.mock.internal.server.RequestRules;
import io.github.cptestkit.mock.internal.server.Services;
import io.github.cptestkit.mock.internal.server.StubPriority;
import io.github.cptestkit.mock.internal.sigv4.SigV4Verifier;
import io.github.cptestkit.mock.internal.sigv4.SigningCredentials;
import io.github.cptestkit.mock.jobs.ActionTypeSettings;
import io.github.cptestkit.mock.jobs.JobDocument;
import io.github.cptestkit.mock.jobs.JobSnapshot;
import io.github.cptestkit.mock.lambda.FunctionSettings;
import io.github.cptestkit.mock.lambda.InvocationAttempt;
import io.github.cptestkit.mock.lambda.LambdaFunction;
import io.github.cptestkit.mock.s3.KmsViolation;
import io.github.cptestkit.mock.s3.StoredArtifact;
import io.github.cptestkit.schemas.Operation;
import io.github.cptestkit.mock.tls.HttpsTrust;
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
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * One mock, assembled: the job store, the services it serves (the admin API, CodePipeline, the artifact bucket, in
 * the order they claim requests) and the server they share; and the mock's Java API over them, which
 * {@code CodePipelineMock} hands on to users and the admin API calls as its {@link AdminTarget}. The one place that
 * wires the services together: the job store is the bucket's grants, forgotten jobs' artifacts are deleted from the
 * bucket, a queued job's inputs are seeded into it.
 *
 * <pre>{@code
 * Assembly mock = new Assembly(Assembly.Settings.defaults().withClock(clock, null));
 * mock.start();
 * String jobId = mock.enqueue(fakeCustomJob);
 * }</pre>
 */
public final class Assembly implements AdminTarget {

    private static final System.Logger LOG = System.getLogger("io.github.cptestkit.mock.CodePipelineMock");

    /** The most any request body can be. */
    public static final long MAX_BODY_BYTES = RequestRules.MAX_BYTES;
    /** The highest priority number of a user stub that wins over all of the mock's stubs ({@link StubPriority}). */
    public static final int USER_STUBS_WIN_UP_TO = StubPriority.USER_STUBS_WIN_UP_TO;

    /**
     * The credentials of a worker whose CodePipeline calls the signature check lets through.
     *
     * @param secretAccessKey the secret
     * @param sessionToken    the session token its calls carry, or {@code null} for long-term credentials
     */
    public record WorkerCredentials(String secretAccessKey, String sessionToken) {
        public WorkerCredentials {
            Objects.requireNonNull(secretAccessKey, "secretAccessKey");
        }

        SigningCredentials signing() {
            return sessionToken == null ? SigningCredentials.permanent(secretAccessKey)
                    : SigningCredentials.temporary(secretAccessKey, sessionToken);
        }

        @Override
        public String toString() {
            return "WorkerCredentials[*** Sensitive Data Redacted ***]";
        }
    }

    /**
     * Who may reach the mock beyond curl, the SDKs and the CLI on this machine, and what it may do for them.
     *
     * @param allowedOrigins the web pages (origins, {@code http://localhost:3000}) that may read and drive the mock,
     *                       answered with CORS; no other page may
     * @param allowedHosts   host names the mock answers to besides the loopback ones (and, bound beyond loopback,
     *                       IP addresses)
     * @param allowProxy     whether WireMock's HTTP admin API takes proxy stubs, webhooks and recordings
     */
    public record Access(List<String> allowedOrigins, List<String> allowedHosts, boolean allowProxy) {
        /** No web page, only loopback names, no proxying over HTTP. */
        public static final Access DEFAULT = new Access(List.of(), List.of(), false);

        public Access {
            allowedOrigins = List.copyOf(allowedOrigins);
            allowedHosts = List.copyOf(allowedHosts);
        }

        /** An origin to allow, as browsers send it; an {@link IllegalArgumentException} says what is wrong. */
        public static String origin(String origin) {
            return OriginPolicy.origin(origin);
        }

        /** A host name to allow, in lower case; an {@link IllegalArgumentException} says what is wrong. */
        public static String hostName(String hostName) {
            return OriginPolicy.hostName(hostName);
        }
    }

    /**
     * Every option of a mock (see {@code CodePipelineMock.Builder} for what each does).
     *
     * @param clockAdvance moves {@code clock} forward, or {@code null} when it cannot be moved
     * @param clockMoves   registers a listener of the clock's moves and answers what removes it, or {@code null} for
     *                     a clock that is not moved by hand
     * @param jobTimeout   {@code null} for the per-owner defaults
     * @param strictKms    {@code null} to follow {@code strict}
     * @param workers      the workers' credentials by access key id; empty for no signature check
     * @param redactRequestJournal whether WireMock's request journal shows secrets redacted
     * @param httpsPort    the HTTPS port (0 for a free one), or {@code null} for no HTTPS
     * @param httpsCaFile  where the HTTPS CA certificate is written, or {@code null} for a temporary folder
     * @param access       the web pages, host names and proxying the mock allows
     */
    public record Settings(int port, String bindAddress, Clock clock, Consumer<Duration> clockAdvance,
            boolean strict, Duration dispatchTimeout, Duration jobTimeout, int outputVariablesLimitBytes,
            Boolean strictKms, Duration artifactCredentialsLifetime, long artifactSpillThreshold,
            int maxRequestJournalEntries, long maxUploadBytes, int retainedFinishedJobs,
            int retainedFinishedExecutions, Map<String, WorkerCredentials> workers,
            Consumer<WireMockConfiguration> wireMockOptions, long fakeJobSeed, boolean redactRequestJournal,
            Integer httpsPort, Path httpsCaFile, Access access,
            Map<String, FunctionSettings> lambdaFunctions, UnaryOperator<Runnable> clockMoves) {

        /** How many served requests WireMock's journal keeps by default. */
        public static final int DEFAULT_MAX_REQUEST_JOURNAL_ENTRIES = 1000;

        public Settings {
            Objects.requireNonNull(bindAddress, "bindAddress");
            Objects.requireNonNull(clock, "clock");
            Objects.requireNonNull(dispatchTimeout, "dispatchTimeout");
            Objects.requireNonNull(artifactCredentialsLifetime, "artifactCredentialsLifetime");
            workers = Map.copyOf(workers);
            Objects.requireNonNull(wireMockOptions, "wireMockOptions");
            Objects.requireNonNull(access, "access");
            lambdaFunctions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(lambdaFunctions));
        }

        /** A strict mock on a free loopback port, on the system clock, with every default. */
        public static Settings defaults() {
            return new Settings(0, "127.0.0.1", Clock.systemUTC(), null, true, JobStore.DEFAULT_DISPATCH_TIMEOUT,
                    null, JobStore.OUTPUT_VARIABLES_LIMIT_BYTES, null,
                    JobStore.DEFAULT_ARTIFACT_CREDENTIALS_LIFETIME, ArtifactStore.DEFAULT_SPILL_THRESHOLD,
                    DEFAULT_MAX_REQUEST_JOURNAL_ENTRIES, ArtifactBucketService.DEFAULT_MAX_UPLOAD_BYTES,
                    JobStore.DEFAULT_RETAINED_FINISHED_JOBS, ExecutionEngine.DEFAULT_RETAINED_FINISHED_EXECUTIONS,
                    Map.of(), options -> { }, FakeJobSource.DEFAULT_SEED, true,
                    null, null, Access.DEFAULT, Map.of(), null);
        }

        /**
         * These settings on another clock, moved by {@code advance} ({@code null}: it cannot be moved); the Lambda
         * deadlines then follow it by the timer's thread (the move listener belonged to the clock replaced).
         */
        public Settings withClock(Clock clock, Consumer<Duration> advance) {
            return new Settings(port, bindAddress, clock, advance, strict, dispatchTimeout, jobTimeout,
                    outputVariablesLimitBytes, strictKms, artifactCredentialsLifetime, artifactSpillThreshold,
                    maxRequestJournalEntries, maxUploadBytes, retainedFinishedJobs, retainedFinishedExecutions,
                    workers, wireMockOptions, fakeJobSeed, redactRequestJournal, httpsPort, httpsCaFile, access,
                    lambdaFunctions, null);
        }
    }

    private final Settings settings;
    private final JobStore jobStore;
    private final CodePipelineProtocol protocol;
    private final FaultPlan faults = new FaultPlan();
    private final ArtifactBucketService artifactBucket;
    private final LambdaFunctions lambda;
    private final ExecutionEngine executions;
    private final MockServer server;
    private final List<Consumer<String>> functionListeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    private LambdaTimer lambdaTimer;

    public Assembly(Settings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.jobStore = new JobStore(new JobStore.Settings(settings.clock(), settings.dispatchTimeout(),
                settings.jobTimeout(), settings.outputVariablesLimitBytes(), settings.artifactCredentialsLifetime(),
                () -> UUID.randomUUID().toString(), settings.retainedFinishedJobs()));
        this.artifactBucket = ArtifactBucketService.builder()
                .grants(jobStore)
                .clock(settings.clock())
                .strictKms(settings.strictKms() != null ? settings.strictKms() : settings.strict())
                .spillThreshold(settings.artifactSpillThreshold())
                .maxUploadBytes(settings.maxUploadBytes())
                .build();
        this.executions = new ExecutionEngine(new ExecutionEngine.Settings(settings.clock(),
                jobStore.controlPlane().scope(), () -> UUID.randomUUID().toString(),
                settings.retainedFinishedExecutions()), jobStore, new PipelineJobs(),
                jobStore.controlPlane()::findPipeline);
        jobStore.beforeEachCall(executions::advance);
        this.protocol = new CodePipelineProtocol(new ExecutionOperations(executions,
                jobStore.controlPlane()::findPipeline, jobStore.controlPlane()::actionType)
                .registerIn(CodePipelineProtocol.operationsOf(jobStore)),
                settings.strict());
        jobStore.onArtifactsForgotten(locations -> locations.forEach(location ->
                artifactBucket.store().delete(location.bucketName(), location.objectKey())));
        this.lambda = new LambdaFunctions(LambdaFunctions.Settings.defaults(settings.clock()));
        settings.lambdaFunctions().forEach(lambda::register);
        // A Lambda invoke job, queued or continuing its action, invokes its function (its inputs are seeded first).
        jobStore.onAwsJobStarted(this::invokeFunction);
        lambda.onEventDiscarded(this::failJobIfSet);
        // /__admin/codepipeline/; fake jobs from the fixtures, when they are on the class path
        AdminRoutes admin = new AdminRoutes(this, FakeJobSource.installed(settings.fakeJobSeed()));
        // The order in which the services claim requests: the admin API's paths, the Lambda Runtime API's, then
        // CodePipeline, then the bucket.
        Services services = new Services(List.of(admin, new LambdaRuntimeService(lambda), codePipeline(),
                artifactBucket));
        Access access = settings.access();
        Consumer<WireMockConfiguration> wireMockOptions = options -> {
            options.extensions(new WireMockAdminBodies()); // bodies WireMock's admin API would fail on: 400
            if (!access.allowProxy()) {
                options.extensions(new ProxyingFilter()); // over HTTP only: mock.wireMock() keeps every feature
            }
            settings.wireMockOptions().accept(options);
        };
        this.server = new MockServer(services, new MockServer.Options(settings.port(), settings.bindAddress(),
                settings.maxRequestJournalEntries(), settings.redactRequestJournal(), wireMockOptions,
                settings.httpsPort(), settings.httpsCaFile(),
                OriginPolicy.of(settings.bindAddress(), access.allowedOrigins(), access.allowedHosts())));
    }

    /** What pipeline executions run on: this mock's enqueue (checked and seeded as a test's jobs are), its bucket. */
    private final class PipelineJobs implements ExecutionBackend {
        @Override
        public String enqueue(FakeThirdPartyJob job) {
            return Assembly.this.enqueue(job);
        }

        @Override
        public String enqueue(FakeCustomJob job) {
            return Assembly.this.enqueue(job);
        }

        @Override
        public long endedJobs() {
            return jobStore.endedJobs();
        }

        @Override
        public Optional<JobSnapshot> job(String jobId) {
            return jobStore.snapshot(jobId);
        }

        @Override
        public Optional<String> objectETag(S3ArtifactLocation location) {
            return artifactBucket.store().find(location.bucketName(), location.objectKey())
                    .map(object -> object.etag().replace("\"", ""));
        }

        @Override
        public boolean copyObject(S3ArtifactLocation from, S3ArtifactLocation to) {
            // the copy is SSE-S3 encrypted with its source's content type, as seeded artifacts are
            return artifactBucket.store().copy(from.bucketName(), from.objectKey(), to.bucketName(), to.objectKey(),
                    source -> ObjectAttributes.of(source.contentType())).isPresent();
        }

        @Override
        public void putObject(S3ArtifactLocation location, byte[] content) {
            artifactBucket.seed(List.of(new ArtifactObject(location, content)));
        }
    }

    /** The pipeline executions. */
    public ExecutionEngine executions() {
        return executions;
    }

    private CodePipelineService codePipeline() {
        if (settings.workers().isEmpty()) {
            return new CodePipelineService(jobStore, protocol, faults);
        }
        Map<String, WorkerCredentials> workers = settings.workers();
        return new CodePipelineService(jobStore, protocol, faults, new SigV4Verifier(settings.clock()),
                accessKeyId -> Optional.ofNullable(workers.get(accessKeyId)).map(WorkerCredentials::signing));
    }

    // ---------------------------------------------------------------- lifecycle

    /** Starts the server; bound beyond loopback, logs a warning. */
    public void start() {
        server.start();
        lambdaTimer = LambdaTimer.start(lambda, settings.clock(), settings.clockMoves());
        if (!OriginPolicy.isLoopback(settings.bindAddress())) {
            LOG.log(System.Logger.Level.WARNING, "CodePipelineMock listens on " + settings.bindAddress() + ":"
                    + server.wireMock().port() + ", beyond this machine: whoever reaches that port can drive the mock"
                    + " and its admin API under " + AdminRoutes.BASE_PATH + ", and read WireMock's request journal;"
                    + " bind to 127.0.0.1 (the default) unless a container needs more. It answers requests that name"
                    + " it by an IP address, a loopback name or a host name given with allowHost");
        }
    }

    /** Stops the server and closes the services (the artifact bucket's temporary files are deleted). */
    public void stop() {
        stop(Duration.ZERO);
    }

    /** Stops accepting, lets calls in flight finish for up to {@code gracePeriod}, then stops. */
    public void stop(Duration gracePeriod) {
        if (lambdaTimer != null) {
            lambdaTimer.close();
        }
        server.stop(gracePeriod);
    }

    /** Whether the server is running. */
    public boolean isRunning() {
        return server.isRunning();
    }

    /** The WireMock server. */
    public WireMockServer wireMock() {
        return server.wireMock();
    }

    /** How clients trust the HTTPS port, or empty when the mock serves no HTTPS. */
    public Optional<HttpsTrust> httpsTrust() {
        return server.httpsTrust();
    }

    /** The host clients reach the server at: its bind address ({@code localhost} for all addresses). */
    public String host() {
        String bindAddress = settings.bindAddress();
        if ("0.0.0.0".equals(bindAddress)) {
            return "localhost";
        }
        return bindAddress.contains(":") ? "[" + bindAddress + "]" : bindAddress;
    }

    /** The address the server listens on. */
    public String bindAddress() {
        return settings.bindAddress();
    }

    @Override
    public Clock clock() {
        return settings.clock();
    }

    @Override
    public boolean clockAdvances() {
        return settings.clockAdvance() != null;
    }

    @Override
    public void advanceClock(Duration amount) {
        if (settings.clockAdvance() != null) {
            settings.clockAdvance().accept(amount);
        }
    }

    // ---------------------------------------------------------------- setup

    /** Checks, queues and seeds a partner-action job; returns its id. */
    public String enqueue(FakeThirdPartyJob job) {
        protocol.checkEnqueued(job);
        String jobId = jobStore.enqueueThirdParty(job);
        artifactBucket.seed(job);
        return jobId;
    }

    /** Checks, queues (or starts) and seeds a custom-action or Lambda job; returns its id. */
    public String enqueue(FakeCustomJob job) {
        protocol.checkEnqueued(job);
        functionOf(job.job().data()).ifPresent(LambdaFunctions::requireName);
        // Seeded first: a Lambda job's function is invoked as the job is queued, and reads its inputs at once.
        artifactBucket.seed(job);
        return jobStore.enqueueCustom(job);
    }

    @Override
    public String enqueue(JobDocument job) {
        return job instanceof JobDocument.ThirdParty thirdParty ? enqueue(thirdParty.job())
                : enqueue(((JobDocument.Custom) job).job());
    }

    @Override
    public void registerActionType(ActionTypeId type, ActionTypeSettings typeSettings) {
        jobStore.registerActionType(type, typeSettings);
    }

    // ---------------------------------------------------------------- control plane

    /** CreatePipeline from Java: the declaration checked as the wire checks it. */
    public PipelineSnapshot createPipeline(PipelineDeclaration declaration) {
        return refusedAsJava(() -> jobStore.controlPlane().createPipeline(declaration, List.of()));
    }

    /**
     * CreatePipeline of a declaration document (get-pipeline output, a bare declaration or a CloudFormation
     * resource's Properties, {@link PipelineDocuments}), with the tags it carries.
     */
    @Override
    public PipelineSnapshot createPipeline(String json) {
        return refusedAsJava(() -> {
            PipelineDocuments.Document document = PipelineDocuments.read(json);
            return jobStore.controlPlane().createPipeline(document.declaration(), document.tags());
        });
    }

    /** The declaration as GetPipeline answers it: secret configuration values as {@code ****}. */
    @Override
    public PipelineDeclaration masked(PipelineDeclaration declaration) {
        return jobStore.controlPlane().masked(declaration);
    }

    /** CreateCustomActionType of a {@code create-custom-action-type --cli-input-json} document. */
    public ActionTypeSnapshot createCustomActionType(String json) {
        return refusedAsJava(() -> {
            List<ResourceTags.Tag> tags = new ArrayList<>();
            ActionType type = PipelineDocuments.readActionType(json, tags);
            return jobStore.controlPlane().createCustomActionType(type, tags);
        });
    }

    /** CreateCustomActionType from Java. */
    public ActionTypeSnapshot createCustomActionType(ActionType type) {
        return refusedAsJava(() -> jobStore.controlPlane().createCustomActionType(type, List.of()));
    }

    /** The pipeline named {@code name} (its latest version), or empty. */
    @Override
    public Optional<PipelineSnapshot> pipeline(String name) {
        return jobStore.controlPlane().findPipeline(name);
    }

    /** Every pipeline, by name. */
    @Override
    public List<PipelineSnapshot> pipelines() {
        return jobStore.controlPlane().pipelines();
    }

    /** The action type with this id (AWS's own, created, registered), or empty. */
    public Optional<ActionTypeSnapshot> actionType(ActionTypeId id) {
        return jobStore.controlPlane().actionType(id);
    }

    // ---------------------------------------------------------------- pipeline executions

    /** StartPipelineExecution from Java. */
    @Override
    public String startPipelineExecution(ExecutionStart start) {
        return refusedAsJava(() -> executions.start(start));
    }

    /** The execution with this id, or empty. */
    @Override
    public Optional<PipelineExecutionSnapshot> pipelineExecution(String executionId) {
        return executions.findExecution(executionId);
    }

    /** Every kept execution, in start order. */
    public List<PipelineExecutionSnapshot> pipelineExecutions() {
        return executions.executions();
    }

    /** How an AWS-owned action of a pipeline behaves from now on. */
    @Override
    public void simulate(String pipelineName, String stageName, String actionName, SimulatedAction behaviour) {
        executions.simulate(pipelineName, stageName, actionName, behaviour);
    }

    /** The client a pipeline's partner-action jobs of {@code type} are queued for. */
    public void registerPartnerClient(ActionTypeId type, String clientId, String clientToken) {
        executions.registerPartnerClient(type, new ExecutionEngine.PartnerClient(clientId, clientToken));
    }

    /** StopPipelineExecution from Java. */
    public void stopPipelineExecution(String pipelineName, String executionId, boolean abandon, String reason) {
        refusedAsJava(() -> executions.stop(pipelineName, executionId, abandon, reason));
    }

    /** A control-plane refusal as the Java API's exception, of the same AWS error and message. */
    private static <T> T refusedAsJava(Supplier<T> call) {
        try {
            return call.get();
        } catch (ControlPlaneRefusal refusal) {
            throw new ControlPlaneException(refusal.error().type(), refusal.getMessage());
        } catch (AwsException refusal) {
            throw new ControlPlaneException(refusal.error().type(), refusal.getMessage());
        }
    }

    @Override
    public void registerClient(String clientId, String clientToken) {
        jobStore.registerClient(clientId, clientToken);
    }

    @Override
    public void failNext(Operation operation, int times, InjectedFault fault) {
        if (fault instanceof InjectedFault.ErrorAnswer error) {
            error.checkFor(operation);
        }
        faults.add(operation, times, fault);
    }

    // ---------------------------------------------------------------- Lambda

    /** The function a Lambda invoke job names (its FunctionName, an ARN's or qualified name's plain name). */
    private static Optional<String> functionOf(JobData data) {
        if (data == null || data.actionTypeId() == null || !LambdaJobEvent.isLambdaInvoke(data.actionTypeId())) {
            return Optional.empty();
        }
        return LambdaJobEvent.functionName(data).map(LambdaJobEvent::plainName);
    }

    private void invokeFunction(JobStore.StartedJob started) {
        functionOf(started.data()).ifPresent(name ->
                deliverLambdaJob(name, started.jobId(), started.accountId(), started.data()));
    }

    /**
     * Delivers a Lambda invoke job to function {@code functionName} as CodePipeline does: invokes it asynchronously
     * with the job's {@code {"CodePipeline.job": ...}} event (the function becomes known if it was not), served to its
     * runtime through the Runtime API; the job's fate is then the function's reports and the job's timeout. Every
     * AWS-owned job the store starts whose configuration names a {@code FunctionName} comes here; a pipeline
     * execution that starts a Lambda invoke action's job in the store gets it delivered so.
     *
     * <pre>{@code assembly.deliverLambdaJob("Deploy", jobId, "111122223333", jobData);}</pre>
     */
    public void deliverLambdaJob(String functionName, String jobId, String accountId, JobData data) {
        boolean known = lambda.isKnown(functionName);
        lambda.invoke(functionName, jobId, accountId, LambdaJobEvent.of(jobId, data, accountId));
        if (!known) {
            functionListeners.forEach(listener -> listener.accept(functionName));
        }
    }

    private void failJobIfSet(DiscardedEvent discarded) {
        if (discarded.failJobWhenDiscarded()) {
            String message = "The Lambda function " + discarded.functionName() + " failed "
                    + discarded.attempts() + (discarded.attempts() == 1 ? " attempt" : " attempts") + ", the last with "
                    + discarded.lastError().describe();
            jobStore.failInProgress(discarded.jobId(), new FailureDetails(FailureType.JOB_FAILED,
                    message.length() > 5000 ? message.substring(0, 5000) : message, null));
        }
    }

    /** Makes a function known with {@code functionSettings}, or changes a known function's settings. */
    @Override
    public void registerLambdaFunction(String name, FunctionSettings functionSettings) {
        boolean known = lambda.isKnown(name);
        lambda.register(name, functionSettings);
        if (!known) {
            functionListeners.forEach(listener -> listener.accept(name));
        }
    }

    /** Calls {@code listener} with the name of every function that becomes known from now on. */
    public void onLambdaFunctionKnown(Consumer<String> listener) {
        functionListeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** What {@code AWS_LAMBDA_RUNTIME_API} says for {@code name} on this mock. */
    public String lambdaRuntimeApi(String name) {
        return LambdaRuntimeService.runtimeApi(host(), server.wireMock().port(), name);
    }

    /** The function now, or empty when the mock does not know it. */
    @Override
    public Optional<LambdaFunction> lambdaFunction(String name) {
        return lambda.view(name).map(this::publicView);
    }

    /** Every function now, in the order they became known. */
    @Override
    public List<LambdaFunction> lambdaFunctions() {
        List<LambdaFunction> all = new ArrayList<>();
        for (FunctionView view : lambda.views()) {
            all.add(publicView(view));
        }
        return all;
    }

    private LambdaFunction publicView(FunctionView view) {
        return new LambdaFunction(view.functionName(), lambdaRuntimeApi(view.functionName()), view.settings(),
                view.pending(), view.ready(), view.inFlight(), view.attempts());
    }

    /** Waits until a function has ended {@code count} attempts (see {@code CodePipelineMock.awaitLambdaAttempts}). */
    public List<InvocationAttempt> awaitLambdaAttempts(String name, int count, Duration timeout) {
        try {
            return lambda.awaitAttempts(name, count, timeout);
        } catch (RuntimeApiRefusal unknown) {
            throw new IllegalStateException("function " + name + " is not served by this mock; it knows "
                    + lambda.names() + ": register it, or queue a Lambda invoke job that names it");
        }
    }

    // ---------------------------------------------------------------- inspection

    @Override
    public Optional<JobSnapshot> job(String jobId) {
        return jobStore.snapshot(jobId);
    }

    @Override
    public List<JobSnapshot> jobs() {
        return jobStore.snapshots();
    }

    /** How many finished jobs were forgotten to keep the retention limit. */
    public long forgottenJobs() {
        return jobStore.forgottenJobs();
    }

    /** How many ended pipeline executions were forgotten to keep the retention limit. */
    public long forgottenPipelineExecutions() {
        return executions.forgottenExecutions();
    }

    /** What went wrong on the mock's side. */
    public List<String> problems() {
        return protocol.problems();
    }

    /**
     * A job's output artifact as uploaded, its bytes in the heap (see {@link StoredArtifact}), or empty while nothing
     * is stored at its location.
     *
     * @throws NoSuchElementException when the job has no output artifact of that name (the message lists its names)
     */
    public Optional<StoredArtifact> outputArtifact(String jobId, String artifactName) {
        return artifact(outputLocation(jobId, artifactName));
    }

    @Override
    public Optional<ObjectBytes> outputArtifactBytes(String jobId, String artifactName) {
        return artifactBucket.read(outputLocation(jobId, artifactName));
    }

    private S3ArtifactLocation outputLocation(String jobId, String artifactName) {
        JobSnapshot job = job(jobId).orElseThrow(() -> unknownJob(jobId));
        List<Artifact> outputs = Optional.ofNullable(job.data().outputArtifacts()).orElse(List.of());
        return outputs.stream()
                .filter(artifact -> artifact.name().equals(artifactName) && artifact.location() != null
                        && artifact.location().s3Location() != null)
                .findFirst()
                .map(artifact -> artifact.location().s3Location())
                .orElseThrow(() -> new NoSuchElementException("job " + jobId + " has no output artifact named '"
                        + artifactName + "' in S3; its output artifacts are "
                        + outputs.stream().map(Artifact::name).toList() + ": name one of them"));
    }

    /** The {@link NoSuchElementException} of a job the mock does not have. */
    public static NoSuchElementException unknownJob(String jobId) {
        return new NoSuchElementException("job " + jobId + " is not in this mock; enqueue it first, or list the"
                + " known ones with jobs()");
    }

    /** The object at an artifact location, or empty. */
    public Optional<StoredArtifact> artifact(S3ArtifactLocation location) {
        return artifactBucket.artifact(location);
    }

    @Override
    public List<KmsViolation> kmsViolations() {
        return artifactBucket.kmsViolations();
    }

    @Override
    public void reset() {
        server.reset();
        executions.reset();
    }
}
