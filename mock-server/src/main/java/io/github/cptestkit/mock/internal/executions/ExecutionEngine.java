package io.github.cptestkit.mock.internal.executions;

import static io.github.cptestkit.schemas.AwsError.ACTION_NOT_FOUND;
import static io.github.cptestkit.schemas.AwsError.APPROVAL_ALREADY_COMPLETED;
import static io.github.cptestkit.schemas.AwsError.CONFLICT;
import static io.github.cptestkit.schemas.AwsError.DUPLICATED_STOP_REQUEST;
import static io.github.cptestkit.schemas.AwsError.INVALID_APPROVAL_TOKEN;
import static io.github.cptestkit.schemas.AwsError.NOT_LATEST_PIPELINE_EXECUTION;
import static io.github.cptestkit.schemas.AwsError.PIPELINE_EXECUTION_NOT_FOUND;
import static io.github.cptestkit.schemas.AwsError.PIPELINE_EXECUTION_NOT_STOPPABLE;
import static io.github.cptestkit.schemas.AwsError.PIPELINE_NOT_FOUND;
import static io.github.cptestkit.schemas.AwsError.STAGE_NOT_FOUND;
import static io.github.cptestkit.schemas.AwsError.STAGE_NOT_RETRYABLE;
import static io.github.cptestkit.schemas.AwsError.VALIDATION;

import io.github.cptestkit.mock.executions.ActionExecutionSnapshot;
import io.github.cptestkit.mock.executions.ActionExecutionStatus;
import io.github.cptestkit.mock.executions.ExecutionStart;
import io.github.cptestkit.mock.executions.ExecutionStart.SourceRevisionOverride;
import io.github.cptestkit.mock.executions.PipelineExecutionSnapshot;
import io.github.cptestkit.mock.executions.PipelineExecutionStatus;
import io.github.cptestkit.mock.executions.SimulatedAction;
import io.github.cptestkit.mock.executions.StageExecutionStatus;
import io.github.cptestkit.mock.internal.codepipeline.AwsException;
import io.github.cptestkit.mock.internal.pipelines.ActionTypeCatalog;
import io.github.cptestkit.mock.internal.pipelines.ControlPlaneScope;
import io.github.cptestkit.mock.internal.pipelines.Page;
import io.github.cptestkit.mock.internal.pipelines.VariableReference;
import io.github.cptestkit.mock.jobs.JobResult;
import io.github.cptestkit.mock.jobs.JobSnapshot;
import io.github.cptestkit.mock.pipelines.ActionDeclaration;
import io.github.cptestkit.mock.pipelines.ArtifactStore;
import io.github.cptestkit.mock.pipelines.ExecutionMode;
import io.github.cptestkit.mock.pipelines.PipelineDeclaration;
import io.github.cptestkit.mock.pipelines.PipelineSnapshot;
import io.github.cptestkit.mock.pipelines.PipelineVariableDeclaration;
import io.github.cptestkit.mock.pipelines.StageDeclaration;
import io.github.cptestkit.wire.ActionCategory;
import io.github.cptestkit.wire.ActionConfiguration;
import io.github.cptestkit.wire.ActionContext;
import io.github.cptestkit.wire.ActionOwner;
import io.github.cptestkit.wire.ActionTypeId;
import io.github.cptestkit.wire.Artifact;
import io.github.cptestkit.wire.ArtifactLocation;
import io.github.cptestkit.wire.AwsSessionCredentials;
import io.github.cptestkit.wire.FakeCustomJob;
import io.github.cptestkit.wire.FakeThirdPartyJob;
import io.github.cptestkit.wire.Job;
import io.github.cptestkit.wire.JobData;
import io.github.cptestkit.wire.PipelineContext;
import io.github.cptestkit.wire.S3ArtifactLocation;
import io.github.cptestkit.wire.StageContext;
import io.github.cptestkit.wire.ThirdPartyJobDetails;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pipeline executions, with no HTTP and no JSON: stages in order, the actions of a stage by runOrder (those sharing
 * one in parallel), each action worked by a job (Custom and ThirdParty actions, Lambda invoke actions), by a
 * waiting approval (Manual) or by a steerable fake (every other AWS-owned action, source actions producing an
 * artifact, a revision and their provider's variables). A job's result becomes the action's output; a failed or
 * timed-out job fails the action, its stage and the execution.
 *
 * <p><b>Time.</b> Everything happens on the injected clock and lazily: whenever the engine is called, and before
 * the job store serves a poll or a job call (it calls {@link #advance()}), the engine applies what has happened
 * since: jobs finished, fakes done, approvals expired, stages unlocked. Nothing sleeps, no thread runs.
 *
 * <p><b>Execution modes</b>, as the user guide's "How pipeline executions work" describes them: SUPERSEDED and
 * QUEUED lock each stage to one execution; a waiting execution is superseded by a newer one waiting for the same
 * stage (SUPERSEDED) or waits its turn (QUEUED); PARALLEL executions never wait for each other.
 *
 * <p><b>Thread safety.</b> The engine shares the job store's lock (given as {@code lock}): it reacts to jobs
 * while the store holds it, so the two never wait for each other in opposite orders.
 *
 * <pre>{@code
 * ExecutionEngine engine = new ExecutionEngine(ExecutionEngine.Settings.defaults(clock), jobStore, backend,
 *         controlPlane::findPipeline);
 * jobStore.beforeEachCall(engine::advance);
 * String id = engine.start(ExecutionStart.of("release").variable("Env", "prod").build());
 * engine.execution("release", id).status();   // InProgress until its actions are worked
 * }</pre>
 */
public final class ExecutionEngine {

    /** How long a manual approval waits ("Length of time before a manual approval action times out: 7 days"). */
    public static final Duration APPROVAL_TIMEOUT = Duration.ofDays(7);
    /** How many finished executions the engine keeps unless told otherwise. */
    public static final int DEFAULT_RETAINED_FINISHED_EXECUTIONS = 1_000;

    /** The transitions of a stage: into it (Inbound) and out of it (Outbound). */
    public enum TransitionType {
        INBOUND("Inbound"), OUTBOUND("Outbound");

        private final String wire;

        TransitionType(String wire) {
            this.wire = wire;
        }

        /** The value AWS sends. */
        public String wire() {
            return wire;
        }

        /** The constant for a wire value. */
        public static TransitionType fromWire(String wire) {
            return wire.equals("Outbound") ? OUTBOUND : INBOUND;
        }
    }

    /** RetryStageExecution's modes. */
    public enum RetryMode { FAILED_ACTIONS, ALL_ACTIONS }

    /**
     * The state of one transition.
     *
     * @param enabled        whether executions pass it
     * @param disabledReason why it was disabled, or {@code null}
     * @param lastChangedAt  when it was last changed, or {@code null} if never
     */
    public record Transition(boolean enabled, String disabledReason, Instant lastChangedAt) {
        static final Transition ENABLED = new Transition(true, null, null);
    }

    /**
     * One stage of GetPipelineState.
     *
     * @param stageName          its name
     * @param inbound            its inbound transition
     * @param latestExecutionId  the latest execution that entered it, or {@code null}
     * @param latestStatus       that execution's status in the stage, or {@code null}
     * @param inboundExecutionId the execution waiting to enter it, or {@code null}
     * @param actions            each declared action's latest run in the latest execution (or empty), by name
     */
    public record StageState(String stageName, Transition inbound, String latestExecutionId,
            StageExecutionStatus latestStatus, String inboundExecutionId,
            Map<String, Optional<ActionExecutionSnapshot>> actions) {}

    /**
     * How the engine behaves.
     *
     * @param clock                      where time comes from
     * @param scope                      the account and Region the mock plays
     * @param ids                        makes execution, action execution and job ids
     * @param retainedFinishedExecutions how many ended executions are kept; beyond it the oldest are forgotten
     */
    public record Settings(Clock clock, ControlPlaneScope scope, Supplier<String> ids,
            int retainedFinishedExecutions) {
        public Settings {
            Objects.requireNonNull(clock, "clock");
            Objects.requireNonNull(scope, "scope");
            Objects.requireNonNull(ids, "ids");
            if (retainedFinishedExecutions < 1) {
                throw new IllegalArgumentException("retainedFinishedExecutions must be 1 or more, but was "
                        + retainedFinishedExecutions);
            }
        }

        /** The defaults on {@code clock}: the default scope, random UUIDs. */
        public static Settings defaults(Clock clock) {
            return new Settings(clock, ControlPlaneScope.DEFAULT, () -> UUID.randomUUID().toString(),
                    DEFAULT_RETAINED_FINISHED_EXECUTIONS);
        }
    }

    /**
     * The client a pipeline's partner-action jobs are queued for.
     *
     * @param clientId    the client id PollForThirdPartyJobs answers
     * @param clientToken the token the worker presents
     */
    public record PartnerClient(String clientId, String clientToken) {
        private static final Pattern UUID_PATTERN =
                Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

        public PartnerClient {
            Objects.requireNonNull(clientId, "clientId");
            Objects.requireNonNull(clientToken, "clientToken");
            if (!UUID_PATTERN.matcher(clientId).matches()) {
                throw new IllegalArgumentException("a partner client id is a lower-case UUID, as PollForThirdPartyJobs"
                        + " answers it (the model's pattern), but was '" + clientId + "'; use e.g."
                        + " UUID.randomUUID().toString()");
            }
        }

        /** The client of a type no client was registered for: UUIDs derived from the type, the same every run. */
        public static PartnerClient of(ActionTypeId type) {
            String name = type.category().wire() + "/" + type.provider() + "/" + type.version();
            return new PartnerClient(UUID.nameUUIDFromBytes(("client " + name).getBytes(StandardCharsets.UTF_8))
                    .toString(), UUID.nameUUIDFromBytes(("token " + name).getBytes(StandardCharsets.UTF_8))
                    .toString());
        }

        @Override
        public String toString() {
            return "PartnerClient[clientId=" + clientId + "]";
        }
    }

    private static final Pattern REFERENCE = Pattern.compile("#\\{([^}.]+)\\.([^}]+)}");

    private final Settings settings;
    private final Object lock;
    private final ExecutionBackend backend;
    private final Function<String, Optional<PipelineSnapshot>> pipelines;
    /** Every kept execution by id, in start order. */
    private final Map<String, StoredExecution> executions = new LinkedHashMap<>();
    private final TreeSet<StoredExecution> active = new TreeSet<>(Comparator.comparingLong(e -> e.sequence));
    private final ArrayDeque<StoredExecution> finished = new ArrayDeque<>();
    private final Map<String, String> clientRequestTokens = new HashMap<>();
    /** Per pipeline: which execution holds each stage (SUPERSEDED and QUEUED). */
    private final Map<String, Map<String, String>> stageLocks = new HashMap<>();
    /** Per pipeline: the latest execution that entered each stage. */
    private final Map<String, Map<String, String>> stageLatest = new HashMap<>();
    private final Map<String, Map<String, Transition>> transitions = new HashMap<>();
    private final Map<String, SimulatedAction> simulations = new HashMap<>();
    private final Map<ActionTypeId, PartnerClient> partnerClients = new HashMap<>();
    private long sequence;
    private long forgotten;
    private boolean advancing;
    /** Whether something the engine was told (a start, a stop, ...) may let an execution move. */
    private boolean told = true;
    /** What the last full pass saw: nothing can have moved while the clock and the ended jobs stand still. */
    private Instant seenAt;
    private long seenEndedJobs = -1;

    /**
     * @param settings  how it behaves
     * @param lock      the lock it shares with the job store (the store itself)
     * @param backend   the job store and artifact bucket it runs on
     * @param pipelines the control plane's pipelines, by name
     */
    public ExecutionEngine(Settings settings, Object lock, ExecutionBackend backend,
            Function<String, Optional<PipelineSnapshot>> pipelines) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.lock = Objects.requireNonNull(lock, "lock");
        this.backend = Objects.requireNonNull(backend, "backend");
        this.pipelines = Objects.requireNonNull(pipelines, "pipelines");
    }

    // ---------------------------------------------------------------- steering

    /** How the AWS-owned action {@code actionName} of {@code stageName} in {@code pipelineName} behaves from now on. */
    public void simulate(String pipelineName, String stageName, String actionName, SimulatedAction behaviour) {
        Objects.requireNonNull(behaviour, "behaviour");
        synchronized (lock) {
            simulations.put(key(pipelineName, stageName, actionName), behaviour);
            told = true;
        }
    }

    /** The client partner-action jobs of {@code type} are queued for, from now on. */
    public void registerPartnerClient(ActionTypeId type, PartnerClient client) {
        synchronized (lock) {
            partnerClients.put(Objects.requireNonNull(type, "type"), Objects.requireNonNull(client, "client"));
        }
    }

    /**
     * The client partner-action jobs of {@code type} are queued for: the registered one, else {@link
     * PartnerClient#of(ActionTypeId)}.
     */
    public PartnerClient partnerClient(ActionTypeId type) {
        synchronized (lock) {
            return partnerClients.computeIfAbsent(type, PartnerClient::of);
        }
    }

    // ---------------------------------------------------------------- StartPipelineExecution

    /**
     * StartPipelineExecution: a new execution of the pipeline's latest version (or, with a clientRequestToken
     * used before on the pipeline, the execution that start made).
     */
    public String start(ExecutionStart start) {
        Objects.requireNonNull(start, "start");
        synchronized (lock) {
            advance();
            PipelineDeclaration pipeline = pipeline(start.pipelineName());
            String tokenKey = start.clientRequestToken() == null ? null
                    : start.pipelineName() + "\n" + start.clientRequestToken();
            if (tokenKey != null && clientRequestTokens.containsKey(tokenKey)) {
                return clientRequestTokens.get(tokenKey);
            }
            Map<String, String> variables = variables(pipeline, start);
            for (SourceRevisionOverride override : start.sourceRevisions()) {
                boolean source = pipeline.stages().get(0).actions().stream()
                        .anyMatch(a -> a.name().equals(override.actionName()));
                if (!source) {
                    throw new AwsException(VALIDATION, "sourceRevisions names action '" + override.actionName()
                            + "', which is not a source action of pipeline " + pipeline.name() + " (its source"
                            + " actions are " + pipeline.stages().get(0).actions().stream()
                                    .map(ActionDeclaration::name).toList() + ")");
                }
            }
            String id = settings.ids().get();
            StoredExecution execution = new StoredExecution(id, ++sequence, pipeline, start, now(), variables);
            executions.put(id, execution);
            active.add(execution);
            if (tokenKey != null) {
                clientRequestTokens.put(tokenKey, id);
            }
            arriveAt(execution, 0);
            moved();
            return id;
        }
    }

    private Map<String, String> variables(PipelineDeclaration pipeline, ExecutionStart start) {
        Map<String, PipelineVariableDeclaration> declared = new LinkedHashMap<>();
        pipeline.variables().forEach(v -> declared.put(v.name(), v));
        for (String name : start.variables().keySet()) {
            if (!declared.containsKey(name)) {
                throw new AwsException(VALIDATION, "Variable '" + name + "' is not declared in pipeline "
                        + pipeline.name() + (declared.isEmpty() ? ", which declares no pipeline-level variables"
                                : " (it declares " + declared.keySet() + ")") + ": declare it, or leave it out");
            }
        }
        Map<String, String> resolved = new LinkedHashMap<>();
        for (PipelineVariableDeclaration variable : declared.values()) {
            String value = start.variables().getOrDefault(variable.name(), variable.defaultValue());
            if (value == null) {
                throw new AwsException(VALIDATION, "Variable '" + variable.name() + "' of pipeline "
                        + pipeline.name() + " has no default value, so StartPipelineExecution must give it one in"
                        + " variables");
            }
            resolved.put(variable.name(), value);
        }
        return resolved;
    }

    // ---------------------------------------------------------------- reading

    /** GetPipelineExecution: PipelineNotFoundException, or PipelineExecutionNotFoundException. */
    public PipelineExecutionSnapshot execution(String pipelineName, String executionId) {
        synchronized (lock) {
            advance();
            pipeline(pipelineName);
            return stored(pipelineName, executionId).snapshot();
        }
    }

    /** The execution with this id, whatever its pipeline, or empty. */
    public Optional<PipelineExecutionSnapshot> findExecution(String executionId) {
        synchronized (lock) {
            advance();
            StoredExecution execution = executions.get(executionId);
            return execution == null ? Optional.empty() : Optional.of(execution.snapshot());
        }
    }

    /** ListPipelineExecutions: the pipeline's kept executions, the most recent first. */
    public List<PipelineExecutionSnapshot> executions(String pipelineName) {
        synchronized (lock) {
            advance();
            pipeline(pipelineName);
            List<PipelineExecutionSnapshot> list = new ArrayList<>();
            for (StoredExecution execution : executions.values()) {
                if (execution.pipelineName().equals(pipelineName)) {
                    list.add(0, execution.snapshot());
                }
            }
            return list;
        }
    }

    /**
     * ListPipelineExecutions' page: the pipeline's kept executions, the most recent first, {@code size} a page.
     *
     * @throws io.github.cptestkit.mock.internal.pipelines.ControlPlaneRefusal InvalidNextTokenException
     */
    public Page<PipelineExecutionSnapshot> executions(String pipelineName, int size, String nextToken) {
        synchronized (lock) {
            advance();
            pipeline(pipelineName);
            List<StoredExecution> newestFirst = new ArrayList<>();
            for (StoredExecution execution : executions.values()) {
                if (execution.pipelineName().equals(pipelineName)) {
                    newestFirst.add(0, execution);
                }
            }
            Page<StoredExecution> page = Page.of(newestFirst, ExecutionEngine::newestFirstKey, nextToken, size);
            return new Page<>(page.items().stream().map(StoredExecution::snapshot).toList(), page.nextToken());
        }
    }

    /**
     * ListActionExecutions' page: the action runs of the pipeline's kept executions (or of one), the most recent
     * first.
     */
    public Page<ActionExecutionSnapshot> actionExecutions(String pipelineName, String executionId, int size,
            String nextToken) {
        synchronized (lock) {
            advance();
            pipeline(pipelineName);
            if (executionId != null) {
                stored(pipelineName, executionId);
            }
            List<Map.Entry<String, ActionExecutionSnapshot>> newestFirst = new ArrayList<>();
            for (StoredExecution execution : executions.values()) {
                if (execution.pipelineName().equals(pipelineName)
                        && (executionId == null || execution.id.equals(executionId))) {
                    for (int i = 0; i < execution.actions.size(); i++) {
                        newestFirst.add(0, Map.entry(newestFirstKey(execution) + String.format("%010d",
                                Integer.MAX_VALUE - i), execution.actions.get(i).snapshot(execution.id)));
                    }
                }
            }
            Page<Map.Entry<String, ActionExecutionSnapshot>> page = Page.of(newestFirst, Map.Entry::getKey,
                    nextToken, size);
            return new Page<>(page.items().stream().map(Map.Entry::getValue).toList(), page.nextToken());
        }
    }

    private static String newestFirstKey(StoredExecution execution) {
        return String.format("%019d", Long.MAX_VALUE - execution.sequence);
    }

    /** Every kept execution, in start order. */
    public List<PipelineExecutionSnapshot> executions() {
        synchronized (lock) {
            advance();
            return executions.values().stream().map(StoredExecution::snapshot).toList();
        }
    }

    /** How many ended executions were forgotten to keep the retention limit. */
    public long forgottenExecutions() {
        synchronized (lock) {
            return forgotten;
        }
    }

    /** GetPipelineState's stages, for the pipeline's latest version. */
    public List<StageState> state(String pipelineName) {
        synchronized (lock) {
            advance();
            PipelineDeclaration pipeline = pipeline(pipelineName);
            List<StageState> stages = new ArrayList<>();
            for (int i = 0; i < pipeline.stages().size(); i++) {
                StageDeclaration stage = pipeline.stages().get(i);
                String latestId = stageLatest.getOrDefault(pipelineName, Map.of()).get(stage.name());
                StoredExecution latest = latestId == null ? null : executions.get(latestId);
                String inbound = null;
                for (StoredExecution execution : active) {
                    if (execution.pipelineName().equals(pipelineName) && execution.phase == StoredExecution.Phase.WAITING
                            && execution.stage < execution.pipeline.stages().size()
                            && execution.currentStage().name().equals(stage.name())) {
                        inbound = execution.id;
                    }
                }
                Map<String, Optional<ActionExecutionSnapshot>> actions = new LinkedHashMap<>();
                for (ActionDeclaration action : stage.actions()) {
                    actions.put(action.name(), latest == null ? Optional.empty()
                            : latest.latest(stage.name(), action.name()).map(a -> a.snapshot(latest.id)));
                }
                stages.add(new StageState(stage.name(), transition(pipelineName, stage.name(), TransitionType.INBOUND),
                        latest == null ? null : latest.id,
                        latest == null ? null : latest.stageStatus.get(stage.name()), inbound, actions));
            }
            return stages;
        }
    }

    // ---------------------------------------------------------------- control

    /**
     * StopPipelineExecution: with {@code abandon} its running actions are abandoned and it is Stopped at once;
     * without, it is Stopping until they finish. Returns its id.
     */
    public String stop(String pipelineName, String executionId, boolean abandon, String reason) {
        synchronized (lock) {
            advance();
            pipeline(pipelineName);
            StoredExecution execution = stored(pipelineName, executionId);
            if (execution.status.finished()) {
                throw new AwsException(PIPELINE_EXECUTION_NOT_STOPPABLE, "Pipeline execution " + executionId
                        + " of " + pipelineName + " is " + execution.status.wire() + ": only an InProgress or"
                        + " Stopping execution can be stopped");
            }
            if (execution.status == PipelineExecutionStatus.STOPPING && !abandon) {
                throw new AwsException(DUPLICATED_STOP_REQUEST, "Pipeline execution " + executionId + " of "
                        + pipelineName + " is already Stopping: wait for it, or stop it again with abandon");
            }
            String summary = reason == null || reason.isEmpty() ? "Stopped by StopPipelineExecution" : reason;
            execution.stopRequested = true;
            execution.statusSummary = summary;
            if (execution.phase == StoredExecution.Phase.WAITING) {
                finish(execution, PipelineExecutionStatus.STOPPED, summary);
            } else if (abandon) {
                for (StoredAction action : execution.actions) {
                    if (action.inProgress()) {
                        action.status = ActionExecutionStatus.ABANDONED;
                        action.lastUpdateTime = now();
                    }
                }
                execution.stageStatus.put(execution.currentStage().name(), StageExecutionStatus.STOPPED);
                finish(execution, PipelineExecutionStatus.STOPPED, summary);
            } else {
                execution.status = PipelineExecutionStatus.STOPPING;
                execution.lastUpdateTime = now();
                execution.stageStatus.put(execution.currentStage().name(), StageExecutionStatus.STOPPING);
            }
            moved();
            return executionId;
        }
    }

    /**
     * RetryStageExecution: the stage runs again in the same execution, its failed actions only or all of them.
     * Only the stage's latest execution can be retried, and only when it failed or was stopped there.
     */
    public String retryStage(String pipelineName, String stageName, String executionId, RetryMode mode) {
        synchronized (lock) {
            advance();
            PipelineDeclaration pipeline = pipeline(pipelineName);
            if (pipeline.stage(stageName).isEmpty()) {
                throw new AwsException(STAGE_NOT_FOUND, "Pipeline " + pipelineName + " has no stage named '"
                        + stageName + "'");
            }
            String latest = stageLatest.getOrDefault(pipelineName, Map.of()).get(stageName);
            if (!executionId.equals(latest)) {
                throw new AwsException(NOT_LATEST_PIPELINE_EXECUTION, "Pipeline execution " + executionId
                        + " is not the latest execution of stage " + stageName + " of " + pipelineName + " (that is "
                        + latest + "): only the latest can be retried");
            }
            StoredExecution execution = executions.get(executionId);
            if (execution == null || execution.pipeline.stage(stageName).isEmpty()) {
                throw new AwsException(NOT_LATEST_PIPELINE_EXECUTION, "Pipeline execution " + executionId
                        + " is not in the mock any more, or ran a pipeline version without stage " + stageName);
            }
            StageExecutionStatus stageStatus = execution.stageStatus.get(stageName);
            if (!execution.status.finished() || (stageStatus != StageExecutionStatus.FAILED
                    && stageStatus != StageExecutionStatus.STOPPED)) {
                throw new AwsException(STAGE_NOT_RETRYABLE, "Stage " + stageName + " of pipeline execution "
                        + executionId + " is " + (stageStatus == null ? "not run" : stageStatus.wire())
                        + " and the execution " + execution.status.wire() + ": a stage can be retried only when"
                        + " it Failed or was Stopped");
            }
            String holder = lockHolder(execution, stageName);
            if (holder != null && !holder.equals(executionId)) {
                throw new AwsException(CONFLICT, "Stage " + stageName
                        + " of " + pipelineName + " is running execution " + holder + "; retry when it is done");
            }
            finished.remove(execution);
            active.add(execution);
            execution.status = PipelineExecutionStatus.IN_PROGRESS;
            execution.statusSummary = null;
            execution.stopRequested = false;
            execution.stage = execution.pipeline.stages().indexOf(execution.pipeline.stage(stageName).orElseThrow());
            execution.phase = StoredExecution.Phase.RUNNING;
            execution.lastUpdateTime = now();
            execution.stageStatus.put(stageName, StageExecutionStatus.IN_PROGRESS);
            lock(execution);
            StageDeclaration stage = execution.currentStage();
            List<Integer> orders = runOrders(stage);
            if (mode == RetryMode.ALL_ACTIONS) {
                startRunOrder(execution, orders.get(0), null);
            } else {
                for (int order : orders) {
                    List<ActionDeclaration> failed = stage.actions().stream().filter(a -> a.runOrder() == order)
                            .filter(a -> execution.latest(stageName, a.name())
                                    .map(run -> run.status != ActionExecutionStatus.SUCCEEDED).orElse(true))
                            .toList();
                    if (!failed.isEmpty()) {
                        startRunOrder(execution, order, failed);
                        break;
                    }
                }
            }
            moved();
            return executionId;
        }
    }

    /** PutApprovalResult: answers the waiting manual approval with this token; returns when it was recorded. */
    public Instant putApprovalResult(String pipelineName, String stageName, String actionName, boolean approved,
            String summary, String token) {
        synchronized (lock) {
            advance();
            PipelineDeclaration pipeline = pipeline(pipelineName);
            StageDeclaration stage = pipeline.stage(stageName).orElseThrow(() -> new AwsException(STAGE_NOT_FOUND,
                    "Pipeline " + pipelineName + " has no stage named '" + stageName + "'"));
            if (stage.action(actionName).isEmpty()) {
                throw new AwsException(ACTION_NOT_FOUND, "Stage " + stageName + " of pipeline " + pipelineName
                        + " has no action named '" + actionName + "' (it has " + stage.actions().stream()
                                .map(ActionDeclaration::name).toList() + ")");
            }
            StoredAction match = null;
            for (StoredExecution execution : executions.values()) {
                if (execution.pipelineName().equals(pipelineName)) {
                    for (StoredAction action : execution.actions) {
                        if (action.kind == StoredAction.Kind.APPROVAL && action.stageName.equals(stageName)
                                && action.name().equals(actionName) && token.equals(action.token)) {
                            match = action;
                        }
                    }
                }
            }
            if (match == null) {
                throw new AwsException(INVALID_APPROVAL_TOKEN, "The token " + token + " is not valid for approval"
                        + " action " + actionName + " of stage " + stageName + " in pipeline " + pipelineName
                        + ": use the token GetPipelineState shows for the action's latest execution");
            }
            if (!match.inProgress()) {
                throw new AwsException(APPROVAL_ALREADY_COMPLETED, "The approval action " + actionName + " of stage "
                        + stageName + " with token " + token + " is already " + match.status.wire()
                        + (match.status == ActionExecutionStatus.FAILED ? " (" + match.errorMessage + ")" : "")
                        + "; a token answers one approval once");
            }
            Instant now = now();
            match.summary = summary;
            match.lastUpdateTime = now;
            if (approved) {
                match.status = ActionExecutionStatus.SUCCEEDED;
            } else {
                match.fail(now, "Rejected", "Rejected: " + summary);
            }
            moved();
            return now;
        }
    }

    /** Disable/EnableStageTransition. */
    public void setTransition(String pipelineName, String stageName, TransitionType type, boolean enabled,
            String reason) {
        synchronized (lock) {
            advance();
            PipelineDeclaration pipeline = pipeline(pipelineName);
            if (pipeline.stage(stageName).isEmpty()) {
                throw new AwsException(STAGE_NOT_FOUND, "Pipeline " + pipelineName + " has no stage named '"
                        + stageName + "' (it has " + pipeline.stages().stream().map(StageDeclaration::name).toList()
                        + ")");
            }
            transitions.computeIfAbsent(pipelineName, p -> new HashMap<>()).put(stageName + "\n" + type,
                    new Transition(enabled, enabled ? null : reason, now()));
            moved();
        }
    }

    /** The transition now. */
    public Transition transition(String pipelineName, String stageName, TransitionType type) {
        synchronized (lock) {
            return transitions.getOrDefault(pipelineName, Map.of()).getOrDefault(stageName + "\n" + type,
                    Transition.ENABLED);
        }
    }

    /** Forgets every execution, transition, simulation and partner client. */
    public void reset() {
        synchronized (lock) {
            executions.clear();
            active.clear();
            finished.clear();
            clientRequestTokens.clear();
            stageLocks.clear();
            stageLatest.clear();
            transitions.clear();
            simulations.clear();
            partnerClients.clear();
            forgotten = 0;
            told = true;
        }
    }

    // ---------------------------------------------------------------- progress

    /**
     * Applies whatever has happened by now: finished jobs, fakes and approvals done, stages unlocked, actions and
     * stages started. Called by every method here and, through the job store's hook, before every job call.
     */
    public void advance() {
        synchronized (lock) {
            if (advancing) {
                return; // the job store's hook, called again by the engine's own calls into the store
            }
            Instant now = now();
            if (!told && now.equals(seenAt) && backend.endedJobs() == seenEndedJobs) {
                return; // nothing happened since the last pass: the common case of a job call on a still clock
            }
            advancing = true;
            try {
                boolean changed;
                do {
                    changed = false;
                    for (StoredExecution execution : List.copyOf(active)) {
                        changed |= step(execution);
                    }
                } while (changed);
                told = false;
                seenAt = now;
                seenEndedJobs = backend.endedJobs();
            } finally {
                advancing = false;
            }
        }
    }

    /** After the engine was told something: a full pass, whatever the clock. */
    private void moved() {
        told = true;
        advance();
    }

    private boolean step(StoredExecution execution) {
        if (execution.phase == StoredExecution.Phase.DONE) {
            return false;
        }
        if (execution.phase == StoredExecution.Phase.WAITING) {
            if (execution.stopRequested) {
                finish(execution, PipelineExecutionStatus.STOPPED, execution.statusSummary);
                return true;
            }
            if (!canEnter(execution)) {
                return false;
            }
            enter(execution);
            return true;
        }
        boolean changed = false;
        StageDeclaration stage = execution.currentStage();
        List<StoredAction> group = new ArrayList<>();
        for (ActionDeclaration declared : stage.actions()) {
            if (declared.runOrder() == execution.runOrder) {
                execution.latest(stage.name(), declared.name()).ifPresent(group::add);
            }
        }
        boolean running = false;
        for (StoredAction action : group) {
            if (action.inProgress()) {
                changed |= poll(execution, action);
                running |= action.inProgress();
            }
        }
        if (running) {
            return changed;
        }
        Optional<StoredAction> failed = group.stream().filter(a -> a.status != ActionExecutionStatus.SUCCEEDED)
                .findFirst();
        if (execution.stopRequested) {
            execution.stageStatus.put(stage.name(), StageExecutionStatus.STOPPED);
            finish(execution, PipelineExecutionStatus.STOPPED, execution.statusSummary);
            return true;
        }
        if (failed.isPresent()) {
            execution.stageStatus.put(stage.name(), StageExecutionStatus.FAILED);
            StoredAction action = failed.get();
            finish(execution, PipelineExecutionStatus.FAILED, "Action " + action.name() + " of stage "
                    + stage.name() + " failed: " + (action.errorMessage == null ? action.status.wire()
                            : action.errorMessage));
            return true;
        }
        Optional<Integer> next = runOrders(stage).stream().filter(o -> o > execution.runOrder).findFirst();
        if (next.isPresent()) {
            startRunOrder(execution, next.get(), null);
            return true;
        }
        execution.stageStatus.put(stage.name(), StageExecutionStatus.SUCCEEDED);
        unlock(execution);
        if (execution.stage + 1 >= execution.pipeline.stages().size()) {
            finish(execution, PipelineExecutionStatus.SUCCEEDED, null);
        } else {
            arriveAt(execution, execution.stage + 1);
        }
        return true;
    }

    /** The execution now waits in front of stage {@code index}; in SUPERSEDED mode older ones waiting there end. */
    private void arriveAt(StoredExecution execution, int index) {
        execution.phase = StoredExecution.Phase.WAITING;
        execution.stage = index;
        execution.lastUpdateTime = now();
        if (execution.mode != ExecutionMode.SUPERSEDED) {
            return;
        }
        for (StoredExecution other : List.copyOf(active)) {
            if (other != execution && other.pipelineName().equals(execution.pipelineName())
                    && other.phase == StoredExecution.Phase.WAITING && other.stage == index
                    && other.sequence < execution.sequence) {
                finish(other, PipelineExecutionStatus.SUPERSEDED, "Superseded by pipeline execution " + execution.id
                        + " while waiting for stage " + execution.currentStage().name());
            }
        }
    }

    private boolean canEnter(StoredExecution execution) {
        String pipelineName = execution.pipelineName();
        StageDeclaration stage = execution.currentStage();
        if (!transition(pipelineName, stage.name(), TransitionType.INBOUND).enabled()) {
            return false;
        }
        if (execution.stage > 0 && !transition(pipelineName, execution.pipeline.stages().get(execution.stage - 1)
                .name(), TransitionType.OUTBOUND).enabled()) {
            return false;
        }
        if (execution.mode == ExecutionMode.PARALLEL) {
            return true;
        }
        if (lockHolder(execution, stage.name()) != null) {
            return false;
        }
        for (StoredExecution other : active) { // QUEUED: the earliest waiting goes first
            if (other.sequence >= execution.sequence) {
                break;
            }
            if (other.pipelineName().equals(pipelineName) && other.phase == StoredExecution.Phase.WAITING
                    && other.currentStage().name().equals(stage.name())) {
                return false;
            }
        }
        return true;
    }

    private void enter(StoredExecution execution) {
        StageDeclaration stage = execution.currentStage();
        execution.phase = StoredExecution.Phase.RUNNING;
        execution.stageStatus.put(stage.name(), StageExecutionStatus.IN_PROGRESS);
        execution.lastUpdateTime = now();
        lock(execution);
        stageLatest.computeIfAbsent(execution.pipelineName(), p -> new HashMap<>()).put(stage.name(), execution.id);
        startRunOrder(execution, runOrders(stage).get(0), null);
    }

    private String lockHolder(StoredExecution execution, String stageName) {
        return stageLocks.getOrDefault(execution.pipelineName(), Map.of()).get(stageName);
    }

    private void lock(StoredExecution execution) {
        stageLatest.computeIfAbsent(execution.pipelineName(), p -> new HashMap<>())
                .put(execution.currentStage().name(), execution.id);
        if (execution.mode != ExecutionMode.PARALLEL) {
            stageLocks.computeIfAbsent(execution.pipelineName(), p -> new HashMap<>())
                    .put(execution.currentStage().name(), execution.id);
        }
    }

    private void unlock(StoredExecution execution) {
        if (execution.stage < execution.pipeline.stages().size()) {
            stageLocks.getOrDefault(execution.pipelineName(), new HashMap<>())
                    .remove(execution.currentStage().name(), execution.id);
        }
    }

    private static List<Integer> runOrders(StageDeclaration stage) {
        return stage.actions().stream().map(ActionDeclaration::runOrder).distinct().sorted().toList();
    }

    /** Starts the actions of {@code runOrder} (or only {@code only} of them). */
    private void startRunOrder(StoredExecution execution, int runOrder, List<ActionDeclaration> only) {
        execution.runOrder = runOrder;
        for (ActionDeclaration action : execution.currentStage().actions()) {
            if (action.runOrder() == runOrder && (only == null || only.contains(action))) {
                startAction(execution, action);
            }
        }
    }

    private void finish(StoredExecution execution, PipelineExecutionStatus status, String summary) {
        if (execution.phase == StoredExecution.Phase.RUNNING) {
            unlock(execution);
        }
        execution.end(status, summary, now());
        active.remove(execution);
        finished.addLast(execution);
        while (finished.size() > settings.retainedFinishedExecutions()) {
            StoredExecution oldest = finished.removeFirst();
            executions.remove(oldest.id);
            forgotten++;
            if (oldest.start.clientRequestToken() != null) {
                clientRequestTokens.remove(oldest.pipelineName() + "\n" + oldest.start.clientRequestToken());
            }
        }
    }

    // ---------------------------------------------------------------- actions

    private void startAction(StoredExecution execution, ActionDeclaration declaration) {
        Instant now = now();
        ActionTypeId type = declaration.actionTypeId();
        boolean builtIn = ActionTypeCatalog.find(type).isPresent();
        boolean lambda = type.owner() == ActionOwner.AWS && type.category() == ActionCategory.INVOKE
                && type.provider().equals("Lambda");
        StoredAction.Kind kind = lambda || !builtIn ? StoredAction.Kind.JOB
                : type.category() == ActionCategory.APPROVAL ? StoredAction.Kind.APPROVAL : StoredAction.Kind.SIMULATED;
        String stageName = execution.currentStage().name();
        StoredAction action = new StoredAction(settings.ids().get(), stageName, declaration, now, kind);
        execution.actions.add(action);
        execution.lastUpdateTime = now;
        Optional<String> unresolved = resolve(execution, action);
        if (unresolved.isPresent()) {
            action.fail(now, "ConfigurationError", unresolved.get());
            return;
        }
        List<Artifact> inputs = new ArrayList<>();
        for (String name : declaration.inputArtifacts()) {
            Artifact artifact = execution.artifacts.get(name);
            if (artifact == null) {
                action.fail(now, "ConfigurationError", "Input artifact " + name + " of action " + declaration.name()
                        + " was not produced in this execution");
                return;
            }
            inputs.add(artifact);
        }
        action.inputArtifacts = inputs;
        ArtifactStore store = artifactStore(execution.pipeline, declaration);
        List<Artifact> outputs = new ArrayList<>();
        for (String name : declaration.outputArtifacts()) {
            outputs.add(new Artifact(name, null, ArtifactLocation.s3(store.location(),
                    objectKey(execution.pipelineName(), name))));
        }
        action.outputArtifacts = outputs;
        switch (kind) {
            case JOB -> enqueueJob(execution, action, store);
            case APPROVAL -> {
                action.token = settings.ids().get();
                action.dueAt = now.plus(APPROVAL_TIMEOUT);
            }
            case SIMULATED -> {
                SimulatedAction behaviour = simulations.getOrDefault(key(execution.pipelineName(), stageName,
                        declaration.name()), SimulatedAction.succeed());
                action.simulated = behaviour;
                action.dueAt = now.plus(behaviour.duration());
                action.externalExecutionId = "simulated-" + action.id;
                if (type.category() == ActionCategory.SOURCE) {
                    action.produced = new SimulatedSource(type.provider()).produce(action.resolvedConfiguration,
                            execution.start.sourceRevisions().stream()
                                    .filter(o -> o.actionName().equals(declaration.name())).findFirst(),
                            backend, execution.id + "/" + action.id, settings.scope().accountId(), region(declaration),
                            now);
                }
            }
        }
    }

    private void enqueueJob(StoredExecution execution, StoredAction action, ArtifactStore store) {
        ActionDeclaration declaration = action.declaration;
        String jobId = settings.ids().get();
        String random = UUID.randomUUID().toString().replace("-", "").toUpperCase(Locale.ROOT);
        AwsSessionCredentials credentials = new AwsSessionCredentials("ASIA" + random.substring(0, 16),
                UUID.randomUUID().toString().replace("-", "") + random.substring(16, 24),
                "pipeline-session-" + UUID.randomUUID());
        JobData data = new JobData(declaration.actionTypeId(), new ActionConfiguration(action.resolvedConfiguration),
                new PipelineContext(execution.pipelineName(), new StageContext(action.stageName),
                        new ActionContext(declaration.name(), action.id),
                        settings.scope().pipelineArn(execution.pipelineName()), execution.id),
                action.inputArtifacts, action.outputArtifacts, credentials, null, store.encryptionKey());
        try {
            if (declaration.actionTypeId().owner() == ActionOwner.THIRD_PARTY) {
                PartnerClient client = partnerClient(declaration.actionTypeId());
                backend.enqueue(new FakeThirdPartyJob(client.clientId(), client.clientToken(),
                        new ThirdPartyJobDetails(jobId, data, null), List.of()));
            } else {
                backend.enqueue(new FakeCustomJob(new Job(jobId, data, null, settings.scope().accountId()),
                        List.of()));
            }
            action.jobIds.add(jobId);
        } catch (RuntimeException refused) { // e.g. a configuration the action type's queryable property refuses
            action.fail(now(), "ConfigurationError", "The job for action " + declaration.name() + " could not be"
                    + " queued: " + refused.getMessage());
        }
    }

    /** Looks at a running action's job, fake or approval; returns whether anything changed. */
    private boolean poll(StoredExecution execution, StoredAction action) {
        Instant now = now();
        switch (action.kind) {
            case APPROVAL -> {
                if (!now.isBefore(action.dueAt)) {
                    action.fail(now, "TimedOut", "The approval was not answered within " + APPROVAL_TIMEOUT.toDays()
                            + " days");
                    return true;
                }
                return false;
            }
            case SIMULATED -> {
                if (now.isBefore(action.dueAt)) {
                    return false;
                }
                SimulatedAction behaviour = action.simulated;
                if (!behaviour.succeeds()) {
                    action.fail(now, "JobFailed", behaviour.failureMessage());
                    return true;
                }
                Map<String, String> variables = new LinkedHashMap<>();
                String revision = null;
                if (action.produced != null) {
                    variables.putAll(action.produced.variables());
                    revision = action.produced.revision();
                    for (Artifact output : action.outputArtifacts) {
                        SimulatedSource.Produced produced = action.produced;
                        if (produced.copyOf() == null
                                || !backend.copyObject(produced.copyOf(), output.location().s3Location())) {
                            backend.putObject(output.location().s3Location(), produced.content() != null
                                    ? produced.content() : SimulatedSource.fakeZip("Source object s3://"
                                    + produced.copyOf().bucketName() + "/" + produced.copyOf().objectKey()
                                    + ", simulated: it left the mock's bucket before the action ran.\n"));
                        }
                    }
                    action.summary = action.produced.summary();
                }
                if (!behaviour.outputVariables().isEmpty()) {
                    variables = new LinkedHashMap<>(behaviour.outputVariables());
                }
                succeed(execution, action, variables, revision, action.produced == null ? null
                        : action.produced.changeIdentifier(), now);
                return true;
            }
            default -> {
                return pollJob(execution, action, now);
            }
        }
    }

    private boolean pollJob(StoredExecution execution, StoredAction action, Instant now) {
        String jobId = action.currentJobId();
        Optional<JobSnapshot> found = backend.job(jobId);
        if (found.isEmpty()) {
            action.fail(now, "JobFailed", "Job " + jobId + " is no longer in the mock (forgotten by the job store's"
                    + " retention limit before the execution saw its result)");
            return true;
        }
        JobSnapshot job = found.get();
        switch (job.status()) {
            case SUCCEEDED -> {
                JobResult.Success success = job.success();
                if (success.executionDetails() != null) {
                    action.summary = success.executionDetails().summary();
                    action.externalExecutionId = success.executionDetails().externalExecutionId();
                    action.percentComplete = success.executionDetails().percentComplete();
                }
                if (success.currentRevision() != null) {
                    action.currentRevision = success.currentRevision();
                }
                action.lastUpdateTime = success.at();
                if (success.continuationJobId() != null) {
                    action.jobIds.add(success.continuationJobId());
                    return true;
                }
                String revision = action.currentRevision == null ? null : action.currentRevision.revision();
                succeed(execution, action, success.outputVariables(), revision, action.currentRevision == null ? null
                        : action.currentRevision.changeIdentifier(), now);
                return true;
            }
            case FAILED -> {
                JobResult.Failure failure = job.failure();
                action.externalExecutionId = failure.failureDetails().externalExecutionId();
                action.fail(now, failure.failureDetails().type() == null ? "JobFailed"
                        : failure.failureDetails().type().wire(), failure.failureDetails().message());
                return true;
            }
            case TIMED_OUT -> {
                action.fail(now, "TimedOut", "Job " + jobId + " timed out: its worker put no result in time");
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    private void succeed(StoredExecution execution, StoredAction action, Map<String, String> variables,
            String revision, String changeIdentifier, Instant now) {
        action.status = ActionExecutionStatus.SUCCEEDED;
        action.lastUpdateTime = now;
        action.outputVariables = new LinkedHashMap<>(variables);
        List<Artifact> outputs = new ArrayList<>();
        for (Artifact output : action.outputArtifacts) {
            Artifact produced = new Artifact(output.name(), revision, output.location());
            outputs.add(produced);
            execution.artifacts.put(output.name(), produced);
            if (action.declaration.actionTypeId().category() == ActionCategory.SOURCE) {
                execution.revisions.add(new PipelineExecutionSnapshot.ArtifactRevision(output.name(), revision,
                        changeIdentifier, action.summary, now));
            }
        }
        action.outputArtifacts = outputs;
        if (action.declaration.namespace() != null) {
            execution.namespaces.put(action.declaration.namespace(), Map.copyOf(variables));
        }
    }

    /** Resolves the action's configuration; returns the problem when a reference cannot be resolved. */
    private Optional<String> resolve(StoredExecution execution, StoredAction action) {
        Map<String, String> resolved = new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : action.declaration.configuration().entrySet()) {
            Matcher m = REFERENCE.matcher(entry.getValue());
            StringBuilder value = new StringBuilder();
            while (m.find()) {
                String namespace = m.group(1);
                String variable = m.group(2);
                String replacement;
                if (namespace.equals(VariableReference.EXECUTION_NAMESPACE)) {
                    replacement = variable.equals("PipelineExecutionId") ? execution.id : null;
                } else if (namespace.equals(VariableReference.PIPELINE_VARIABLES_NAMESPACE)) {
                    replacement = execution.variables.get(variable);
                } else {
                    replacement = execution.namespaces.getOrDefault(namespace, Map.of()).get(variable);
                }
                if (replacement == null) {
                    action.resolvedConfiguration = Map.of();
                    return Optional.of("Unable to resolve " + m.group() + " in configuration " + entry.getKey()
                            + " of action " + action.name() + ": " + (execution.namespaces.containsKey(namespace)
                                    ? "namespace " + namespace + " has no variable " + variable + " (it has "
                                            + execution.namespaces.get(namespace).keySet() + ")"
                                    : "no action that ran before it produced variables in namespace " + namespace));
                }
                m.appendReplacement(value, Matcher.quoteReplacement(replacement));
            }
            m.appendTail(value);
            resolved.put(entry.getKey(), value.toString());
        }
        action.resolvedConfiguration = resolved;
        return Optional.empty();
    }

    private ArtifactStore artifactStore(PipelineDeclaration pipeline, ActionDeclaration action) {
        if (pipeline.artifactStore() != null) {
            return pipeline.artifactStore();
        }
        ArtifactStore regional = pipeline.artifactStores().get(region(action));
        return regional != null ? regional : pipeline.artifactStores().values().iterator().next();
    }

    private String region(ActionDeclaration action) {
        return action.region() != null ? action.region() : settings.scope().region();
    }

    /** As CodePipeline names artifact objects: pipeline name (20 characters), artifact name (10), a random id. */
    private String objectKey(String pipelineName, String artifactName) {
        String random = settings.ids().get().replace("-", "");
        return truncate(pipelineName, 20) + "/" + truncate(artifactName, 10) + "/"
                + random.substring(0, Math.min(7, random.length()));
    }

    private static String truncate(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length);
    }

    // ---------------------------------------------------------------- helpers

    private PipelineDeclaration pipeline(String name) {
        return pipelines.apply(name).map(PipelineSnapshot::pipeline).orElseThrow(() -> new AwsException(
                PIPELINE_NOT_FOUND, "Account '" + settings.scope().accountId() + "' does not have a pipeline with"
                        + " name '" + name + "'"));
    }

    private StoredExecution stored(String pipelineName, String executionId) {
        StoredExecution execution = executions.get(executionId);
        if (execution == null || !execution.pipelineName().equals(pipelineName)) {
            throw new AwsException(PIPELINE_EXECUTION_NOT_FOUND, "Pipeline execution " + executionId + " of"
                    + " pipeline " + pipelineName + " not found" + (forgotten > 0 ? " (the mock forgets the oldest"
                            + " ended executions beyond " + settings.retainedFinishedExecutions() + ")" : ""));
        }
        return execution;
    }

    /** The execution's snapshot, for messages: a {@link NoSuchElementException} when unknown. */
    public PipelineExecutionSnapshot require(String executionId) {
        return findExecution(executionId).orElseThrow(() -> new NoSuchElementException("pipeline execution "
                + executionId + " is not in this mock; start it first, or list the known ones with"
                + " pipelineExecutions()"));
    }

    private static String key(String pipelineName, String stageName, String actionName) {
        return Objects.requireNonNull(pipelineName, "pipelineName") + "\n" + Objects.requireNonNull(stageName,
                "stageName") + "\n" + Objects.requireNonNull(actionName, "actionName");
    }

    private Instant now() {
        return settings.clock().instant();
    }
}
