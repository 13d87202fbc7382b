package io.github.cptestkit.junit;

import static io.github.cptestkit.junit.CodePipelineAssertions.assertThat;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import io.github.cptestkit.mock.CodePipelineMock;
import io.github.cptestkit.mock.PipelineFixtures;
import io.github.cptestkit.mock.MockClock;
import io.github.cptestkit.mock.pipelines.ActionDeclaration;
import io.github.cptestkit.mock.pipelines.StageDeclaration;
import io.github.cptestkit.wire.ActionCategory;
import io.github.cptestkit.wire.ActionOwner;
import io.github.cptestkit.wire.ActionTypeId;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/** @SimulateAction on classes, nested classes, methods and composed annotations, planned after each reset. */
class SimulateActionTest {

    /** Source (S3), Build (CodeBuild, namespace BuildVariables), Deploy (CodeDeploy, reads the build's tag). */
    static void createRelease(CodePipelineMock mock) {
        mock.createPipeline(PipelineFixtures.withS3Source("release")
                .stage(StageDeclaration.of("Build", ActionDeclaration.of("Build",
                                new ActionTypeId(ActionCategory.BUILD, ActionOwner.AWS, "CodeBuild", "1"))
                        .withConfiguration(Map.of("ProjectName", "app"))
                        .withInputArtifacts("SourceArtifact").withNamespace("BuildVariables")))
                .stage(StageDeclaration.of("Deploy", ActionDeclaration.of("DeployToProd",
                                new ActionTypeId(ActionCategory.DEPLOY, ActionOwner.AWS, "CodeDeploy", "1"))
                        .withConfiguration(Map.of("ApplicationName", "app",
                                "DeploymentGroupName", "prod-#{BuildVariables.IMAGE_TAG}"))
                        .withInputArtifacts("SourceArtifact")))
                .build());
    }

    /** A composed annotation: the deployment rolls back after three minutes. */
    @Target({ElementType.TYPE, ElementType.METHOD})
    @Retention(RetentionPolicy.RUNTIME)
    @SimulateAction(pipeline = "release", stage = "Deploy", action = "DeployToProd",
            failureMessage = "stack rolled back", durationSeconds = 180)
    @interface DeploymentRollsBack {}

    @ExtensionFixture
    @CodePipelineMockTest(mockClock = true)
    @SimulateAction(pipeline = "release", stage = "Build", action = "Build", outputVariables = "IMAGE_TAG=1.4")
    static class SimulationsFixture {

        @BeforeEach
        void release(CodePipelineMock mock) {
            createRelease(mock);
        }

        @Test
        void theClasssSimulationHoldsAndOtherActionsSucceedAtOnce(CodePipelineMock mock) {
            String id = mock.startPipelineExecution("release");

            assertThat(mock).pipelineExecution(id).succeeded()
                    .action("Build").succeeded().producedVariable("IMAGE_TAG", "1.4")
                    .action("DeployToProd").succeeded().receivedConfiguration("DeploymentGroupName", "prod-1.4");
        }

        @Test
        @SimulateAction(pipeline = "release", stage = "Deploy", action = "DeployToProd",
                failureMessage = "stack rolled back", durationSeconds = 180)
        void aMethodsSimulationFailsItsActionAfterItsDurationOnTheMocksClock(CodePipelineMock mock,
                MockClock clock) {
            String id = mock.startPipelineExecution("release");
            assertThat(mock).pipelineExecution(id).action("Build").producedVariable("IMAGE_TAG", "1.4");
            clock.advance(Duration.ofSeconds(179));
            assertThat(mock).pipelineExecution(id).isInProgress().action("DeployToProd").isInProgress();

            clock.advance(Duration.ofSeconds(1));

            assertThat(mock).pipelineExecution(id).failed().hasStatusSummaryContaining("stack rolled back")
                    .action("DeployToProd").failed().hasErrorMessageContaining("stack rolled back");
        }

        @Test
        @SimulateAction(pipeline = "release", stage = "Build", action = "Build",
                outputVariables = {"IMAGE_TAG=2.0", "COMMIT=4f2a9c1"})
        void aMethodsSimulationOfTheSameActionReplacesTheClasss(CodePipelineMock mock) {
            String id = mock.startPipelineExecution("release");

            assertThat(mock).pipelineExecution(id).succeeded()
                    .action("Build").producedVariable("IMAGE_TAG", "2.0").producedVariable("COMMIT", "4f2a9c1")
                    .action("DeployToProd").receivedConfiguration("DeploymentGroupName", "prod-2.0");
        }

        @Test
        @DeploymentRollsBack
        void aComposedAnnotationSimulatesAsItsSimulateActionSays(CodePipelineMock mock, MockClock clock) {
            String id = mock.startPipelineExecution("release");
            clock.advance(Duration.ofMinutes(3));

            assertThat(mock).pipelineExecution(id).failed().action("DeployToProd").failed()
                    .hasErrorMessageContaining("stack rolled back");
        }

        @Nested
        @SimulateAction(pipeline = "release", stage = "Build", action = "Build", failureMessage = "unit tests failed")
        class FailingBuild {
            @Test
            void theNestedClasssSimulationComesAfterTheEnclosingClasss(CodePipelineMock mock) {
                String id = mock.startPipelineExecution("release");

                assertThat(mock).pipelineExecution(id).failed().hasStatusSummaryContaining("unit tests failed")
                        .action("Build").failed().hasErrorMessageContaining("unit tests failed");
                assertThat(mock.pipelineExecution(id).actions()).extracting(a -> a.actionName())
                        .containsExactly("Source", "Build");
            }
        }
    }

    @ExtensionFixture
    @CodePipelineMockTest
    static class WrongSimulationsFixture {
        @Test
        @SimulateAction(pipeline = "release", stage = "", action = "Build")
        void noStage() {}

        @Test
        @SimulateAction(pipeline = "release", stage = "Build", action = "Build #1")
        void aSpaceInTheAction() {}

        @Test
        @SimulateAction(pipeline = "release", stage = "Build", action = "Build", durationSeconds = -1)
        void aNegativeDuration() {}

        @Test
        @SimulateAction(pipeline = "release", stage = "Build", action = "Build", outputVariables = "IMAGE_TAG")
        void aVariableWithoutValue() {}

        @Test
        @SimulateAction(pipeline = "release", stage = "Build", action = "Build", outputVariables = "IMAGE TAG=1.4")
        void aSpaceInAVariablesName() {}

        @Test
        @SimulateAction(pipeline = "release", stage = "Build", action = "Build",
                outputVariables = {"IMAGE_TAG=1.4", "IMAGE_TAG=1.5"})
        void aVariableTwice() {}

        @Test
        @SimulateAction(pipeline = "release", stage = "Build", action = "Build", failureMessage = "tests failed",
                outputVariables = "IMAGE_TAG=1.4")
        void aFailureWithVariables() {}
    }

    @Test
    void simulationsApplyInOrderAndLastOneTest() {
        Fixtures.run(SimulationsFixture.class).testEvents().assertStatistics(stats -> stats.started(5).succeeded(5));
    }

    @Test
    void aSimulationTheMockWouldRefuseFailsTheTestNamingTheAttributeTheValueAndTheFix() {
        String on = "@SimulateAction on io.github.cptestkit.junit.SimulateActionTest$WrongSimulationsFixture.";
        Fixtures.run(WrongSimulationsFixture.class).testEvents().assertStatistics(stats -> stats.started(7).failed(7))
                .assertThatEvents()
                .haveExactly(1, event(test("noStage"), finishedWithFailure(
                        instanceOf(ExtensionConfigurationException.class), message(on + "noStage() has stage=\"\";"
                                + " stage must be 1 to 100 letters, digits, '.', '@', '-' or '_'. Give the name of"
                                + " one of its stages."))))
                .haveExactly(1, event(test("aSpaceInTheAction"), finishedWithFailure(
                        instanceOf(ExtensionConfigurationException.class), message(on + "aSpaceInTheAction() has"
                                + " action=\"Build #1\"; action must be 1 to 100 letters, digits, '.', '@', '-' or"
                                + " '_'. Give the name of an action of that stage."))))
                .haveExactly(1, event(test("aNegativeDuration"), finishedWithFailure(
                        instanceOf(ExtensionConfigurationException.class), message(on + "aNegativeDuration() has"
                                + " durationSeconds=-1; durationSeconds must be between 0 and 2592000 (30 days)."
                                + " Use a duration in that range."))))
                .haveExactly(1, event(test("aVariableWithoutValue"), finishedWithFailure(
                        instanceOf(ExtensionConfigurationException.class), message(on + "aVariableWithoutValue()"
                                + " has outputVariables entry \"IMAGE_TAG\"; each entry must read NAME=value."
                                + " Write it as \"IMAGE_TAG=<value>\"."))))
                .haveExactly(1, event(test("aSpaceInAVariablesName"), finishedWithFailure(
                        instanceOf(ExtensionConfigurationException.class), message(on + "aSpaceInAVariablesName()"
                                + " has outputVariables entry \"IMAGE TAG=1.4\"; a variable's name must be letters,"
                                + " digits, '@', '-' or '_' (the model's OutputVariablesKey), but was \"IMAGE TAG\"."
                                + " Rename the variable."))))
                .haveExactly(1, event(test("aVariableTwice"), finishedWithFailure(
                        instanceOf(ExtensionConfigurationException.class), message(on + "aVariableTwice() has"
                                + " outputVariables entry \"IMAGE_TAG=1.5\" for variable IMAGE_TAG given before;"
                                + " each variable must be given once. Remove one of them."))))
                .haveExactly(1, event(test("aFailureWithVariables"), finishedWithFailure(
                        instanceOf(ExtensionConfigurationException.class), message(on + "aFailureWithVariables()"
                                + " has failureMessage=\"tests failed\" and outputVariables [IMAGE_TAG=1.4]; an"
                                + " action that fails produces no output variables. Remove outputVariables, or"
                                + " failureMessage to make it succeed."))));
    }
}
