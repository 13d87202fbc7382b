package io.github.cptestkit.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cptestkit.mock.pipelines.ControlPlaneException;
import io.github.cptestkit.mock.pipelines.PipelineDeclaration;
import io.github.cptestkit.mock.pipelines.StageDeclaration;
import io.github.cptestkit.wire.ActionCategory;
import io.github.cptestkit.wire.ActionOwner;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.codepipeline.CodePipelineClient;
import software.amazon.awssdk.services.codepipeline.model.ActionDeclaration;
import software.amazon.awssdk.services.codepipeline.model.BlockerDeclaration;
import software.amazon.awssdk.services.codepipeline.model.CodePipelineException;
import software.amazon.awssdk.services.codepipeline.model.InputArtifact;
import software.amazon.awssdk.services.codepipeline.model.InvalidActionDeclarationException;
import software.amazon.awssdk.services.codepipeline.model.InvalidArnException;
import software.amazon.awssdk.services.codepipeline.model.InvalidBlockerDeclarationException;
import software.amazon.awssdk.services.codepipeline.model.InvalidStageDeclarationException;
import software.amazon.awssdk.services.codepipeline.model.InvalidStructureException;
import software.amazon.awssdk.services.codepipeline.model.InvalidTagsException;
import software.amazon.awssdk.services.codepipeline.model.LimitExceededException;
import software.amazon.awssdk.services.codepipeline.model.PipelineNotFoundException;
import software.amazon.awssdk.services.codepipeline.model.ResourceNotFoundException;
import software.amazon.awssdk.services.codepipeline.model.Tag;
import software.amazon.awssdk.services.codepipeline.model.ValidationException;

/**
 * Every error of the pipeline and action type operations, reached through the AWS SDK for Java v2's own exception
 * classes, each with a message naming the stage and action; after each refusal the mock still serves and holds
 * nothing of the refused request.
 */
class ControlPlaneErrorsSdkTest {

    static CodePipelineMock mock;
    static CodePipelineClient client;

    @BeforeAll
    static void start() {
        mock = CodePipelineMock.builder().build().start();
        client = SdkClients.oneAttempt(mock);
    }

    @AfterAll
    static void stop() {
        client.close();
        mock.close();
    }

    @BeforeEach
    void customType() {
        mock.reset();
        ControlPlaneRequests.createCustomBuildType(client);
    }

    @AfterEach
    void nothingWasCreatedAndTheMockHadNoProblem() {
        assertThat(client.listPipelines().pipelines()).isEmpty();
        assertThat(mock.problems()).isEmpty();
    }

    static software.amazon.awssdk.services.codepipeline.model.PipelineDeclaration tutorialWith(
            UnaryOperator<List<software.amazon.awssdk.services.codepipeline.model.StageDeclaration>> change) {
        var pipeline = ControlPlaneRequests.tutorial("Broken");
        return pipeline.toBuilder().stages(change.apply(new ArrayList<>(pipeline.stages()))).build();
    }

    /** The tutorial pipeline with the (only) action of stage {@code stage} changed. */
    static software.amazon.awssdk.services.codepipeline.model.PipelineDeclaration actionChanged(int stage,
            UnaryOperator<ActionDeclaration.Builder> change) {
        return tutorialWith(stages -> {
            var declaration = stages.get(stage);
            stages.set(stage, declaration.toBuilder()
                    .actions(change.apply(declaration.actions().get(0).toBuilder()).build()).build());
            return stages;
        });
    }

    static AbstractThrowableAssert<?, ? extends Throwable> creating(
            software.amazon.awssdk.services.codepipeline.model.PipelineDeclaration pipeline) {
        return assertThatThrownBy(() -> client.createPipeline(r -> r.pipeline(pipeline)));
    }

    @Test
    void aPipelineOfOneStageIsInvalidStructureException() {
        creating(tutorialWith(stages -> stages.subList(0, 1)))
                .isInstanceOf(InvalidStructureException.class)
                .hasMessageContaining("Pipeline 'Broken' has 1 stage")
                .hasMessageContaining("at least two stages");
    }

    @Test
    void aBuildActionInTheSourceStageIsInvalidStructureExceptionNamingStageAndAction() {
        creating(tutorialWith(stages -> {
            stages.set(0, stages.get(0).toBuilder().actions(stages.get(0).actions().get(0),
                    stages.get(1).actions().get(0)).build());
            return stages;
        }))
                .isInstanceOf(InvalidStructureException.class)
                .hasMessageContaining("MyCustomBuild")
                .hasMessageContaining("Source");
    }

    @Test
    void aStageWithoutActionsIsInvalidStageDeclarationException() {
        creating(tutorialWith(stages -> {
            stages.set(1, stages.get(1).toBuilder().actions(List.of()).build());
            return stages;
        }))
                .isInstanceOf(InvalidStageDeclarationException.class)
                .hasMessageContaining("Build");
    }

    @Test
    void anInputArtifactNoEarlierActionProducesIsInvalidActionDeclarationException() {
        creating(actionChanged(1, action -> action.inputArtifacts(InputArtifact.builder().name("Nowhere").build())))
                .isInstanceOf(InvalidActionDeclarationException.class)
                .hasMessageContaining("MyCustomBuild")
                .hasMessageContaining("Build")
                .hasMessageContaining("Nowhere");
    }

    @Test
    void aCustomTypeNeverCreatedIsNotAvailableAsInvalidActionDeclarationException() {
        creating(actionChanged(1, action -> action.actionTypeId(t -> t.category("Build").owner("Custom")
                .provider("NeverCreated").version("1"))))
                .isInstanceOf(InvalidActionDeclarationException.class)
                .hasMessageContaining("Provider: 'NeverCreated'")
                .hasMessageContaining("is not available");
    }

    @Test
    void aMissingRequiredPropertyIsInvalidActionDeclarationExceptionNamingIt() {
        creating(actionChanged(1, action -> action.configuration(java.util.Map.of("Token", "x"))))
                .isInstanceOf(InvalidActionDeclarationException.class)
                .hasMessageContaining("ProjectName")
                .hasMessageContaining("MyCustomBuild");
    }

    @Test
    void aBlockerNameUsedTwiceIsInvalidBlockerDeclarationException() {
        BlockerDeclaration blocker = BlockerDeclaration.builder().name("Nightly").type("Schedule").build();
        creating(tutorialWith(stages -> {
            stages.set(1, stages.get(1).toBuilder().blockers(blocker, blocker).build());
            return stages;
        }))
                .isInstanceOf(InvalidBlockerDeclarationException.class)
                .hasMessageContaining("Nightly")
                .hasMessageContaining("Build");
    }

    @Test
    void fiftyOneStagesAreLimitExceededException() {
        creating(tutorialWith(stages -> {
            for (int i = 0; stages.size() < 51; i++) {
                stages.add(software.amazon.awssdk.services.codepipeline.model.StageDeclaration.builder()
                        .name("Approve" + i).actions(ActionDeclaration.builder().name("Approve")
                                .actionTypeId(t -> t.category("Approval").owner("AWS").provider("Manual")
                                        .version("1")).build()).build());
            }
            return stages;
        }))
                .isInstanceOf(LimitExceededException.class)
                .hasMessageContaining("has 51 stages")
                .hasMessageContaining("at most 50");
    }

    @Test
    void aRunOrderOfZeroIsValidationExceptionInAwsWords() {
        creating(actionChanged(1, action -> action.runOrder(0)))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("1 validation error detected")
                .hasMessageContaining("runOrder")
                .hasMessageContaining("greater than or equal to 1");
    }

    @Test
    void updatingAPipelineThatDoesNotExistIsPipelineNotFoundException() {
        assertThatThrownBy(() -> client.updatePipeline(r -> r.pipeline(ControlPlaneRequests.tutorial("Nowhere"))))
                .isInstanceOf(PipelineNotFoundException.class)
                .hasMessageContaining("Nowhere");
    }

    @Test
    void tagErrorsAreInvalidTagsResourceNotFoundAndInvalidArnExceptions() {
        assertThatThrownBy(() -> client.createPipeline(r -> r.pipeline(ControlPlaneRequests.tutorial("Tagged"))
                .tags(Tag.builder().key("aws:reserved").value("x").build())))
                .isInstanceOf(InvalidTagsException.class)
                .hasMessageContaining("aws:");
        assertThatThrownBy(() -> client.untagResource(r -> r
                .resourceArn("arn:aws:codepipeline:us-east-1:123456789012:Nowhere").tagKeys("a")))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageContaining("Nowhere");
        assertThatThrownBy(() -> client.listTagsForResource(r -> r
                .resourceArn("arn:aws:codepipeline:us-east-1:123456789012:actiontype:Nobody/Build/X/1")))
                .isInstanceOf(InvalidArnException.class)
                .hasMessageContaining("owner");
        assertThatThrownBy(() -> client.listTagsForResource(r -> r.resourceArn("arn:aws:s3:::not-a-pipeline")))
                .as("an ARN of another service is refused by the model's pattern first")
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void theJavaApiRefusesWithTheSameAwsErrorAndMessage() {
        PipelineDeclaration oneStage = PipelineDeclaration.builder("OneStage")
                .roleArn("arn:aws:iam::123456789012:role/AWSCodePipelineServiceRole")
                .artifactStore(io.github.cptestkit.mock.pipelines.ArtifactStore.s3("bucket"))
                .stage(StageDeclaration.of("Source", io.github.cptestkit.mock.pipelines.ActionDeclaration.of("Source",
                        new io.github.cptestkit.wire.ActionTypeId(ActionCategory.SOURCE, ActionOwner.AWS, "S3", "1"))
                        .withConfiguration(java.util.Map.of("S3Bucket", "b", "S3ObjectKey", "k"))
                        .withOutputArtifacts("Out")))
                .build();

        assertThatThrownBy(() -> mock.createPipeline(oneStage))
                .isInstanceOfSatisfying(ControlPlaneException.class,
                        refused -> assertThat(refused.errorType()).isEqualTo("InvalidStructureException"))
                .hasMessageContaining("OneStage");
    }

    @Test
    void aRefusalLeavesTheMockServing() {
        creating(tutorialWith(stages -> stages.subList(0, 1))).isInstanceOf(CodePipelineException.class);

        assertThat(client.createPipeline(r -> r.pipeline(ControlPlaneRequests.tutorial("Fine"))).pipeline()
                .version()).isEqualTo(1);
        client.deletePipeline(r -> r.name("Fine"));
    }
}
