package com.example.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cptestkit.wire.FakeCustomJob;
import io.github.cptestkit.fixtures.FakeJobs;
import io.github.cptestkit.wire.JobStatus;
import io.github.cptestkit.mock.CodePipelineMock;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.codepipeline.CodePipelineClient;
import software.amazon.awssdk.services.codepipeline.model.ActionTypeId;
import software.amazon.awssdk.services.codepipeline.model.Job;

/** The mock-server README's use without the JUnit extension: a mock started by hand, a custom job, the SDK. */
class StandaloneMockTest {

    @Test
    void aCustomJobPolledAcknowledgedAndFailedEndsFailed() {
        try (CodePipelineMock mock = CodePipelineMock.builder().build().start();
                CodePipelineClient codePipeline = CodePipelineClient.builder()
                        .endpointOverride(mock.endpoint())
                        .region(Region.US_EAST_1)
                        .credentialsProvider(StaticCredentialsProvider.create(
                                AwsBasicCredentials.create("AKIDEXAMPLE", "not-a-secret")))
                        .build()) {
            FakeCustomJob fake = FakeJobs.custom().build();
            String jobId = mock.enqueue(fake);
            var wireType = fake.actionTypeId();
            ActionTypeId type = ActionTypeId.builder().category(wireType.category().wire())
                    .owner(wireType.owner().wire()).provider(wireType.provider()).version(wireType.version()).build();

            Job job = codePipeline.pollForJobs(r -> r.actionTypeId(type).maxBatchSize(1)).jobs().get(0);
            codePipeline.acknowledgeJob(r -> r.jobId(job.id()).nonce(job.nonce()));
            codePipeline.putJobFailureResult(r -> r.jobId(job.id())
                    .failureDetails(f -> f.type("JobFailed").message("the deployment failed")));

            assertThat(job.id()).isEqualTo(jobId);
            assertThat(mock.job(jobId).status()).isEqualTo(JobStatus.FAILED);
            assertThat(mock.problems()).isEmpty();
        }
    }
}
