package io.github.cptestkit.mock.executions;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * A pipeline execution as the mock sees it at one moment: its status, its variables, the source revisions it runs
 * on and every action run so far.
 *
 * <pre>{@code
 * PipelineExecutionSnapshot execution = mock.pipelineExecution(id);
 * assertThat(execution.status()).isEqualTo(PipelineExecutionStatus.SUCCEEDED);
 * assertThat(execution.action("Build").outputVariables()).containsKey("Version");
 * }</pre>
 *
 * @param pipelineExecutionId its id
 * @param pipelineName        the pipeline it runs
 * @param pipelineVersion     the pipeline version it started with (it runs that version to the end)
 * @param status              its status now
 * @param statusSummary       why it ended the way it did (a failure's message, a stop's reason), or {@code null}
 * @param executionMode       the pipeline's execution mode when it started
 * @param triggerType         what started it ({@code StartPipelineExecution}, ...)
 * @param startTime           when it started, by the mock's clock
 * @param lastUpdateTime      when it last changed
 * @param variables           its pipeline-level variables, resolved (defaults and the start's overrides)
 * @param artifactRevisions   the revisions its source actions produced, in stage order
 * @param actions             every action run so far, in the order they started
 */
public record PipelineExecutionSnapshot(String pipelineExecutionId, String pipelineName, int pipelineVersion,
        PipelineExecutionStatus status, String statusSummary, String executionMode, String triggerType,
        Instant startTime, Instant lastUpdateTime, Map<String, String> variables,
        List<ArtifactRevision> artifactRevisions, List<ActionExecutionSnapshot> actions) {

    /**
     * A revision a source action produced.
     *
     * <pre>{@code execution.artifactRevisions().get(0).revisionId()}</pre>
     *
     * @param name                     the artifact's name
     * @param revisionId               the revision (commit id, S3 version id, image digest)
     * @param revisionChangeIdentifier what changed (an S3 ETag, ...), or {@code null}
     * @param revisionSummary          a summary, or {@code null}
     * @param created                  when the revision was made
     */
    public record ArtifactRevision(String name, String revisionId, String revisionChangeIdentifier,
            String revisionSummary, Instant created) {
        /**
         * A {@code null} name is a {@link NullPointerException}.
         *
         * @param name                     the artifact's name
         * @param revisionId               the revision (commit id, S3 version id, image digest)
         * @param revisionChangeIdentifier what changed (an S3 ETag, ...), or {@code null}
         * @param revisionSummary          a summary, or {@code null}
         * @param created                  when the revision was made
         */
        public ArtifactRevision {
            Objects.requireNonNull(name, "name");
        }
    }

    /**
     * Copies the variables and lists (a {@code null} map is empty); the id and the status must not be {@code null}.
     *
     * @param pipelineExecutionId its id
     * @param pipelineName        the pipeline it runs
     * @param pipelineVersion     the pipeline version it started with (it runs that version to the end)
     * @param status              its status now
     * @param statusSummary       why it ended the way it did (a failure's message, a stop's reason), or {@code null}
     * @param executionMode       the pipeline's execution mode when it started
     * @param triggerType         what started it ({@code StartPipelineExecution}, ...)
     * @param startTime           when it started, by the mock's clock
     * @param lastUpdateTime      when it last changed
     * @param variables           its pipeline-level variables, resolved (defaults and the start's overrides)
     * @param artifactRevisions   the revisions its source actions produced, in stage order
     * @param actions             every action run so far, in the order they started
     */
    public PipelineExecutionSnapshot {
        Objects.requireNonNull(pipelineExecutionId, "pipelineExecutionId");
        Objects.requireNonNull(status, "status");
        variables = variables == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(variables));
        artifactRevisions = List.copyOf(artifactRevisions);
        actions = List.copyOf(actions);
    }

    /**
     * The latest run of the action named {@code actionName} (in any stage).
     *
     * @param actionName the action's name, as the pipeline declares it
     * @return its latest run (a retried stage's later run wins)
     * @throws NoSuchElementException naming the actions that did run, when it has not run
     */
    public ActionExecutionSnapshot action(String actionName) {
        for (int i = actions.size() - 1; i >= 0; i--) {
            if (actions.get(i).actionName().equals(actionName)) {
                return actions.get(i);
            }
        }
        throw new NoSuchElementException("pipeline execution " + pipelineExecutionId + " of " + pipelineName
                + " has not run an action named '" + actionName + "'; it ran "
                + actions.stream().map(ActionExecutionSnapshot::actionName).distinct().toList());
    }

    /**
     * The latest run of {@code actionName} in {@code stageName}, for a name that more than one stage uses.
     *
     * @param stageName  the stage's name
     * @param actionName the action's name in that stage
     * @return its latest run
     * @throws NoSuchElementException naming the stage.action pairs that did run, when it has not run
     */
    public ActionExecutionSnapshot action(String stageName, String actionName) {
        for (int i = actions.size() - 1; i >= 0; i--) {
            ActionExecutionSnapshot action = actions.get(i);
            if (action.actionName().equals(actionName) && action.stageName().equals(stageName)) {
                return action;
            }
        }
        throw new NoSuchElementException("pipeline execution " + pipelineExecutionId + " has not run action '"
                + actionName + "' of stage '" + stageName + "'; it ran " + actions.stream()
                        .map(a -> a.stageName() + "." + a.actionName()).distinct().toList());
    }

    /**
     * A multi-line account of the execution and each action (configuration values left out: they may be secret).
     *
     * @return the execution's line, then one indented line per action run, in the order they started
     */
    public String describe() {
        StringBuilder text = new StringBuilder("pipeline execution " + pipelineExecutionId + " of " + pipelineName
                + " (version " + pipelineVersion + "): " + status.wire()
                + (statusSummary == null ? "" : " (" + statusSummary + ")"));
        for (ActionExecutionSnapshot action : actions) {
            text.append("\n  ").append(action);
        }
        return text.toString();
    }
}
