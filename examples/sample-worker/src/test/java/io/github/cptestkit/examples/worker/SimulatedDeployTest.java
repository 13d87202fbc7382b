package io.github.cptestkit.examples.worker;

import static io.github.cptestkit.junit.CodePipelineAssertions.assertThat;

import io.github.cptestkit.junit.CodePipelineMockTest;
import io.github.cptestkit.junit.JobS3Clients;
import io.github.cptestkit.junit.SimulateAction;
import io.github.cptestkit.mock.CodePipelineMock;
import io.github.cptestkit.mock.MockClock;
import io.github.cptestkit.mock.jobs.JobSnapshot;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.codepipeline.CodePipelineClient;
import software.amazon.awssdk.services.codepipeline.model.ActionDeclaration;
import software.amazon.awssdk.services.codepipeline.model.InputArtifact;
import software.amazon.awssdk.services.codepipeline.model.StageDeclaration;

/**
 * {@link PipelineExampleTest}'s pipeline with a fourth stage, a CodeDeploy action the mock simulates: told by
 * {@code @SimulateAction} to roll back three minutes (on the mock's clock) after it starts, it fails the execution
 * after the sample worker's action succeeded.
 */
@CodePipelineMockTest(mockClock = true)
class SimulatedDeployTest {

    SampleWorker worker;

    @BeforeEach
    void pipeline(CodePipelineMock mock, CodePipelineClient codePipeline, JobS3Clients s3) {
        List<StageDeclaration> stages = new ArrayList<>(PipelineExampleTest.pipeline().stages());
        stages.add(StageDeclaration.builder().name("Deploy").actions(ActionDeclaration.builder().name("DeployToProd")
                .actionTypeId(t -> t.category("Deploy").owner("AWS").provider("CodeDeploy").version("1"))
                .configuration(Map.of("ApplicationName", "docs", "DeploymentGroupName", "prod"))
                .inputArtifacts(InputArtifact.builder().name("Report").build()).build()).build());
        mock.registerActionType(PipelineExampleTest.REPORT_BUILDER);
        mock.registerPartnerClient(PipelineExampleTest.REPORT_BUILDER, PipelineExampleTest.CLIENT_ID,
                PipelineExampleTest.CLIENT_TOKEN);
        codePipeline.createPipeline(r -> r.pipeline(PipelineExampleTest.pipeline().toBuilder().stages(stages).build()));
        worker = new SampleWorker(codePipeline, s3::create, QuickstartTest.REPORT_BUILDER,
                Map.of(PipelineExampleTest.CLIENT_ID, PipelineExampleTest.CLIENT_TOKEN), duration -> { });
    }

    // region simulate-action
    @Test
    @SimulateAction(pipeline = "reports", stage = "Deploy", action = "DeployToProd",
            failureMessage = "stack rolled back", durationSeconds = 180)
    void aDeploymentThatRollsBackFailsTheExecutionAfterTheWorkersActionSucceeded(CodePipelineMock mock,
            MockClock clock, CodePipelineClient codePipeline, JobS3Clients s3) {
        String id = codePipeline.startPipelineExecution(r -> r.name("reports")).pipelineExecutionId();
        assertThat(worker.runOnce()).isEqualTo(1);
        JobSnapshot lambda = mock.jobs().stream().filter(j -> j.actionTypeId().provider().equals("Lambda"))
                .findFirst().orElseThrow();
        PipelineExampleTest.releaseNotes(codePipeline, s3, lambda.jobId());
        assertThat(mock).pipelineExecution(id).isInProgress().action("DeployToProd").isInProgress();

        clock.advance(Duration.ofMinutes(3));

        assertThat(mock).pipelineExecution(id).failed().hasStatusSummaryContaining("stack rolled back")
                .action("Report").succeeded()
                .action("DeployToProd").failed().hasErrorMessageContaining("stack rolled back");
    }
    // endregion
}
