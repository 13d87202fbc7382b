package io.github.cptestkit.junit;

import static io.github.cptestkit.junit.CodePipelineAssertions.assertThat;
import static io.github.cptestkit.junit.CodePipelineAssertions.assertThatThrownBy;

import io.github.cptestkit.wire.ActionCategory;
import io.github.cptestkit.wire.FakeThirdPartyJob;
import io.github.cptestkit.wire.S3ArtifactLocation;
import io.github.cptestkit.mock.CodePipelineMock;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.services.codepipeline.CodePipelineClient;
import software.amazon.awssdk.services.codepipeline.model.AWSSessionCredentials;
import software.amazon.awssdk.services.codepipeline.model.FailureType;
import software.amazon.awssdk.services.s3.S3Client;

/** The toolkit takes the types a worker on the AWS SDK already holds: the job's credentials, the SDK's enums. */
@CodePipelineMockTest
class WorkerTypesTest {

    @Test
    void jobS3ClientsTakeTheJobsArtifactCredentialsAsTheCodePipelineClientReturnsThem(
            CodePipelineClient codePipeline, JobS3Clients jobS3,
            @FakeJob(category = ActionCategory.BUILD, provider = "MyCi", inputArtifacts = 1) FakeThirdPartyJob job) {
        TestWorker.poll(codePipeline, job);
        AWSSessionCredentials credentials = codePipeline.getThirdPartyJobDetails(r -> r.jobId(job.jobId())
                .clientToken(job.clientToken())).jobDetails().data().artifactCredentials();
        S3ArtifactLocation input = job.artifacts().get(0).location();

        try (S3Client s3 = jobS3.create(credentials)) {
            assertThat(s3.getObjectAsBytes(r -> r.bucket(input.bucketName()).key(input.objectKey())).asByteArray())
                    .isEqualTo(job.artifacts().get(0).content());
        }
        // the SDK's own type too, as a worker that converted them already holds them
        try (S3Client s3 = jobS3.create(AwsSessionCredentials.create(credentials.accessKeyId(),
                credentials.secretAccessKey(), credentials.sessionToken()))) {
            assertThat(s3.headObject(r -> r.bucket(input.bucketName()).key(input.objectKey())).contentLength())
                    .isEqualTo(job.artifacts().get(0).content().length);
        }
    }

    @Test
    void hasFailureTypeTakesTheSdksFailureTypeAsTheWorkerReportedIt(CodePipelineMock mock,
            CodePipelineClient codePipeline, @FakeJob(provider = "MyCi") FakeThirdPartyJob job) {
        String jobId = TestWorker.poll(codePipeline, job).get(0).jobId();
        String nonce = codePipeline.getThirdPartyJobDetails(r -> r.jobId(jobId).clientToken(job.clientToken()))
                .jobDetails().nonce();
        codePipeline.acknowledgeThirdPartyJob(r -> r.jobId(jobId).nonce(nonce).clientToken(job.clientToken()));
        codePipeline.putThirdPartyJobFailureResult(r -> r.jobId(jobId).clientToken(job.clientToken())
                .failureDetails(f -> f.type(FailureType.CONFIGURATION_ERROR).message("ProjectName is missing")));

        assertThat(mock).job(jobId).failed().hasFailureType(FailureType.CONFIGURATION_ERROR)
                .hasFailureType(io.github.cptestkit.wire.FailureType.CONFIGURATION_ERROR);
        assertThatThrownBy(() -> assertThat(mock).job(jobId).hasFailureType(FailureType.JOB_FAILED))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("Expecting job " + jobId + " to have failed with JobFailed, but it failed"
                        + " with ConfigurationError.");
        assertThatThrownBy(() -> assertThat(mock).job(jobId).hasFailureType(FailureType.UNKNOWN_TO_SDK_VERSION))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("UNKNOWN_TO_SDK_VERSION; pass one of JOB_FAILED");
    }
}
