package io.github.cptestkit.junit;

import static io.github.cptestkit.junit.CodePipelineAssertions.assertThat;
import static io.github.cptestkit.junit.CodePipelineAssertions.assertThatThrownBy;

import io.github.cptestkit.mock.CodePipelineMock;
import io.github.cptestkit.mock.PipelineFixtures;
import io.github.cptestkit.mock.MockClock;
import io.github.cptestkit.mock.executions.ExecutionStart;
import io.github.cptestkit.mock.executions.SimulatedAction;
import io.github.cptestkit.mock.pipelines.ActionDeclaration;
import io.github.cptestkit.mock.pipelines.PipelineType;
import io.github.cptestkit.mock.pipelines.PipelineVariableDeclaration;
import io.github.cptestkit.mock.pipelines.StageDeclaration;
import io.github.cptestkit.wire.ActionCategory;
import io.github.cptestkit.wire.ActionOwner;
import io.github.cptestkit.wire.ActionTypeId;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The pipeline execution assertions pass on what they describe and fail showing the execution, secrets left out. */
class PipelineExecutionAssertTest {

    private static final String SECRET = "s3cr3t-value";
    private static CodePipelineMock mock;

    @BeforeAll
    static void start() {
        mock = CodePipelineMock.builder().clock(MockClock.at(Instant.parse("2026-01-01T00:00:00Z"))).build().start();
    }

    @AfterAll
    static void stop() {
        mock.close();
    }

    @BeforeEach
    void pipeline() {
        mock.reset();
        mock.createPipeline(PipelineFixtures.withS3Source("release")
                .pipelineType(PipelineType.V2)
                .variable(new PipelineVariableDeclaration("Env", "test", null))
                .stage(StageDeclaration.of("Build", ActionDeclaration.of("Build",
                                new ActionTypeId(ActionCategory.BUILD, ActionOwner.AWS, "CodeBuild", "1"))
                        .withConfiguration(Map.of("ProjectName", "app-#{variables.Env}",
                                "EnvironmentVariables", SECRET))
                        .withInputArtifacts("SourceArtifact")))
                .build());
    }

    @Test
    void aSucceededExecutionPassesOnTheConfigurationItsActionReceivedAndTheVariablesItProduced() {
        mock.simulate("release", "Build", "Build", SimulatedAction.succeed()
                .withOutputVariables(Map.of("Version", "1.4")));
        String id = mock.startPipelineExecution(ExecutionStart.of("release").variable("Env", "prod").build());

        assertThat(mock).pipelineExecution(id).succeeded()
                .action("Build").succeeded().receivedConfiguration("ProjectName", "app-prod")
                .producedVariable("Version", "1.4")
                .action("Source").succeeded();
    }

    @Test
    void aFailingAssertionShowsTheExecutionAndEachActionButNoConfigurationValue() {
        mock.simulate("release", "Build", "Build", SimulatedAction.fail("unit tests failed"));
        String id = mock.startPipelineExecution("release");

        assertThatThrownBy(() -> assertThat(mock).pipelineExecution(id).succeeded())
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Expecting pipeline execution " + id + " to be Succeeded, but it is Failed")
                .hasMessageContaining("Build.Build [Failed]")
                .hasMessageContaining("unit tests failed")
                .hasMessageNotContaining(SECRET);
        assertThatThrownBy(() -> assertThat(mock).pipelineExecution(id).action("Build")
                .receivedConfiguration("EnvironmentVariables", "other"))
                .hasMessageContaining("received another")
                .hasMessageNotContaining(SECRET);
        assertThatThrownBy(() -> assertThat(mock).pipelineExecution(id).action("Deploy"))
                .hasMessageContaining("to have run action Deploy");
        assertThatThrownBy(() -> assertThat(mock).pipelineExecution("nope"))
                .hasMessageContaining("to have pipeline execution nope");
    }
}
