package io.github.cptestkit.mock;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.github.cptestkit.fixtures.ActionTypeId;
import io.github.cptestkit.fixtures.Artifact;
import io.github.cptestkit.fixtures.FakeCustomJob;
import io.github.cptestkit.fixtures.FakeJobs;
import io.github.cptestkit.fixtures.FakeThirdPartyJob;
import io.github.cptestkit.fixtures.S3ArtifactLocation;
import io.github.cptestkit.mock.internal.AwsJsonProtocol;
import io.github.cptestkit.mock.internal.BoundedRequestJournal;
import io.github.cptestkit.mock.internal.CodePipelineEmulator;
import io.github.cptestkit.mock.internal.FallbackAnswers;
import io.github.cptestkit.mock.internal.RoutingStubStore;
import io.github.cptestkit.mock.internal.FaultPlan;
import io.github.cptestkit.mock.internal.GuardedJetty;
import io.github.cptestkit.mock.internal.JobStore;
import io.github.cptestkit.mock.internal.QuietNotifier;
import io.github.cptestkit.mock.internal.RequestGuard;
import io.github.cptestkit.mock.internal.RequestLimits;
import io.github.cptestkit.mock.internal.ServiceEmulator;
import io.github.cptestkit.mock.internal.admin.AdminRoutes;
import io.github.cptestkit.mock.internal.s3.ArtifactStore;
import io.github.cptestkit.mock.internal.s3.S3Emulator;
import io.github.cptestkit.mock.internal.s3.SigV4Verifier;
import io.github.cptestkit.mock.internal.s3.SigningCredentials;
import io.github.cptestkit.mock.s3.KmsViolation;
import io.github.cptestkit.mock.s3.StoredArtifact;
import io.github.cptestkit.schemas.Operation;
import java.net.URI;
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

    private static final System.Logger LOG = System.getLogger(CodePipelineMock.class.getName());

    /** How many served requests WireMock's journal keeps unless {@link Builder#maxRequestJournalEntries} says. */
    public static final int DEFAULT_MAX_REQUEST_JOURNAL_ENTRIES = 1000;

    private final Clock clock;
    private final String bindAddress;
    private final JobStore jobStore;
    private final AwsJsonProtocol protocol;
    private final FaultPlan faults = new FaultPlan();
    private final S3Emulator artifactBucket;
    private final List<ServiceEmulator> emulators = new ArrayList<>();
    private final WireMockServer server;

    private CodePipelineMock(Builder builder) {
        this.clock = builder.clock;
        this.bindAddress = builder.bindAddress;
        this.jobStore = new JobStore(new JobStore.Settings(builder.clock, builder.dispatchTimeout, builder.jobTimeout,
                builder.outputVariablesLimitBytes, builder.artifactCredentialsLifetime,
                () -> UUID.randomUUID().toString(), builder.retainedFinishedJobs));
        this.protocol = new AwsJsonProtocol(jobStore, builder.strict);
        this.artifactBucket = S3Emulator.builder()
                .grants(jobStore)
                .clock(builder.clock)
                .strictKms(builder.strictKms != null ? builder.strictKms : builder.strict)
                .spillThreshold(builder.artifactSpillThreshold)
                .build();
        jobStore.onArtifactsForgotten(locations -> locations.forEach(location ->
                artifactBucket.store().delete(location.bucketName(), location.objectKey())));
        // Every emulated service plugs in here: its options now, its stubs at start() and after reset().
        emulators.add(codePipelineEmulator(builder));
        emulators.add(artifactBucket);
        emulators.add(new FallbackAnswers(protocol, artifactBucket)); // what no stub takes, in its side's protocol
        WireMockConfiguration options = options()
                .port(builder.port)
                .bindAddress(builder.bindAddress)
                .stubRequestLoggingDisabled(true) // request bodies carry client tokens and credentials
                // Body limits, content types and error pages are checked before WireMock reads a request.
                .httpServerFactory(new GuardedJetty(new RequestGuard(
                        RequestLimits.defaults().withUploadBytes(builder.maxUploadBytes), protocol)));
        emulators.forEach(emulator -> emulator.configure(options));
        options.extensions(new AdminRoutes(this, FakeJobs.withSeed(builder.fakeJobSeed))); // /__admin/codepipeline/
        builder.wireMockOptions.accept(options);
        options.notifier(new QuietNotifier(options.notifier())); // WireMock's reports print whole requests
        // WireMock's own journal bound costs a scan of the journal per request; this one keeps a constant cost.
        BoundedRequestJournal.install(options, builder.maxRequestJournalEntries);
        // While only the emulators' stubs are installed, a request's stub is found by their routes, not patterns.
        RoutingStubStore.install(options, emulators.stream().flatMap(emulator -> emulator.routes().stream()).toList());
        this.server = new WireMockServer(options);
    }

    private CodePipelineEmulator codePipelineEmulator(Builder builder) {
        if (builder.workerCredentials.isEmpty()) {
            return new CodePipelineEmulator(protocol, faults);
        }
        Map<String, SigningCredentials> workers = Map.copyOf(builder.workerCredentials);
        return new CodePipelineEmulator(protocol, faults, new SigV4Verifier(builder.clock),
                accessKeyId -> Optional.ofNullable(workers.get(accessKeyId)));
    }

    /** Options for a new mock; {@code builder().build().start()} gives a strict mock on a free port. */
    public static Builder builder() {
        return new Builder();
    }

    // ---------------------------------------------------------------- lifecycle

    /**
     * Starts the server and installs the emulators' stubs; returns this mock. Bound to anything but a loopback
     * address, it logs a warning: whoever reaches the port drives the mock, its admin API and WireMock's (whose
     * request journal holds every request as sent, client tokens included).
     */
    public CodePipelineMock start() {
        server.start();
        try {
            protocol.awaitSchemas(); // compiled while WireMock was built and started
        } catch (RuntimeException | Error e) {
            server.stop();
            throw e;
        }
        installStubs();
        if (!isLoopback(bindAddress)) {
            LOG.log(System.Logger.Level.WARNING, "CodePipelineMock listens on " + bindAddress + ":" + server.port()
                    + ", beyond this machine: whoever reaches that port can drive the mock and its admin API under "
                    + AdminRoutes.BASE_PATH + ", and read WireMock's request journal; bind to 127.0.0.1 (the"
                    + " default) unless a container needs more");
        }
        return this;
    }

    /** Whether an address (or host name) is this machine's loopback; an unknown name is not. */
    public static boolean isLoopback(String address) {
        try {
            return java.net.InetAddress.getByName(address).isLoopbackAddress();
        } catch (java.net.UnknownHostException unknown) {
            return false;
        }
    }

    /**
     * Stops the server and closes the artifact bucket: its objects are forgotten and its temporary files deleted.
     * The jobs stay inspectable; inspect artifacts before stopping.
     */
    public void stop() {
        if (server.isRunning()) {
            server.stop();
        }
        emulators.forEach(ServiceEmulator::close);
    }

    /** Same as {@link #stop()}, for try-with-resources. */
    @Override
    public void close() {
        stop();
    }

    /** Whether the server is running. */
    public boolean isRunning() {
        return server.isRunning();
    }

    /** The port the server listens on (the chosen one when the builder asked for port 0). */
    public int port() {
        requireRunning("port()");
        return server.port();
    }

    /** The endpoint to give a client, e.g. {@code http://127.0.0.1:54321}. */
    public URI endpoint() {
        requireRunning("endpoint()");
        return URI.create("http://" + host() + ":" + server.port());
    }

    /**
     * The underlying WireMock server: add your own stubs (they win over the emulator unless you give them a
     * priority number above 1000, the emulator's), read its request journal, {@code verify}.
     * Reset through {@link #reset()}, not WireMock's own reset methods, which would remove the emulator's stubs.
     */
    public WireMockServer wireMock() {
        return server;
    }

    /** The clock the mock reads. */
    public Clock clock() {
        return clock;
    }

    // ---------------------------------------------------------------- setup

    /**
     * Queues a partner-action job, registers its clientId/clientToken pair and puts its input artifacts (the zips of
     * {@code job.artifacts()}) in the artifact bucket; returns the job id. In strict mode a job that would break the
     * wire format (a bad id, a value outside its pattern) is an {@link IllegalArgumentException} naming the member,
     * here rather than at the worker; so is, in any mode, a job whose artifacts lie in more than one bucket.
     */
    public String enqueue(FakeThirdPartyJob job) {
        Objects.requireNonNull(job, "job");
        protocol.checkEnqueued(job);
        String jobId = jobStore.enqueueThirdParty(job);
        artifactBucket.seed(job);
        return jobId;
    }

    /**
     * Queues a custom-action job (owner Custom), or starts a Lambda invoke job (owner AWS: it is InProgress at once
     * and waits for PutJobSuccessResult/PutJobFailureResult), and puts its input artifacts in the artifact bucket;
     * returns the job id. Checked as {@link #enqueue(FakeThirdPartyJob)}.
     */
    public String enqueue(FakeCustomJob job) {
        Objects.requireNonNull(job, "job");
        protocol.checkEnqueued(job);
        String jobId = jobStore.enqueueCustom(job);
        artifactBucket.seed(job);
        return jobId;
    }

    /** Makes an action type known with default settings: polls for it succeed even with no job queued. */
    public void registerActionType(ActionTypeId type) {
        jobStore.registerActionType(type, ActionTypeSettings.defaults());
    }

    /** Makes an action type known, or changes its job timeout and queryable property. */
    public void registerActionType(ActionTypeId type, ActionTypeSettings typeSettings) {
        jobStore.registerActionType(type, typeSettings);
    }

    /** Registers the clientToken that third-party calls for jobs of {@code clientId} must present. */
    public void registerClient(String clientId, String clientToken) {
        jobStore.registerClient(clientId, clientToken);
    }

    // ---------------------------------------------------------------- faults

    /** The next {@code times} calls of {@code operation} answer {@code fault} instead of the emulator. */
    public void failNext(Operation operation, int times, InjectedFault fault) {
        faults.add(Objects.requireNonNull(operation, "operation"), times, fault);
    }

    /** The next {@code times} calls of any operation answer {@code fault} instead of the emulator. */
    public void failNext(int times, InjectedFault fault) {
        faults.add(null, times, fault);
    }

    // ---------------------------------------------------------------- inspection

    /** The job now (timeouts applied); a {@link NoSuchElementException} naming the id when it is unknown. */
    public JobSnapshot job(String jobId) {
        return jobStore.snapshot(jobId).orElseThrow(() -> new NoSuchElementException("job " + jobId
                + " is not in this mock; enqueue it first, or list the known ones with jobs()"));
    }

    /**
     * Every job now, in the order they were queued (continuation jobs included), but for the finished jobs forgotten
     * beyond {@link Builder#retainedFinishedJobs(int)}.
     */
    public List<JobSnapshot> jobs() {
        return jobStore.snapshots();
    }

    /**
     * How many finished jobs this mock has forgotten (since its start or last reset) to stay within
     * {@link Builder#retainedFinishedJobs(int)}; {@link #job(String)} no longer knows them.
     */
    public long forgottenJobs() {
        return jobStore.forgottenJobs();
    }

    /**
     * What went wrong on the mock's side: answers that broke their output schema in strict mode, internal
     * failures. Empty in a healthy test; assert it in teardown to catch bad fixtures.
     */
    public List<String> problems() {
        return protocol.problems();
    }

    /**
     * The output artifact {@code artifactName} of a job as the worker uploaded it (bytes, zip entries, encryption),
     * or empty while nothing is stored at its location.
     *
     * <pre>{@code
     * StoredArtifact output = mock.outputArtifact(jobId, "BuildOutput").orElseThrow();
     * assertThat(output.zipEntryText("result.json")).contains("\"ok\":true");
     * assertThat(output.kmsKeyId()).hasValue(keyArn);
     * }</pre>
     *
     * @throws NoSuchElementException when the job is unknown or has no output artifact of that name (the message
     *                                lists the names it has)
     */
    public Optional<StoredArtifact> outputArtifact(String jobId, String artifactName) {
        List<Artifact> outputs = Optional.ofNullable(job(jobId).data().outputArtifacts()).orElse(List.of());
        return outputs.stream()
                .filter(artifact -> artifact.name().equals(artifactName) && artifact.location() != null
                        && artifact.location().s3Location() != null)
                .findFirst()
                .map(artifact -> artifact(artifact.location().s3Location()))
                .orElseThrow(() -> new NoSuchElementException("job " + jobId + " has no output artifact named '"
                        + artifactName + "' in S3; its output artifacts are "
                        + outputs.stream().map(Artifact::name).toList() + ": name one of them"));
    }

    /**
     * The object at an artifact location (an input the mock seeded, or an output the worker uploaded), or empty.
     *
     * <pre>{@code
     * S3ArtifactLocation input = job.details().data().inputArtifacts().get(0).location().s3Location();
     * assertThat(mock.artifact(input).orElseThrow().zipEntries()).containsKey("buildspec.yml");
     * }</pre>
     */
    public Optional<StoredArtifact> artifact(S3ArtifactLocation location) {
        return artifactBucket.artifact(Objects.requireNonNull(location, "location"));
    }

    /**
     * Every upload that ignored its job's {@code encryptionKey} (no SSE-KMS, or another key), oldest first: recorded
     * in every mode, and refused with AccessDenied when {@link Builder#strictKms(boolean)} is on.
     *
     * <pre>{@code assertThat(mock.kmsViolations()).isEmpty();}</pre>
     */
    public List<KmsViolation> kmsViolations() {
        return artifactBucket.kmsViolations();
    }

    /**
     * Forgets every job, action type, client, planned fault, problem, artifact and KMS violation (deleting the
     * artifact bucket's temporary files), resets WireMock (stubs, journal, scenarios) and installs the emulators'
     * stubs again. The clock is left where it is.
     */
    public void reset() {
        jobStore.reset();
        emulators.forEach(ServiceEmulator::reset);
        server.resetAll();
        if (server.isRunning()) {
            installStubs();
        }
    }

    private void installStubs() {
        for (ServiceEmulator emulator : emulators) {
            emulator.stubMappings().forEach(server::addStubMapping);
        }
    }

    private void requireRunning(String what) {
        if (!server.isRunning()) {
            throw new IllegalStateException(what + " needs a running mock; call start() first");
        }
    }

    private String host() {
        if ("0.0.0.0".equals(bindAddress)) {
            return "localhost";
        }
        return bindAddress.contains(":") ? "[" + bindAddress + "]" : bindAddress;
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
        private int port;
        private String bindAddress = "127.0.0.1";
        private Clock clock = Clock.systemUTC();
        private boolean strict = true;
        private Duration dispatchTimeout = JobStore.DEFAULT_DISPATCH_TIMEOUT;
        private Duration jobTimeout;
        private int outputVariablesLimitBytes = JobStore.OUTPUT_VARIABLES_LIMIT_BYTES;
        private Boolean strictKms;
        private Duration artifactCredentialsLifetime = JobStore.DEFAULT_ARTIFACT_CREDENTIALS_LIFETIME;
        private long artifactSpillThreshold = ArtifactStore.DEFAULT_SPILL_THRESHOLD;
        private int maxRequestJournalEntries = DEFAULT_MAX_REQUEST_JOURNAL_ENTRIES;
        private long maxUploadBytes = RequestLimits.DEFAULT_UPLOAD_BYTES;
        private int retainedFinishedJobs = JobStore.DEFAULT_RETAINED_FINISHED_JOBS;
        private final Map<String, SigningCredentials> workerCredentials = new LinkedHashMap<>();
        private Consumer<WireMockConfiguration> wireMockOptions = options -> { };
        private long fakeJobSeed = FakeJobs.DEFAULT_SEED;

        private Builder() {}

        /** The port to listen on; 0 (the default) picks a free one. */
        public Builder port(int port) {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("port must be 0 (any free port) to 65535, but was " + port);
            }
            this.port = port;
            return this;
        }

        /** The address to listen on; {@code 127.0.0.1} by default (use {@code 0.0.0.0} inside a container). */
        public Builder bindAddress(String bindAddress) {
            this.bindAddress = Objects.requireNonNull(bindAddress, "bindAddress");
            return this;
        }

        /** Where time comes from; a {@link MockClock} lets a test move it. The system UTC clock by default. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Whether answers and enqueued jobs that break the output schemas fail loudly (on by default): enqueue
         * throws, and a broken answer becomes InternalFailure plus a {@linkplain #problems() problem}. Off, they are
         * served as they are with a logged warning, to see how a worker copes with malformed answers.
         */
        public Builder strict(boolean strict) {
            this.strict = strict;
            return this;
        }

        /** How long a dispatched job waits for its acknowledgement before it is queued again; 1 minute by default. */
        public Builder dispatchTimeout(Duration timeout) {
            this.dispatchTimeout = positive(timeout, "dispatchTimeout");
            return this;
        }

        /**
         * How long any acknowledged job may stay InProgress before it times out, unless its action type sets its
         * own. By default 24 hours for custom and partner actions, 20 minutes for Lambda invoke actions.
         */
        public Builder jobTimeout(Duration timeout) {
            this.jobTimeout = positive(timeout, "jobTimeout");
            return this;
        }

        /** The combined size (UTF-8 bytes of names and values) output variables may have; AWS's 122,880 by default. */
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
         */
        public Builder artifactCredentialsLifetime(Duration lifetime) {
            this.artifactCredentialsLifetime = positive(lifetime, "artifactCredentialsLifetime");
            return this;
        }

        /** Bytes above which artifacts and upload parts go to temporary files instead of the heap; 1 MiB by default. */
        public Builder artifactSpillThreshold(long bytes) {
            if (bytes < 0) {
                throw new IllegalArgumentException("artifactSpillThreshold must be 0 (always spill) or more bytes,"
                        + " but was " + bytes);
            }
            this.artifactSpillThreshold = bytes;
            return this;
        }

        /**
         * How many served requests WireMock's journal keeps (the oldest are dropped): it holds their bodies,
         * artifacts included, in memory. 1000 by default; {@link #wireMockOptions(Consumer)} can turn the journal
         * off altogether ({@code disableRequestJournal()}).
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
         */
        public Builder retainedFinishedJobs(int jobs) {
            if (jobs < 1) {
                throw new IllegalArgumentException("retainedFinishedJobs must be 1 or more, but was " + jobs);
            }
            this.retainedFinishedJobs = jobs;
            return this;
        }

        /**
         * The largest request body the artifact bucket takes (a PutObject or an UploadPart); a larger one is S3's
         * EntityTooLarge, refused before it is read. 256 MiB by default. CodePipeline calls are limited to 1 MiB and
         * admin API requests to 64 MiB (413 RequestEntityTooLargeException).
         */
        public Builder maxUploadBytes(long bytes) {
            if (bytes < 0 || bytes > RequestLimits.MAX_BYTES) {
                throw new IllegalArgumentException("maxUploadBytes must be 0 to " + RequestLimits.MAX_BYTES
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
         */
        public Builder verifyCodePipelineSignatures(String accessKeyId, String secretAccessKey) {
            workerCredentials.put(Objects.requireNonNull(accessKeyId, "accessKeyId"),
                    SigningCredentials.permanent(Objects.requireNonNull(secretAccessKey, "secretAccessKey")));
            return this;
        }

        /**
         * As {@link #verifyCodePipelineSignatures(String, String)}, for a worker with temporary credentials: its
         * calls must carry this session token.
         */
        public Builder verifyCodePipelineSignatures(String accessKeyId, String secretAccessKey, String sessionToken) {
            workerCredentials.put(Objects.requireNonNull(accessKeyId, "accessKeyId"), SigningCredentials.temporary(
                    Objects.requireNonNull(secretAccessKey, "secretAccessKey"),
                    Objects.requireNonNull(sessionToken, "sessionToken")));
            return this;
        }

        /**
         * Adjusts WireMock's own options before the server is created (e.g. to add your extensions, or HTTPS);
         * the emulators' extensions, gzip off (objects go out as stored) and the port, bind address, journal size
         * and logging settings are already set.
         */
        public Builder wireMockOptions(Consumer<WireMockConfiguration> adjust) {
            this.wireMockOptions = Objects.requireNonNull(adjust, "adjust");
            return this;
        }

        /**
         * The seed of the fake jobs the admin API queues from a preset ({@code POST /__admin/codepipeline/jobs},
         * see docs/admin-api.md); {@link FakeJobs#DEFAULT_SEED} by default. The n-th job queued in the mock is job
         * n of the seed, so the same requests give the same jobs.
         */
        public Builder fakeJobSeed(long seed) {
            this.fakeJobSeed = seed;
            return this;
        }

        /** A mock with these options, not yet started. */
        public CodePipelineMock build() {
            return new CodePipelineMock(this);
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
