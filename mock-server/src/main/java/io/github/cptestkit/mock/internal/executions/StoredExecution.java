package io.github.cptestkit.mock.internal.executions;

import io.github.cptestkit.mock.executions.ExecutionStart;
import io.github.cptestkit.mock.executions.PipelineExecutionSnapshot;
import io.github.cptestkit.mock.executions.PipelineExecutionStatus;
import io.github.cptestkit.mock.executions.StageExecutionStatus;
import io.github.cptestkit.mock.pipelines.ExecutionMode;
import io.github.cptestkit.mock.pipelines.PipelineDeclaration;
import io.github.cptestkit.mock.pipelines.StageDeclaration;
import io.github.cptestkit.wire.Artifact;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One pipeline execution and its mutable state, guarded by the engine's lock; nothing outside the engine sees it.
 * An execution is either waiting in front of stage {@link #stage} or running in it, until it ends.
 */
final class StoredExecution {

    enum Phase { WAITING, RUNNING, DONE }

    final String id;
    final long sequence;
    final PipelineDeclaration pipeline;
    final ExecutionMode mode;
    final ExecutionStart start;
    final Instant startTime;
    final Map<String, String> variables;
    Instant lastUpdateTime;
    PipelineExecutionStatus status = PipelineExecutionStatus.IN_PROGRESS;
    String statusSummary;
    Phase phase = Phase.WAITING;
    int stage;
    /** The runOrder whose actions run now in the current stage. */
    int runOrder;
    boolean stopRequested;
    final Map<String, StageExecutionStatus> stageStatus = new HashMap<>();
    final List<StoredAction> actions = new ArrayList<>();
    /** The variables of each namespace, as the actions that own them produced them. */
    final Map<String, Map<String, String>> namespaces = new HashMap<>();
    /** The artifacts produced so far, by name. */
    final Map<String, Artifact> artifacts = new LinkedHashMap<>();
    final List<PipelineExecutionSnapshot.ArtifactRevision> revisions = new ArrayList<>();

    StoredExecution(String id, long sequence, PipelineDeclaration pipeline, ExecutionStart start, Instant now,
            Map<String, String> variables) {
        this.id = id;
        this.sequence = sequence;
        this.pipeline = pipeline;
        this.mode = pipeline.executionMode() == null ? ExecutionMode.SUPERSEDED : pipeline.executionMode();
        this.start = start;
        this.startTime = now;
        this.lastUpdateTime = now;
        this.variables = variables;
    }

    String pipelineName() {
        return pipeline.name();
    }

    StageDeclaration currentStage() {
        return pipeline.stages().get(stage);
    }

    /** The latest run of an action of a stage, or empty. */
    Optional<StoredAction> latest(String stageName, String actionName) {
        for (int i = actions.size() - 1; i >= 0; i--) {
            StoredAction action = actions.get(i);
            if (action.stageName.equals(stageName) && action.name().equals(actionName)) {
                return Optional.of(action);
            }
        }
        return Optional.empty();
    }

    void end(PipelineExecutionStatus ended, String summary, Instant now) {
        status = ended;
        statusSummary = summary;
        phase = Phase.DONE;
        lastUpdateTime = now;
    }

    PipelineExecutionSnapshot snapshot() {
        return new PipelineExecutionSnapshot(id, pipeline.name(), pipeline.version() == null ? 1 : pipeline.version(),
                status, statusSummary, mode.wire(), "StartPipelineExecution", startTime, lastUpdateTime, variables,
                revisions, actions.stream().map(a -> a.snapshot(id)).toList());
    }
}
