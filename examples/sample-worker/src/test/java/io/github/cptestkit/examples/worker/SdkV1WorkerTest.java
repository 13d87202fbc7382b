package io.github.cptestkit.examples.worker;

import static io.github.cptestkit.junit.CodePipelineAssertions.assertThat;

import com.amazonaws.ClientConfiguration;
import com.amazonaws.auth.AWSStaticCredentialsProvider;
import com.amazonaws.auth.BasicAWSCredentials;
import com.amazonaws.auth.BasicSessionCredentials;
import com.amazonaws.client.builder.AwsClientBuilder.EndpointConfiguration;
import com.amazonaws.services.codepipeline.AWSCodePipeline;
import com.amazonaws.services.codepipeline.AWSCodePipelineClientBuilder;
import com.amazonaws.services.codepipeline.model.AWSSessionCredentials;
import com.amazonaws.services.codepipeline.model.AcknowledgeThirdPartyJobRequest;
import com.amazonaws.services.codepipeline.model.ActionTypeId;
import com.amazonaws.services.codepipeline.model.Artifact;
import com.amazonaws.services.codepipeline.model.ExecutionDetails;
import com.amazonaws.services.codepipeline.model.FailureDetails;
import com.amazonaws.services.codepipeline.model.FailureType;
import com.amazonaws.services.codepipeline.model.GetThirdPartyJobDetailsRequest;
import com.amazonaws.services.codepipeline.model.PollForThirdPartyJobsRequest;
import com.amazonaws.services.codepipeline.model.PutThirdPartyJobFailureResultRequest;
import com.amazonaws.services.codepipeline.model.PutThirdPartyJobSuccessResultRequest;
import com.amazonaws.services.codepipeline.model.S3ArtifactLocation;
import com.amazonaws.services.codepipeline.model.ThirdPartyJob;
import com.amazonaws.services.codepipeline.model.ThirdPartyJobData;
import com.amazonaws.services.codepipeline.model.ThirdPartyJobDetails;
import com.amazonaws.services.s3.AmazonS3;
import com.amazonaws.services.s3.AmazonS3ClientBuilder;
import com.amazonaws.services.s3.model.ObjectMetadata;
import com.amazonaws.services.s3.model.PutObjectRequest;
import com.amazonaws.services.s3.model.SSEAwsKeyManagementParams;
import io.github.cptestkit.junit.CodePipelineMockExtension;
import io.github.cptestkit.junit.FakeJob;
import io.github.cptestkit.junit.FakeJobs;
import io.github.cptestkit.junit.MockResource;
import io.github.cptestkit.mock.CodePipelineMock;
import io.github.cptestkit.wire.ActionCategory;
import io.github.cptestkit.wire.FakeThirdPartyJob;
import io.github.cptestkit.wire.Preset;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.http.conn.ssl.DefaultHostnameVerifier;
import org.apache.http.conn.ssl.SSLConnectionSocketFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A worker on the AWS SDK for Java v1 ({@code aws-java-sdk-codepipeline} and {@code aws-java-sdk-s3}) polls its jobs
 * from the mock in a loop, unchanged but for the endpoint: the v1 S3 client sends SSE-KMS headers only over HTTPS,
 * so the mock serves HTTPS too and the clients trust its certificate authority.
 */
class SdkV1WorkerTest {

    @RegisterExtension
    static final CodePipelineMockExtension MOCK = CodePipelineMockExtension.builder()
            .configureMock(mock -> mock.httpsPort(0))
            .build();

    static final ActionTypeId REPORT_BUILDER = new ActionTypeId().withCategory("Build").withOwner("ThirdParty")
            .withProvider("ReportBuilder").withVersion("1");

    @MockResource CodePipelineMock mock;
    AWSCodePipeline codePipeline;
    final List<AmazonS3> s3Clients = new ArrayList<>();

    @BeforeEach
    void pointTheV1ClientsAtTheMock() {
        codePipeline = codePipeline(mock);
    }

    @AfterEach
    void shutDownTheClients() {
        codePipeline.shutdown();
        s3Clients.forEach(AmazonS3::shutdown);
    }

    // region sdk-v1-clients
    /** The worker's clients, as in production but for the endpoint and the trust of the mock's CA. */
    static AWSCodePipeline codePipeline(CodePipelineMock mock) {
        return AWSCodePipelineClientBuilder.standard()
                .withEndpointConfiguration(new EndpointConfiguration(mock.httpsEndpoint().toString(), "us-east-1"))
                .withCredentials(new AWSStaticCredentialsProvider(new BasicAWSCredentials("AKIAIOSFODNN7EXAMPLE",
                        "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")))
                .withClientConfiguration(trusting(mock))
                .build();
    }

    /** The S3 client for one job: its artifact credentials, path-style requests. */
    static AmazonS3 s3(CodePipelineMock mock, AWSSessionCredentials job) {
        return AmazonS3ClientBuilder.standard()
                .withEndpointConfiguration(new EndpointConfiguration(mock.httpsEndpoint().toString(), "us-east-1"))
                .withPathStyleAccessEnabled(true)
                .withCredentials(new AWSStaticCredentialsProvider(new BasicSessionCredentials(job.getAccessKeyId(),
                        job.getSecretAccessKey(), job.getSessionToken())))
                .withClientConfiguration(trusting(mock))
                .build();
    }

    /** No retries, so that errors reach the test; TLS that trusts the mock's CA (or use -Djavax.net.ssl.trustStore). */
    static ClientConfiguration trusting(CodePipelineMock mock) {
        ClientConfiguration configuration = new ClientConfiguration().withMaxErrorRetry(0);
        configuration.getApacheHttpClientConfig().setSslSocketFactory(
                new SSLConnectionSocketFactory(mock.https().sslContext(), new DefaultHostnameVerifier()));
        return configuration;
    }
    // endregion

    private AmazonS3 s3ForJob(AWSSessionCredentials credentials) {
        AmazonS3 client = s3(mock, credentials);
        s3Clients.add(client);
        return client;
    }

    @Test
    void aV1WorkerLoopWorksThroughEveryQueuedJob(@FakeJobs(count = 3, value = @FakeJob(
            category = ActionCategory.BUILD, provider = "ReportBuilder", version = "1", encrypted = true))
            List<FakeThirdPartyJob> jobs) {
        V1Worker worker = new V1Worker(codePipeline, this::s3ForJob, tokens(jobs));

        int done = worker.run(3);

        assertThat(done).isEqualTo(3);
        for (FakeThirdPartyJob job : jobs) {
            assertThat(mock).hasNoKmsViolations().job(job.jobId()).succeeded().wasAcknowledged()
                    .hasExecutionSummaryContaining("lines")
                    .outputArtifact().hasEntries("report.json", "report.txt")
                    .isKmsEncryptedWith(job.details().data().encryptionKey().id());
        }
    }

    @Test
    void aJobWithoutProjectNameFailsWithTheV1ConfigurationError(@FakeJob(preset = Preset.MINIMAL,
            category = ActionCategory.BUILD, provider = "ReportBuilder", version = "1") FakeThirdPartyJob job) {
        new V1Worker(codePipeline, this::s3ForJob, tokens(List.of(job))).run(1);

        assertThat(mock).job(job.jobId()).failed()
                .hasFailureType(io.github.cptestkit.wire.FailureType.CONFIGURATION_ERROR)
                .hasFailureMessage("Configuration property ProjectName is missing");
    }

    private static Map<String, String> tokens(List<FakeThirdPartyJob> jobs) {
        return jobs.stream().collect(Collectors.toMap(FakeThirdPartyJob::clientId, FakeThirdPartyJob::clientToken,
                (a, b) -> a));
    }

    /** The report worker's loop as a v1 worker writes it: poll, details, acknowledge, work, result. */
    static final class V1Worker {
        private final AWSCodePipeline codePipeline;
        private final Function<AWSSessionCredentials, AmazonS3> s3Clients;
        private final Map<String, String> clientTokens;

        V1Worker(AWSCodePipeline codePipeline, Function<AWSSessionCredentials, AmazonS3> s3Clients,
                Map<String, String> clientTokens) {
            this.codePipeline = codePipeline;
            this.s3Clients = s3Clients;
            this.clientTokens = clientTokens;
        }

        /** Polls up to {@code polls} times, one job a poll, and returns how many jobs it worked on. */
        int run(int polls) {
            int done = 0;
            for (int i = 0; i < polls; i++) {
                List<ThirdPartyJob> jobs = codePipeline.pollForThirdPartyJobs(new PollForThirdPartyJobsRequest()
                        .withActionTypeId(REPORT_BUILDER).withMaxBatchSize(1)).getJobs();
                for (ThirdPartyJob job : jobs) {
                    work(job.getJobId(), clientTokens.get(job.getClientId()));
                    done++;
                }
            }
            return done;
        }

        private void work(String jobId, String clientToken) {
            ThirdPartyJobDetails details = codePipeline.getThirdPartyJobDetails(new GetThirdPartyJobDetailsRequest()
                    .withJobId(jobId).withClientToken(clientToken)).getJobDetails();
            String status = codePipeline.acknowledgeThirdPartyJob(new AcknowledgeThirdPartyJobRequest()
                    .withJobId(jobId).withNonce(details.getNonce()).withClientToken(clientToken)).getStatus();
            if (!"InProgress".equals(status)) {
                return;
            }
            ThirdPartyJobData data = details.getData();
            String title = data.getActionConfiguration() == null ? null
                    : data.getActionConfiguration().getConfiguration().get("ProjectName");
            if (title == null) {
                codePipeline.putThirdPartyJobFailureResult(new PutThirdPartyJobFailureResultRequest()
                        .withJobId(jobId).withClientToken(clientToken).withFailureDetails(new FailureDetails()
                                .withType(FailureType.ConfigurationError)
                                .withMessage("Configuration property ProjectName is missing")));
                return;
            }
            AmazonS3 s3 = s3Clients.apply(data.getArtifactCredentials());
            List<byte[]> zips = new ArrayList<>();
            try {
                for (Artifact input : data.getInputArtifacts()) {
                    S3ArtifactLocation location = input.getLocation().getS3Location();
                    zips.add(s3.getObject(location.getBucketName(), location.getObjectKey()).getObjectContent()
                            .readAllBytes());
                }
                Report report = Report.of(title, zips);
                upload(s3, data, report.toZip());
                codePipeline.putThirdPartyJobSuccessResult(new PutThirdPartyJobSuccessResultRequest()
                        .withJobId(jobId).withClientToken(clientToken).withExecutionDetails(new ExecutionDetails()
                                .withSummary(report.summary()).withPercentComplete(100)));
            } catch (IOException e) {
                codePipeline.putThirdPartyJobFailureResult(new PutThirdPartyJobFailureResultRequest()
                        .withJobId(jobId).withClientToken(clientToken).withFailureDetails(new FailureDetails()
                                .withType(FailureType.JobFailed).withMessage(e.getMessage())));
            }
        }

        private static void upload(AmazonS3 s3, ThirdPartyJobData data, byte[] zip) {
            S3ArtifactLocation output = data.getOutputArtifacts().get(0).getLocation().getS3Location();
            ObjectMetadata metadata = new ObjectMetadata();
            metadata.setContentLength(zip.length);
            metadata.setContentType("application/zip");
            PutObjectRequest put = new PutObjectRequest(output.getBucketName(), output.getObjectKey(),
                    new ByteArrayInputStream(zip), metadata);
            if (data.getEncryptionKey() != null) {
                put.withSSEAwsKeyManagementParams(new SSEAwsKeyManagementParams(data.getEncryptionKey().getId()));
            }
            s3.putObject(put);
        }
    }
}
