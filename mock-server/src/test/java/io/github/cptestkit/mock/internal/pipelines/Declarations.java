package io.github.cptestkit.mock.internal.pipelines;

import io.github.cptestkit.mock.pipelines.ActionDeclaration;
import io.github.cptestkit.mock.pipelines.ActionType;
import io.github.cptestkit.mock.pipelines.ArtifactDetails;
import io.github.cptestkit.mock.pipelines.ArtifactStore;
import io.github.cptestkit.mock.pipelines.ConfigurationProperty;
import io.github.cptestkit.mock.pipelines.PipelineDeclaration;
import io.github.cptestkit.mock.pipelines.StageDeclaration;
import io.github.cptestkit.wire.ActionCategory;
import io.github.cptestkit.wire.ActionOwner;
import io.github.cptestkit.wire.ActionTypeId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** The declarations the control-plane tests start from: the user guide tutorials' three-stage pipeline. */
final class Declarations {

    static final ActionTypeId S3_SOURCE = new ActionTypeId(ActionCategory.SOURCE, ActionOwner.AWS, "S3", "1");
    static final ActionTypeId LAMBDA = new ActionTypeId(ActionCategory.INVOKE, ActionOwner.AWS, "Lambda", "1");
    static final ActionTypeId CODEBUILD = new ActionTypeId(ActionCategory.BUILD, ActionOwner.AWS, "CodeBuild", "1");
    static final ActionTypeId MANUAL = new ActionTypeId(ActionCategory.APPROVAL, ActionOwner.AWS, "Manual", "1");
    static final ActionTypeId CUSTOM_BUILD =
            new ActionTypeId(ActionCategory.BUILD, ActionOwner.CUSTOM, "MyJenkinsProviderName", "1");

    private Declarations() {}

    /** The custom build type of the tutorial: ProjectName required, key and queryable; Token secret. */
    static ActionType customBuildType() {
        return new ActionType(CUSTOM_BUILD, null, List.of(
                ConfigurationProperty.required("ProjectName").asKey().asQueryable(),
                ConfigurationProperty.optional("Token").asSecret()),
                ArtifactDetails.between(1, 1), ArtifactDetails.between(0, 1));
    }

    static ActionDeclaration source() {
        return ActionDeclaration.of("Source", S3_SOURCE)
                .withConfiguration(Map.of("S3Bucket", "awscodepipeline-demobucket", "S3ObjectKey", "SampleApp.zip",
                        "PollForSourceChanges", "false"))
                .withOutputArtifacts("SourceArtifact")
                .withNamespace("SourceVariables");
    }

    static ActionDeclaration build() {
        return ActionDeclaration.of("MyCustomBuild", CUSTOM_BUILD)
                .withConfiguration(Map.of("ProjectName", "MyDemoProject"))
                .withInputArtifacts("SourceArtifact")
                .withOutputArtifacts("BuildArtifact")
                .withNamespace("BuildVariables");
    }

    static ActionDeclaration invoke() {
        return ActionDeclaration.of("MyLambdaFunction", LAMBDA)
                .withConfiguration(Map.of("FunctionName", "MyLambdaFunctionForAWSCodePipeline",
                        "UserParameters", "#{BuildVariables.Version}-#{SourceVariables.ETag}"))
                .withInputArtifacts("BuildArtifact");
    }

    /** S3 source, the custom build action, a Lambda invoke action reading the build's variable. */
    static PipelineDeclaration tutorial() {
        return PipelineDeclaration.builder("MyFirstPipeline")
                .roleArn("arn:aws:iam::123456789012:role/AWSCodePipelineServiceRole")
                .artifactStore(ArtifactStore.s3("codepipeline-us-east-1-1234567890"))
                .stage(StageDeclaration.of("Source", source()))
                .stage(StageDeclaration.of("Build", build()))
                .stage(StageDeclaration.of("Invoke", invoke()))
                .build();
    }

    /** The tutorial pipeline with stage {@code stageIndex} changed. */
    static PipelineDeclaration withStage(int stageIndex, UnaryOperator<StageDeclaration> change) {
        PipelineDeclaration pipeline = tutorial();
        List<StageDeclaration> stages = new ArrayList<>(pipeline.stages());
        stages.set(stageIndex, change.apply(stages.get(stageIndex)));
        return pipeline.withStages(stages);
    }

    /** The tutorial pipeline with the first action of stage {@code stageIndex} changed. */
    static PipelineDeclaration withAction(int stageIndex, UnaryOperator<ActionDeclaration> change) {
        return withStage(stageIndex, stage -> {
            List<ActionDeclaration> actions = new ArrayList<>(stage.actions());
            actions.set(0, change.apply(actions.get(0)));
            return new StageDeclaration(stage.name(), stage.blockers(), actions, stage.otherMembers());
        });
    }

    /** The stage with one more action. */
    static StageDeclaration plus(StageDeclaration stage, ActionDeclaration action) {
        List<ActionDeclaration> actions = new ArrayList<>(stage.actions());
        actions.add(action);
        return new StageDeclaration(stage.name(), stage.blockers(), actions, stage.otherMembers());
    }
}
