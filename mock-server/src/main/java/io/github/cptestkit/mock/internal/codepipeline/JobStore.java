package io.github.cptestkit.mock.internal.codepipeline;

import static io.github.cptestkit.schemas.AwsError.ACTION_TYPE_NOT_FOUND;
import static io.github.cptestkit.schemas.AwsError.INVALID_CLIENT_TOKEN;
import static io.github.cptestkit.schemas.AwsError.INVALID_JOB;
import static io.github.cptestkit.schemas.AwsError.INVALID_JOB_STATE;
import static io.github.cptestkit.schemas.AwsError.INVALID_NONCE;
import static io.github.cptestkit.schemas.AwsError.JOB_NOT_FOUND;
import static io.github.cptestkit.schemas.AwsError.OUTPUT_VARIABLES_SIZE_EXCEEDED;
import static io.github.cptestkit.schemas.AwsError.VALIDATION;

import io.github.cptestkit.wire.ActionOwner;
import io.github.cptestkit.wire.ActionTypeId;
import io.github.cptestkit.wire.Artifact;
import io.github.cptestkit.wire.AwsSessionCredentials;
import io.github.cptestkit.wire.CurrentRevision;
import io.github.cptestkit.wire.ExecutionDetails;
import io.github.cptestkit.wire.FailureDetails;
import io.github.cptestkit.wire.FakeCustomJob;
import io.github.cptestkit.wire.FakeThirdPartyJob;
import io.github.cptestkit.wire.Job;
import io.github.cptestkit.wire.JobData;
import io.github.cptestkit.wire.JobStatus;
import io.github.cptestkit.wire.S3ArtifactLocation;
import io.github.cptestkit.wire.ThirdPartyJobDetails;
import io.github.cptestkit.mock.internal.pipelines.ControlPlane;
import io.github.cptestkit.mock.internal.pipelines.ControlPlaneQuotas;
import io.github.cptestkit.mock.internal.pipelines.ControlPlaneScope;
import io.github.cptestkit.mock.jobs.ActionTypeSettings;
import io.github.cptestkit.mock.jobs.JobResult;
import io.github.cptestkit.mock.jobs.JobSnapshot;
import io.github.cptestkit.mock.internal.grants.ArtifactGrants;
import io.github.cptestkit.mock.internal.grants.ArtifactGrant;
import io.github.cptestkit.schemas.AwsError;
import io.github.cptestkit.schemas.Operation;
import io.github.cptestkit.schemas.Operation.Family;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The state of every job the mock serves: queues per action type, each job's state machine (Queued, Dispatched,
 * InProgress, Succeeded, Failed, TimedOut), nonces, client tokens, timeouts, and the calls and results recorded on
 * each job. Plain Java: no HTTP, no JSON. Refusals are {@link AwsException}s naming the AWS error to answer.
 *
 * <p><b>Time</b> comes from the injected {@link Clock} and timeouts are applied lazily, whenever a job or its queue
 * is touched: a Dispatched job not acknowledged within the dispatch timeout goes back to its queue (keeping its
 * place); a job whose action has run out of time (the quotas' action timeout of its owner, counted from the first
 * acknowledge of the action's first job across its continuation jobs) or an InProgress job past its own job timeout
 * (its action type's {@code jobTimeout}) becomes TimedOut. No background thread, nothing sleeps.
 *
 * <p><b>Artifact credentials.</b> The store is the artifact bucket's {@link ArtifactGrants}: the job whose
 * {@code artifactCredentials} carry an access key id grants that key its artifacts until the credentials expire, a
 * lifetime after they were handed out (at enqueue, and again by the first PollForJobs, GetJobDetails or
 * GetThirdPartyJobDetails answer that serves the job). Every later such answer renews them: a new set (new access
 * key id, secret and session token) working a lifetime from then, while each set handed out before expires on its
 * own time.
 *
 * <p><b>Retention.</b> Finished jobs (Succeeded, Failed, TimedOut) are kept up to
 * {@link Settings#retainedFinishedJobs()}; beyond it the oldest finished are forgotten, and the artifact locations no
 * kept job names are handed to {@link #onArtifactsForgotten} for deletion, so that a long run's memory stays bounded.
 * Queued and running jobs are never forgotten.
 *
 * <p><b>Thread safety: one lock</b> (this object's monitor) guards all state. Every operation is a handful of map
 * and set operations (microseconds), so 32 pollers queue on the lock only briefly; in exchange the invariants that
 * make dispatch exactly-once hold trivially: a job is in at most one queue, its status, nonce and queue membership
 * change together, and a continuation job is queued in the same step that completes its parent. Per-action-type
 * locks would still need a global job-id index (results and acknowledgements name only the job), and with it a
 * lock order; that complexity buys nothing at test-tool scale.
 *
 * <pre>{@code
 * JobStore store = new JobStore(JobStore.Settings.defaults(clock));
 * store.enqueueCustom(job);
 * Job dispatched = store.pollCustom(type, 1, Map.of()).get(0);
 * store.acknowledge(Operation.ACKNOWLEDGE_JOB, dispatched.id(), dispatched.nonce(), null);
 * store.putSuccess(Operation.PUT_JOB_SUCCESS_RESULT, dispatched.id(), null, revision, null, null, Map.of());
 * }</pre>
 */
public final class JobStore implements ArtifactGrants {

    /** How long a dispatched job waits for its acknowledgement before it is queued again, unless set. */
    public static final Duration DEFAULT_DISPATCH_TIMEOUT = Duration.ofMinutes(1);
    /** How long a custom action may run, across its continuation jobs ("Custom actions: 24 hours", quotas). */
    public static final Duration CUSTOM_ACTION_TIMEOUT = Duration.ofHours(24);
    /** How long a partner action may run, across its continuation jobs ("All other actions: 1 hour", quotas). */
    public static final Duration PARTNER_ACTION_TIMEOUT = Duration.ofHours(1);
    /** How long a Lambda invoke action may run, across its continuation jobs ("AWS Lambda invoke action: 20 minutes"). */
    public static final Duration LAMBDA_ACTION_TIMEOUT = Duration.ofMinutes(20);
    /** AWS's limit on the combined size of an action's output variables. */
    public static final int OUTPUT_VARIABLES_LIMIT_BYTES = 122_880;
    /** How long artifact credentials work after they were handed out: an STS session's default hour. */
    public static final Duration DEFAULT_ARTIFACT_CREDENTIALS_LIFETIME = Duration.ofHours(1);
    /** How many finished jobs the store keeps unless told otherwise. */
    public static final int DEFAULT_RETAINED_FINISHED_JOBS = 10_000;

    /**
     * How the store behaves.
     *
     * @param clock                    where time comes from
     * @param dispatchTimeout          how long a dispatched job waits for its acknowledgement
     * @param jobTimeout               how long any acknowledged job may run, or {@code null} for no limit of the
     *                                 job's own (an action type's own timeout still wins); the action timeout of the
     *                                 job's owner ({@link #actionTimeout}) applies either way
     * @param outputVariablesLimitBytes the combined size (UTF-8 bytes of keys and values) output variables may have
     * @param artifactCredentialsLifetime how long a job's artifact credentials work after they were handed out
     * @param jobIds                   makes the ids of continuation jobs
     * @param retainedFinishedJobs     how many finished jobs (Succeeded, Failed, TimedOut) are kept; beyond it the
     *                                 oldest finished are forgotten, with the artifacts no kept job uses
     */
    public record Settings(Clock clock, Duration dispatchTimeout, Duration jobTimeout, int outputVariablesLimitBytes,
            Duration artifactCredentialsLifetime, Supplier<String> jobIds, int retainedFinishedJobs) {
        public Settings {
            if (retainedFinishedJobs < 1) {
                throw new IllegalArgumentException("retainedFinishedJobs must be 1 or more, but was "
                        + retainedFinishedJobs);
            }
            Objects.requireNonNull(clock, "clock");
            Objects.requireNonNull(dispatchTimeout, "dispatchTimeout");
            Objects.requireNonNull(artifactCredentialsLifetime, "artifactCredentialsLifetime");
            Objects.requireNonNull(jobIds, "jobIds");
            if (dispatchTimeout.isNegative() || dispatchTimeout.isZero()) {
                throw new IllegalArgumentException("dispatchTimeout must be positive, but was " + dispatchTimeout);
            }
            if (jobTimeout != null && (jobTimeout.isNegative() || jobTimeout.isZero())) {
                throw new IllegalArgumentException("jobTimeout must be positive, but was " + jobTimeout);
            }
            if (artifactCredentialsLifetime.isNegative() || artifactCredentialsLifetime.isZero()) {
                throw new IllegalArgumentException("artifactCredentialsLifetime must be positive, but was "
                        + artifactCredentialsLifetime);
            }
            if (outputVariablesLimitBytes < 0) {
                throw new IllegalArgumentException("outputVariablesLimitBytes must be zero or more, but was "
                        + outputVariablesLimitBytes);
            }
        }

        /** Settings that keep {@link #DEFAULT_RETAINED_FINISHED_JOBS} finished jobs. */
        public Settings(Clock clock, Duration dispatchTimeout, Duration jobTimeout, int outputVariablesLimitBytes,
                Duration artifactCredentialsLifetime, Supplier<String> jobIds) {
            this(clock, dispatchTimeout, jobTimeout, outputVariablesLimitBytes, artifactCredentialsLifetime, jobIds,
                    DEFAULT_RETAINED_FINISHED_JOBS);
        }

        /** The defaults on {@code clock}, with random UUIDs for new job ids. */
        public static Settings defaults(Clock clock) {
            return new Settings(clock, DEFAULT_DISPATCH_TIMEOUT, null, OUTPUT_VARIABLES_LIMIT_BYTES,
                    DEFAULT_ARTIFACT_CREDENTIALS_LIFETIME, () -> UUID.randomUUID().toString());
        }
    }

    /** The jobs of one action type waiting to be polled, and those dispatched and not yet acknowledged. */
    private static final class Queues {
        final NavigableSet<StoredJob> queued = new TreeSet<>(Comparator.comparingLong(j -> j.sequence));
        final LinkedHashSet<StoredJob> dispatched = new LinkedHashSet<>();
    }

    private final Settings settings;
    private final Map<String, StoredJob> jobs = new LinkedHashMap<>();
    /** The queues of each action type that had jobs; which types exist, and their settings, is the control plane's. */
    private final Map<ActionTypeId, Queues> actionTypes = new HashMap<>();
    private final ControlPlane controlPlane;
    private final Map<String, String> clientTokens = new HashMap<>();
    /** The most recently queued job whose artifactCredentials have this access key id. */
    private final Map<String, StoredJob> byAccessKeyId = new HashMap<>();
    /** The credentials handed out on renewal (a job's details fetched again), by access key id. */
    private final Map<String, RenewedSet> renewed = new HashMap<>();
    /** Finished jobs (Succeeded, Failed, TimedOut), oldest first: forgotten in this order beyond the limit. */
    private final ArrayDeque<StoredJob> finished = new ArrayDeque<>();
    /** How many kept jobs name each artifact location; a location no kept job names is forgotten. */
    private final Map<S3ArtifactLocation, Integer> artifactUses = new HashMap<>();
    private Consumer<List<S3ArtifactLocation>> artifactsForgotten = locations -> { };
    private Runnable beforeEachCall = () -> { };
    private Consumer<StartedJob> awsJobStarted = job -> { };
    private long forgotten;
    private long endedJobs;
    private long sequence;
    private long nonces;
    /** How many renewed sets of artifact credentials the store has handed out. */
    private long renewals;

    /** A store with a control plane of its own (the default account and Region, on the store's clock). */
    public JobStore(Settings settings) {
        this(settings, new ControlPlane(settings.clock(), ControlPlaneScope.DEFAULT, ControlPlaneQuotas.DEFAULT));
    }

    /**
     * A store whose action types are those of {@code controlPlane}: the one registry of the mock, so that a type made
     * by CreateCustomActionType, by {@link #registerActionType} or by a queued job is the same type to PollForJobs, to
     * job timeouts and to the queryable property check. The store calls the control plane while holding its own
     * lock; the control plane never calls the store.
     */
    public JobStore(Settings settings, ControlPlane controlPlane) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.controlPlane = Objects.requireNonNull(controlPlane, "controlPlane");
    }

    /** The control plane whose action types the store's jobs are of. */
    public ControlPlane controlPlane() {
        return controlPlane;
    }

    /** The clock the store reads. */
    public Clock clock() {
        return settings.clock();
    }

    /**
     * Where the artifact locations of forgotten jobs go (that no kept job names any more), so that their objects
     * are deleted too; called under the store's lock, so it must not call back into the store.
     */
    public synchronized void onArtifactsForgotten(Consumer<List<S3ArtifactLocation>> listener) {
        this.artifactsForgotten = Objects.requireNonNull(listener, "listener");
    }

    /**
     * What runs, under the store's lock, before every poll, job call and inspection: how the pipeline engine, which
     * queues jobs from the results of others, catches up before a worker looks. It may call back into the store
     * (the lock is reentrant): the hook must then guard against running inside itself.
     */
    public synchronized void beforeEachCall(Runnable hook) {
        this.beforeEachCall = Objects.requireNonNull(hook, "hook");
    }

    /**
     * How many jobs have ended (Succeeded, Failed, TimedOut) since the store was made: what the pipeline engine
     * compares to know whether a job it waits for may have ended since it last looked.
     */
    public synchronized long endedJobs() {
        return endedJobs;
    }

    /**
     * A job CodePipeline works itself (owner AWS: a Lambda invoke job), as it starts: queued, or continuing an
     * action whose job succeeded with a continuation token.
     *
     * @param jobId     the job's id
     * @param data      its data (a continuation's with its {@code continuationToken})
     * @param accountId its account, or {@code null}
     */
    public record StartedJob(String jobId, JobData data, String accountId) {}

    /**
     * Who is told of every AWS-owned job as it starts (the mock's Lambda functions invoke the function it names);
     * called under the store's lock, so it must not call back into the store.
     */
    public synchronized void onAwsJobStarted(Consumer<StartedJob> listener) {
        this.awsJobStarted = Objects.requireNonNull(listener, "listener");
    }

    /** How many finished jobs were forgotten since the store was made or reset, to keep its retention limit. */
    public synchronized long forgottenJobs() {
        return forgotten;
    }

    // ---------------------------------------------------------------- setup

    /** Makes an action type known (polls for it answer, possibly with no jobs), or changes its settings. */
    public synchronized void registerActionType(ActionTypeId type, ActionTypeSettings typeSettings) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(typeSettings, "typeSettings");
        for (StoredJob job : jobs.values()) { // the jobs still to run must fit a new queryable property
            if (job.actionTypeId.equals(type) && (job.status == JobStatus.QUEUED
                    || job.status == JobStatus.DISPATCHED || job.status == JobStatus.IN_PROGRESS)) {
                JobLimits.checkQueryable(job.id, job.data, typeSettings);
            }
        }
        controlPlane.registerActionType(type, typeSettings);
    }

    /**
     * Registers the clientToken third-party calls must present for {@code clientId}; registering the same pair
     * again is harmless, another token for a registered client is an {@link IllegalArgumentException}.
     */
    public synchronized void registerClient(String clientId, String clientToken) {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(clientToken, "clientToken");
        String known = clientTokens.putIfAbsent(clientId, clientToken);
        if (known != null && !known.equals(clientToken)) {
            throw new IllegalArgumentException("clientId " + clientId + " is already registered with another"
                    + " clientToken; a client has one token: use the same token, or reset() the mock first");
        }
    }

    /** Queues a partner-action job and registers its clientId/clientToken pair; returns its id. */
    public synchronized String enqueueThirdParty(FakeThirdPartyJob job) {
        Objects.requireNonNull(job, "job");
        ThirdPartyJobDetails details = job.details();
        requireData(details.id(), details.data());
        ActionTypeId type = details.data().actionTypeId();
        if (type.owner() != ActionOwner.THIRD_PARTY) {
            throw new IllegalArgumentException("a FakeThirdPartyJob must have actionTypeId.owner ThirdParty, but job "
                    + details.id() + " has " + type.owner().wire() + "; queue custom and Lambda jobs as FakeCustomJob");
        }
        requireNewId(details.id());
        requireQueryable(details.id(), details.data());
        registerClient(job.clientId(), job.clientToken());
        add(new StoredJob(details.id(), Family.THIRD_PARTY, job.clientId(), type, details.data(), null,
                job.artifacts(), ++sequence, details.nonce(), null));
        return details.id();
    }

    /**
     * Queues a custom-action job (owner Custom), or starts a Lambda invoke job (owner AWS: CodePipeline invokes the
     * function itself, so the job is InProgress at once and never polled); returns its id.
     */
    public synchronized String enqueueCustom(FakeCustomJob custom) {
        Objects.requireNonNull(custom, "custom");
        Job job = custom.job();
        requireData(job.id(), job.data());
        ActionTypeId type = job.data().actionTypeId();
        if (type.owner() == ActionOwner.THIRD_PARTY) {
            throw new IllegalArgumentException("a FakeCustomJob must have actionTypeId.owner Custom (or AWS for a"
                    + " Lambda invoke job), but job " + job.id() + " has ThirdParty; queue partner jobs as"
                    + " FakeThirdPartyJob");
        }
        requireNewId(job.id());
        requireQueryable(job.id(), job.data());
        add(new StoredJob(job.id(), Family.CUSTOM, null, type, job.data(), job.accountId(), custom.artifacts(),
                ++sequence, job.nonce(), null));
        return job.id();
    }

    private static void requireData(String id, JobData data) {
        if (id == null || data == null || data.actionTypeId() == null) {
            throw new IllegalArgumentException("a job needs an id and data with an actionTypeId, but was id=" + id
                    + ", data " + (data == null ? "missing" : "without actionTypeId"));
        }
        ArtifactGrant.forJob(id, data, Instant.MAX); // its artifacts must lie in one bucket: fail here, not in S3
        JobLimits.check(id, data);
    }

    /** A job of a type with a queryable property must carry a valid value for it. */
    private void requireQueryable(String id, JobData data) {
        controlPlane.jobSettings(data.actionTypeId()).ifPresent(known -> JobLimits.checkQueryable(id, data, known));
    }

    private void requireNewId(String id) {
        if (jobs.containsKey(id)) {
            throw new IllegalArgumentException("job id " + id + " is already queued in this mock; give each job its"
                    + " own id, or reset() the mock first");
        }
    }

    /** A job's own timeout: its action type's {@code jobTimeout}, else the builder's, else none ({@code null}). */
    private Duration jobTimeout(StoredJob job) {
        long changes = controlPlane.actionTypeChanges();
        if (job.jobTimeoutAt != changes) { // first asked, or the action types changed since
            job.jobTimeout = controlPlane.jobSettings(job.actionTypeId).map(ActionTypeSettings::jobTimeout)
                    .orElse(settings.jobTimeout());
            job.jobTimeoutAt = changes;
        }
        return job.jobTimeout;
    }

    /** The action timeout of the quotas page for an owner: it counts for the action, across its jobs. */
    public static Duration actionTimeout(ActionOwner owner) {
        return switch (owner) {
            case CUSTOM -> CUSTOM_ACTION_TIMEOUT;
            case THIRD_PARTY -> PARTNER_ACTION_TIMEOUT;
            case AWS -> LAMBDA_ACTION_TIMEOUT;
        };
    }

    /** Whether a job has run out of time: its own job timeout, or its action's timeout across its jobs. */
    private boolean outOfTime(StoredJob job, Instant now) {
        if (job.actionStartedAt != null
                && !now.isBefore(job.actionStartedAt.plus(actionTimeout(job.actionTypeId.owner())))) {
            return true;
        }
        Duration own = jobTimeout(job);
        return job.status == JobStatus.IN_PROGRESS && own != null && !now.isBefore(job.startedAt.plus(own));
    }

    private void add(StoredJob job) {
        jobs.put(job.id, job);
        for (S3ArtifactLocation location : locations(job.data)) {
            artifactUses.merge(location, 1, Integer::sum);
        }
        job.credentialsIssuedAt = settings.clock().instant();
        if (job.data.artifactCredentials() != null) {
            byAccessKeyId.put(job.data.artifactCredentials().accessKeyId(), job);
        }
        controlPlane.knowActionType(job.actionTypeId);
        Queues type = actionTypes.computeIfAbsent(job.actionTypeId, t -> new Queues());
        if (job.actionTypeId.owner() == ActionOwner.AWS) {
            job.status = JobStatus.IN_PROGRESS;
            job.startedAt = settings.clock().instant();
            if (job.actionStartedAt == null) {
                job.actionStartedAt = job.startedAt; // CodePipeline invokes the function as the action starts
            }
            job.nonce = nextNonce(job);
            awsJobStarted.accept(new StartedJob(job.id, job.data, job.accountId));
        } else {
            type.queued.add(job);
        }
    }

    /** Forgets every job, action type and client; the control plane forgets its pipelines and action types too. */
    public synchronized void reset() {
        jobs.clear();
        actionTypes.clear();
        controlPlane.reset();
        clientTokens.clear();
        byAccessKeyId.clear();
        renewed.clear();
        finished.clear();
        artifactUses.clear();
        forgotten = 0;
    }

    /** Records that a job has finished, and forgets the oldest finished jobs beyond the retention limit. */
    private void finished(StoredJob job) {
        endedJobs++;
        finished.addLast(job);
        List<S3ArtifactLocation> unused = new ArrayList<>();
        while (finished.size() > settings.retainedFinishedJobs()) {
            StoredJob oldest = finished.removeFirst();
            jobs.remove(oldest.id);
            forgotten++;
            if (oldest.data.artifactCredentials() != null) {
                byAccessKeyId.remove(oldest.data.artifactCredentials().accessKeyId(), oldest);
                oldest.renewedKeys.forEach(renewed::remove);
            }
            for (S3ArtifactLocation location : locations(oldest.data)) {
                if (artifactUses.merge(location, -1, Integer::sum) <= 0) {
                    artifactUses.remove(location);
                    unused.add(location);
                }
            }
        }
        if (!unused.isEmpty()) {
            artifactsForgotten.accept(unused);
        }
    }

    private static List<S3ArtifactLocation> locations(JobData data) {
        List<S3ArtifactLocation> locations = new ArrayList<>();
        for (List<Artifact> artifacts : Arrays.asList(data.inputArtifacts(), data.outputArtifacts())) {
            if (artifacts != null) {
                for (Artifact artifact : artifacts) {
                    if (artifact.location() != null && artifact.location().s3Location() != null) {
                        locations.add(artifact.location().s3Location());
                    }
                }
            }
        }
        return locations;
    }

    // ---------------------------------------------------------------- polling

    /** PollForThirdPartyJobs: dispatches up to {@code maxBatchSize} jobs, with their current nonce. */
    public synchronized List<FakeThirdPartyJob> pollThirdParty(ActionTypeId type, int maxBatchSize) {
        List<FakeThirdPartyJob> polled = new ArrayList<>();
        for (StoredJob job : dispatch(Operation.POLL_FOR_THIRD_PARTY_JOBS, type, maxBatchSize, Map.of())) {
            polled.add(new FakeThirdPartyJob(job.clientId, clientTokens.get(job.clientId),
                    new ThirdPartyJobDetails(job.id, job.data, job.nonce), job.artifacts));
        }
        return polled;
    }

    /** PollForJobs: dispatches up to {@code maxBatchSize} jobs matching {@code queryParam}. */
    public synchronized List<Job> pollCustom(ActionTypeId type, int maxBatchSize, Map<String, String> queryParam) {
        List<Job> polled = new ArrayList<>();
        for (StoredJob job : dispatch(Operation.POLL_FOR_JOBS, type, maxBatchSize, queryParam)) {
            // PollForJobs answers the job's data, credentials included
            polled.add(new Job(job.id, handOut(job, settings.clock().instant()), job.nonce, job.accountId));
        }
        return polled;
    }

    private List<StoredJob> dispatch(Operation poll, ActionTypeId typeId, int maxBatchSize,
            Map<String, String> queryParam) {
        beforeEachCall.run();
        ActionOwner owner = poll.family() == Family.THIRD_PARTY ? ActionOwner.THIRD_PARTY : ActionOwner.CUSTOM;
        if (typeId.owner() != owner) {
            throw new AwsException(VALIDATION, poll.operationName() + " is valid only for action types with owner "
                    + owner.wire() + ", but actionTypeId.owner was " + typeId.owner().wire());
        }
        Optional<ActionTypeSettings> known = controlPlane.jobSettings(typeId);
        if (known.isEmpty()) {
            throw new AwsException(ACTION_TYPE_NOT_FOUND, AwsError.actionTypeNotAvailable(typeId.category().wire(),
                    typeId.owner().wire(), typeId.provider(), typeId.version()) + ". (The mock knows an action type"
                    + " once a job of it is queued or it is registered: registerActionType, CreateCustomActionType,"
                    + " POST action-types.)");
        }
        checkQuery(known.get(), queryParam);
        Queues type = actionTypes.computeIfAbsent(typeId, t -> new Queues());
        Instant now = settings.clock().instant();
        requeueExpired(type, now);
        List<StoredJob> dispatched = new ArrayList<>();
        List<StoredJob> outOfTime = new ArrayList<>();
        for (Iterator<StoredJob> it = type.queued.iterator(); it.hasNext() && dispatched.size() < maxBatchSize; ) {
            StoredJob job = it.next();
            if (outOfTime(job, now)) { // a continuation job whose action ran out of time is never dispatched
                outOfTime.add(job);
                continue;
            }
            if (!matches(job, queryParam)) {
                continue;
            }
            it.remove();
            job.status = JobStatus.DISPATCHED;
            job.nonce = nextNonce(job);
            job.dispatchedAt = now;
            job.dispatches++;
            type.dispatched.add(job);
            job.record(poll, now, null);
            dispatched.add(job);
        }
        outOfTime.forEach(job -> refresh(job, now));
        return dispatched;
    }

    private static void checkQuery(ActionTypeSettings typeSettings, Map<String, String> queryParam) {
        String queryable = typeSettings.queryableProperty();
        if (queryable == null && !queryParam.isEmpty()) {
            throw new AwsException(VALIDATION, "queryParam must be absent or empty for an action type with no"
                    + " queryable property, but it had " + queryParam.keySet());
        }
        if (queryable != null && !queryParam.containsKey(queryable)) {
            throw new AwsException(VALIDATION, "queryParam must have the action type's queryable property '"
                    + queryable + "' as its key, but it had " + queryParam.keySet());
        }
    }

    private static boolean matches(StoredJob job, Map<String, String> queryParam) {
        if (queryParam.isEmpty()) {
            return true;
        }
        Map<String, String> configuration = job.data.actionConfiguration() == null ? null
                : job.data.actionConfiguration().configuration();
        if (configuration == null) {
            return false;
        }
        for (Map.Entry<String, String> entry : queryParam.entrySet()) {
            if (!entry.getValue().equals(configuration.get(entry.getKey()))) {
                return false;
            }
        }
        return true;
    }

    private String nextNonce(StoredJob job) {
        if (job.dispatches == 0 && job.initialNonce != null) {
            return job.initialNonce;
        }
        String nonce;
        do {
            nonce = Long.toString(++nonces);
        } while (nonce.equals(job.nonce) || nonce.equals(job.initialNonce));
        return nonce;
    }

    private void requeueExpired(Queues type, Instant now) {
        for (StoredJob job : List.copyOf(type.dispatched)) {
            refresh(job, now);
        }
    }

    /** Applies the timeouts that have passed by {@code now}. */
    private void refresh(StoredJob job, Instant now) {
        if (job.status == JobStatus.DISPATCHED
                && !now.isBefore(job.dispatchedAt.plus(settings.dispatchTimeout()))) {
            Queues type = actionTypes.get(job.actionTypeId);
            type.dispatched.remove(job);
            type.queued.add(job);
            job.status = JobStatus.QUEUED;
        }
        if ((job.status == JobStatus.QUEUED || job.status == JobStatus.DISPATCHED
                || job.status == JobStatus.IN_PROGRESS) && outOfTime(job, now)) {
            Queues type = actionTypes.get(job.actionTypeId);
            type.queued.remove(job);
            type.dispatched.remove(job);
            job.status = JobStatus.TIMED_OUT;
            finished(job);
        }
    }

    // ---------------------------------------------------------------- job calls

    /** GetThirdPartyJobDetails: the details with the current nonce, once the job has been dispatched. */
    public synchronized ThirdPartyJobDetails thirdPartyJobDetails(String jobId, String clientToken) {
        Served served = servedThirdPartyJobDetails(jobId, clientToken);
        return new ThirdPartyJobDetails(served.jobId(), served.data(), served.nonce());
    }

    /** GetJobDetails: the job in whatever state it is (its nonce is left out of the answer by the caller). */
    public synchronized Job jobDetails(String jobId) {
        Served served = servedJobDetails(jobId);
        return new Job(served.jobId(), served.data(), served.nonce(), served.accountId());
    }

    /**
     * What a details answer serves: the job's data as stored (the same instance for the job's whole life) and the
     * artifact credentials this answer hands out, which are the stored ones the first time and a renewed set after
     * that. The protocol edge keeps the checked text of an answer per stored state and puts each answer's
     * credentials into it ({@link CheckedAnswers}).
     *
     * @param jobId       the job's id
     * @param stored      the job's data as stored
     * @param credentials the artifact credentials this answer carries, {@code null} when the job has none
     * @param nonce       the nonce of the job's current dispatch, or {@code null}
     * @param accountId   the job's account id (custom jobs), or {@code null}
     */
    record Served(String jobId, JobData stored, AwsSessionCredentials credentials, String nonce, String accountId) {

        /** The data the answer carries: the stored data with this answer's credentials. */
        JobData data() {
            return credentials == null || credentials == stored.artifactCredentials() ? stored
                    : stored.withArtifactCredentials(credentials);
        }
    }

    /** {@link #thirdPartyJobDetails}, as the protocol edge serves it. */
    synchronized Served servedThirdPartyJobDetails(String jobId, String clientToken) {
        return onJob(Operation.GET_THIRD_PARTY_JOB_DETAILS, jobId, clientToken, job -> {
            if (job.status == JobStatus.QUEUED) {
                throw new AwsException(INVALID_JOB, "Job " + jobId + " is not dispatched to a job worker: it is "
                        + JobStatus.QUEUED.wire() + "; poll for it first");
            }
            return new Served(job.id, job.data, handOutCredentials(job, settings.clock().instant()), job.nonce,
                    null);
        });
    }

    /** {@link #jobDetails}, as the protocol edge serves it. */
    synchronized Served servedJobDetails(String jobId) {
        return onJob(Operation.GET_JOB_DETAILS, jobId, null, job -> new Served(job.id, job.data,
                handOutCredentials(job, settings.clock().instant()), job.nonce, job.accountId));
    }

    /**
     * AcknowledgeJob and AcknowledgeThirdPartyJob: with the nonce of the job's current dispatch, a Dispatched job
     * becomes InProgress. A job already claimed (acknowledged: InProgress, Succeeded or Failed) is
     * InvalidNonceException, as the user guide says of a job "another job worker has already claimed"; so is any
     * other nonce, and a job not dispatched. A TimedOut job answers TimedOut (a late acknowledge learns the job is
     * gone, as the answer's status values allow).
     */
    public synchronized JobStatus acknowledge(Operation operation, String jobId, String nonce, String clientToken) {
        return onJob(operation, jobId, clientToken, job -> {
            if (job.status == JobStatus.QUEUED) {
                throw new AwsException(INVALID_NONCE, "Nonce is not valid for job " + jobId + ": the job is not"
                        + " dispatched (it is " + JobStatus.QUEUED.wire() + ")");
            }
            if (!nonce.equals(job.nonce)) {
                throw new AwsException(INVALID_NONCE, "Nonce " + nonce + " is not valid for job " + jobId
                        + ": it does not match the nonce of the job's current dispatch");
            }
            if (job.status == JobStatus.TIMED_OUT) {
                return job.status; // the one status that tells a worker to drop the job: AcknowledgeJob's answer
            }
            if (job.status != JobStatus.DISPATCHED) {
                // "another job worker has already claimed the job": the user guide's custom action page
                throw new AwsException(INVALID_NONCE, "Nonce " + nonce + " is not valid for job " + jobId + ": the"
                        + " job was already claimed by an acknowledge and is " + job.status.wire() + "; only the"
                        + " worker whose acknowledge answered InProgress works on it");
            }
            actionTypes.get(job.actionTypeId).dispatched.remove(job);
            job.status = JobStatus.IN_PROGRESS;
            job.startedAt = settings.clock().instant();
            if (job.actionStartedAt == null) {
                job.actionStartedAt = job.startedAt; // the action's time counts from its first job's acknowledge
            }
            return job.status;
        });
    }

    /**
     * PutJobSuccessResult and PutThirdPartyJobSuccessResult on an InProgress job. With a continuation token the
     * job succeeds and a new job for the same action is queued with {@code data.continuationToken} set.
     */
    public synchronized JobResult.Success putSuccess(Operation operation, String jobId, String clientToken,
            CurrentRevision currentRevision, ExecutionDetails executionDetails, String continuationToken,
            Map<String, String> outputVariables) {
        Map<String, String> variables = outputVariables == null ? Map.of() : outputVariables;
        if (continuationToken != null && !variables.isEmpty()) {
            throw new AwsException(VALIDATION, "outputVariables can be included only when there is no"
                    + " continuationToken on the request");
        }
        return onJob(operation, jobId, clientToken, job -> {
            requireInProgress(job);
            int size = size(variables);
            if (size > settings.outputVariablesLimitBytes()) {
                throw new AwsException(OUTPUT_VARIABLES_SIZE_EXCEEDED, "Output variables of job " + jobId
                        + " total " + size + " bytes; the limit for all output variables of an action is "
                        + settings.outputVariablesLimitBytes() + " bytes");
            }
            String next = continuationToken == null ? null : continueAction(job, continuationToken);
            Instant now = settings.clock().instant();
            JobResult.Success success = new JobResult.Success(now, currentRevision, executionDetails,
                    continuationToken, variables, next);
            job.status = JobStatus.SUCCEEDED;
            job.result = success;
            finished(job);
            return success;
        });
    }

    /** PutJobFailureResult and PutThirdPartyJobFailureResult on an InProgress job. */
    public synchronized JobResult.Failure putFailure(Operation operation, String jobId, String clientToken,
            FailureDetails failureDetails) {
        return onJob(operation, jobId, clientToken, job -> {
            requireInProgress(job);
            JobResult.Failure failure = new JobResult.Failure(settings.clock().instant(), failureDetails);
            job.status = JobStatus.FAILED;
            job.result = failure;
            finished(job);
            return failure;
        });
    }

    /**
     * Fails an InProgress job on CodePipeline's side, not through a worker's call (none is recorded): what the mock
     * does with a Lambda job whose function's event was discarded, when the function is set to fail its job then.
     * Answers whether it did: a job that is not InProgress (it has its result, or timed out) is left alone.
     */
    public synchronized boolean failInProgress(String jobId, FailureDetails failureDetails) {
        Objects.requireNonNull(failureDetails, "failureDetails");
        StoredJob job = jobs.get(jobId);
        if (job == null) {
            return false;
        }
        refresh(job, settings.clock().instant());
        if (job.status != JobStatus.IN_PROGRESS) {
            return false;
        }
        job.status = JobStatus.FAILED;
        job.result = new JobResult.Failure(settings.clock().instant(), failureDetails);
        finished(job);
        return true;
    }

    private static void requireInProgress(StoredJob job) {
        if (job.status != JobStatus.IN_PROGRESS) {
            throw new AwsException(INVALID_JOB_STATE, "Job " + job.id + " is " + job.status.wire()
                    + "; a result can be put only on a job that is " + JobStatus.IN_PROGRESS.wire());
        }
    }

    private static int size(Map<String, String> variables) {
        int size = 0;
        for (Map.Entry<String, String> entry : variables.entrySet()) {
            size += entry.getKey().getBytes(StandardCharsets.UTF_8).length
                    + entry.getValue().getBytes(StandardCharsets.UTF_8).length;
        }
        return size;
    }

    private String continueAction(StoredJob parent, String continuationToken) {
        String id;
        do {
            id = settings.jobIds().get();
        } while (jobs.containsKey(id));
        StoredJob next = new StoredJob(id, parent.family, parent.clientId, parent.actionTypeId,
                parent.data.withContinuationToken(continuationToken), parent.accountId, parent.artifacts,
                ++sequence, null, parent.id);
        next.actionStartedAt = parent.actionStartedAt; // one action: its timeout runs on across its jobs
        add(next);
        return id;
    }

    /**
     * Finds the job (JobNotFoundException when absent or of the other family), checks the client token of a
     * third-party job, applies timeouts, runs {@code action} and records the call with its outcome.
     */
    private <T> T onJob(Operation operation, String jobId, String clientToken, Function<StoredJob, T> action) {
        beforeEachCall.run();
        StoredJob job = jobs.get(jobId);
        if (job == null || job.family != operation.family()) {
            throw new AwsException(JOB_NOT_FOUND, "Job " + jobId + " not found");
        }
        Instant now = settings.clock().instant();
        try {
            if (operation.family() == Family.THIRD_PARTY && !clientTokens.get(job.clientId).equals(clientToken)) {
                throw new AwsException(INVALID_CLIENT_TOKEN, "The client token is not valid for job " + jobId);
            }
            refresh(job, now);
            T answer = action.apply(job);
            job.record(operation, now, null);
            return answer;
        } catch (AwsException refusal) {
            job.record(operation, now, refusal.error());
            throw refusal;
        }
    }

    // ---------------------------------------------------------------- inspection

    /** The job now, or empty. */
    public synchronized Optional<JobSnapshot> snapshot(String jobId) {
        beforeEachCall.run();
        StoredJob job = jobs.get(jobId);
        if (job == null) {
            return Optional.empty();
        }
        refresh(job, settings.clock().instant());
        return Optional.of(job.snapshot());
    }

    /** Every job now, in the order they were queued. */
    public synchronized List<JobSnapshot> snapshots() {
        beforeEachCall.run();
        Instant now = settings.clock().instant();
        List<JobSnapshot> all = new ArrayList<>(jobs.size());
        for (StoredJob job : List.copyOf(jobs.values())) { // a time-out may forget the oldest finished jobs
            refresh(job, now);
            if (jobs.containsKey(job.id)) {
                all.add(job.snapshot());
            }
        }
        return all;
    }

    /**
     * The grant of the most recently queued job whose {@code artifactCredentials} have this access key id, expiring
     * {@link Settings#artifactCredentialsLifetime()} after they were last handed out; empty when no job has the key:
     * how the artifact store finds the job behind a signed S3 request.
     */
    @Override
    public synchronized Optional<ArtifactGrant> grantFor(String accessKeyId) {
        RenewedSet set = renewed.get(accessKeyId);
        if (set != null) {
            return ArtifactGrant.forJob(set.job().id, set.job().data.withArtifactCredentials(set.credentials()),
                    set.issuedAt().plus(settings.artifactCredentialsLifetime()));
        }
        StoredJob job = byAccessKeyId.get(accessKeyId);
        if (job == null) {
            return Optional.empty();
        }
        return ArtifactGrant.forJob(job.id, job.data,
                job.credentialsIssuedAt.plus(settings.artifactCredentialsLifetime()));
    }

    // ---------------------------------------------------------------- credentials

    /** A set of artifact credentials handed out on renewal, expiring a lifetime after {@code issuedAt}. */
    private record RenewedSet(StoredJob job, AwsSessionCredentials credentials, Instant issuedAt) {}

    /** How many renewed sets a job keeps; older ones are forgotten (their key is then unknown to the bucket). */
    static final int RENEWED_SETS_KEPT = 1_000;

    /**
     * The job's data as an answer hands it out. The first answer that carries credentials hands out the job's own
     * set, working a lifetime from then; every later one issues a new set (the API reference: "a long-running job
     * can call GetJobDetails again to obtain new credentials"), while the sets handed out before keep working until
     * their own expiry.
     */
    private JobData handOut(StoredJob job, Instant now) {
        AwsSessionCredentials credentials = handOutCredentials(job, now);
        return credentials == job.data.artifactCredentials() ? job.data : job.data.withArtifactCredentials(credentials);
    }

    /** The artifact credentials an answer serving {@code job} hands out: the stored set first, then a new one. */
    private AwsSessionCredentials handOutCredentials(StoredJob job, Instant now) {
        if (job.data.artifactCredentials() == null) {
            return null;
        }
        if (!job.credentialsHandedOut) {
            job.credentialsHandedOut = true;
            job.credentialsIssuedAt = now;
            return job.data.artifactCredentials();
        }
        AwsSessionCredentials fresh;
        do { // a key no job holds: the bucket finds the job by it
            fresh = RenewedCredentials.number(++renewals);
        } while (renewed.containsKey(fresh.accessKeyId()) || byAccessKeyId.containsKey(fresh.accessKeyId()));
        renewed.put(fresh.accessKeyId(), new RenewedSet(job, fresh, now));
        job.renewedKeys.addLast(fresh.accessKeyId());
        if (job.renewedKeys.size() > RENEWED_SETS_KEPT) {
            renewed.remove(job.renewedKeys.removeFirst());
        }
        return fresh;
    }
}
