package io.github.cptestkit.examples.worker;

import static io.github.cptestkit.junit.CodePipelineAssertions.assertThat;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.RequestResponsePact;
import au.com.dius.pact.core.model.annotations.Pact;
import io.github.cptestkit.fixtures.FakeJobs;
import io.github.cptestkit.junit.CodePipelineMockTest;
import io.github.cptestkit.junit.JobS3Clients;
import io.github.cptestkit.mock.CodePipelineMock;
import io.github.cptestkit.pact.CodePipelinePact;
import io.github.cptestkit.wire.ActionCategory;
import io.github.cptestkit.wire.ArtifactObject;
import io.github.cptestkit.wire.ExecutionDetails;
import io.github.cptestkit.wire.FailureDetails;
import io.github.cptestkit.wire.FailureType;
import io.github.cptestkit.wire.FakeThirdPartyJob;
import io.github.cptestkit.wire.JobStatus;
import io.github.cptestkit.wire.Preset;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.codepipeline.CodePipelineClient;

/**
 * The sample worker's consumer tests: the real worker runs against Pact's mock server, which answers its
 * CodePipeline calls as the pact says, and the pact {@code target/pacts/sample-worker-aws-codepipeline.json} is
 * written for {@link SampleWorkerPactVerificationIT} (and a Pact Broker) to verify. The worker's S3 calls go to the
 * artifact bucket of the toolkit's mock, where each test queues its job for its input zips and credentials.
 */
// region pact-consumer-test
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = CodePipelinePact.PROVIDER, pactVersion = PactSpecVersion.V3)
@CodePipelineMockTest
class SampleWorkerPactTest {

    static final FakeThirdPartyJob JOB = FakeJobs.withSeed(7).thirdParty()
            .category(ActionCategory.BUILD).provider("ReportBuilder").version("1").build();

    @Pact(consumer = "sample-worker")
    RequestResponsePact aJobRunsToSuccess(PactDslWithProvider builder) {
        return CodePipelinePact.pact(builder,
                CodePipelinePact.pollForThirdPartyJobs().givenJob(JOB).maxBatchSize(SampleWorker.BATCH_SIZE)
                        .willRespondWith(),
                CodePipelinePact.getThirdPartyJobDetails().givenJob(JOB).willRespondWith(),
                CodePipelinePact.acknowledgeThirdPartyJob().givenJob(JOB).willRespondWith(),
                CodePipelinePact.putThirdPartyJobSuccessResult().givenJob(JOB)
                        .executionDetails(new ExecutionDetails(reportOf(JOB).summary(), JOB.jobId(), 100))
                        .willRespondWith());
    }

    @Test
    @PactTestFor(pactMethod = "aJobRunsToSuccess")
    void theWorkerRunsAJobAndUploadsItsReport(MockServer pact, CodePipelineMock bucket, JobS3Clients s3) {
        bucket.enqueue(JOB);   // the job's input zips and credentials, for the worker's S3 calls
        SampleWorker worker = new SampleWorker(codePipeline(pact), s3::create, QuickstartTest.REPORT_BUILDER,
                Map.of(JOB.clientId(), JOB.clientToken()));

        assertThat(worker.runOnce()).isEqualTo(1);
        assertThat(bucket.outputArtifact(JOB.jobId(), JOB.details().data().outputArtifacts().get(0).name()))
                .isPresent();
    }
    // endregion

    static final FakeThirdPartyJob UNCONFIGURED = FakeJobs.withSeed(7).thirdParty().preset(Preset.MINIMAL)
            .category(ActionCategory.BUILD).provider("ReportBuilder").version("1").index(1).build();
    static final FakeThirdPartyJob LATE = FakeJobs.withSeed(7).thirdParty()
            .category(ActionCategory.BUILD).provider("ReportBuilder").version("1").index(2).build();

    @Pact(consumer = "sample-worker")
    RequestResponsePact aJobWithoutProjectNameFails(PactDslWithProvider builder) {
        return CodePipelinePact.pact(builder,
                CodePipelinePact.pollForThirdPartyJobs().givenJob(UNCONFIGURED).maxBatchSize(SampleWorker.BATCH_SIZE)
                        .willRespondWith(),
                CodePipelinePact.getThirdPartyJobDetails().givenJob(UNCONFIGURED).willRespondWith(),
                CodePipelinePact.acknowledgeThirdPartyJob().givenJob(UNCONFIGURED).willRespondWith(),
                CodePipelinePact.putThirdPartyJobFailureResult().givenJob(UNCONFIGURED)
                        .failureDetails(new FailureDetails(FailureType.CONFIGURATION_ERROR, "Configuration property"
                                + " ProjectName is missing; set it to the name of the project the report is about",
                                null))
                        .willRespondWith());
    }

    @Test
    @PactTestFor(pactMethod = "aJobWithoutProjectNameFails")
    void aJobWithoutProjectNameIsAConfigurationError(MockServer pact, JobS3Clients s3) {
        SampleWorker worker = worker(pact, s3, UNCONFIGURED);

        assertThat(worker.runOnce()).isEqualTo(1);
    }

    @Pact(consumer = "sample-worker")
    RequestResponsePact aJobTimesOutBeforeItsAcknowledge(PactDslWithProvider builder) {
        return CodePipelinePact.pact(builder,
                CodePipelinePact.pollForThirdPartyJobs().givenJob(LATE).maxBatchSize(SampleWorker.BATCH_SIZE)
                        .willRespondWith(),
                CodePipelinePact.getThirdPartyJobDetails().givenJob(LATE).willRespondWith(),
                CodePipelinePact.acknowledgeThirdPartyJob().givenJob(LATE, JobStatus.TIMED_OUT)
                        .willRespondWithStatus(JobStatus.TIMED_OUT));
    }

    @Test
    @PactTestFor(pactMethod = "aJobTimesOutBeforeItsAcknowledge")
    void aJobThatIsNotInProgressAfterItsAcknowledgeGetsNoResult(MockServer pact, JobS3Clients s3) {
        // Pact fails the test if the worker makes a call the pact does not list, such as a result.
        SampleWorker worker = worker(pact, s3, LATE);

        assertThat(worker.runOnce()).isEqualTo(1);
    }

    @Pact(consumer = "sample-worker")
    RequestResponsePact nothingIsQueued(PactDslWithProvider builder) {
        return CodePipelinePact.pollForThirdPartyJobs().givenNoJobsQueued(JOB.actionTypeId())
                .maxBatchSize(SampleWorker.BATCH_SIZE).willRespondWith().toPact(builder);
    }

    @Test
    @PactTestFor(pactMethod = "nothingIsQueued")
    void aPollThatFindsNothingRunsNoJob(MockServer pact, JobS3Clients s3) {
        SampleWorker worker = worker(pact, s3);

        assertThat(worker.runOnce()).isZero();
    }

    /** The worker, its CodePipeline calls going to Pact's mock server, knowing the clients of {@code jobs}. */
    static SampleWorker worker(MockServer pact, JobS3Clients s3, FakeThirdPartyJob... jobs) {
        Map<String, String> tokens = new HashMap<>();
        for (FakeThirdPartyJob job : jobs) {
            tokens.put(job.clientId(), job.clientToken());
        }
        return new SampleWorker(codePipeline(pact), s3::create, QuickstartTest.REPORT_BUILDER, tokens);
    }

    /** The worker's CodePipeline client, pointed at Pact's mock server; one attempt per call. */
    static CodePipelineClient codePipeline(MockServer pact) {
        return CodePipelineClient.builder()
                .endpointOverride(URI.create(pact.getUrl()))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create("AKIAFAKEFAKEFAKE", "fake-secret-key")))
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    /** The report the worker writes for {@code job}. */
    static Report reportOf(FakeThirdPartyJob job) {
        try {
            return Report.of(job.details().data().actionConfiguration().configuration().get("ProjectName"),
                    job.artifacts().stream().map(ArtifactObject::content).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
