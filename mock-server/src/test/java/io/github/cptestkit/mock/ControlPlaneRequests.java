package io.github.cptestkit.mock;

import java.util.Map;
import software.amazon.awssdk.services.codepipeline.CodePipelineClient;
import software.amazon.awssdk.services.codepipeline.model.ActionConfigurationProperty;
import software.amazon.awssdk.services.codepipeline.model.ActionDeclaration;
import software.amazon.awssdk.services.codepipeline.model.ActionTypeId;
import software.amazon.awssdk.services.codepipeline.model.ArtifactStore;
import software.amazon.awssdk.services.codepipeline.model.CreateCustomActionTypeResponse;
import software.amazon.awssdk.services.codepipeline.model.InputArtifact;
import software.amazon.awssdk.services.codepipeline.model.OutputArtifact;
import software.amazon.awssdk.services.codepipeline.model.PipelineDeclaration;
import software.amazon.awssdk.services.codepipeline.model.StageDeclaration;
import software.amazon.awssdk.services.codepipeline.model.Tag;

/** The control-plane requests the SDK tests start from, in the SDK's own types: the user guide tutorials'. */
final class ControlPlaneRequests {

    static final ActionTypeId CUSTOM_BUILD = ActionTypeId.builder().category("Build").owner("Custom")
            .provider("MyJenkinsProviderName").version("1").build();

    private ControlPlaneRequests() {}

    /** The tutorial's custom build type: ProjectName required, key and queryable; Token secret. */
    static CreateCustomActionTypeResponse createCustomBuildType(CodePipelineClient client) {
        return client.createCustomActionType(r -> r.category("Build").provider("MyJenkinsProviderName").version("1")
                .settings(s -> s.entityUrlTemplate("https://jenkins.example.com/job/{Config:ProjectName}/"))
                .configurationProperties(
                        ActionConfigurationProperty.builder().name("ProjectName").required(true).key(true)
                                .secret(false).queryable(true).description("The Jenkins project").type("String")
                                .build(),
                        ActionConfigurationProperty.builder().name("Token").required(false).key(false).secret(true)
                                .build())
                .inputArtifactDetails(d -> d.minimumCount(1).maximumCount(1))
                .outputArtifactDetails(d -> d.minimumCount(0).maximumCount(1))
                .tags(Tag.builder().key("team").value("builds").build()));
    }

    /** The user guide tutorials' pipeline: S3 source, the custom build action, a Lambda invoke action. */
    static PipelineDeclaration tutorial(String name) {
        return PipelineDeclaration.builder()
                .name(name)
                .roleArn("arn:aws:iam::123456789012:role/AWSCodePipelineServiceRole")
                .artifactStore(ArtifactStore.builder().type("S3").location("codepipeline-us-east-1-1234567890")
                        .build())
                .stages(
                        StageDeclaration.builder().name("Source").actions(ActionDeclaration.builder()
                                .name("Source")
                                .actionTypeId(t -> t.category("Source").owner("AWS").provider("S3").version("1"))
                                .configuration(Map.of("S3Bucket", "awscodepipeline-demobucket", "S3ObjectKey",
                                        "SampleApp.zip", "PollForSourceChanges", "false"))
                                .outputArtifacts(OutputArtifact.builder().name("SourceArtifact").build())
                                .namespace("SourceVariables")
                                .build()).build(),
                        StageDeclaration.builder().name("Build").actions(ActionDeclaration.builder()
                                .name("MyCustomBuild")
                                .actionTypeId(CUSTOM_BUILD)
                                .configuration(Map.of("ProjectName", "MyDemoProject", "Token", "t0ps3cret"))
                                .inputArtifacts(InputArtifact.builder().name("SourceArtifact").build())
                                .outputArtifacts(OutputArtifact.builder().name("BuildArtifact").build())
                                .build()).build(),
                        StageDeclaration.builder().name("Invoke").actions(ActionDeclaration.builder()
                                .name("MyLambdaFunction")
                                .actionTypeId(t -> t.category("Invoke").owner("AWS").provider("Lambda").version("1"))
                                .configuration(Map.of("FunctionName", "MyLambdaFunctionForAWSCodePipeline",
                                        "UserParameters", "#{SourceVariables.ETag}"))
                                .inputArtifacts(InputArtifact.builder().name("BuildArtifact").build())
                                .build()).build())
                .build();
    }
}
