package io.github.cptestkit.mock;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.Extension;
import io.github.cptestkit.fixtures.ActionTypeId;
import io.github.cptestkit.fixtures.FakeCustomJob;
import io.github.cptestkit.fixtures.FakeJobs;
import io.github.cptestkit.fixtures.FakeThirdPartyJob;
import io.github.cptestkit.mock.internal.AwsJsonProtocol;
import io.github.cptestkit.mock.internal.CodePipelineEmulator;
import io.github.cptestkit.mock.internal.FaultPlan;
import io.github.cptestkit.mock.internal.JobStore;
import io.github.cptestkit.mock.internal.ServiceEmulator;
import io.github.cptestkit.mock.internal.admin.AdminRoutes;
import io.github.cptestkit.schemas.Operation;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * A stateful mock of the CodePipeline job-worker API on WireMock: point a worker (any AWS SDK) at
 * {@link #endpoint()}, queue jobs, and inspect what the worker did with them. The ten job operations behave as
 * CodePipeline's do (see docs/fidelity.md); everything else WireMock offers (user stubs, which win over the
 * emulator, the request journal, {@code verify}, delays, faults) stays available through {@link #wireMock()}.
 *
 * <pre>{@code
 * MockClock clock = MockClock.at(Instant.parse("2026-01-01T00:00:00Z"));
 * try (CodePipelineMock mock = CodePipelineMock.builder().clock(clock).build().start()) {
 *     String jobId = mock.enqueue(customJob);                    // a FakeCustomJob
 *     CodePipelineClient client = CodePipelineClient.builder()
 *             .endpointOverride(mock.endpoint()).region(Region.US_EAST_1)
 *             .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKID", "SECRET")))
 *             .build();
 *     new MyWorker(client).runOnce();
 *     assertThat(mock.job(jobId).status()).isEqualTo(JobStatus.SUCCEEDED);
 * }
 * }</pre>
 *
 * <p>Thread-safe: workers may call it from many threads while a test inspects it.
 */
public final class CodePipelineMock implements AutoCloseable {

    private final Clock clock;
    private final String bindAddress;
    private final JobStore jobStore;
    private final AwsJsonProtocol protocol;
    private final FaultPlan faults = new FaultPlan();
    private final List<ServiceEmulator> emulators = new ArrayList<>();
    private final WireMockServer server;

    private CodePipelineMock(Builder builder) {
        this.clock = builder.clock;
        this.bindAddress = builder.bindAddress;
        this.jobStore = new JobStore(new JobStore.Settings(builder.clock, builder.dispatchTimeout, builder.jobTimeout,
                builder.outputVariablesLimitBytes, () -> UUID.randomUUID().toString()));
        this.protocol = new AwsJsonProtocol(jobStore, builder.strict);
        // Every emulated service plugs in here: its extensions now, its stubs at start() and after reset().
        emulators.add(new CodePipelineEmulator(protocol, faults));
        List<Extension> extensions = new ArrayList<>();
        emulators.forEach(emulator -> extensions.addAll(emulator.extensions()));
        extensions.add(new AdminRoutes(this, FakeJobs.withSeed(builder.fakeJobSeed))); // /__admin/codepipeline/
        WireMockConfiguration options = options()
                .port(builder.port)
                .bindAddress(builder.bindAddress)
                .stubRequestLoggingDisabled(true) // request bodies carry client tokens and credentials
                .extensions(extensions.toArray(Extension[]::new));
        builder.wireMockOptions.accept(options);
        this.server = new WireMockServer(options);
    }

    /** Options for a new mock; {@code builder().build().start()} gives a strict mock on a free port. */
    public static Builder builder() {
        return new Builder();
    }

    // ---------------------------------------------------------------- lifecycle

    /** Starts the server and installs the emulator's stubs; returns this mock. */
    public CodePipelineMock start() {
        server.start();
        installStubs();
        return this;
    }

    /** Stops the server; the jobs stay inspectable. */
    public void stop() {
        if (server.isRunning()) {
            server.stop();
        }
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
     * Queues a partner-action job and registers its clientId/clientToken pair; returns the job id. In strict mode
     * a job that would break the wire format (a bad id, a value outside its pattern) is an
     * {@link IllegalArgumentException} naming the member, here rather than at the worker.
     */
    public String enqueue(FakeThirdPartyJob job) {
        Objects.requireNonNull(job, "job");
        protocol.checkEnqueued(job);
        return jobStore.enqueueThirdParty(job);
    }

    /**
     * Queues a custom-action job (owner Custom), or starts a Lambda invoke job (owner AWS: it is InProgress at once
     * and waits for PutJobSuccessResult/PutJobFailureResult); returns the job id. Checked as
     * {@link #enqueue(FakeThirdPartyJob)}.
     */
    public String enqueue(FakeCustomJob job) {
        Objects.requireNonNull(job, "job");
        protocol.checkEnqueued(job);
        return jobStore.enqueueCustom(job);
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

    /** Every job now, in the order they were queued (continuation jobs included). */
    public List<JobSnapshot> jobs() {
        return jobStore.snapshots();
    }

    /**
     * What went wrong on the mock's side: answers that broke their output schema in strict mode, internal
     * failures. Empty in a healthy test; assert it in teardown to catch bad fixtures.
     */
    public List<String> problems() {
        return protocol.problems();
    }

    /**
     * Forgets every job, action type, client, planned fault and problem, resets WireMock (stubs, journal,
     * scenarios) and installs the emulator's stubs again. The clock is left where it is.
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
         * Adjusts WireMock's own options before the server is created (e.g. to add your extensions, or HTTPS);
         * the emulator's extension and the port, bind address and logging settings are already set.
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
