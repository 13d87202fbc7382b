package io.github.cptestkit.mock.internal.pipelines;

import static io.github.cptestkit.mock.internal.pipelines.Declarations.CODEBUILD;
import static io.github.cptestkit.mock.internal.pipelines.Declarations.CUSTOM_BUILD;
import static io.github.cptestkit.mock.internal.pipelines.Declarations.MANUAL;
import static io.github.cptestkit.mock.internal.pipelines.Declarations.plus;
import static io.github.cptestkit.mock.internal.pipelines.Declarations.tutorial;
import static io.github.cptestkit.mock.internal.pipelines.Declarations.withAction;
import static io.github.cptestkit.mock.internal.pipelines.Declarations.withStage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.cptestkit.mock.MockClock;
import io.github.cptestkit.mock.jobs.ActionTypeSettings;
import io.github.cptestkit.mock.pipelines.ActionDeclaration;
import io.github.cptestkit.mock.pipelines.ArtifactStore;
import io.github.cptestkit.mock.pipelines.BlockerDeclaration;
import io.github.cptestkit.mock.pipelines.ExecutionMode;
import io.github.cptestkit.mock.pipelines.PipelineDeclaration;
import io.github.cptestkit.mock.pipelines.PipelineType;
import io.github.cptestkit.mock.pipelines.PipelineVariableDeclaration;
import io.github.cptestkit.mock.pipelines.StageDeclaration;
import io.github.cptestkit.schemas.AwsError;
import io.github.cptestkit.wire.ActionCategory;
import io.github.cptestkit.wire.ActionOwner;
import io.github.cptestkit.wire.ActionTypeId;
import io.github.cptestkit.wire.EncryptionKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Each rule CodePipeline checks a declaration against, with its exception and a message naming where. */
class PipelineRulesTest {

    ControlPlane controlPlane;

    @BeforeEach
    void controlPlaneWithTheTutorialsCustomType() {
        controlPlane = new ControlPlane(MockClock.at(Instant.parse("2026-01-01T00:00:00Z")),
                ControlPlaneScope.DEFAULT, ControlPlaneQuotas.DEFAULT);
        controlPlane.createCustomActionType(Declarations.customBuildType(), List.of());
    }

    ControlPlaneRefusal refusalOf(PipelineDeclaration pipeline) {
        ControlPlaneRefusal refusal = catchThrowableOfType(() -> controlPlane.createPipeline(pipeline, List.of()),
                ControlPlaneRefusal.class);
        assertThat(refusal).as("CreatePipeline refuses the declaration").isNotNull();
        assertThat(controlPlane.findPipeline(pipeline.name())).as("a refused pipeline is not kept").isEmpty();
        return refusal;
    }

    static StageDeclaration stage(String name, ActionDeclaration... actions) {
        return StageDeclaration.of(name, actions);
    }

    @Test
    void theTutorialPipelineIsAcceptedUnchanged() {
        assertThat(controlPlane.createPipeline(tutorial(), List.of()).version()).isEqualTo(1);
    }

    @Nested
    class PipelineStructure {

        @Test
        void aPipelineOfOneStageIsAnInvalidStructure() {
            ControlPlaneRefusal refusal = refusalOf(tutorial().withStages(List.of(tutorial().stages().get(0))));
            assertThat(refusal.error()).isEqualTo(AwsError.INVALID_STRUCTURE);
            assertThat(refusal).hasMessageContaining("Pipeline 'MyFirstPipeline' has 1 stage")
                    .hasMessageContaining("at least two stages");
        }

        @Test
        void twoStagesOfOneNameAreAnInvalidStructure() {
            ControlPlaneRefusal refusal = refusalOf(withStage(2, s -> new StageDeclaration("Build", null,
                    s.actions(), null)));
            assertThat(refusal.error()).isEqualTo(AwsError.INVALID_STRUCTURE);
            assertThat(refusal).hasMessageContaining("Stage name 'Build' is used by more than one stage");
        }

        @Test
        void aNonSourceActionInTheFirstStageIsAnInvalidStructureNamingTheAction() {
            ActionDeclaration approve = ActionDeclaration.of("Approve", MANUAL);
            ControlPlaneRefusal refusal = refusalOf(withStage(0, s -> plus(s, approve)));
            assertThat(refusal.error()).isEqualTo(AwsError.INVALID_STRUCTURE);
            assertThat(refusal).hasMessageContaining("Action 'Approve' in stage 'Source'")
                    .hasMessageContaining("source actions only");
        }

        @Test
        void aSourceActionOutsideTheFirstStageIsAnInvalidStructure() {
            ActionDeclaration second = Declarations.source().withOutputArtifacts("Other").withNamespace(null)
                    .withRunOrder(2);
            ControlPlaneRefusal refusal = refusalOf(withStage(1, s -> plus(s, new ActionDeclaration("Fetch",
                    second.actionTypeId(), 2, second.configuration(), List.of(), List.of("Other"), null, null, null,
                    null, null))));
            assertThat(refusal.error()).isEqualTo(AwsError.INVALID_STRUCTURE);
            assertThat(refusal).hasMessageContaining("Action 'Fetch' in stage 'Build'")
                    .hasMessageContaining("only the first stage ('Source')");
        }

        @Test
        void bothArtifactStoreAndArtifactStoresOrNeitherAreInvalidStructures() {
            PipelineDeclaration both = tutorial().toBuilder()
                    .artifactStore("us-east-1", ArtifactStore.s3("bucket-us-east-1")).build();
            assertThat(refusalOf(both)).hasMessageContaining("both artifactStore and artifactStores")
                    .extracting(ControlPlaneRefusal::error).isEqualTo(AwsError.INVALID_STRUCTURE);
            PipelineDeclaration neither = tutorial().toBuilder().artifactStore(null).build();
            assertThat(refusalOf(neither)).hasMessageContaining("declares no artifact store")
                    .extracting(ControlPlaneRefusal::error).isEqualTo(AwsError.INVALID_STRUCTURE);
        }

        @Test
        void artifactStoresNeedThePipelinesRegionAndEachRegionOfACrossRegionAction() {
            PipelineDeclaration otherRegionOnly = tutorial().toBuilder().artifactStore(null)
                    .artifactStore("eu-west-1", ArtifactStore.s3("bucket-eu")).build();
            assertThat(refusalOf(otherRegionOnly)).hasMessageContaining("none for the pipeline's Region us-east-1");

            PipelineDeclaration crossRegion = withAction(2, a -> a.withRegion("eu-west-1"));
            assertThat(refusalOf(crossRegion)).hasMessageContaining("Action 'MyLambdaFunction' in stage 'Invoke'")
                    .hasMessageContaining("needs artifactStores with a store for eu-west-1");

            PipelineDeclaration perRegion = crossRegion.toBuilder().artifactStore(null)
                    .artifactStore("us-east-1", ArtifactStore.s3("bucket-us").withEncryptionKey(
                            EncryptionKey.kms("arn:aws:kms:us-east-1:123456789012:key/k")))
                    .artifactStore("eu-west-1", ArtifactStore.s3("bucket-eu")).build();
            assertThat(controlPlane.createPipeline(perRegion, List.of()).pipeline().artifactStores())
                    .containsOnlyKeys("us-east-1", "eu-west-1");
        }

        @Test
        void customSourceAndPartnerActionsCannotBeCrossRegion() {
            ControlPlaneRefusal refusal = refusalOf(withAction(1, a -> a.withRegion("eu-west-1")));
            assertThat(refusal.error()).isEqualTo(AwsError.INVALID_ACTION_DECLARATION);
            assertThat(refusal).hasMessageContaining("Action 'MyCustomBuild' in stage 'Build'")
                    .hasMessageContaining("cannot be cross-Region");
        }

        @Test
        void v2MembersInAV1PipelineAreAnInvalidStructureAndWithoutATypeMakeItV2() {
            PipelineDeclaration queued = tutorial().toBuilder().executionMode(ExecutionMode.QUEUED)
                    .variable(new PipelineVariableDeclaration("Env", "test", null)).build();
            assertThat(refusalOf(queued.toBuilder().pipelineType(PipelineType.V1).build()))
                    .hasMessageContaining("pipelineType V1 but declares [variables, executionMode QUEUED]")
                    .extracting(ControlPlaneRefusal::error).isEqualTo(AwsError.INVALID_STRUCTURE);
            PipelineDeclaration kept = controlPlane.createPipeline(queued, List.of()).pipeline();
            assertThat(kept.pipelineType()).isEqualTo(PipelineType.V2);
            assertThat(kept.executionMode()).isEqualTo(ExecutionMode.QUEUED);
        }

        @Test
        void aPipelineWithoutTypeOrModeGetsV1AndSuperseded() {
            PipelineDeclaration kept = controlPlane.createPipeline(tutorial(), List.of()).pipeline();
            assertThat(kept.pipelineType()).isEqualTo(PipelineType.V1);
            assertThat(kept.executionMode()).isEqualTo(ExecutionMode.SUPERSEDED);
        }

        @Test
        void aPipelineVariableDeclaredTwiceIsAnInvalidStructure() {
            PipelineDeclaration twice = tutorial().toBuilder().pipelineType(PipelineType.V2)
                    .variable(new PipelineVariableDeclaration("Env", "a", null))
                    .variable(new PipelineVariableDeclaration("Env", "b", null)).build();
            assertThat(refusalOf(twice)).hasMessageContaining("Pipeline variable 'Env' is declared more than once");
        }
    }

    @Nested
    class Stages {

        @Test
        void aStageWithoutActionsIsAnInvalidStageDeclaration() {
            ControlPlaneRefusal refusal = refusalOf(withStage(2, s -> new StageDeclaration("Invoke", null, List.of(),
                    null)));
            assertThat(refusal.error()).isEqualTo(AwsError.INVALID_STAGE_DECLARATION);
            assertThat(refusal).hasMessageContaining("Stage 'Invoke' of pipeline 'MyFirstPipeline' has no actions");
        }

        @Test
        void twoActionsOfOneNameInAStageAreAnInvalidActionDeclaration() {
            ControlPlaneRefusal refusal = refusalOf(withStage(2, s -> plus(s, Declarations.invoke()
                    .withInputArtifacts())));
            assertThat(refusal.error()).isEqualTo(AwsError.INVALID_ACTION_DECLARATION);
            assertThat(refusal).hasMessageContaining("Action name 'MyLambdaFunction' is used by more than one action"
                    + " of stage 'Invoke'");
        }

        @Test
        void aBlockerNameUsedTwiceIsAnInvalidBlockerDeclaration() {
            ControlPlaneRefusal refusal = refusalOf(withStage(1, s -> new StageDeclaration(s.name(), List.of(
                    new BlockerDeclaration("Window", "Schedule"), new BlockerDeclaration("Window", "Schedule")),
                    s.actions(), null)));
            assertThat(refusal.error()).isEqualTo(AwsError.INVALID_BLOCKER_DECLARATION);
            assertThat(refusal).hasMessageContaining("Blocker 'Window' is declared more than once in stage 'Build'");
        }

        @Test
        void fiftyOneActionsInAStageExceedTheQuota() {
            List<ActionDeclaration> approvals = new ArrayList<>();
            for (int i = 0; i < 51; i++) {
                approvals.add(ActionDeclaration.of("Approve" + i, MANUAL));
            }
            ControlPlaneRefusal refusal = refusalOf(withStage(2, s -> new StageDeclaration("Invoke", null, approvals,
                    null)));
            assertThat(refusal.error()).isEqualTo(AwsError.LIMIT_EXCEEDED);
            assertThat(refusal).hasMessageContaining("Stage 'Invoke' of pipeline 'MyFirstPipeline' has 51 actions")
                    .hasMessageContaining("at most 50");
        }

        @Test
        void fiftyOneStagesExceedTheQuota() {
            PipelineDeclaration.Builder builder = tutorial().toBuilder();
            for (int i = 0; i < 48; i++) {
                builder.stage(stage("Approve" + i, ActionDeclaration.of("Approve", MANUAL)));
            }
            ControlPlaneRefusal refusal = refusalOf(builder.build());
            assertThat(refusal.error()).isEqualTo(AwsError.LIMIT_EXCEEDED);
            assertThat(refusal).hasMessageContaining("has 51 stages");
        }

        @Test
        void moreThan500ActionsInAPipelineExceedTheQuota() {
            PipelineDeclaration.Builder builder = tutorial().toBuilder();
            for (int s = 0; s < 11; s++) {
                List<ActionDeclaration> actions = new ArrayList<>();
                for (int i = 0; i < 50; i++) {
                    actions.add(ActionDeclaration.of("Approve" + i, MANUAL));
                }
                builder.stage(new StageDeclaration("Approvals" + s, null, actions, null));
            }
            ControlPlaneRefusal refusal = refusalOf(builder.build());
            assertThat(refusal.error()).isEqualTo(AwsError.LIMIT_EXCEEDED);
            assertThat(refusal).hasMessageContaining("has 553 actions").hasMessageContaining("at most 500");
        }
    }

    @Nested
    class ActionTypes {

        @Test
        void aCustomTypeNotCreatedIsNotAvailableInAwsWords() {
            ActionTypeId unknown = new ActionTypeId(ActionCategory.BUILD, ActionOwner.CUSTOM, "Nobody", "1");
            ControlPlaneRefusal refusal = refusalOf(withAction(1, a -> new ActionDeclaration(a.name(), unknown, 1,
                    a.configuration(), a.inputArtifacts(), a.outputArtifacts(), a.namespace(), null, null, null, null)));
            assertThat(refusal.error()).isEqualTo(AwsError.INVALID_ACTION_DECLARATION);
            assertThat(refusal).hasMessageStartingWith("ActionType (Category: 'Build', Provider: 'Nobody', Owner:"
                    + " 'Custom', Version: '1') in action 'MyCustomBuild' is not available (stage 'Build'")
                    .hasMessageContaining("CreateCustomActionType");
        }

        @Test
        void anAwsProviderOfTheWrongCategoryIsNotAvailable() {
            ActionTypeId lambdaAsBuild = new ActionTypeId(ActionCategory.BUILD, ActionOwner.AWS, "Lambda", "1");
            ControlPlaneRefusal refusal = refusalOf(withAction(2, a -> new ActionDeclaration(a.name(), lambdaAsBuild,
                    1, a.configuration(), a.inputArtifacts(), List.of(), null, null, null, null, null)));
            assertThat(refusal).hasMessageContaining("Provider: 'Lambda'").hasMessageContaining("is not available");
        }

        @Test
        void aDeletedCustomTypeIsNotAvailable() {
            controlPlane.deleteCustomActionType(CUSTOM_BUILD);
            assertThat(refusalOf(tutorial())).hasMessageContaining("Provider: 'MyJenkinsProviderName'")
                    .hasMessageContaining("is not available");
        }

        @Test
        void aRegisteredTypeIsAvailableAndTakesAnyConfiguration() {
            ActionTypeId registered = new ActionTypeId(ActionCategory.TEST, ActionOwner.THIRD_PARTY, "MyTester", "1");
            controlPlane.registerActionType(registered, ActionTypeSettings.defaults());
            PipelineDeclaration withTest = tutorial().toBuilder().stage(stage("Test", ActionDeclaration.of("Test",
                    registered).withConfiguration(Map.of("Anything", "goes")).withInputArtifacts("BuildArtifact")))
                    .build();
            assertThat(controlPlane.createPipeline(withTest, List.of()).pipeline().stages()).hasSize(4);
        }
    }

    @Nested
    class Artifacts {

        @Test
        void fewerInputArtifactsThanTheTypesMinimumAreRefusedInAwsWords() {
            ControlPlaneRefusal refusal = refusalOf(withAction(1, a -> a.withInputArtifacts()));
            assertThat(refusal.error()).isEqualTo(AwsError.INVALID_ACTION_DECLARATION);
            assertThat(refusal).hasMessageStartingWith("Action 'MyCustomBuild' declares 0 input artifacts which is"
                    + " less than the minimum count (1)").hasMessageContaining("stage 'Build'");
        }

        @Test
        void moreOutputArtifactsThanTheTypesMaximumAreRefused() {
            ControlPlaneRefusal refusal = refusalOf(withAction(0, a -> a.withOutputArtifacts("A", "B")));
            assertThat(refusal).hasMessageStartingWith("Action 'Source' declares 2 output artifacts which is more than"
                    + " the maximum count (1)");
        }

        @Test
        void anInputArtifactNoActionProducesIsRefused() {
            ControlPlaneRefusal refusal = refusalOf(withAction(2, a -> a.withInputArtifacts("Nowhere")));
            assertThat(refusal.error()).isEqualTo(AwsError.INVALID_ACTION_DECLARATION);
            assertThat(refusal).hasMessageContaining("Input artifact 'Nowhere' of action 'MyLambdaFunction' in stage"
                    + " 'Invoke'").hasMessageContaining("is not the output artifact of any action");
        }

        @Test
        void anInputArtifactProducedLaterOrInParallelIsRefusedAndAtALowerRunOrderAccepted() {
            ActionDeclaration test = ActionDeclaration.of("Test", CODEBUILD).withConfiguration(Map.of("ProjectName",
                    "tests")).withInputArtifacts("BuildArtifact");
            ControlPlaneRefusal parallel = refusalOf(withStage(1, s -> plus(s, test)));
            assertThat(parallel).hasMessageContaining("Input artifact 'BuildArtifact' of action 'Test' in stage"
                    + " 'Build'").hasMessageContaining("is the output of action 'MyCustomBuild' in stage 'Build',"
                    + " which does not run before it");
            assertThat(controlPlane.createPipeline(withStage(1, s -> plus(s, test.withRunOrder(2))), List.of())
                    .pipeline().stage("Build").orElseThrow().actions()).hasSize(2);
        }

        @Test
        void twoActionsProducingOneArtifactNameAreRefused() {
            ActionDeclaration test = ActionDeclaration.of("Test", CODEBUILD).withConfiguration(Map.of("ProjectName",
                    "tests")).withInputArtifacts("SourceArtifact").withOutputArtifacts("BuildArtifact");
            ControlPlaneRefusal refusal = refusalOf(withStage(1, s -> plus(s, test)));
            assertThat(refusal).hasMessageContaining("Output artifact 'BuildArtifact' of action 'Test' in stage"
                    + " 'Build'").hasMessageContaining("must be unique in a pipeline");
        }
    }

    @Nested
    class Configuration {

        @Test
        void aMissingRequiredPropertyOfACustomTypeIsNamed() {
            ControlPlaneRefusal refusal = refusalOf(withAction(1, a -> a.withConfiguration(Map.of())));
            assertThat(refusal.error()).isEqualTo(AwsError.INVALID_ACTION_DECLARATION);
            assertThat(refusal).hasMessageContaining("action 'MyCustomBuild' in stage 'Build'")
                    .hasMessageContaining("missing required configuration 'ProjectName'");
        }

        @Test
        void anUnknownKeyIsRefusedForACreatedCustomType() {
            ControlPlaneRefusal refusal = refusalOf(withAction(1, a -> a.withConfiguration("Colour", "blue")));
            assertThat(refusal).hasMessageContaining("contains unknown configuration 'Colour'")
                    .hasMessageContaining("[ProjectName, Token]");
        }

        @Test
        void anUnknownKeyIsAcceptedForAnAwsProvider() {
            assertThat(controlPlane.createPipeline(withAction(2, a -> a.withConfiguration("NewerKey", "x")),
                    List.of()).version()).isEqualTo(1);
        }

        @Test
        void aMissingRequiredPropertyOfAnAwsProviderIsNamed() {
            ControlPlaneRefusal refusal = refusalOf(withAction(0, a -> a.withConfiguration(Map.of("S3Bucket", "b"))));
            assertThat(refusal).hasMessageContaining("action 'Source' in stage 'Source'")
                    .hasMessageContaining("missing required configuration 'S3ObjectKey'")
                    .hasMessageContaining("Provider: 'S3'");
        }

        @Test
        void aQueryableValueOfMoreThan20CharactersOrOtherCharactersIsRefused() {
            for (String value : List.of("a".repeat(21), "my project")) {
                ControlPlaneRefusal refusal = refusalOf(withAction(1, a -> a.withConfiguration("ProjectName", value)));
                assertThat(refusal.error()).isEqualTo(AwsError.INVALID_ACTION_DECLARATION);
                assertThat(refusal).hasMessageContaining("queryable configuration 'ProjectName'")
                        .hasMessageContaining("'" + value + "'");
            }
        }

        @Test
        void aRegisteredQueryablePropertyIsRequired() {
            ActionTypeId registered = new ActionTypeId(ActionCategory.DEPLOY, ActionOwner.CUSTOM, "MyDeployer", "1");
            controlPlane.registerActionType(registered, ActionTypeSettings.defaults().withQueryableProperty("Env"));
            PipelineDeclaration pipeline = tutorial().toBuilder().stage(stage("Deploy", ActionDeclaration.of("Deploy",
                    registered).withInputArtifacts("BuildArtifact"))).build();
            assertThat(refusalOf(pipeline)).hasMessageContaining("missing the queryable configuration 'Env'");
        }

        @Test
        void conditionalPropertiesOfTheReferenceAreChecked() {
            ActionTypeId cloudFormation = new ActionTypeId(ActionCategory.DEPLOY, ActionOwner.AWS, "CloudFormation",
                    "1");
            ActionDeclaration deploy = ActionDeclaration.of("Deploy", cloudFormation).withInputArtifacts("BuildArtifact")
                    .withConfiguration(Map.of("ActionMode", "CREATE_UPDATE", "StackName", "app",
                            "TemplatePath", "BuildArtifact::template.yml"));
            ControlPlaneRefusal refusal = refusalOf(tutorial().toBuilder().stage(stage("Deploy", deploy)).build());
            assertThat(refusal).hasMessageContaining("RoleArn is required when ActionMode is CREATE_UPDATE");
            ControlPlaneRefusal mode = refusalOf(tutorial().toBuilder().stage(stage("Deploy",
                    deploy.withConfiguration("ActionMode", "UPSERT"))).build());
            assertThat(mode).hasMessageContaining("ActionMode must be one of");
            assertThat(controlPlane.createPipeline(tutorial().toBuilder().stage(stage("Deploy",
                    deploy.withConfiguration("ActionMode", "#{variables.Mode}").withConfiguration("RoleArn", "r")))
                    .pipelineType(PipelineType.V2).variable(new PipelineVariableDeclaration("Mode", "CREATE_UPDATE",
                            null)).build(), List.of()).version()).as("values with variables are judged at run time")
                    .isEqualTo(1);
        }
    }

    @Nested
    class NamespacesAndVariables {

        @Test
        void aNamespaceUsedTwiceIsRefused() {
            ControlPlaneRefusal refusal = refusalOf(withAction(2, a -> a.withNamespace("BuildVariables")));
            assertThat(refusal.error()).isEqualTo(AwsError.INVALID_ACTION_DECLARATION);
            assertThat(refusal).hasMessageContaining("Namespace 'BuildVariables' of action 'MyLambdaFunction' in stage"
                    + " 'Invoke'").hasMessageContaining("unique across the pipeline");
        }

        @Test
        void aNamespaceNamedAsAnArtifactOrReservedIsRefused() {
            assertThat(refusalOf(withAction(2, a -> a.withNamespace("SourceArtifact"))))
                    .hasMessageContaining("cannot conflict with artifact names");
            assertThat(refusalOf(withAction(2, a -> a.withNamespace("codepipeline"))))
                    .hasMessageContaining("reserved");
        }

        @Test
        void aReferenceToANamespaceNoActionDeclaresIsRefused() {
            ControlPlaneRefusal refusal = refusalOf(withAction(2, a -> a.withConfiguration("UserParameters",
                    "#{Missing.Version}")));
            assertThat(refusal).hasMessageContaining("The variable #{Missing.Version} in configuration"
                    + " 'UserParameters' of action 'MyLambdaFunction' in stage 'Invoke'")
                    .hasMessageContaining("which no action of the pipeline declares");
        }

        @Test
        void aReferenceToAnActionThatRunsLaterIsRefused() {
            ControlPlaneRefusal refusal = refusalOf(withActionAndInvokeNamespace());
            assertThat(refusal).hasMessageContaining("names namespace 'InvokeVariables' of action 'MyLambdaFunction'"
                    + " in stage 'Invoke', which does not run before it");
        }

        PipelineDeclaration withActionAndInvokeNamespace() {
            PipelineDeclaration invokeNamed = withAction(2, a -> a.withNamespace("InvokeVariables"));
            List<StageDeclaration> stages = new ArrayList<>(invokeNamed.stages());
            StageDeclaration build = stages.get(1);
            stages.set(1, new StageDeclaration(build.name(), null, List.of(build.actions().get(0)
                    .withConfiguration("Token", "#{InvokeVariables.X}")), null));
            return invokeNamed.withStages(stages);
        }

        @Test
        void executionAndPipelineVariablesResolveAndUndeclaredPipelineVariablesAreRefused() {
            PipelineDeclaration v2 = withAction(2, a -> a.withConfiguration("UserParameters",
                    "#{codepipeline.PipelineExecutionId}/#{variables.Env}")).toBuilder().pipelineType(PipelineType.V2)
                    .build();
            assertThat(refusalOf(v2)).hasMessageContaining("#{variables.Env}")
                    .hasMessageContaining("names no pipeline-level variable");
            PipelineDeclaration declared = v2.toBuilder().variable(new PipelineVariableDeclaration("Env", "test",
                    null)).build();
            assertThat(controlPlane.createPipeline(declared, List.of()).version()).isEqualTo(1);
        }

        @Test
        void textThatOnlyLooksLikeAReferenceStaysText() {
            assertThat(controlPlane.createPipeline(withAction(2, a -> a.withConfiguration("UserParameters",
                    "#{not a reference} and #{")), List.of()).version()).isEqualTo(1);
        }
    }

    @Test
    void aLambdaActionNeedsItsFunctionNameAndAnS3SourceExactlyOneOutput() {
        assertThat(refusalOf(withAction(2, a -> a.withConfiguration(Map.of()))))
                .hasMessageContaining("missing required configuration 'FunctionName'");
        assertThat(refusalOf(withAction(0, a -> a.withOutputArtifacts())))
                .hasMessageContaining("declares 0 output artifacts which is less than the minimum count (1)");
    }
}
