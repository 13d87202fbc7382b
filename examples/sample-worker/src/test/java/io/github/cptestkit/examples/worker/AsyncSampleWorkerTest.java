package io.github.cptestkit.examples.worker;

import static io.github.cptestkit.junit.CodePipelineAssertions.assertThat;

import io.github.cptestkit.wire.ActionCategory;
import io.github.cptestkit.wire.FakeThirdPartyJob;
import io.github.cptestkit.wire.Preset;
import io.github.cptestkit.junit.CodePipelineMockTest;
import io.github.cptestkit.junit.FakeJob;
import io.github.cptestkit.junit.JobS3AsyncClients;
import io.github.cptestkit.mock.CodePipelineMock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.codepipeline.CodePipelineAsyncClient;
import software.amazon.awssdk.services.codepipeline.model.FailureType;

/** The async worker against the mock: the injected async clients, S3 on the job's credentials. */
@CodePipelineMockTest
class AsyncSampleWorkerTest {

    @Test
    void reportsOnTheInputAndUploadsTheReportThroughTheAsyncClients(CodePipelineMock mock,
            CodePipelineAsyncClient codePipeline, JobS3AsyncClients s3,
            @FakeJob(category = ActionCategory.BUILD, provider = "ReportBuilder", version = "1", encrypted = true)
            FakeThirdPartyJob job) throws Exception {
        AsyncSampleWorker worker = new AsyncSampleWorker(codePipeline, s3::create, QuickstartTest.REPORT_BUILDER,
                Map.of(job.clientId(), job.clientToken()));

        assertThat(worker.runOnce().join()).isEqualTo(1);

        Report expected = Report.of(job.details().data().actionConfiguration().configuration().get("ProjectName"),
                job.artifacts().stream().map(artifact -> artifact.content()).toList());
        assertThat(mock).hasNoKmsViolations().job(job.jobId()).succeeded().wasAcknowledged()
                .hasExecutionSummary(expected.summary()).hasPercentComplete(100)
                .outputArtifact().hasEntryContaining("report.json", expected.json())
                .isKmsEncryptedWith(job.details().data().encryptionKey().id());
    }

    @Test
    void aJobWithoutProjectNameFailsWithAConfigurationError(CodePipelineMock mock,
            CodePipelineAsyncClient codePipeline, JobS3AsyncClients s3,
            @FakeJob(preset = Preset.MINIMAL, category = ActionCategory.BUILD, provider = "ReportBuilder",
                    version = "1") FakeThirdPartyJob job) {
        new AsyncSampleWorker(codePipeline, s3::create, QuickstartTest.REPORT_BUILDER,
                Map.of(job.clientId(), job.clientToken())).runOnce().join();

        assertThat(mock).job(job.jobId()).failed().hasFailureType(FailureType.CONFIGURATION_ERROR)
                .hasFailureMessageContaining("ProjectName is missing");
    }
}
