package io.github.cptestkit.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cptestkit.mock.jobs.JobSnapshot;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.codepipeline.CodePipelineClient;
import software.amazon.awssdk.services.codepipeline.model.ActionConfigurationProperty;
import software.amazon.awssdk.services.codepipeline.model.ActionDeclaration;
import software.amazon.awssdk.services.codepipeline.model.ActionExecutionDetail;
import software.amazon.awssdk.services.codepipeline.model.ActionTypeId;
import software.amazon.awssdk.services.codepipeline.model.ApprovalAlreadyCompletedException;
import software.amazon.awssdk.services.codepipeline.model.ArtifactStore;
import software.amazon.awssdk.services.codepipeline.model.FailureType;
import software.amazon.awssdk.services.codepipeline.model.GetPipelineStateResponse;
import software.amazon.awssdk.services.codepipeline.model.InputArtifact;
import software.amazon.awssdk.services.codepipeline.model.InvalidApprovalTokenException;
import software.amazon.awssdk.services.codepipeline.model.Job;
import software.amazon.awssdk.services.codepipeline.model.OutputArtifact;
import software.amazon.awssdk.services.codepipeline.model.PipelineDeclaration;
import software.amazon.awssdk.services.codepipeline.model.PipelineExecution;
import software.amazon.awssdk.services.codepipeline.model.PipelineExecutionNotFoundException;
import software.amazon.awssdk.services.codepipeline.model.PipelineExecutionNotStoppableException;
import software.amazon.awssdk.services.codepipeline.model.PipelineExecutionStatus;
import software.amazon.awssdk.services.codepipeline.model.PipelineExecutionSummary;
import software.amazon.awssdk.services.codepipeline.model.PipelineNotFoundException;
import software.amazon.awssdk.services.codepipeline.model.StageDeclaration;
import software.amazon.awssdk.services.codepipeline.model.StageNotFoundException;
import software.amazon.awssdk.services.codepipeline.model.StageState;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Pipeline executions through the real AWS SDK for Java v2: the tutorial pipeline (S3 source, a custom build action
 * worked by a real worker loop, a Lambda invoke action reading the worker's output variable) started, inspected,
 * failed, retried, stopped and gated, every answer as AWS shapes it and every refusal as the SDK's own exception.
 */
class PipelineExecutionsSdkTest {

    static final Instant START = Instant.parse("2026-03-01T10:00:00Z");
    static final MockClock CLOCK = MockClock.at(START);
    static final ActionTypeId BUILDER = ActionTypeId.builder().category("Build").owner("Custom").provider("Builder")
            .version("1").build();
    static CodePipelineMock mock;
    static CodePipelineClient client;

    @BeforeAll
    static void start() {
        mock = CodePipelineMock.builder().clock(CLOCK).build().start();
        client = SdkClients.oneAttempt(mock);
    }

    @AfterAll
    static void stop() {
        client.close();
        mock.close();
    }

    @BeforeEach
    void reset() {
        mock.reset();
        CLOCK.set(START);
        client.createCustomActionType(r -> r.category("Build").provider("Builder").version("1")
                .configurationProperties(
                        ActionConfigurationProperty.builder().name("Env").required(true).key(true).secret(false)
                                .build(),
                        ActionConfigurationProperty.builder().name("SourceETag").required(false).key(false)
                                .secret(false).build(),
                        ActionConfigurationProperty.builder().name("Token").required(false).key(false)
                                .secret(true).build())
                .inputArtifactDetails(d -> d.minimumCount(1).maximumCount(1))
                .outputArtifactDetails(d -> d.minimumCount(1).maximumCount(1)));
    }

    static StageDeclaration sourceStage() {
        return StageDeclaration.builder().name("Source").actions(ActionDeclaration.builder().name("Source")
                .actionTypeId(t -> t.category("Source").owner("AWS").provider("S3").version("1"))
                .configuration(Map.of("S3Bucket", "app-sources", "S3ObjectKey", "app.zip"))
                .outputArtifacts(OutputArtifact.builder().name("SourceArtifact").build())
                .namespace("SourceVariables").build()).build();
    }

    static StageDeclaration buildStage() {
        return StageDeclaration.builder().name("Build").actions(ActionDeclaration.builder().name("Build")
                .actionTypeId(BUILDER)
                .configuration(Map.of("Env", "prod", "SourceETag", "#{SourceVariables.ETag}", "Token", "t0ps3cret"))
                .inputArtifacts(InputArtifact.builder().name("SourceArtifact").build())
                .outputArtifacts(OutputArtifact.builder().name("BuildArtifact").build())
                .namespace("BuildVariables").build()).build();
    }

    static void createTutorial(String name) {
        client.createPipeline(r -> r.pipeline(PipelineDeclaration.builder().name(name)
                .roleArn("arn:aws:iam::123456789012:role/AWSCodePipelineServiceRole")
                .artifactStore(ArtifactStore.builder().type("S3").location("codepipeline-us-east-1-1234567890")
                        .build())
                .stages(sourceStage(), buildStage(),
                        StageDeclaration.builder().name("Invoke").actions(ActionDeclaration.builder().name("Notes")
                                .actionTypeId(t -> t.category("Invoke").owner("AWS").provider("Lambda").version("1"))
                                .configuration(Map.of("FunctionName", "release-notes",
                                        "UserParameters", "version #{BuildVariables.Version}"))
                                .inputArtifacts(InputArtifact.builder().name("BuildArtifact").build())
                                .build()).build())
                .build()));
    }

    /**
     * A worker loop as a custom action's worker writes one: poll, acknowledge, read the input artifact and write the
     * output artifact with the job's own credentials, then report a result.
     */
    static final class BuildWorker {
        private final boolean fails;

        BuildWorker(boolean fails) {
            this.fails = fails;
        }

        /** Works every job it polls; returns how many. */
        int runOnce() {
            List<Job> jobs = client.pollForJobs(r -> r.actionTypeId(BUILDER).maxBatchSize(5)).jobs();
            for (Job job : jobs) {
                client.acknowledgeJob(r -> r.jobId(job.id()).nonce(job.nonce()));
                if (!"t0ps3cret".equals(job.data().actionConfiguration().configuration().get("Token"))) {
                    throw new AssertionError("the job must carry the secret as declared");
                }
                if (fails) {
                    client.putJobFailureResult(r -> r.jobId(job.id()).failureDetails(f -> f
                            .type(FailureType.JOB_FAILED).message("compilation failed").externalExecutionId("b-1")));
                    continue;
                }
                try (S3Client s3 = SdkClients.s3(mock, job.data().artifactCredentials())) {
                    var input = job.data().inputArtifacts().get(0).location().s3Location();
                    byte[] source = s3.getObjectAsBytes(r -> r.bucket(input.bucketName()).key(input.objectKey()))
                            .asByteArray();
                    var output = job.data().outputArtifacts().get(0).location().s3Location();
                    s3.putObject(r -> r.bucket(output.bucketName()).key(output.objectKey()),
                            RequestBody.fromBytes(zip("build.txt", "built from " + firstEntry(source) + " for "
                                    + job.data().actionConfiguration().configuration().get("Env"))));
                }
                client.putJobSuccessResult(r -> r.jobId(job.id())
                        .executionDetails(d -> d.summary("built 1.4").externalExecutionId("b-1").percentComplete(100))
                        .outputVariables(Map.of("Version", "1.4")));
            }
            return jobs.size();
        }
    }

    static byte[] zip(String entry, String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(entry));
            zip.write(text.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static String firstEntry(byte[] zip) {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            return in.getNextEntry().getName();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JobSnapshot lambdaJob() {
        return mock.jobs().stream().filter(j -> j.actionTypeId().provider().equals("Lambda")).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("no Lambda job in " + mock.jobs()));
    }

    static StageState stage(GetPipelineStateResponse state, String name) {
        return state.stageStates().stream().filter(s -> s.stageName().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void theWorkersArtifactAndOutputVariableReachTheLambdaActionAndTheExecutionSucceeds() {
        createTutorial("release");
        String id = client.startPipelineExecution(r -> r.name("release")).pipelineExecutionId();

        assertThat(new BuildWorker(false).runOnce()).isEqualTo(1);
        JobSnapshot lambda = lambdaJob();
        assertThat(lambda.data().actionConfiguration().configuration()).containsEntry("UserParameters",
                "version 1.4");
        assertThat(mock.artifact(lambda.data().inputArtifacts().get(0).location().s3Location()).orElseThrow()
                .zipEntries()).containsKey("build.txt");
        assertThat(client.getPipelineExecution(r -> r.pipelineName("release").pipelineExecutionId(id))
                .pipelineExecution().status()).isEqualTo(PipelineExecutionStatus.IN_PROGRESS);
        client.putJobSuccessResult(r -> r.jobId(lambda.jobId()).executionDetails(d -> d.summary("notes sent")));

        PipelineExecution execution = client.getPipelineExecution(r -> r.pipelineName("release")
                .pipelineExecutionId(id)).pipelineExecution();
        assertThat(execution.status()).isEqualTo(PipelineExecutionStatus.SUCCEEDED);
        assertThat(execution.pipelineVersion()).isEqualTo(1);
        assertThat(execution.artifactRevisions()).singleElement()
                .satisfies(revision -> assertThat(revision.name()).isEqualTo("SourceArtifact"));

        List<ActionExecutionDetail> actions = client.listActionExecutions(r -> r.pipelineName("release")
                .filter(f -> f.pipelineExecutionId(id))).actionExecutionDetails();
        assertThat(actions).extracting(ActionExecutionDetail::actionName).containsExactly("Notes", "Build", "Source");
        ActionExecutionDetail build = actions.get(1);
        assertThat(build.input().resolvedConfiguration()).containsEntry("Env", "prod")
                .containsEntry("SourceETag", actions.get(2).output().outputVariables().get("ETag"));
        assertThat(build.input().configuration()).containsEntry("SourceETag", "#{SourceVariables.ETag}")
                .as("a secret property's value is masked, as GetPipeline masks it").containsEntry("Token", "****");
        assertThat(build.input().resolvedConfiguration()).containsEntry("Token", "****");
        assertThat(build.output().outputVariables()).containsEntry("Version", "1.4");
        assertThat(build.output().executionResult().externalExecutionSummary()).isEqualTo("built 1.4");
        assertThat(build.input().inputArtifacts().get(0).s3location().key())
                .isEqualTo(actions.get(2).output().outputArtifacts().get(0).s3location().key());

        GetPipelineStateResponse state = client.getPipelineState(r -> r.name("release"));
        assertThat(state.stageStates()).extracting(s -> s.latestExecution().statusAsString())
                .containsExactly("Succeeded", "Succeeded", "Succeeded");
        assertThat(stage(state, "Build").actionStates().get(0).latestExecution().externalExecutionId())
                .isEqualTo("b-1");
    }

    @Test
    void aFailingWorkerFailsTheExecutionAndRetryingTheStageRunsTheActionAgain() {
        createTutorial("release");
        String id = client.startPipelineExecution(r -> r.name("release")).pipelineExecutionId();
        new BuildWorker(true).runOnce();

        PipelineExecution failed = client.getPipelineExecution(r -> r.pipelineName("release")
                .pipelineExecutionId(id)).pipelineExecution();
        assertThat(failed.status()).isEqualTo(PipelineExecutionStatus.FAILED);
        assertThat(failed.statusSummary()).contains("compilation failed");
        StageState build = stage(client.getPipelineState(r -> r.name("release")), "Build");
        assertThat(build.latestExecution().statusAsString()).isEqualTo("Failed");
        assertThat(build.actionStates().get(0).latestExecution().errorDetails().message())
                .isEqualTo("compilation failed");

        assertThat(client.retryStageExecution(r -> r.pipelineName("release").stageName("Build")
                .pipelineExecutionId(id).retryMode("FAILED_ACTIONS")).pipelineExecutionId()).isEqualTo(id);
        assertThat(new BuildWorker(false).runOnce()).isEqualTo(1);
        assertThat(stage(client.getPipelineState(r -> r.name("release")), "Build").latestExecution()
                .statusAsString()).isEqualTo("Succeeded");
        assertThatThrownBy(() -> client.retryStageExecution(r -> r.pipelineName("release").stageName("Deploy")
                .pipelineExecutionId(id).retryMode("ALL_ACTIONS"))).isInstanceOf(StageNotFoundException.class);
    }

    @Test
    void aManualApprovalIsAnsweredWithTheTokenGetPipelineStateShows() {
        client.createPipeline(r -> r.pipeline(PipelineDeclaration.builder().name("gated")
                .roleArn("arn:aws:iam::123456789012:role/AWSCodePipelineServiceRole")
                .artifactStore(ArtifactStore.builder().type("S3").location("codepipeline-us-east-1-1234567890")
                        .build())
                .stages(sourceStage(), StageDeclaration.builder().name("Gate").actions(ActionDeclaration.builder()
                        .name("Approve").actionTypeId(t -> t.category("Approval").owner("AWS").provider("Manual")
                                .version("1")).build()).build())
                .build()));
        String id = client.startPipelineExecution(r -> r.name("gated")).pipelineExecutionId();
        String token = stage(client.getPipelineState(r -> r.name("gated")), "Gate").actionStates().get(0)
                .latestExecution().token();
        assertThat(token).isNotBlank();

        assertThatThrownBy(() -> client.putApprovalResult(r -> r.pipelineName("gated").stageName("Gate")
                .actionName("Approve").token("00000000-0000-0000-0000-000000000000")
                .result(a -> a.status("Approved").summary("ok"))))
                .isInstanceOf(InvalidApprovalTokenException.class);
        Instant approvedAt = client.putApprovalResult(r -> r.pipelineName("gated").stageName("Gate")
                .actionName("Approve").token(token).result(a -> a.status("Approved").summary("ship it"))).approvedAt();
        assertThat(approvedAt).isEqualTo(START);
        assertThat(client.getPipelineExecution(r -> r.pipelineName("gated").pipelineExecutionId(id))
                .pipelineExecution().status()).isEqualTo(PipelineExecutionStatus.SUCCEEDED);
        assertThatThrownBy(() -> client.putApprovalResult(r -> r.pipelineName("gated").stageName("Gate")
                .actionName("Approve").token(token).result(a -> a.status("Rejected").summary("too late"))))
                .isInstanceOf(ApprovalAlreadyCompletedException.class);
    }

    @Test
    void stoppingAbandonsTheRunningActionAndUnknownIdsAreTheSdksOwnExceptions() {
        createTutorial("release");
        String id = client.startPipelineExecution(r -> r.name("release")).pipelineExecutionId();
        client.stopPipelineExecution(r -> r.pipelineName("release").pipelineExecutionId(id).abandon(true)
                .reason("wrong branch"));

        PipelineExecutionSummary summary = client.listPipelineExecutions(r -> r.pipelineName("release"))
                .pipelineExecutionSummaries().get(0);
        assertThat(summary.status()).isEqualTo(PipelineExecutionStatus.STOPPED);
        assertThat(summary.stopTrigger().reason()).isEqualTo("wrong branch");
        assertThat(client.pollForJobs(r -> r.actionTypeId(BUILDER)).jobs()).as("the abandoned action's job is still"
                + " there for its worker").hasSize(1);
        assertThatThrownBy(() -> client.stopPipelineExecution(r -> r.pipelineName("release").pipelineExecutionId(id)))
                .isInstanceOf(PipelineExecutionNotStoppableException.class);
        assertThatThrownBy(() -> client.getPipelineExecution(r -> r.pipelineName("release")
                .pipelineExecutionId("11111111-2222-3333-4444-555555555555")))
                .isInstanceOf(PipelineExecutionNotFoundException.class);
        assertThatThrownBy(() -> client.startPipelineExecution(r -> r.name("nope")))
                .isInstanceOf(PipelineNotFoundException.class);
    }

    @Test
    void aDisabledTransitionHoldsTheExecutionInFrontOfTheStageUntilItIsEnabled() {
        createTutorial("release");
        client.disableStageTransition(r -> r.pipelineName("release").stageName("Build").transitionType("Inbound")
                .reason("release freeze"));
        String id = client.startPipelineExecution(r -> r.name("release")).pipelineExecutionId();
        assertThat(new BuildWorker(false).runOnce()).isZero();
        StageState build = stage(client.getPipelineState(r -> r.name("release")), "Build");
        assertThat(build.inboundTransitionState().enabled()).isFalse();
        assertThat(build.inboundTransitionState().disabledReason()).isEqualTo("release freeze");
        assertThat(build.inboundExecution().pipelineExecutionId()).isEqualTo(id);

        client.enableStageTransition(r -> r.pipelineName("release").stageName("Build").transitionType("Inbound"));
        assertThat(new BuildWorker(false).runOnce()).isEqualTo(1);
        assertThatThrownBy(() -> client.enableStageTransition(r -> r.pipelineName("release").stageName("Nope")
                .transitionType("Inbound"))).isInstanceOf(StageNotFoundException.class);
    }

    @Test
    void listPipelineExecutionsPagesNewestFirstAndARepeatedClientRequestTokenStartsNothing() {
        createTutorial("release");
        String first = client.startPipelineExecution(r -> r.name("release").clientRequestToken("deploy-1"))
                .pipelineExecutionId();
        assertThat(client.startPipelineExecution(r -> r.name("release").clientRequestToken("deploy-1"))
                .pipelineExecutionId()).isEqualTo(first);
        String second = client.startPipelineExecution(r -> r.name("release")).pipelineExecutionId();
        String third = client.startPipelineExecution(r -> r.name("release")).pipelineExecutionId();

        assertThat(client.listPipelineExecutions(r -> r.pipelineName("release").maxResults(1))
                .pipelineExecutionSummaries()).hasSize(1);
        assertThat(client.listPipelineExecutionsPaginator(r -> r.pipelineName("release").maxResults(1))
                .pipelineExecutionSummaries().stream().map(PipelineExecutionSummary::pipelineExecutionId).toList())
                .containsExactly(third, second, first);
        assertThat(client.listPipelineExecutions(r -> r.pipelineName("release")).pipelineExecutionSummaries())
                .extracting(PipelineExecutionSummary::statusAsString)
                .containsExactly("InProgress", "Superseded", "InProgress");
        assertThat(mock.problems()).isEmpty();
    }
}
