package io.github.cptestkit.junit;

import static io.github.cptestkit.junit.CodePipelineAssertions.assertThat;
import static io.github.cptestkit.junit.CodePipelineAssertions.assertThatThrownBy;

import io.github.cptestkit.wire.ActionCategory;
import io.github.cptestkit.wire.FakeThirdPartyJob;
import io.github.cptestkit.wire.JobStatus;
import io.github.cptestkit.wire.S3ArtifactLocation;
import io.github.cptestkit.junit.internal.SdkClients;
import io.github.cptestkit.mock.CodePipelineMock;
import io.github.cptestkit.schemas.AwsError;
import io.github.cptestkit.schemas.Operation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.core.async.AsyncResponseTransformer;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.codepipeline.CodePipelineAsyncClient;
import software.amazon.awssdk.services.codepipeline.model.AWSSessionCredentials;
import software.amazon.awssdk.services.codepipeline.model.CodePipelineException;
import software.amazon.awssdk.services.codepipeline.model.ThirdPartyJobDetails;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The async SDK clients are injected like the synchronous ones: pointed at the mock, one attempt per call by
 * default, S3 clients on a job's credentials, and all of them closed, with their threads, when the class ends.
 */
class AsyncClientsTest {

    static final List<Object> CLIENTS = new ArrayList<>();

    @ExtensionFixture
    @CodePipelineMockTest
    static class AsyncWorkerFixture {

        @Test
        void aJobRunsThroughTheAsyncClientsWithTheJobsCredentials(CodePipelineMock mock,
                CodePipelineAsyncClient codePipeline, S3AsyncClient s3, JobS3AsyncClients jobS3,
                @FakeJob(category = ActionCategory.BUILD, provider = "MyCi", inputArtifacts = 1, outputArtifacts = 1)
                FakeThirdPartyJob job) {
            CLIENTS.addAll(List.of(codePipeline, s3, jobS3));
            assertThat(codePipeline.serviceClientConfiguration().endpointOverride()).contains(mock.endpoint());
            assertThat(jobS3).hasToString("JobS3AsyncClients[" + mock.endpoint() + ", us-east-1, maxAttempts=1]");
            String jobId = codePipeline.pollForThirdPartyJobs(r -> r.actionTypeId(TestWorker.sdk(job.actionTypeId())))
                    .join().jobs().get(0).jobId();
            ThirdPartyJobDetails details = codePipeline.getThirdPartyJobDetails(r -> r.jobId(jobId)
                    .clientToken(job.clientToken())).join().jobDetails();
            codePipeline.acknowledgeThirdPartyJob(r -> r.jobId(jobId).nonce(details.nonce())
                    .clientToken(job.clientToken())).join();
            AWSSessionCredentials credentials = details.data().artifactCredentials();
            S3ArtifactLocation input = job.artifacts().get(0).location();
            var output = details.data().outputArtifacts().get(0).location().s3Location();

            S3AsyncClient withJobCredentials = jobS3.create(credentials);
            CLIENTS.add(withJobCredentials);   // left open: the extension closes it with the class
            byte[] zip = withJobCredentials.getObject(r -> r.bucket(input.bucketName()).key(input.objectKey()),
                    AsyncResponseTransformer.toBytes()).join().asByteArray();
            withJobCredentials.putObject(r -> r.bucket(output.bucketName()).key(output.objectKey()),
                    AsyncRequestBody.fromBytes(zip)).join();
            codePipeline.putThirdPartyJobSuccessResult(r -> r.jobId(jobId).clientToken(job.clientToken())
                    .executionDetails(d -> d.summary("copied"))).join();

            assertThat(mock).job(jobId).succeeded().hasExecutionSummary("copied");
            assertThat(mock.job(jobId).status()).isEqualTo(JobStatus.SUCCEEDED);
            assertThat(mock.outputArtifact(jobId, details.data().outputArtifacts().get(0).name()).orElseThrow()
                    .content()).isEqualTo(zip);
            assertThatThrownBy(() -> s3.getObject(r -> r.bucket(input.bucketName()).key(input.objectKey()),
                    AsyncResponseTransformer.toBytes()).join())
                    .isInstanceOf(CompletionException.class).cause()
                    .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(403));
        }

        @Test
        @FailNext(operation = Operation.POLL_FOR_THIRD_PARTY_JOBS, error = AwsError.SERVICE_UNAVAILABLE)
        void anErrorReachesTheTestAfterOneAttempt(CodePipelineMock mock, CodePipelineAsyncClient codePipeline,
                @FakeJob(provider = "MyCi") FakeThirdPartyJob job) {
            assertThatThrownBy(() -> codePipeline.pollForThirdPartyJobs(r -> r.actionTypeId(
                    TestWorker.sdk(job.actionTypeId()))).join())
                    .isInstanceOf(CompletionException.class).cause()
                    .isInstanceOfSatisfying(CodePipelineException.class, e -> assertThat(e.numAttempts())
                            .isEqualTo(1));
            assertThat(mock.job(job.jobId()).status()).isEqualTo(JobStatus.QUEUED);
        }
    }

    @ExtensionFixture
    static class ThreeAttemptsFixture {
        @RegisterExtension
        static final CodePipelineMockExtension EXTENSION = CodePipelineMockExtension.builder().maxAttempts(3)
                .build();

        @Test
        @FailNext(operation = Operation.POLL_FOR_THIRD_PARTY_JOBS, error = AwsError.SERVICE_UNAVAILABLE, times = 2)
        void theBuildersMaxAttemptsRetriesTheAsyncClientsToo(CodePipelineAsyncClient codePipeline,
                JobS3AsyncClients jobS3, @FakeJob(provider = "MyCi") FakeThirdPartyJob job) {
            assertThat(jobS3.toString()).endsWith("maxAttempts=3]");
            assertThat(codePipeline.pollForThirdPartyJobs(r -> r.actionTypeId(TestWorker.sdk(job.actionTypeId())))
                    .join().jobs()).hasSize(1);
        }
    }

    @Test
    void theAsyncClientsWorkLikeTheSynchronousOnesAndAreClosedWithTheirThreadsWhenTheClassEnds()
            throws InterruptedException {
        Set<Thread> before = new HashSet<>(Thread.getAllStackTraces().keySet());
        CLIENTS.clear();

        Fixtures.run(AsyncWorkerFixture.class, ThreeAttemptsFixture.class).testEvents()
                .assertStatistics(stats -> stats.started(3).succeeded(3));

        assertThat(CLIENTS).hasSize(4);
        CodePipelineAsyncClient codePipeline = (CodePipelineAsyncClient) CLIENTS.get(0);
        assertThatThrownBy(() -> codePipeline.pollForThirdPartyJobs(r -> r.maxBatchSize(1)).join())
                .isInstanceOf(CompletionException.class).cause().isInstanceOf(SdkClientException.class);
        S3AsyncClient leftOpen = (S3AsyncClient) CLIENTS.get(3);
        assertThatThrownBy(() -> leftOpen.listBuckets().join())
                .isInstanceOf(CompletionException.class).cause().isInstanceOf(SdkClientException.class);
        assertThatThrownBy(() -> ((JobS3AsyncClients) CLIENTS.get(2)).create(SdkClients.FAKE_CREDENTIALS))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("is closed (its test class ended)");
        List<Thread> started = Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> !before.contains(thread) && !ShutdownTest.PROCESS_WIDE.matcher(thread.getName())
                        .matches())
                .toList();
        for (Thread thread : started) {
            thread.join(5_000);
        }
        assertThat(started.stream().filter(Thread::isAlive).map(Thread::getName)).as("threads still alive")
                .isEmpty();
    }
}
