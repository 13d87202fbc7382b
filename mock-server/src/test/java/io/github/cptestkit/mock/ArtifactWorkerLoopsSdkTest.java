package io.github.cptestkit.mock;

import static io.github.cptestkit.mock.SdkClients.sdk;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.cptestkit.wire.FakeCustomJob;
import io.github.cptestkit.fixtures.FakeJobGenerator;
import io.github.cptestkit.fixtures.FakeJobs;
import io.github.cptestkit.wire.FakeThirdPartyJob;
import io.github.cptestkit.wire.JobStatus;
import io.github.cptestkit.wire.Preset;
import io.github.cptestkit.wire.S3ArtifactLocation;
import io.github.cptestkit.mock.jobs.JobDocument;
import io.github.cptestkit.mock.jobs.JobSnapshot;
import io.github.cptestkit.mock.s3.KmsViolation;
import io.github.cptestkit.mock.s3.StoredArtifact;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.codepipeline.CodePipelineClient;
import software.amazon.awssdk.services.codepipeline.model.Artifact;
import software.amazon.awssdk.services.codepipeline.model.EncryptionKey;
import software.amazon.awssdk.services.codepipeline.model.Job;
import software.amazon.awssdk.services.codepipeline.model.JobData;
import software.amazon.awssdk.services.codepipeline.model.ThirdPartyJobData;
import software.amazon.awssdk.services.codepipeline.model.ThirdPartyJobDetails;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/**
 * The proof of issues 4 and 5: real workers, written with the real {@code CodePipelineClient} and {@code S3Client}
 * against one {@link CodePipelineMock}, poll, fetch the job, acknowledge, download and unzip their input artifact
 * with the job's session credentials, upload an output zip (SSE-KMS with the job's key) and put their result; the
 * test then reads everything back through the mock's public API.
 */
class ArtifactWorkerLoopsSdkTest {

    static final MockClock CLOCK = MockClock.at(java.time.Instant.parse("2026-01-01T00:00:00Z"));
    static final FakeJobGenerator FAKES = FakeJobs.withSeed(45);

    final List<AutoCloseable> resources = new ArrayList<>();

    @AfterEach
    void closeEverything() throws Exception {
        for (int i = resources.size() - 1; i >= 0; i--) {
            resources.get(i).close();
        }
    }

    <T extends AutoCloseable> T closing(T resource) {
        resources.add(resource);
        return resource;
    }

    CodePipelineMock start(CodePipelineMock.Builder builder) {
        return closing(builder.clock(CLOCK).build().start());
    }

    // ---------------------------------------------------------------- the worker's side

    /**
     * What every worker does in the bucket: download and unzip the first input artifact, then upload a zip listing
     * its entries to the first output artifact, SSE-KMS with the job's key when it has one and {@code withKms}.
     */
    static List<String> transform(S3Client s3, List<Artifact> inputs, List<Artifact> outputs,
            EncryptionKey encryptionKey, boolean withKms) {
        var input = inputs.get(0).location().s3Location();
        byte[] downloaded = s3.getObjectAsBytes(r -> r.bucket(input.bucketName()).key(input.objectKey()))
                .asByteArray();
        List<String> names = List.copyOf(Zips.unzip(downloaded).keySet());
        var output = outputs.get(0).location().s3Location();
        PutObjectRequest.Builder upload = PutObjectRequest.builder().bucket(output.bucketName())
                .key(output.objectKey());
        if (encryptionKey != null && withKms) {
            upload.serverSideEncryption(ServerSideEncryption.AWS_KMS).ssekmsKeyId(encryptionKey.id());
        }
        s3.putObject(upload.build(), RequestBody.fromBytes(Zips.zip(Map.of("result.json", "{\"inputs\":"
                + names.size() + ",\"names\":\"" + String.join(",", names) + "\"}"))));
        return names;
    }

    /** A partner worker's whole loop for one job of {@code job}'s action type. */
    static void runPartnerWorker(CodePipelineMock mock, CodePipelineClient codePipeline, FakeThirdPartyJob job,
            boolean withKms) {
        var polled = codePipeline.pollForThirdPartyJobs(r -> r.actionTypeId(sdk(job.actionTypeId()))).jobs().get(0);
        String clientToken = job.clientToken();   // the worker's own record of its clientId's token
        ThirdPartyJobDetails details = codePipeline.getThirdPartyJobDetails(r -> r.jobId(polled.jobId())
                .clientToken(clientToken)).jobDetails();
        codePipeline.acknowledgeThirdPartyJob(r -> r.jobId(details.id()).nonce(details.nonce())
                .clientToken(clientToken));
        ThirdPartyJobData data = details.data();
        try (S3Client s3 = SdkClients.s3(mock, data.artifactCredentials())) {
            transform(s3, data.inputArtifacts(), data.outputArtifacts(), data.encryptionKey(), withKms);
        }
        codePipeline.putThirdPartyJobSuccessResult(r -> r.jobId(details.id()).clientToken(clientToken)
                .currentRevision(c -> c.revision("r-1").changeIdentifier("change-1"))
                .executionDetails(e -> e.summary("Transformed").percentComplete(100)));
    }

    /** A custom-action worker's whole loop for one job of {@code job}'s action type. */
    static void runCustomWorker(CodePipelineMock mock, CodePipelineClient codePipeline, FakeCustomJob job) {
        Job polled = codePipeline.pollForJobs(r -> r.actionTypeId(sdk(job.actionTypeId()))).jobs().get(0);
        codePipeline.acknowledgeJob(r -> r.jobId(polled.id()).nonce(polled.nonce()));
        JobData data = codePipeline.getJobDetails(r -> r.jobId(polled.id())).jobDetails().data();
        List<String> names;
        try (S3Client s3 = SdkClients.s3(mock, data.artifactCredentials())) {
            names = transform(s3, data.inputArtifacts(), data.outputArtifacts(), data.encryptionKey(), true);
        }
        codePipeline.putJobSuccessResult(r -> r.jobId(polled.id())
                .outputVariables(Map.of("INPUT_FILES", String.valueOf(names.size()))));
    }

    /** A partner Build job with one source zip in, one output, and a KMS key. */
    static FakeThirdPartyJob partnerJob(int index) {
        return FAKES.thirdParty().preset(Preset.BUILD_WITH_SOURCE_ZIP).encrypted().index(index).build();
    }

    /** A custom Deploy job with one bundle zip in, one output, and a KMS key. */
    static FakeCustomJob customJob(int index) {
        return FAKES.custom().preset(Preset.DEPLOY_WITH_KMS).outputArtifacts(1).index(index).build();
    }

    static S3ArtifactLocation firstInput(io.github.cptestkit.wire.JobData data) {
        return data.inputArtifacts().get(0).location().s3Location();
    }

    // ---------------------------------------------------------------- the tests

    @Test
    void aPartnerWorkerDownloadsItsInputAndUploadsAnEncryptedOutputWithTheJobsCredentials() {
        CodePipelineMock mock = start(CodePipelineMock.builder());
        CodePipelineClient codePipeline = closing(SdkClients.oneAttempt(mock));
        FakeThirdPartyJob job = partnerJob(1);
        String jobId = mock.enqueue(job);
        String outputName = job.details().data().outputArtifacts().get(0).name();
        String keyId = job.details().data().encryptionKey().id();

        runPartnerWorker(mock, codePipeline, job, true);

        assertThat(mock.job(jobId).status()).isEqualTo(JobStatus.SUCCEEDED);
        StoredArtifact input = mock.artifact(firstInput(job.details().data())).orElseThrow();
        assertThat(input.content()).isEqualTo(job.artifacts().get(0).content());
        StoredArtifact output = mock.outputArtifact(jobId, outputName).orElseThrow();
        assertThat(output.zipEntries()).containsOnlyKeys("result.json");
        assertThat(output.zipEntryText("result.json"))
                .contains("\"inputs\":" + input.zipEntries().size())
                .contains(String.join(",", input.zipEntries().keySet()));
        assertThat(output.serverSideEncryption()).isEqualTo("aws:kms");
        assertThat(output.kmsKeyId()).hasValue(keyId);
        assertThat(mock.kmsViolations()).isEmpty();
        assertThat(mock.problems()).isEmpty();
    }

    @Test
    void aCustomWorkerDownloadsItsInputAndUploadsAnEncryptedOutputWithTheJobsCredentials() {
        CodePipelineMock mock = start(CodePipelineMock.builder());
        CodePipelineClient codePipeline = closing(SdkClients.oneAttempt(mock));
        FakeCustomJob job = customJob(2);
        String jobId = mock.enqueue(job);
        String outputName = job.job().data().outputArtifacts().get(0).name();

        runCustomWorker(mock, codePipeline, job);

        JobSnapshot snapshot = mock.job(jobId);
        assertThat(snapshot.status()).isEqualTo(JobStatus.SUCCEEDED);
        StoredArtifact input = mock.artifact(firstInput(job.job().data())).orElseThrow();
        assertThat(snapshot.success().outputVariables())
                .containsExactly(Map.entry("INPUT_FILES", String.valueOf(input.zipEntries().size())));
        StoredArtifact output = mock.outputArtifact(jobId, outputName).orElseThrow();
        assertThat(output.zipEntryText("result.json")).contains(String.join(",", input.zipEntries().keySet()));
        assertThat(output.kmsKeyId()).hasValue(job.job().data().encryptionKey().id());
        assertThat(mock.kmsViolations()).isEmpty();
        assertThat(mock.problems()).isEmpty();
    }

    @Test
    void anUploadWithoutKmsHeadersOnAnEncryptedJobIsAViolationThatLenientModeAccepts() {
        CodePipelineMock mock = start(CodePipelineMock.builder().strictKms(false));
        CodePipelineClient codePipeline = closing(SdkClients.oneAttempt(mock));
        FakeThirdPartyJob job = partnerJob(3);
        String jobId = mock.enqueue(job);
        String outputName = job.details().data().outputArtifacts().get(0).name();

        runPartnerWorker(mock, codePipeline, job, false);

        assertThat(mock.job(jobId).status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(mock.outputArtifact(jobId, outputName).orElseThrow().serverSideEncryption()).isEqualTo("AES256");
        assertThat(mock.kmsViolations()).singleElement().satisfies(violation -> {
            assertThat(violation.jobId()).isEqualTo(jobId);
            assertThat(violation.operation()).isEqualTo("PutObject");
            assertThat(violation.expectedKmsKeyId()).isEqualTo(job.details().data().encryptionKey().id());
            assertThat(violation.sentEncryption()).isEmpty();
            assertThat(violation.rejected()).isFalse();
        });
    }

    @Test
    void anUploadWithoutKmsHeadersOnAnEncryptedJobIsAccessDeniedInStrictMode() {
        CodePipelineMock mock = start(CodePipelineMock.builder());   // strict, so strictKms too
        CodePipelineClient codePipeline = closing(SdkClients.oneAttempt(mock));
        FakeThirdPartyJob job = partnerJob(4);
        String jobId = mock.enqueue(job);
        String outputName = job.details().data().outputArtifacts().get(0).name();

        S3Exception denied = catchThrowableOfType(S3Exception.class,
                () -> runPartnerWorker(mock, codePipeline, job, false));

        assertThat(denied).isNotNull();
        assertThat(denied.statusCode()).isEqualTo(403);
        assertThat(denied.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
        assertThat(mock.outputArtifact(jobId, outputName)).isEmpty();
        assertThat(mock.job(jobId).status()).as("the worker never put its result").isEqualTo(JobStatus.IN_PROGRESS);
        assertThat(mock.kmsViolations()).extracting(KmsViolation::jobId, KmsViolation::rejected)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(jobId, true));
    }

    @Test
    void artifactCredentialsExpireALifetimeAfterTheyWereHandedOutAndGetJobDetailsHandsOutANewSet() {
        CodePipelineMock mock = start(CodePipelineMock.builder().artifactCredentialsLifetime(Duration.ofMinutes(15)));
        CodePipelineClient codePipeline = closing(SdkClients.oneAttempt(mock));
        FakeCustomJob job = customJob(5);
        S3ArtifactLocation input = firstInput(job.job().data());
        mock.enqueue(job);
        Job polled = codePipeline.pollForJobs(r -> r.actionTypeId(sdk(job.actionTypeId()))).jobs().get(0);
        codePipeline.acknowledgeJob(r -> r.jobId(polled.id()).nonce(polled.nonce()));
        S3Client s3 = closing(SdkClients.s3(mock, polled.data().artifactCredentials()));
        assertThat(s3.getObjectAsBytes(r -> r.bucket(input.bucketName()).key(input.objectKey())).asByteArray())
                .isEqualTo(job.artifacts().get(0).content());

        CLOCK.advance(Duration.ofMinutes(15));
        S3Exception expired = catchThrowableOfType(S3Exception.class,
                () -> s3.getObjectAsBytes(r -> r.bucket(input.bucketName()).key(input.objectKey())));
        assertThat(expired).isNotNull();
        assertThat(expired.statusCode()).isEqualTo(400);
        assertThat(expired.awsErrorDetails().errorCode()).isEqualTo("ExpiredToken");

        // a long-running worker fetches fresh credentials: a new set; the old one stays expired
        var fresh = codePipeline.getJobDetails(r -> r.jobId(polled.id())).jobDetails().data().artifactCredentials();
        assertThat(fresh.accessKeyId()).isNotEqualTo(polled.data().artifactCredentials().accessKeyId());
        assertThat(fresh.sessionToken()).isNotEqualTo(polled.data().artifactCredentials().sessionToken());
        S3Client renewed = closing(SdkClients.s3(mock, fresh));
        assertThat(renewed.getObjectAsBytes(r -> r.bucket(input.bucketName()).key(input.objectKey())).asByteArray())
                .isEqualTo(job.artifacts().get(0).content());
        assertThat(catchThrowableOfType(S3Exception.class,
                () -> s3.getObjectAsBytes(r -> r.bucket(input.bucketName()).key(input.objectKey())))
                .awsErrorDetails().errorCode()).isEqualTo("ExpiredToken");
    }

    @Test
    void resetAndStopForgetTheArtifactsButTheJobsOutliveTheServer() {
        CodePipelineMock mock = start(CodePipelineMock.builder().artifactSpillThreshold(0));
        FakeCustomJob job = customJob(6);
        mock.enqueue(job);
        assertThat(mock.artifact(firstInput(job.job().data()))).isPresent();
        mock.reset();
        assertThat(mock.artifact(firstInput(job.job().data()))).isEmpty();

        String jobId = mock.enqueue(job);
        mock.stop();
        assertThat(mock.artifact(firstInput(job.job().data()))).isEmpty();
        assertThat(mock.job(jobId).status()).isEqualTo(JobStatus.QUEUED);
    }

    @Test
    void anOutputArtifactNameTheJobDoesNotHaveIsNamedWithTheOnesItHas() {
        CodePipelineMock mock = start(CodePipelineMock.builder());
        FakeCustomJob job = customJob(7);
        String jobId = mock.enqueue(job);
        String outputName = job.job().data().outputArtifacts().get(0).name();
        assertThat(mock.outputArtifact(jobId, outputName)).as("not uploaded yet").isEmpty();
        assertThat(catchThrowableOfType(java.util.NoSuchElementException.class,
                () -> mock.outputArtifact(jobId, "NoSuchArtifact")))
                .hasMessageContaining(jobId).hasMessageContaining("'NoSuchArtifact'").hasMessageContaining(outputName);
    }

    @Test
    void inputsOfAJobDocumentAreServedWithTheContentTypeOfTheirBytesUnderTheJobsKey() throws Exception {
        CodePipelineMock mock = start(CodePipelineMock.builder());
        FakeCustomJob fake = FAKES.custom().preset(Preset.DEPLOY_WITH_KMS).inputArtifacts(4).outputArtifacts(1)
                .index(30).build();
        var inputs = fake.job().data().inputArtifacts();
        java.io.ByteArrayOutputStream tarGz = new java.io.ByteArrayOutputStream();
        try (var gzip = new java.util.zip.GZIPOutputStream(tarGz)) {
            gzip.write("a tar would be here".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        var base64 = java.util.Base64.getEncoder();
        String document = new JobDocument.Custom(fake).toJson();
        String withContents = document.substring(0, document.length() - 1) + ", \"inputArtifactContents\": {\""
                + inputs.get(0).name() + "\": \"" + base64.encodeToString(tarGz.toByteArray()) + "\", \""
                + inputs.get(1).name() + "\": \"" + base64.encodeToString(Zips.zip(Map.of("a.txt", "a"))) + "\", \""
                + inputs.get(2).name() + "\": \"" + base64.encodeToString(new byte[] {1, 2, 3}) + "\"}}";
        mock.enqueue(JobDocument.parse(withContents));
        CodePipelineClient codePipeline = closing(SdkClients.oneAttempt(mock));
        Job polled = codePipeline.pollForJobs(r -> r.actionTypeId(sdk(fake.actionTypeId()))).jobs().get(0);
        S3Client s3 = closing(SdkClients.s3(mock, polled.data().artifactCredentials()));

        List<String> types = new ArrayList<>();
        for (var input : inputs) {
            var head = s3.headObject(r -> r.bucket(input.location().s3Location().bucketName())
                    .key(input.location().s3Location().objectKey()));
            types.add(head.contentType());
            assertThat(head.serverSideEncryption()).isEqualTo(ServerSideEncryption.AWS_KMS);
            assertThat(head.ssekmsKeyId()).isEqualTo(fake.job().data().encryptionKey().id());
        }
        assertThat(types).as("the fourth input came without bytes: a generated zip, under the job's key too")
                .containsExactly("application/gzip", "application/zip", "application/octet-stream", "application/zip");
    }
}
