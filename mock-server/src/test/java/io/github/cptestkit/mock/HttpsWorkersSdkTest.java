package io.github.cptestkit.mock;

import static io.github.cptestkit.mock.SdkClients.sdk;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.amazonaws.ClientConfiguration;
import com.amazonaws.auth.AWSStaticCredentialsProvider;
import com.amazonaws.auth.BasicAWSCredentials;
import com.amazonaws.auth.BasicSessionCredentials;
import com.amazonaws.client.builder.AwsClientBuilder.EndpointConfiguration;
import com.amazonaws.services.codepipeline.AWSCodePipeline;
import com.amazonaws.services.codepipeline.AWSCodePipelineClientBuilder;
import com.amazonaws.services.codepipeline.model.AcknowledgeJobRequest;
import com.amazonaws.services.codepipeline.model.ActionTypeId;
import com.amazonaws.services.codepipeline.model.GetJobDetailsRequest;
import com.amazonaws.services.codepipeline.model.Job;
import com.amazonaws.services.codepipeline.model.JobData;
import com.amazonaws.services.codepipeline.model.PollForJobsRequest;
import com.amazonaws.services.codepipeline.model.PutJobSuccessResultRequest;
import com.amazonaws.services.s3.AmazonS3;
import com.amazonaws.services.s3.AmazonS3ClientBuilder;
import com.amazonaws.services.s3.model.ObjectMetadata;
import com.amazonaws.services.s3.model.PutObjectRequest;
import com.amazonaws.services.s3.model.SSEAwsKeyManagementParams;
import io.github.cptestkit.wire.FakeCustomJob;
import io.github.cptestkit.fixtures.FakeJobGenerator;
import io.github.cptestkit.fixtures.FakeJobs;
import io.github.cptestkit.wire.JobStatus;
import io.github.cptestkit.wire.Preset;
import io.github.cptestkit.mock.s3.StoredArtifact;
import io.github.cptestkit.mock.tls.HttpsTrust;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.http.conn.ssl.DefaultHostnameVerifier;
import org.apache.http.conn.ssl.SSLConnectionSocketFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.codepipeline.CodePipelineClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/**
 * Workers on HTTPS (issue 20): the AWS SDK for Java v1 refuses to send SSE-KMS headers over plain HTTP, so a v1
 * worker that encrypts its output as CodePipeline's bucket policy asks needs the mock's HTTPS port; the SDK v2 is
 * shown on the same port with the trust managers the mock hands out.
 */
class HttpsWorkersSdkTest {

    static final MockClock CLOCK = MockClock.at(Instant.parse("2026-01-01T00:00:00Z"));
    static final FakeJobGenerator FAKES = FakeJobs.withSeed(2020);

    final CodePipelineMock mock = CodePipelineMock.builder().clock(CLOCK).httpsPort(0).build().start();

    @AfterEach
    void stop() {
        mock.close();
    }

    /** A custom Deploy job with one bundle zip in, one output, and a KMS key. */
    static FakeCustomJob kmsJob() {
        return FAKES.custom().preset(Preset.DEPLOY_WITH_KMS).outputArtifacts(1).build();
    }

    // ---------------------------------------------------------------- AWS SDK for Java v1

    /** The v1 client configuration a worker uses to trust the mock's CA (or -Djavax.net.ssl.trustStore). */
    ClientConfiguration v1Trusting() {
        ClientConfiguration configuration = new ClientConfiguration().withMaxErrorRetry(0);
        configuration.getApacheHttpClientConfig().setSslSocketFactory(new SSLConnectionSocketFactory(
                mock.https().sslContext(), new DefaultHostnameVerifier()));
        return configuration;
    }

    AWSCodePipeline v1CodePipeline(URI endpoint) {
        return AWSCodePipelineClientBuilder.standard()
                .withEndpointConfiguration(new EndpointConfiguration(endpoint.toString(), "us-east-1"))
                .withClientConfiguration(v1Trusting())
                .withCredentials(new AWSStaticCredentialsProvider(new BasicAWSCredentials("AKIAFAKE", "fake")))
                .build();
    }

    AmazonS3 v1S3(URI endpoint, JobData data) {
        var credentials = data.getArtifactCredentials();
        return AmazonS3ClientBuilder.standard()
                .withEndpointConfiguration(new EndpointConfiguration(endpoint.toString(), "us-east-1"))
                .withPathStyleAccessEnabled(true)
                .withClientConfiguration(v1Trusting())
                .withCredentials(new AWSStaticCredentialsProvider(new BasicSessionCredentials(
                        credentials.getAccessKeyId(), credentials.getSecretAccessKey(),
                        credentials.getSessionToken())))
                .build();
    }

    static ActionTypeId v1(io.github.cptestkit.wire.ActionTypeId type) {
        return new ActionTypeId().withCategory(type.category().wire()).withOwner(type.owner().wire())
                .withProvider(type.provider()).withVersion(type.version());
    }

    /** The v1 worker's upload of its output: SSE-KMS with the job's key, as the bucket policy asks. */
    static PutObjectRequest encryptedUpload(JobData data, byte[] zip) {
        var output = data.getOutputArtifacts().get(0).getLocation().getS3Location();
        ObjectMetadata metadata = new ObjectMetadata();
        metadata.setContentLength(zip.length);
        return new PutObjectRequest(output.getBucketName(), output.getObjectKey(), new ByteArrayInputStream(zip),
                metadata).withSSEAwsKeyManagementParams(new SSEAwsKeyManagementParams(
                        data.getEncryptionKey().getId()));
    }

    @Test
    void anSdkV1WorkerUploadsItsOutputWithSseKmsOverHttpsAndTheMockStoresItUnderTheJobsKey() throws Exception {
        FakeCustomJob job = kmsJob();
        String jobId = mock.enqueue(job);
        AWSCodePipeline codePipeline = v1CodePipeline(mock.httpsEndpoint());

        Job polled = codePipeline.pollForJobs(new PollForJobsRequest().withActionTypeId(v1(job.actionTypeId())))
                .getJobs().get(0);
        assertThat(codePipeline.acknowledgeJob(new AcknowledgeJobRequest().withJobId(polled.getId())
                .withNonce(polled.getNonce())).getStatus()).isEqualTo("InProgress");
        JobData data = codePipeline.getJobDetails(new GetJobDetailsRequest().withJobId(polled.getId()))
                .getJobDetails().getData();
        AmazonS3 s3 = v1S3(mock.httpsEndpoint(), data);
        var input = data.getInputArtifacts().get(0).getLocation().getS3Location();
        byte[] downloaded;
        try (var object = s3.getObject(input.getBucketName(), input.getObjectKey())) {
            downloaded = object.getObjectContent().readAllBytes();
        }
        List<String> names = List.copyOf(Zips.unzip(downloaded).keySet());
        s3.putObject(encryptedUpload(data, Zips.zip(Map.of("names.txt", String.join("\n", names)))));
        codePipeline.putJobSuccessResult(new PutJobSuccessResultRequest().withJobId(polled.getId()));

        assertThat(mock.job(jobId).status()).isEqualTo(JobStatus.SUCCEEDED);
        StoredArtifact output = mock.outputArtifact(jobId, job.job().data().outputArtifacts().get(0).name())
                .orElseThrow();
        assertThat(output.zipEntryText("names.txt")).isEqualTo(String.join("\n", names));
        assertThat(output.serverSideEncryption()).isEqualTo("aws:kms");
        assertThat(output.kmsKeyId()).hasValue(job.job().data().encryptionKey().id());
        assertThat(mock.kmsViolations()).isEmpty();
        assertThat(mock.problems()).isEmpty();
        s3.shutdown();
        codePipeline.shutdown();
    }

    @Test
    void overPlainHttpTheSdkV1RefusesToSendSseKmsHeadersWhichIsWhyTheMockServesHttps() {
        FakeCustomJob job = kmsJob();
        mock.enqueue(job);
        AWSCodePipeline codePipeline = v1CodePipeline(mock.endpoint());
        Job polled = codePipeline.pollForJobs(new PollForJobsRequest().withActionTypeId(v1(job.actionTypeId())))
                .getJobs().get(0);
        AmazonS3 s3 = v1S3(mock.endpoint(), polled.getData());

        Throwable refused = catchThrowable(() -> s3.putObject(encryptedUpload(polled.getData(), new byte[] {1})));

        assertThat(refused).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("HTTPS must be used");
        s3.shutdown();
        codePipeline.shutdown();
    }

    // ---------------------------------------------------------------- AWS SDK for Java v2

    /** The SDK v2 HTTP client option: the mock's trust managers, nothing machine-wide. */
    SdkHttpClient v2Trusting() {
        return ApacheHttpClient.builder().tlsTrustManagersProvider(mock.https()::trustManagers).build();
    }

    @Test
    void anSdkV2WorkerRunsItsLoopOverHttpsWithTheMocksTrustManagers() {
        FakeCustomJob job = kmsJob();
        String jobId = mock.enqueue(job);
        try (SdkHttpClient http = v2Trusting();
                CodePipelineClient codePipeline = CodePipelineClient.builder().endpointOverride(mock.httpsEndpoint())
                        .region(Region.US_EAST_1).httpClient(http)
                        .credentialsProvider(StaticCredentialsProvider.create(
                                AwsBasicCredentials.create("AKIAFAKE", "fake")))
                        .build()) {
            var polled = codePipeline.pollForJobs(r -> r.actionTypeId(sdk(job.actionTypeId()))).jobs().get(0);
            codePipeline.acknowledgeJob(r -> r.jobId(polled.id()).nonce(polled.nonce()));
            var credentials = polled.data().artifactCredentials();
            var output = polled.data().outputArtifacts().get(0).location().s3Location();
            try (S3Client s3 = S3Client.builder().endpointOverride(mock.httpsEndpoint()).region(Region.US_EAST_1)
                    .forcePathStyle(true).httpClient(http)
                    .credentialsProvider(StaticCredentialsProvider.create(AwsSessionCredentials.create(
                            credentials.accessKeyId(), credentials.secretAccessKey(), credentials.sessionToken())))
                    .build()) {
                s3.putObject(r -> r.bucket(output.bucketName()).key(output.objectKey())
                        .serverSideEncryption(ServerSideEncryption.AWS_KMS)
                        .ssekmsKeyId(polled.data().encryptionKey().id()),
                        RequestBody.fromBytes(Zips.zip(Map.of("ok.txt", "ok"))));
            }
            codePipeline.putJobSuccessResult(r -> r.jobId(polled.id()));
        }

        assertThat(mock.job(jobId).status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(mock.outputArtifact(jobId, job.job().data().outputArtifacts().get(0).name()).orElseThrow()
                .zipEntryText("ok.txt")).isEqualTo("ok");
        assertThat(mock.kmsViolations()).isEmpty();
    }

    @Test
    void theHttpsEndpointNamesTheLoopbackAddressThePlainPortStillServesAndTheCaFilesExistUntilStop() {
        assertThat(mock.httpsEndpoint().getScheme()).isEqualTo("https");
        assertThat(mock.httpsEndpoint().getHost()).isEqualTo("127.0.0.1");
        assertThat(mock.httpsEndpoint().getPort()).isEqualTo(mock.httpsPort()).isNotEqualTo(mock.port());
        assertThat(mock.endpoint().getScheme()).isEqualTo("http");
        HttpsTrust trust = mock.https();
        assertThat(trust.caCertificateFile()).exists().content().startsWith("-----BEGIN CERTIFICATE-----");
        assertThat(trust.trustStoreFile()).exists();
        assertThat(trust.javaTrustStoreProperties()).containsEntry("javax.net.ssl.trustStore",
                trust.trustStoreFile().toString()).containsEntry("javax.net.ssl.trustStoreType", "PKCS12");

        mock.stop();

        assertThat(trust.caCertificateFile()).doesNotExist();
        assertThat(trust.trustStoreFile()).doesNotExist();
    }
}
