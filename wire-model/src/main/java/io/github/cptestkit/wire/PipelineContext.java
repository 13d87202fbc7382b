package io.github.cptestkit.wire;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Where in a pipeline a job comes from. Third-party jobs carry neither {@code pipelineArn} nor
 * {@code pipelineExecutionId} (AWS omits them); custom-action jobs carry both.
 *
 * <pre>{@code
 * new PipelineContext("payments", new StageContext("Build"), new ActionContext("Build", executionId), null, null);
 * }</pre>
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PipelineContext(String pipelineName, StageContext stage, ActionContext action, String pipelineArn,
        String pipelineExecutionId) {}
