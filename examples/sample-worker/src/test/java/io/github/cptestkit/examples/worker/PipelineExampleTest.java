package io.github.cptestkit.examples.worker;

import static io.github.cptestkit.junit.CodePipelineAssertions.assertThat;

import io.github.cptestkit.junit.CodePipelineMockTest;
import io.github.cptestkit.junit.JobS3Clients;
import io.github.cptestkit.mock.CodePipelineMock;
import io.github.cptestkit.mock.jobs.JobSnapshot;
import io.github.cptestkit.wire.ActionCategory;
import io.github.cptestkit.wire.ActionOwner;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.codepipeline.CodePipelineClient;
import software.amazon.awssdk.services.codepipeline.model.ActionDeclaration;
import software.amazon.awssdk.services.codepipeline.model.ArtifactStore;
import software.amazon.awssdk.services.codepipeline.model.InputArtifact;
import software.amazon.awssdk.services.codepipeline.model.JobData;
import software.amazon.awssdk.services.codepipeline.model.OutputArtifact;
import software.amazon.awssdk.services.codepipeline.model.PipelineDeclaration;
import software.amazon.awssdk.services.codepipeline.model.PipelineExecutionStatus;
import software.amazon.awssdk.services.codepipeline.model.S3ArtifactLocation;
import software.amazon.awssdk.services.codepipeline.model.StageDeclaration;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The sample worker as the middle action of a three-stage pipeline, all through the AWS SDK for Java v2: an S3
 * source (simulated by the mock), the worker's partner action, then a Lambda invoke action whose handler reads the
 * worker's report and the source's ETag. The Lambda job is held by the mock until a result is put on it, as
 * CodePipeline holds it while the function runs: here the "function" is {@link #releaseNotes}, run by the test.
 */
@CodePipelineMockTest
class PipelineExampleTest {

    static final io.github.cptestkit.wire.ActionTypeId REPORT_BUILDER = new io.github.cptestkit.wire.ActionTypeId(
            ActionCategory.BUILD, ActionOwner.THIRD_PARTY, "ReportBuilder", "1");

    static final String CLIENT_ID = "5d0f4c7e-8a61-4e0b-9c3a-2b7e1f6d9a40";
    static final String CLIENT_TOKEN = "reports-token";

    static PipelineDeclaration pipeline() {
        return PipelineDeclaration.builder().name("reports")
                .roleArn("arn:aws:iam::123456789012:role/AWSCodePipelineServiceRole")
                .artifactStore(ArtifactStore.builder().type("S3").location("codepipeline-us-east-1-1234567890")
                        .build())
                .stages(
                        StageDeclaration.builder().name("Source").actions(ActionDeclaration.builder().name("Source")
                                .actionTypeId(t -> t.category("Source").owner("AWS").provider("S3").version("1"))
                                .configuration(Map.of("S3Bucket", "report-sources", "S3ObjectKey", "docs.zip"))
                                .outputArtifacts(OutputArtifact.builder().name("Docs").build())
                                .namespace("SourceVariables").build()).build(),
                        StageDeclaration.builder().name("Report").actions(ActionDeclaration.builder().name("Report")
                                .actionTypeId(QuickstartTest.REPORT_BUILDER)
                                .configuration(Map.of("ProjectName", "docs #{SourceVariables.VersionId}"))
                                .inputArtifacts(InputArtifact.builder().name("Docs").build())
                                .outputArtifacts(OutputArtifact.builder().name("Report").build()).build()).build(),
                        StageDeclaration.builder().name("Publish").actions(ActionDeclaration.builder().name("Notes")
                                .actionTypeId(t -> t.category("Invoke").owner("AWS").provider("Lambda").version("1"))
                                .configuration(Map.of("FunctionName", "release-notes",
                                        "UserParameters", "#{SourceVariables.ETag}"))
                                .inputArtifacts(InputArtifact.builder().name("Report").build())
                                .namespace("NotesVariables").build()).build())
                .build();
    }

    /**
     * A Lambda invoke handler's work, given the job id its event carries: read the job (GetJobDetails), read the input
     * report with the job's own credentials, answer with an output variable.
     */
    static void releaseNotes(CodePipelineClient codePipeline, JobS3Clients s3, String jobId) {
        JobData job = codePipeline.getJobDetails(r -> r.jobId(jobId)).jobDetails().data();
        S3ArtifactLocation report = job.inputArtifacts().get(0).location().s3Location();
        String text;
        try (S3Client client = s3.create(job.artifactCredentials())) {
            text = entry(client.getObjectAsBytes(r -> r.bucket(report.bucketName()).key(report.objectKey()))
                    .asByteArray(), "report.txt");
        }
        String etag = job.actionConfiguration().configuration().get("UserParameters");
        codePipeline.putJobSuccessResult(r -> r.jobId(jobId)
                .executionDetails(d -> d.summary("notes for " + etag))
                .outputVariables(Map.of("ReportFirstLine", text.lines().findFirst().orElse(""))));
    }

    static String entry(byte[] zip, String name) {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.getName().equals(name)) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new AssertionError("no " + name + " in the artifact");
    }

    @Test
    void theWorkersReportFlowsFromTheSourceToTheLambdaActionAndTheExecutionSucceeds(CodePipelineMock mock,
            CodePipelineClient codePipeline, JobS3Clients s3) {
        mock.registerActionType(REPORT_BUILDER);
        mock.registerPartnerClient(REPORT_BUILDER, CLIENT_ID, CLIENT_TOKEN);
        codePipeline.createPipeline(r -> r.pipeline(pipeline()));
        SampleWorker worker = new SampleWorker(codePipeline, s3::create, QuickstartTest.REPORT_BUILDER,
                Map.of(CLIENT_ID, CLIENT_TOKEN), duration -> { });

        // region pipeline
        String id = codePipeline.startPipelineExecution(r -> r.name("reports")).pipelineExecutionId();
        assertThat(mock).pipelineExecution(id).isInProgress().action("Report").isInProgress();
        assertThat(worker.runOnce()).isEqualTo(1);
        JobSnapshot lambda = mock.jobs().stream().filter(j -> j.actionTypeId().provider().equals("Lambda"))
                .findFirst().orElseThrow();
        releaseNotes(codePipeline, s3, lambda.jobId());

        String etag = mock.pipelineExecution(id).action("Source").outputVariables().get("ETag");
        String version = mock.pipelineExecution(id).action("Source").outputVariables().get("VersionId");
        assertThat(mock).pipelineExecution(id).succeeded()
                .action("Report").succeeded().receivedConfiguration("ProjectName", "docs " + version)
                .action("Notes").succeeded().receivedConfiguration("UserParameters", etag)
                .producedVariable("ReportFirstLine", "docs " + version);
        // endregion
        assertThat(codePipeline.getPipelineExecution(r -> r.pipelineName("reports").pipelineExecutionId(id))
                .pipelineExecution().status()).isEqualTo(PipelineExecutionStatus.SUCCEEDED);
    }
}
