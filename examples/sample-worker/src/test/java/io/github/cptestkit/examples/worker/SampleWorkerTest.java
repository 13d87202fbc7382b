package io.github.cptestkit.examples.worker;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okForContentType;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static io.github.cptestkit.junit.CodePipelineAssertions.assertThat;
import static io.github.cptestkit.junit.CodePipelineAssertions.assertThatThrownBy;

import io.github.cptestkit.junit.CodePipelineMockTest;
import io.github.cptestkit.junit.FailNext;
import io.github.cptestkit.junit.FakeJob;
import io.github.cptestkit.junit.FakeJobs;
import io.github.cptestkit.junit.JobS3Clients;
import io.github.cptestkit.mock.CodePipelineMock;
import io.github.cptestkit.mock.jobs.JobSnapshot;
import io.github.cptestkit.schemas.AwsError;
import io.github.cptestkit.schemas.Operation;
import io.github.cptestkit.wire.ActionCategory;
import io.github.cptestkit.wire.FailureType;
import io.github.cptestkit.wire.FakeThirdPartyJob;
import io.github.cptestkit.wire.JobStatus;
import io.github.cptestkit.wire.Preset;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.services.codepipeline.CodePipelineClient;
import software.amazon.awssdk.services.codepipeline.model.ActionTypeId;

/** Every path of the sample worker, against the mock, through the JUnit extension only. */
@CodePipelineMockTest
class SampleWorkerTest {

    static final ActionTypeId REPORT_BUILDER = QuickstartTest.REPORT_BUILDER;

    /** A job for a worker serving {@link #REPORT_BUILDER}: @FakeJob works as a meta-annotation. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.PARAMETER)
    @FakeJob(category = ActionCategory.BUILD, provider = "ReportBuilder", version = "1")
    @interface ReportJob {}

    private final List<Duration> waits = new ArrayList<>();

    private SampleWorker worker(CodePipelineClient codePipeline, JobS3Clients s3, FakeThirdPartyJob... jobs) {
        Map<String, String> tokens = java.util.Arrays.stream(jobs)
                .collect(Collectors.toMap(FakeThirdPartyJob::clientId, FakeThirdPartyJob::clientToken, (a, b) -> a));
        return new SampleWorker(codePipeline, s3::create, REPORT_BUILDER, tokens, waits::add);
    }

    @Test
    void theReportCountsTheLinesAndWordsOfEveryTextFileOfTheInput(CodePipelineMock mock,
            CodePipelineClient codePipeline, JobS3Clients s3, @ReportJob FakeThirdPartyJob job) throws Exception {
        worker(codePipeline, s3, job).runOnce();

        Report expected = Report.of(job.details().data().actionConfiguration().configuration().get("ProjectName"),
                job.artifacts().stream().map(artifact -> artifact.content()).toList());
        assertThat(expected.files()).isNotEmpty();
        assertThat(mock).job(job.jobId()).succeeded()
                .hasOperations(Operation.POLL_FOR_THIRD_PARTY_JOBS, Operation.GET_THIRD_PARTY_JOB_DETAILS,
                        Operation.ACKNOWLEDGE_THIRD_PARTY_JOB, Operation.PUT_THIRD_PARTY_JOB_SUCCESS_RESULT)
                .hasExecutionSummary(expected.summary()).hasPercentComplete(100).hasExternalExecutionId(job.jobId())
                .outputArtifact().hasEntryContaining("report.json", expected.json())
                .hasEntryContaining("report.txt", expected.text()).isNotKmsEncrypted();
    }

    @Test
    void withAKmsKeyTheReportIsUploadedWithSseKmsAndThatKey(CodePipelineMock mock, CodePipelineClient codePipeline,
            JobS3Clients s3, @FakeJob(category = ActionCategory.BUILD, provider = "ReportBuilder", version = "1",
                    encrypted = true) FakeThirdPartyJob job) {
        worker(codePipeline, s3, job).runOnce();

        assertThat(mock).hasNoKmsViolations().job(job.jobId()).succeeded().hasNoKmsViolations()
                .outputArtifact().isKmsEncryptedWith(job.details().data().encryptionKey().id());
    }

    @Test
    void withoutProjectNameTheJobFailsWithAConfigurationError(CodePipelineMock mock, CodePipelineClient codePipeline,
            JobS3Clients s3, @FakeJob(preset = Preset.MINIMAL, category = ActionCategory.BUILD,
                    provider = "ReportBuilder", version = "1") FakeThirdPartyJob job) {
        worker(codePipeline, s3, job).runOnce();

        assertThat(mock).job(job.jobId()).failed().wasAcknowledged()
                .hasFailureType(FailureType.CONFIGURATION_ERROR)
                .hasFailureMessage("Configuration property ProjectName is missing; set it to the name of the project"
                        + " the report is about");
    }

    @Test
    void aReportOverMaxLinesFailsTheJobAsJobFailedAndUploadsNothing(CodePipelineMock mock,
            CodePipelineClient codePipeline, JobS3Clients s3,
            @FakeJob(category = ActionCategory.BUILD, provider = "ReportBuilder", version = "1",
                    configuration = "MaxLines=1") FakeThirdPartyJob job) {
        worker(codePipeline, s3, job).runOnce();

        assertThat(mock).job(job.jobId()).failed().hasFailureType(FailureType.JOB_FAILED)
                .hasFailureMessageContaining("more than MaxLines (1)");
        String output = job.details().data().outputArtifacts().get(0).name();
        assertThat(mock.outputArtifact(job.jobId(), output)).isEmpty();
    }

    @Test
    void aLongTaskReportsAContinuationAndFinishesOnTheNextJob(CodePipelineMock mock, CodePipelineClient codePipeline,
            JobS3Clients s3, @FakeJob(category = ActionCategory.BUILD, provider = "ReportBuilder", version = "1",
                    configuration = "Mode=long") FakeThirdPartyJob job) {
        SampleWorker worker = worker(codePipeline, s3, job);

        worker.runOnce();
        assertThat(mock).job(job.jobId()).succeeded().hasPercentComplete(50).hasContinuation();
        assertThat(mock.outputArtifact(job.jobId(), job.details().data().outputArtifacts().get(0).name())).isEmpty();

        worker.runOnce();
        assertThat(mock).job(job.jobId()).continuationJob().succeeded().hasNoContinuation().hasPercentComplete(100)
                .outputArtifact().hasEntries("report.json", "report.txt");
    }

    @Test
    void aJobThatIsNotInProgressAfterTheAcknowledgeIsLeftAlone(CodePipelineMock mock,
            CodePipelineClient codePipeline, JobS3Clients s3, @ReportJob FakeThirdPartyJob job) {
        // CodePipeline answers an acknowledge with the job's status; this one timed out meanwhile.
        mock.wireMock().stubFor(post("/")
                .withHeader("X-Amz-Target", equalTo(Operation.ACKNOWLEDGE_THIRD_PARTY_JOB.target()))
                .willReturn(okForContentType("application/x-amz-json-1.1", "{\"status\": \"TimedOut\"}")));

        worker(codePipeline, s3, job).runOnce();

        JobSnapshot left = mock.job(job.jobId());
        assertThat(left).hasStatus(JobStatus.DISPATCHED)
                .hasOperations(Operation.POLL_FOR_THIRD_PARTY_JOBS, Operation.GET_THIRD_PARTY_JOB_DETAILS);
        assertThat(left.result()).isNull();
    }

    @Test
    void onePollServesSeveralJobs(CodePipelineMock mock, CodePipelineClient codePipeline, JobS3Clients s3,
            @FakeJobs(count = 3, value = @FakeJob(category = ActionCategory.BUILD, provider = "ReportBuilder",
                    version = "1")) List<FakeThirdPartyJob> jobs) {
        int got = worker(codePipeline, s3, jobs.toArray(FakeThirdPartyJob[]::new)).runOnce();

        assertThat(got).isEqualTo(3);
        jobs.forEach(job -> assertThat(mock).job(job.jobId()).succeeded().outputArtifact()
                .hasEntries("report.json", "report.txt"));
    }

    @Test
    void thePollLoopBacksOffExponentiallyWhileThereIsNothingToDo(CodePipelineMock mock,
            CodePipelineClient codePipeline, JobS3Clients s3) throws InterruptedException {
        mock.registerActionType(new io.github.cptestkit.wire.ActionTypeId(ActionCategory.BUILD,
                io.github.cptestkit.wire.ActionOwner.THIRD_PARTY, "ReportBuilder", "1"));

        int got = worker(codePipeline, s3).run(8);

        assertThat(got).isZero();
        assertThat(waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4),
                Duration.ofSeconds(8), Duration.ofSeconds(16), Duration.ofSeconds(30), Duration.ofSeconds(30));
    }

    // region faults
    @Test
    @FailNext(operation = Operation.POLL_FOR_THIRD_PARTY_JOBS, error = AwsError.SERVICE_UNAVAILABLE)
    void aFailedPollIsWaitedOutAndTheNextPollGetsTheJob(CodePipelineMock mock, CodePipelineClient codePipeline,
            JobS3Clients s3, @ReportJob FakeThirdPartyJob job) throws InterruptedException {
        int got = worker(codePipeline, s3, job).run(2);

        assertThat(got).isEqualTo(1);
        assertThat(waits).containsExactly(Duration.ofSeconds(1));
        assertThat(mock).job(job.jobId()).succeeded();
    }
    // endregion

    // region worker-bug
    @Test
    void aWorkerThatUsesItsOwnCredentialsForS3IsCaught(CodePipelineMock mock, CodePipelineClient codePipeline,
            JobS3Clients s3, @ReportJob FakeThirdPartyJob job) {
        AwsBasicCredentials own = AwsBasicCredentials.create("AKIAIOSFODNN7EXAMPLE",
                "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
        SampleWorker buggy = new SampleWorker(codePipeline, jobCredentials -> s3.create(own), REPORT_BUILDER,
                Map.of(job.clientId(), job.clientToken()));

        buggy.runOnce();

        assertThatThrownBy(() -> assertThat(mock).job(job.jobId()).succeeded())
                .hasMessageStartingWith("Expecting job " + job.jobId() + " to have succeeded, but it is Failed.")
                .hasMessageContaining("result: failure JobFailed \"The AWS access key id 'AKIAIOSFODNN7EXAMPLE' is not"
                        + " known to the mock")
                .hasMessageNotContaining(job.details().data().artifactCredentials().secretAccessKey());
    }
    // endregion
}
