package io.github.cptestkit.examples.worker;

import static io.github.cptestkit.junit.CodePipelineAssertions.assertThat;

import io.github.cptestkit.wire.ActionCategory;
import io.github.cptestkit.wire.FakeThirdPartyJob;
import io.github.cptestkit.junit.CodePipelineMockTest;
import io.github.cptestkit.junit.FakeJob;
import io.github.cptestkit.junit.JobS3Clients;
import io.github.cptestkit.junit.Throttle;
import io.github.cptestkit.mock.CodePipelineMock;
import io.github.cptestkit.schemas.Operation;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.codepipeline.CodePipelineClient;

/** With the SDK's standard retry policy (3 attempts), throttled calls are retried and the job goes through. */
@CodePipelineMockTest(maxAttempts = 3)
class SampleWorkerRetryTest {

    @Test
    @Throttle(operation = Operation.POLL_FOR_THIRD_PARTY_JOBS, times = 2)
    @Throttle(operation = Operation.PUT_THIRD_PARTY_JOB_SUCCESS_RESULT)
    void throttledCallsAreRetriedByTheSdk(CodePipelineMock mock, CodePipelineClient codePipeline, JobS3Clients s3,
            @FakeJob(category = ActionCategory.BUILD, provider = "ReportBuilder", version = "1")
            FakeThirdPartyJob job) {
        int got = new SampleWorker(codePipeline, s3::create, QuickstartTest.REPORT_BUILDER,
                Map.of(job.clientId(), job.clientToken())).runOnce();

        assertThat(got).isEqualTo(1);
        assertThat(mock).job(job.jobId()).succeeded().hasNoRefusedCalls();
        assertThat(mock.wireMock().getAllServeEvents()).as("throttled answers").filteredOn(event -> event
                .getResponse().getBodyAsString().contains("ThrottlingException")).hasSize(3);
    }
}
