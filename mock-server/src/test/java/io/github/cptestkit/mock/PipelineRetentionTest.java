package io.github.cptestkit.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cptestkit.mock.executions.PipelineExecutionSnapshot;
import io.github.cptestkit.mock.executions.PipelineExecutionStatus;
import io.github.cptestkit.mock.pipelines.ActionDeclaration;
import io.github.cptestkit.mock.pipelines.PipelineDeclaration;
import io.github.cptestkit.mock.pipelines.StageDeclaration;
import io.github.cptestkit.wire.ActionCategory;
import io.github.cptestkit.wire.ActionOwner;
import io.github.cptestkit.wire.ActionTypeId;
import java.time.Instant;
import java.util.Map;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.codepipeline.CodePipelineClient;
import software.amazon.awssdk.services.codepipeline.model.PipelineExecutionNotFoundException;

/** {@code retainedFinishedExecutions}: the oldest ended executions are forgotten first, running ones never. */
class PipelineRetentionTest {

    static PipelineDeclaration pipeline(String name, StageDeclaration second) {
        return PipelineFixtures.withS3Source(name)
                .stage(second)
                .build();
    }

    @Test
    void beyondTheBoundTheOldestEndedExecutionsAreForgottenFirstAndRunningOnesAreKept() {
        try (CodePipelineMock mock = CodePipelineMock.builder().clock(MockClock.at(Instant.parse(
                "2026-03-01T10:00:00Z"))).retainedFinishedExecutions(2).build().start();
                CodePipelineClient client = SdkClients.oneAttempt(mock)) {
            mock.createPipeline(pipeline("gated", StageDeclaration.of("Gate", ActionDeclaration.of("Approve",
                    new ActionTypeId(ActionCategory.APPROVAL, ActionOwner.AWS, "Manual", "1")))));
            mock.createPipeline(pipeline("quick", StageDeclaration.of("Build", ActionDeclaration.of("Build",
                    new ActionTypeId(ActionCategory.BUILD, ActionOwner.AWS, "CodeBuild", "1"))
                    .withConfiguration(Map.of("ProjectName", "app")).withInputArtifacts("SourceArtifact"))));
            String running = mock.startPipelineExecution("gated"); // waits for its approval
            String first = mock.startPipelineExecution("quick");
            String second = mock.startPipelineExecution("quick");
            String third = mock.startPipelineExecution("quick");

            assertThat(mock.pipelineExecutions()).extracting(PipelineExecutionSnapshot::pipelineExecutionId)
                    .containsExactly(running, second, third);
            assertThat(mock.pipelineExecution(running).status()).isEqualTo(PipelineExecutionStatus.IN_PROGRESS);
            assertThat(mock.forgottenPipelineExecutions()).isOne();
            assertThatThrownBy(() -> client.getPipelineExecution(r -> r.pipelineName("quick")
                    .pipelineExecutionId(first))).isInstanceOf(PipelineExecutionNotFoundException.class);

            mock.stopPipelineExecution("gated", running, true, "not this week");

            assertThat(mock.pipelineExecutions()).extracting(PipelineExecutionSnapshot::pipelineExecutionId)
                    .as("the one that ended last is kept, the oldest ended goes").containsExactly(running, third);
            assertThat(mock.forgottenPipelineExecutions()).isEqualTo(2);
            assertThatThrownBy(() -> mock.pipelineExecution(second)).isInstanceOf(NoSuchElementException.class);
            assertThat(client.getPipelineExecution(r -> r.pipelineName("gated").pipelineExecutionId(running))
                    .pipelineExecution().statusAsString()).isEqualTo("Stopped");
        }
    }

    @Test
    void aBoundBelowOneIsRefusedNamingTheOption() {
        assertThatThrownBy(() -> CodePipelineMock.builder().retainedFinishedExecutions(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("retainedFinishedExecutions must be 1 or more, but was 0");
    }
}
