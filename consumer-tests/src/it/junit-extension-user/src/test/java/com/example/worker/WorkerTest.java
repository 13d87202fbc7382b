package com.example.worker;

import static io.github.cptestkit.junit.CodePipelineAssertions.assertThat;

import io.github.cptestkit.wire.ActionCategory;
import io.github.cptestkit.wire.FakeThirdPartyJob;
import io.github.cptestkit.junit.CodePipelineMockTest;
import io.github.cptestkit.junit.FakeJob;
import io.github.cptestkit.mock.CodePipelineMock;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.codepipeline.CodePipelineClient;
import software.amazon.awssdk.services.codepipeline.model.ActionTypeId;

/** The README's first test, as a new user writes it: the extension, a fake job, a worker's calls. */
@CodePipelineMockTest
class WorkerTest {

    @Test
    void aWorkerPollsAcknowledgesAndSucceeds(CodePipelineMock mock, CodePipelineClient codePipeline,
            @FakeJob(category = ActionCategory.BUILD, provider = "MyCi", version = "1") FakeThirdPartyJob job) {
        ActionTypeId type = ActionTypeId.builder().category("Build").owner("ThirdParty").provider("MyCi").version("1")
                .build();
        String jobId = codePipeline.pollForThirdPartyJobs(r -> r.actionTypeId(type).maxBatchSize(1)).jobs().get(0)
                .jobId();
        String nonce = codePipeline.getThirdPartyJobDetails(r -> r.jobId(jobId).clientToken(job.clientToken()))
                .jobDetails().nonce();
        codePipeline.acknowledgeThirdPartyJob(r -> r.jobId(jobId).nonce(nonce).clientToken(job.clientToken()));
        codePipeline.putThirdPartyJobSuccessResult(r -> r.jobId(jobId).clientToken(job.clientToken())
                .executionDetails(d -> d.summary("built")));

        assertThat(mock).job(job.jobId()).succeeded().wasAcknowledged();
    }
}
