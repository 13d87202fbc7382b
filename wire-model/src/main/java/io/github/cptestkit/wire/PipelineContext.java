package io.github.cptestkit.wire;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Where in a pipeline a job comes from. Third-party jobs carry neither {@code pipelineArn} nor
 * {@code pipelineExecutionId} (AWS omits them); custom-action jobs carry both.
 *
 * <pre>{@code
 * new PipelineContext("payments", new StageContext("Build"), new ActionContext("Build", executionId), null, null);
 * }</pre>
 *
 * @param pipelineName        the pipeline's name (1 to 100 of {@code [A-Za-z0-9.@\-_]})
 * @param stage               the stage the action is in
 * @param action              the action the job runs for
 * @param pipelineArn         {@code arn:aws:codepipeline:<region>:<account>:<pipeline>}, or {@code null} (third-party
 *                            jobs)
 * @param pipelineExecutionId the run of the pipeline, a lowercase UUID, or {@code null} (third-party jobs)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PipelineContext(String pipelineName, StageContext stage, ActionContext action, String pipelineArn,
        String pipelineExecutionId) {}
