package io.github.cptestkit.mock.internal.pipelines;

/**
 * The quotas the control plane enforces, AWS's defaults from the user guide's limits.md (9342aee): 1,000 pipelines
 * a Region (line 11), 50 custom action types a Region (line 14), 500 actions a pipeline (line 34), 1 to 50 actions a
 * stage (line 44), 2 to 50 stages a pipeline (line 46), 50 tags a resource (line 47). Going over one is
 * LimitExceededException (TooManyTagsException for tags); fewer than two stages is InvalidStructureException.
 *
 * <pre>{@code
 * ControlPlaneQuotas small = ControlPlaneQuotas.DEFAULT.withPipelines(3);   // a test of the pipeline quota
 * }</pre>
 *
 * @param pipelines          pipelines in the mock's Region
 * @param stagesPerPipeline  stages of one pipeline
 * @param actionsPerStage    actions of one stage
 * @param actionsPerPipeline actions of one pipeline
 * @param customActionTypes  custom action types (made by CreateCustomActionType) in the Region
 * @param tagsPerResource    tags of one pipeline or action type
 */
public record ControlPlaneQuotas(int pipelines, int stagesPerPipeline, int actionsPerStage, int actionsPerPipeline,
        int customActionTypes, int tagsPerResource) {

    /** AWS's default quotas. */
    public static final ControlPlaneQuotas DEFAULT = new ControlPlaneQuotas(1000, 50, 50, 500, 50, 50);

    public ControlPlaneQuotas {
        if (pipelines < 1 || stagesPerPipeline < 2 || actionsPerStage < 1 || actionsPerPipeline < 2
                || customActionTypes < 0 || tagsPerResource < 0) {
            throw new IllegalArgumentException("quotas must allow a two-stage pipeline, but were " + pipelines
                    + " pipelines, " + stagesPerPipeline + " stages, " + actionsPerStage + " actions a stage, "
                    + actionsPerPipeline + " actions a pipeline, " + customActionTypes + " custom action types, "
                    + tagsPerResource + " tags");
        }
    }

    /** The same quotas with another number of pipelines. */
    public ControlPlaneQuotas withPipelines(int count) {
        return new ControlPlaneQuotas(count, stagesPerPipeline, actionsPerStage, actionsPerPipeline,
                customActionTypes, tagsPerResource);
    }

    /** The same quotas with another number of custom action types. */
    public ControlPlaneQuotas withCustomActionTypes(int count) {
        return new ControlPlaneQuotas(pipelines, stagesPerPipeline, actionsPerStage, actionsPerPipeline, count,
                tagsPerResource);
    }
}
