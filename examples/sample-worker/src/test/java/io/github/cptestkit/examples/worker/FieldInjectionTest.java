package io.github.cptestkit.examples.worker;

import static io.github.cptestkit.junit.CodePipelineAssertions.assertThat;

import io.github.cptestkit.junit.CodePipelineMockTest;
import io.github.cptestkit.junit.FakeJob;
import io.github.cptestkit.junit.JobS3Clients;
import io.github.cptestkit.junit.MockResource;
import io.github.cptestkit.mock.CodePipelineMock;
import io.github.cptestkit.wire.ActionCategory;
import io.github.cptestkit.wire.FakeThirdPartyJob;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.codepipeline.CodePipelineClient;

/** The mock, its clients and a job in instance fields. */
// region fields
@CodePipelineMockTest
class FieldInjectionTest {

    @MockResource CodePipelineMock mock;
    @MockResource CodePipelineClient codePipeline;
    @MockResource JobS3Clients s3;
    @FakeJob(category = ActionCategory.BUILD, provider = "ReportBuilder", version = "1") FakeThirdPartyJob job;

    SampleWorker worker;

    @BeforeEach
    void startTheWorker() {   // the fields are set, and the job queued, before @BeforeEach methods run
        worker = new SampleWorker(codePipeline, s3::create, QuickstartTest.REPORT_BUILDER,
                Map.of(job.clientId(), job.clientToken()));
    }

    @Test
    void reportsOnTheInput() {
        worker.runOnce();

        assertThat(mock).job(job.jobId()).succeeded().outputArtifact().hasEntries("report.json", "report.txt");
    }

    @Test
    void eachTestHasAJobOfItsOwn() {
        assertThat(mock.jobs()).hasSize(1);
        assertThat(worker.runOnce()).isEqualTo(1);
    }
}
// endregion
