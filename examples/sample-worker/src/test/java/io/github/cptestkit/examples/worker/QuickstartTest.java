package io.github.cptestkit.examples.worker;

import static io.github.cptestkit.junit.CodePipelineAssertions.assertThat;

import io.github.cptestkit.junit.CodePipelineMockTest;
import io.github.cptestkit.junit.FakeJob;
import io.github.cptestkit.junit.JobS3Clients;
import io.github.cptestkit.mock.CodePipelineMock;
import io.github.cptestkit.wire.ActionCategory;
import io.github.cptestkit.wire.FakeThirdPartyJob;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.codepipeline.CodePipelineClient;
import software.amazon.awssdk.services.codepipeline.model.ActionTypeId;

/** The README's quickstart: a real worker against the mock, checked with the toolkit's assertions. */
// region quickstart
@CodePipelineMockTest
class QuickstartTest {

    static final ActionTypeId REPORT_BUILDER = ActionTypeId.builder()
            .category("Build").owner("ThirdParty").provider("ReportBuilder").version("1").build();

    @Test
    void reportsOnTheInputAndUploadsTheReport(CodePipelineMock mock, CodePipelineClient codePipeline,
            JobS3Clients s3, @FakeJob(category = ActionCategory.BUILD, provider = "ReportBuilder", version = "1")
            FakeThirdPartyJob job) {
        SampleWorker worker = new SampleWorker(codePipeline, s3::create, REPORT_BUILDER,
                Map.of(job.clientId(), job.clientToken()));

        worker.runOnce();

        assertThat(mock).job(job.jobId())
                .succeeded().wasAcknowledged().hasNoContinuation()
                .hasExecutionSummaryContaining("lines")
                .outputArtifact().hasEntries("report.json", "report.txt");
    }
}
// endregion
