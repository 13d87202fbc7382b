package io.github.cptestkit.mock.internal.executions;

import io.github.cptestkit.mock.executions.ActionExecutionSnapshot;
import io.github.cptestkit.mock.executions.ActionExecutionStatus;
import io.github.cptestkit.mock.executions.SimulatedAction;
import io.github.cptestkit.mock.pipelines.ActionDeclaration;
import io.github.cptestkit.wire.Artifact;
import io.github.cptestkit.wire.CurrentRevision;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One run of one action and its mutable state, guarded by the engine's lock; nothing outside the engine sees it.
 */
final class StoredAction {

    /** How the action is worked. */
    enum Kind { JOB, APPROVAL, SIMULATED }

    final String id;
    final String stageName;
    final ActionDeclaration declaration;
    final Instant startTime;
    final Kind kind;
    Instant lastUpdateTime;
    ActionExecutionStatus status = ActionExecutionStatus.IN_PROGRESS;
    Map<String, String> resolvedConfiguration = Map.of();
    List<Artifact> inputArtifacts = List.of();
    List<Artifact> outputArtifacts = List.of();
    Map<String, String> outputVariables = new LinkedHashMap<>();
    String externalExecutionId;
    String summary;
    String externalExecutionUrl;
    Integer percentComplete;
    String errorCode;
    String errorMessage;
    CurrentRevision currentRevision;
    final List<String> jobIds = new ArrayList<>();
    /** A simulated action's behaviour and when it is done; an approval's deadline. */
    SimulatedAction simulated;
    Instant dueAt;
    String token;
    /** What a simulated source produced, put in the bucket when it starts. */
    SimulatedSource.Produced produced;

    StoredAction(String id, String stageName, ActionDeclaration declaration, Instant startTime, Kind kind) {
        this.id = id;
        this.stageName = stageName;
        this.declaration = declaration;
        this.startTime = startTime;
        this.lastUpdateTime = startTime;
        this.kind = kind;
    }

    String name() {
        return declaration.name();
    }

    boolean inProgress() {
        return status == ActionExecutionStatus.IN_PROGRESS;
    }

    String currentJobId() {
        return jobIds.isEmpty() ? null : jobIds.get(jobIds.size() - 1);
    }

    void fail(Instant now, String code, String message) {
        status = ActionExecutionStatus.FAILED;
        errorCode = code;
        errorMessage = message;
        lastUpdateTime = now;
    }

    ActionExecutionSnapshot snapshot(String pipelineExecutionId) {
        return new ActionExecutionSnapshot(id, pipelineExecutionId, stageName, declaration.name(),
                declaration.actionTypeId(), status, startTime, lastUpdateTime, declaration.configuration(),
                resolvedConfiguration, declaration.namespace(), inputArtifacts, outputArtifacts, outputVariables,
                externalExecutionId, summary, externalExecutionUrl, percentComplete, errorCode, errorMessage, jobIds,
                inProgress() ? token : null);
    }
}
