package io.github.cptestkit.mock.executions;

import io.github.cptestkit.wire.ActionTypeId;
import io.github.cptestkit.wire.Artifact;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One run of one action in one pipeline execution (a retried stage runs its actions again: each run is a snapshot
 * of its own), at one moment: what it received and what it produced.
 *
 * <pre>{@code
 * ActionExecutionSnapshot build = mock.pipelineExecution(id).action("Build");
 * assertThat(build.resolvedConfiguration()).containsEntry("Env", "prod");
 * assertThat(build.outputVariables()).containsEntry("Version", "1.4");
 * }</pre>
 *
 * @param actionExecutionId     its id (also the job's {@code pipelineContext.action.actionExecutionId})
 * @param pipelineExecutionId   the execution it belongs to
 * @param stageName             its stage
 * @param actionName            its name
 * @param actionTypeId          its action type
 * @param status                its status now
 * @param startTime             when it started, by the mock's clock
 * @param lastUpdateTime        when it last changed
 * @param configuration         its configuration as declared ({@code #{...}} references unresolved)
 * @param resolvedConfiguration its configuration with every reference resolved, as its job received it
 * @param namespace             its variables' namespace, or {@code null}
 * @param inputArtifacts        the artifacts it read (name, revision, S3 location)
 * @param outputArtifacts       the artifacts it produced (name, revision, S3 location)
 * @param outputVariables       the variables it produced (empty until it succeeds)
 * @param externalExecutionId   the worker's or fake's external execution id, or {@code null}
 * @param summary               the execution summary reported, or {@code null}
 * @param externalExecutionUrl  the URL reported, or {@code null}
 * @param percentComplete       the progress reported, or {@code null}
 * @param errorCode             why it failed (e.g. {@code JobFailed}), or {@code null}
 * @param errorMessage          the failure's message, or {@code null}
 * @param jobIds                the jobs it was worked through, oldest first (continuations follow their parent);
 *                              empty for a simulated action
 * @param token                 the approval token of a waiting manual approval, or {@code null}
 */
public record ActionExecutionSnapshot(String actionExecutionId, String pipelineExecutionId, String stageName,
        String actionName, ActionTypeId actionTypeId, ActionExecutionStatus status, Instant startTime,
        Instant lastUpdateTime, Map<String, String> configuration, Map<String, String> resolvedConfiguration,
        String namespace, List<Artifact> inputArtifacts, List<Artifact> outputArtifacts,
        Map<String, String> outputVariables, String externalExecutionId, String summary, String externalExecutionUrl,
        Integer percentComplete, String errorCode, String errorMessage, List<String> jobIds, String token) {

    /**
     * Copies the maps and lists (a {@code null} map is empty); the id and the status must not be {@code null}.
     *
     * @param actionExecutionId     its id (also the job's {@code pipelineContext.action.actionExecutionId})
     * @param pipelineExecutionId   the execution it belongs to
     * @param stageName             its stage
     * @param actionName            its name
     * @param actionTypeId          its action type
     * @param status                its status now
     * @param startTime             when it started, by the mock's clock
     * @param lastUpdateTime        when it last changed
     * @param configuration         its configuration as declared ({@code #{...}} references unresolved)
     * @param resolvedConfiguration its configuration with every reference resolved, as its job received it
     * @param namespace             its variables' namespace, or {@code null}
     * @param inputArtifacts        the artifacts it read (name, revision, S3 location)
     * @param outputArtifacts       the artifacts it produced (name, revision, S3 location)
     * @param outputVariables       the variables it produced (empty until it succeeds)
     * @param externalExecutionId   the worker's or fake's external execution id, or {@code null}
     * @param summary               the execution summary reported, or {@code null}
     * @param externalExecutionUrl  the URL reported, or {@code null}
     * @param percentComplete       the progress reported, or {@code null}
     * @param errorCode             why it failed (e.g. {@code JobFailed}), or {@code null}
     * @param errorMessage          the failure's message, or {@code null}
     * @param jobIds                the jobs it was worked through, oldest first (continuations follow their parent);
     *                              empty for a simulated action
     * @param token                 the approval token of a waiting manual approval, or {@code null}
     */
    public ActionExecutionSnapshot {
        Objects.requireNonNull(actionExecutionId, "actionExecutionId");
        Objects.requireNonNull(status, "status");
        configuration = copy(configuration);
        resolvedConfiguration = copy(resolvedConfiguration);
        outputVariables = copy(outputVariables);
        inputArtifacts = List.copyOf(inputArtifacts);
        outputArtifacts = List.copyOf(outputArtifacts);
        jobIds = List.copyOf(jobIds);
    }

    private static Map<String, String> copy(Map<String, String> map) {
        return map == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    /** Shows configuration keys and variable names, never values: secrets travel in configuration. */
    @Override
    public String toString() {
        return stageName + "." + actionName + " [" + status.wire() + "] (" + actionExecutionId + ", configuration keys "
                + resolvedConfiguration.keySet() + ", output variables " + outputVariables.keySet()
                + (errorCode == null ? "" : ", error " + errorCode + ": " + errorMessage)
                + (jobIds.isEmpty() ? "" : ", jobs " + jobIds) + ")";
    }
}
