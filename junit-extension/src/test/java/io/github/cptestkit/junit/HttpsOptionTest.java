package io.github.cptestkit.junit;

import static io.github.cptestkit.junit.CodePipelineAssertions.assertThat;

import io.github.cptestkit.mock.CodePipelineMock;
import io.github.cptestkit.mock.tls.HttpsTrust;
import io.github.cptestkit.wire.ActionCategory;
import io.github.cptestkit.wire.FakeThirdPartyJob;
import io.github.cptestkit.wire.S3ArtifactLocation;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.codepipeline.CodePipelineAsyncClient;
import software.amazon.awssdk.services.codepipeline.CodePipelineClient;
import software.amazon.awssdk.services.codepipeline.model.AWSSessionCredentials;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/** {@code @CodePipelineMockTest(https = true)}: the mock serves HTTPS and every injected client goes there. */
@CodePipelineMockTest(https = true)
class HttpsOptionTest {

    @Test
    void theInjectedClientsWorkAJobOverTheMocksHttpsPortTrustingItsCa(CodePipelineMock mock,
            CodePipelineClient codePipeline, CodePipelineAsyncClient async, JobS3Clients jobS3, HttpsTrust trust,
            @FakeJob(category = ActionCategory.BUILD, provider = "MyCi", inputArtifacts = 1, outputArtifacts = 1)
            FakeThirdPartyJob job) throws Exception {
        assertThat(jobS3.toString()).contains(mock.httpsEndpoint().toString());
        assertThat(Files.readString(trust.caCertificateFile())).startsWith("-----BEGIN CERTIFICATE-----");
        assertThat(async.pollForThirdPartyJobs(r -> r.actionTypeId(TestWorker.sdk(job.actionTypeId()))).get()
                .jobs()).as("the async client polls over HTTPS too").hasSize(1);
        String jobId = job.jobId();
        var details = codePipeline.getThirdPartyJobDetails(r -> r.jobId(jobId).clientToken(job.clientToken()))
                .jobDetails();
        codePipeline.acknowledgeThirdPartyJob(r -> r.jobId(jobId).nonce(details.nonce())
                .clientToken(job.clientToken()));
        AWSSessionCredentials credentials = details.data().artifactCredentials();
        S3ArtifactLocation input = job.artifacts().get(0).location();
        var output = details.data().outputArtifacts().get(0).location().s3Location();
        try (S3Client s3 = jobS3.create(credentials)) {
            assertThat(s3.getObjectAsBytes(r -> r.bucket(input.bucketName()).key(input.objectKey())).asByteArray())
                    .isEqualTo(job.artifacts().get(0).content());
            var upload = s3.putObject(r -> r.bucket(output.bucketName()).key(output.objectKey())
                    .serverSideEncryption(ServerSideEncryption.AES256), RequestBody.fromBytes(new byte[] {1}));
            assertThat(upload.eTag()).isNotBlank();
        }
        codePipeline.putThirdPartyJobSuccessResult(r -> r.jobId(jobId).clientToken(job.clientToken()));

        assertThat(mock).job(jobId).succeeded();
        assertThat(mock.wireMock().findAll(com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.anyUrl()))).allSatisfy(request ->
                        assertThat(request.getAbsoluteUrl()).startsWith("https://"));
    }
}
