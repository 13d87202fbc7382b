package io.github.cptestkit.mock.internal.executions;

import static io.github.cptestkit.mock.internal.executions.PipelineRig.CODEBUILD;
import static io.github.cptestkit.mock.internal.executions.PipelineRig.CUSTOM_BUILD;
import static io.github.cptestkit.mock.internal.executions.PipelineRig.MANUAL;
import static io.github.cptestkit.mock.internal.executions.PipelineRig.PARTNER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cptestkit.mock.executions.ActionExecutionSnapshot;
import io.github.cptestkit.mock.executions.ActionExecutionStatus;
import io.github.cptestkit.mock.executions.ExecutionStart;
import io.github.cptestkit.mock.executions.PipelineExecutionSnapshot;
import io.github.cptestkit.mock.executions.PipelineExecutionStatus;
import io.github.cptestkit.mock.executions.SimulatedAction;
import io.github.cptestkit.mock.executions.StageExecutionStatus;
import io.github.cptestkit.mock.internal.codepipeline.AwsException;
import io.github.cptestkit.mock.internal.codepipeline.JobStore;
import io.github.cptestkit.mock.internal.executions.ExecutionEngine.RetryMode;
import io.github.cptestkit.mock.internal.executions.ExecutionEngine.TransitionType;
import io.github.cptestkit.mock.jobs.JobSnapshot;
import io.github.cptestkit.mock.pipelines.ActionDeclaration;
import io.github.cptestkit.mock.pipelines.ExecutionMode;
import io.github.cptestkit.mock.pipelines.PipelineType;
import io.github.cptestkit.mock.pipelines.PipelineVariableDeclaration;
import io.github.cptestkit.mock.pipelines.StageDeclaration;
import io.github.cptestkit.schemas.AwsError;
import io.github.cptestkit.schemas.Operation;
import io.github.cptestkit.wire.FailureDetails;
import io.github.cptestkit.wire.FailureType;
import io.github.cptestkit.wire.FakeThirdPartyJob;
import io.github.cptestkit.wire.Job;
import io.github.cptestkit.wire.JobStatus;
import io.github.cptestkit.wire.S3ArtifactLocation;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExecutionEngineTest {

    private final PipelineRig rig = new PipelineRig();

    private String start(String pipeline) {
        return rig.engine.start(ExecutionStart.of(pipeline).build());
    }

    private PipelineExecutionSnapshot execution(String pipeline, String id) {
        return rig.engine.execution(pipeline, id);
    }

    @Test
    void aWorkersResultsFlowThroughTheTutorialPipelineIntoTheLambdaActionsConfiguration() {
        rig.create(PipelineRig.tutorial("release"));
        byte[] sourceZip = "zip bytes".getBytes(StandardCharsets.UTF_8);
        rig.bucket.put(new S3ArtifactLocation("app-sources", "app.zip"), sourceZip);

        String id = start("release");

        ActionExecutionSnapshot source = execution("release", id).action("Source");
        assertThat(source.status()).isEqualTo(ActionExecutionStatus.SUCCEEDED);
        assertThat(source.outputVariables()).containsOnlyKeys("ETag", "VersionId");
        S3ArtifactLocation sourceOutput = source.outputArtifacts().get(0).location().s3Location();
        assertThat(sourceOutput.bucketName()).isEqualTo(PipelineRig.BUCKET);
        assertThat(sourceOutput.objectKey()).startsWith("release/SourceArti/");
        assertThat(rig.bucket.get(sourceOutput)).isEqualTo(sourceZip);
        assertThat(rig.copies).as("copied within the bucket, not read").containsExactly(
                new S3ArtifactLocation("app-sources", "app.zip"));
        assertThat(source.outputVariables()).containsEntry("ETag", PipelineRig.md5(sourceZip));

        Job build = rig.takeBuildJob();
        assertThat(build.data().actionConfiguration().configuration()).containsEntry("Env", "prod")
                .containsEntry("SourceETag", source.outputVariables().get("ETag"));
        assertThat(build.data().inputArtifacts()).singleElement().satisfies(input -> {
            assertThat(input.name()).isEqualTo("SourceArtifact");
            assertThat(input.location().s3Location()).isEqualTo(sourceOutput);
            assertThat(input.revision()).isEqualTo(source.outputVariables().get("VersionId"));
        });
        assertThat(build.data().pipelineContext().pipelineExecutionId()).isEqualTo(id);
        assertThat(build.data().pipelineContext().action().actionExecutionId())
                .isEqualTo(execution("release", id).action("Build").actionExecutionId());
        assertThat(build.data().artifactCredentials().accessKeyId()).startsWith("ASIA");
        rig.succeed(build.id(), Map.of("Version", "1.4"));

        JobSnapshot lambda = rig.lambdaJob(id);
        assertThat(lambda.status()).isEqualTo(JobStatus.IN_PROGRESS);
        assertThat(lambda.data().actionConfiguration().configuration()).containsEntry("UserParameters", "1.4@" + id);
        assertThat(lambda.data().inputArtifacts().get(0).location())
                .isEqualTo(build.data().outputArtifacts().get(0).location());
        assertThat(execution("release", id).status()).isEqualTo(PipelineExecutionStatus.IN_PROGRESS);
        rig.succeed(lambda.jobId(), Map.of());

        PipelineExecutionSnapshot done = execution("release", id);
        assertThat(done.status()).isEqualTo(PipelineExecutionStatus.SUCCEEDED);
        assertThat(done.action("Build").outputVariables()).containsEntry("Version", "1.4");
        assertThat(done.artifactRevisions()).singleElement().satisfies(revision ->
                assertThat(revision.revisionId()).isEqualTo(source.outputVariables().get("VersionId")));
    }

    @Test
    void aSourceObjectMissingFromTheBucketIsASeededFakeZip() {
        rig.create(PipelineRig.tutorial("release"));
        String id = start("release");
        S3ArtifactLocation output = execution("release", id).action("Source").outputArtifacts().get(0).location()
                .s3Location();
        assertThat(rig.bucket.get(output)).startsWith(0x50, 0x4b); // "PK": a zip
    }

    @Test
    void aFailedJobFailsItsActionItsStageAndTheExecutionAndNoLaterStageStarts() {
        rig.create(PipelineRig.tutorial("release"));
        String id = start("release");
        Job build = rig.takeBuildJob();
        rig.jobs.putFailure(Operation.PUT_JOB_FAILURE_RESULT, build.id(), null,
                new FailureDetails(FailureType.CONFIGURATION_ERROR, "no buildspec", "ext-1"));

        PipelineExecutionSnapshot failed = execution("release", id);
        assertThat(failed.status()).isEqualTo(PipelineExecutionStatus.FAILED);
        assertThat(failed.statusSummary()).contains("Build", "no buildspec");
        assertThat(failed.action("Build").errorCode()).isEqualTo("ConfigurationError");
        assertThat(failed.action("Build").externalExecutionId()).isEqualTo("ext-1");
        assertThat(failed.actions()).extracting(ActionExecutionSnapshot::actionName).containsExactly("Source",
                "Build");
        assertThat(rig.engine.state("release").get(1).latestStatus()).isEqualTo(StageExecutionStatus.FAILED);
    }

    @Test
    void aJobThatTimesOutFailsTheExecution() {
        rig.create(PipelineRig.tutorial("release"));
        String id = start("release");
        rig.takeBuildJob();
        rig.clock.advance(JobStore.CUSTOM_ACTION_TIMEOUT); // the longest action timeout of the quotas page

        PipelineExecutionSnapshot failed = execution("release", id);
        assertThat(failed.status()).isEqualTo(PipelineExecutionStatus.FAILED);
        assertThat(failed.action("Build").errorCode()).isEqualTo("TimedOut");
    }

    @Test
    void aContinuationKeepsTheActionInProgressUntilTheContinuedJobCompletesIt() {
        rig.create(PipelineRig.tutorial("release"));
        String id = start("release");
        Job first = rig.takeBuildJob();
        rig.jobs.putSuccess(Operation.PUT_JOB_SUCCESS_RESULT, first.id(), null, null,
                new io.github.cptestkit.wire.ExecutionDetails("half way", "ext-7", 50), "step-2", Map.of());

        ActionExecutionSnapshot running = execution("release", id).action("Build");
        assertThat(running.status()).isEqualTo(ActionExecutionStatus.IN_PROGRESS);
        assertThat(running.percentComplete()).isEqualTo(50);
        assertThat(running.summary()).isEqualTo("half way");

        Job second = rig.takeBuildJob();
        assertThat(second.data().continuationToken()).isEqualTo("step-2");
        rig.succeed(second.id(), Map.of("Version", "2"));
        ActionExecutionSnapshot done = execution("release", id).action("Build");
        assertThat(done.status()).isEqualTo(ActionExecutionStatus.SUCCEEDED);
        assertThat(done.jobIds()).containsExactly(first.id(), second.id());
        assertThat(done.externalExecutionId()).isEqualTo("ext-7");
    }

    @Test
    void actionsSharingARunOrderRunTogetherAndTheNextRunOrderWaitsForAllOfThem() {
        ActionDeclaration second = PipelineRig.build().withInputArtifacts("SourceArtifact").withOutputArtifacts()
                .withNamespace(null);
        ActionDeclaration twin = new ActionDeclaration("Twin", CUSTOM_BUILD, 1, Map.of("Env", "test"),
                List.of("SourceArtifact"), List.of(), null, null, null, null, null);
        ActionDeclaration check = ActionDeclaration.of("Check", CODEBUILD).withConfiguration(Map.of("ProjectName",
                "checks")).withInputArtifacts("SourceArtifact").withRunOrder(2);
        rig.create(PipelineRig.pipeline("fan", StageDeclaration.of("Build", second, twin, check)).build());
        String id = start("fan");

        List<Job> polled = rig.jobs.pollCustom(CUSTOM_BUILD, 10, Map.of());
        assertThat(polled).hasSize(2);
        polled.forEach(job -> rig.jobs.acknowledge(Operation.ACKNOWLEDGE_JOB, job.id(), job.nonce(), null));
        rig.succeed(polled.get(0).id(), Map.of());
        assertThat(execution("fan", id).actions()).extracting(ActionExecutionSnapshot::actionName)
                .doesNotContain("Check");
        rig.succeed(polled.get(1).id(), Map.of());
        assertThat(execution("fan", id).status()).isEqualTo(PipelineExecutionStatus.SUCCEEDED);
        assertThat(execution("fan", id).action("Check").status()).isEqualTo(ActionExecutionStatus.SUCCEEDED);
    }

    @Test
    void aSimulatedAwsActionRunsForItsDurationOnTheMocksClockOrFailsWhenToldTo() {
        ActionDeclaration codeBuild = ActionDeclaration.of("CodeBuild", CODEBUILD)
                .withConfiguration(Map.of("ProjectName", "app")).withInputArtifacts("SourceArtifact")
                .withNamespace("BuildVariables");
        rig.create(PipelineRig.pipeline("aws", StageDeclaration.of("Build", codeBuild)).build());
        rig.engine.simulate("aws", "Build", "CodeBuild", SimulatedAction.succeedAfter(Duration.ofMinutes(5))
                .withOutputVariables(Map.of("IMAGE_TAG", "1.4")));
        String id = start("aws");
        rig.clock.advance(Duration.ofMinutes(4));
        assertThat(execution("aws", id).status()).isEqualTo(PipelineExecutionStatus.IN_PROGRESS);
        rig.clock.advance(Duration.ofMinutes(1));
        assertThat(execution("aws", id).status()).isEqualTo(PipelineExecutionStatus.SUCCEEDED);
        assertThat(execution("aws", id).action("CodeBuild").outputVariables()).containsEntry("IMAGE_TAG", "1.4");

        rig.engine.simulate("aws", "Build", "CodeBuild", SimulatedAction.fail("tests failed"));
        String failing = start("aws");
        assertThat(execution("aws", failing).status()).isEqualTo(PipelineExecutionStatus.FAILED);
        assertThat(execution("aws", failing).action("CodeBuild").errorMessage()).isEqualTo("tests failed");
    }

    @Test
    void aManualApprovalWaitsForPutApprovalResultWithItsToken() {
        ActionDeclaration approval = ActionDeclaration.of("Approve", MANUAL);
        rig.create(PipelineRig.pipeline("gated", StageDeclaration.of("Gate", approval)).build());
        String id = start("gated");
        String token = execution("gated", id).action("Approve").token();
        assertThat(token).isNotBlank();

        assertThatThrownBy(() -> rig.engine.putApprovalResult("gated", "Gate", "Approve", true, "ok", "wrong"))
                .isInstanceOfSatisfying(AwsException.class,
                        e -> assertThat(e.error()).isEqualTo(AwsError.INVALID_APPROVAL_TOKEN));
        assertThatThrownBy(() -> rig.engine.putApprovalResult("gated", "Gate", "Nope", true, "ok", token))
                .isInstanceOfSatisfying(AwsException.class,
                        e -> assertThat(e.error()).isEqualTo(AwsError.ACTION_NOT_FOUND));
        rig.engine.putApprovalResult("gated", "Gate", "Approve", true, "looks good", token);
        assertThat(execution("gated", id).status()).isEqualTo(PipelineExecutionStatus.SUCCEEDED);
        assertThat(execution("gated", id).action("Approve").summary()).isEqualTo("looks good");
        assertThatThrownBy(() -> rig.engine.putApprovalResult("gated", "Gate", "Approve", false, "late", token))
                .isInstanceOfSatisfying(AwsException.class,
                        e -> assertThat(e.error()).isEqualTo(AwsError.APPROVAL_ALREADY_COMPLETED));

        String rejected = start("gated");
        rig.engine.putApprovalResult("gated", "Gate", "Approve", false, "no",
                execution("gated", rejected).action("Approve").token());
        assertThat(execution("gated", rejected).status()).isEqualTo(PipelineExecutionStatus.FAILED);
    }

    @Test
    void inSupersededModeANewerExecutionOvertakesOneWaitingForALockedStage() {
        rig.create(PipelineRig.twoStages("release", ExecutionMode.SUPERSEDED));
        String first = start("release");
        String second = start("release");
        String third = start("release");

        assertThat(execution("release", second).status()).isEqualTo(PipelineExecutionStatus.SUPERSEDED);
        assertThat(execution("release", third).status()).isEqualTo(PipelineExecutionStatus.IN_PROGRESS);
        assertThat(rig.engine.state("release").get(1).inboundExecutionId()).isEqualTo(third);
        Job build = rig.takeBuildJob();
        assertThat(build.data().pipelineContext().pipelineExecutionId()).isEqualTo(first);
        rig.succeed(build.id(), Map.of());
        Job next = rig.takeBuildJob();
        assertThat(next.data().pipelineContext().pipelineExecutionId()).isEqualTo(third);
    }

    @Test
    void inQueuedModeExecutionsWaitTheirTurnAndNoneIsSuperseded() {
        rig.create(PipelineRig.twoStages("release", ExecutionMode.QUEUED));
        List<String> ids = List.of(start("release"), start("release"), start("release"));
        for (String id : ids) {
            Job build = rig.takeBuildJob();
            assertThat(build.data().pipelineContext().pipelineExecutionId()).isEqualTo(id);
            rig.succeed(build.id(), Map.of());
        }
        assertThat(ids).allSatisfy(id ->
                assertThat(execution("release", id).status()).isEqualTo(PipelineExecutionStatus.SUCCEEDED));
    }

    @Test
    void inParallelModeExecutionsRunTheSameStageAtOnce() {
        rig.create(PipelineRig.twoStages("release", ExecutionMode.PARALLEL));
        start("release");
        start("release");
        assertThat(rig.jobs.pollCustom(CUSTOM_BUILD, 10, Map.of())).hasSize(2);
    }

    @Test
    void stoppingAndAbandoningEndsTheExecutionAtOnceAndFreesTheStage() {
        rig.create(PipelineRig.twoStages("release", ExecutionMode.SUPERSEDED));
        String first = start("release");
        rig.takeBuildJob();
        rig.engine.stop("release", first, true, "bad commit");

        PipelineExecutionSnapshot stopped = execution("release", first);
        assertThat(stopped.status()).isEqualTo(PipelineExecutionStatus.STOPPED);
        assertThat(stopped.statusSummary()).isEqualTo("bad commit");
        assertThat(stopped.action("Build").status()).isEqualTo(ActionExecutionStatus.ABANDONED);
        assertThatThrownBy(() -> rig.engine.stop("release", first, true, null))
                .isInstanceOfSatisfying(AwsException.class,
                        e -> assertThat(e.error()).isEqualTo(AwsError.PIPELINE_EXECUTION_NOT_STOPPABLE));
        String second = start("release");
        assertThat(rig.takeBuildJob().data().pipelineContext().pipelineExecutionId()).isEqualTo(second);
    }

    @Test
    void stoppingWithoutAbandonLetsRunningActionsFinishThenStops() {
        rig.create(PipelineRig.tutorial("release"));
        String id = start("release");
        Job build = rig.takeBuildJob();
        rig.engine.stop("release", id, false, null);
        assertThat(execution("release", id).status()).isEqualTo(PipelineExecutionStatus.STOPPING);
        assertThatThrownBy(() -> rig.engine.stop("release", id, false, null))
                .isInstanceOfSatisfying(AwsException.class,
                        e -> assertThat(e.error()).isEqualTo(AwsError.DUPLICATED_STOP_REQUEST));

        rig.succeed(build.id(), Map.of("Version", "1"));
        PipelineExecutionSnapshot stopped = execution("release", id);
        assertThat(stopped.status()).isEqualTo(PipelineExecutionStatus.STOPPED);
        assertThat(stopped.action("Build").status()).isEqualTo(ActionExecutionStatus.SUCCEEDED);
        assertThat(stopped.actions()).extracting(ActionExecutionSnapshot::actionName).doesNotContain("Invoke");
    }

    @Test
    void retryingAFailedStageRunsItsFailedActionsAgainInTheSameExecution() {
        rig.create(PipelineRig.tutorial("release"));
        String id = start("release");
        Job build = rig.takeBuildJob();
        rig.jobs.putFailure(Operation.PUT_JOB_FAILURE_RESULT, build.id(), null,
                new FailureDetails(FailureType.JOB_FAILED, "flaky", null));
        assertThatThrownBy(() -> rig.engine.retryStage("release", "Source", id, RetryMode.FAILED_ACTIONS))
                .isInstanceOfSatisfying(AwsException.class,
                        e -> assertThat(e.error()).isEqualTo(AwsError.STAGE_NOT_RETRYABLE));
        assertThatThrownBy(() -> rig.engine.retryStage("release", "Nope", id, RetryMode.FAILED_ACTIONS))
                .isInstanceOfSatisfying(AwsException.class,
                        e -> assertThat(e.error()).isEqualTo(AwsError.STAGE_NOT_FOUND));

        assertThat(rig.engine.retryStage("release", "Build", id, RetryMode.FAILED_ACTIONS)).isEqualTo(id);
        assertThat(execution("release", id).status()).isEqualTo(PipelineExecutionStatus.IN_PROGRESS);
        Job again = rig.takeBuildJob();
        assertThat(again.id()).isNotEqualTo(build.id());
        rig.succeed(again.id(), Map.of("Version", "1"));
        rig.succeed(rig.lambdaJob(id).jobId(), Map.of());
        PipelineExecutionSnapshot done = execution("release", id);
        assertThat(done.status()).isEqualTo(PipelineExecutionStatus.SUCCEEDED);
        assertThat(done.actions()).extracting(ActionExecutionSnapshot::actionName)
                .containsExactly("Source", "Build", "Build", "Invoke");
    }

    @Test
    void aDisabledInboundTransitionHoldsExecutionsUntilItIsEnabled() {
        rig.create(PipelineRig.tutorial("release"));
        rig.engine.setTransition("release", "Build", TransitionType.INBOUND, false, "freeze");
        String id = start("release");
        assertThat(rig.jobs.pollCustom(CUSTOM_BUILD, 1, Map.of())).isEmpty();
        assertThat(rig.engine.state("release").get(1).inbound().disabledReason()).isEqualTo("freeze");
        assertThat(rig.engine.state("release").get(1).inboundExecutionId()).isEqualTo(id);
        assertThatThrownBy(() -> rig.engine.setTransition("release", "Nope", TransitionType.INBOUND, true, null))
                .isInstanceOfSatisfying(AwsException.class,
                        e -> assertThat(e.error()).isEqualTo(AwsError.STAGE_NOT_FOUND));

        rig.engine.setTransition("release", "Build", TransitionType.INBOUND, true, null);
        assertThat(rig.takeBuildJob().data().pipelineContext().pipelineExecutionId()).isEqualTo(id);
    }

    @Test
    void aDisabledOutboundTransitionHoldsExecutionsAfterTheStageUntilItIsEnabled() {
        rig.create(PipelineRig.tutorial("release"));
        rig.engine.setTransition("release", "Source", TransitionType.OUTBOUND, false, "hold");
        String id = start("release");
        assertThat(execution("release", id).action("Source").status()).isEqualTo(ActionExecutionStatus.SUCCEEDED);
        assertThat(rig.jobs.pollCustom(CUSTOM_BUILD, 1, Map.of())).isEmpty();

        rig.engine.setTransition("release", "Source", TransitionType.OUTBOUND, true, null);
        assertThat(rig.takeBuildJob().data().pipelineContext().pipelineExecutionId()).isEqualTo(id);
    }

    @Test
    void pipelineVariablesResolveWithDefaultsAndOverridesAndUndeclaredOnesAreRefused() {
        ActionDeclaration build = PipelineRig.build().withConfiguration("Env", "#{variables.Env}");
        rig.create(PipelineRig.pipeline("vars", StageDeclaration.of("Build", build)).pipelineType(PipelineType.V2)
                .variable(new PipelineVariableDeclaration("Env", "test", null)).build());

        String defaulted = start("vars");
        assertThat(rig.takeBuildJob().data().actionConfiguration().configuration()).containsEntry("Env", "test");
        rig.engine.stop("vars", defaulted, true, null);
        String overridden = rig.engine.start(ExecutionStart.of("vars").variable("Env", "prod").build());
        assertThat(rig.takeBuildJob().data().actionConfiguration().configuration()).containsEntry("Env", "prod");
        assertThat(execution("vars", overridden).variables()).containsEntry("Env", "prod");

        assertThatThrownBy(() -> rig.engine.start(ExecutionStart.of("vars").variable("Region", "x").build()))
                .isInstanceOfSatisfying(AwsException.class, e -> {
                    assertThat(e.error()).isEqualTo(AwsError.VALIDATION);
                    assertThat(e.getMessage()).contains("Region", "[Env]");
                });
        assertThatThrownBy(() -> start("nope")).isInstanceOfSatisfying(AwsException.class,
                e -> assertThat(e.error()).isEqualTo(AwsError.PIPELINE_NOT_FOUND));
    }

    @Test
    void aStartRepeatingAClientRequestTokenAnswersTheSameExecution() {
        rig.create(PipelineRig.tutorial("release"));
        ExecutionStart start = ExecutionStart.of("release").clientRequestToken("token-1").build();
        String id = rig.engine.start(start);
        assertThat(rig.engine.start(start)).isEqualTo(id);
        assertThat(rig.engine.executions("release")).hasSize(1);
        assertThat(rig.engine.start(ExecutionStart.of("release").clientRequestToken("token-2").build()))
                .isNotEqualTo(id);
    }

    @Test
    void aReferenceToAVariableNoActionProducedFailsTheActionWithAConfigurationError() {
        ActionDeclaration build = PipelineRig.build().withConfiguration("Env", "#{SourceVariables.Missing}");
        rig.create(PipelineRig.pipeline("broken", StageDeclaration.of("Build", build)).build());
        String id = start("broken");
        ActionExecutionSnapshot failed = execution("broken", id).action("Build");
        assertThat(failed.status()).isEqualTo(ActionExecutionStatus.FAILED);
        assertThat(failed.errorCode()).isEqualTo("ConfigurationError");
        assertThat(failed.errorMessage()).contains("#{SourceVariables.Missing}", "ETag");
        assertThat(rig.jobs.snapshots()).isEmpty();
    }

    @Test
    void aPartnerActionBecomesAThirdPartyJobForThePipelinesClient() {
        ActionDeclaration partner = ActionDeclaration.of("Test", PARTNER).withInputArtifacts("SourceArtifact");
        rig.create(PipelineRig.pipeline("partner", StageDeclaration.of("Test", partner)).build());
        String id = start("partner");
        ExecutionEngine.PartnerClient client = rig.engine.partnerClient(PARTNER);
        List<FakeThirdPartyJob> polled = rig.jobs.pollThirdParty(PARTNER, 1);
        assertThat(polled).singleElement().satisfies(job -> assertThat(job.clientId()).isEqualTo(client.clientId()));
        String jobId = polled.get(0).jobId();
        String nonce = rig.jobs.thirdPartyJobDetails(jobId, client.clientToken()).nonce();
        rig.jobs.acknowledge(Operation.ACKNOWLEDGE_THIRD_PARTY_JOB, jobId, nonce, client.clientToken());
        rig.jobs.putSuccess(Operation.PUT_THIRD_PARTY_JOB_SUCCESS_RESULT, jobId, client.clientToken(), null,
                new io.github.cptestkit.wire.ExecutionDetails("tested", "run-9", 100), null, null);
        assertThat(execution("partner", id).status()).isEqualTo(PipelineExecutionStatus.SUCCEEDED);
        assertThat(execution("partner", id).action("Test").summary()).isEqualTo("tested");
        assertThat(execution("partner", id).action("Test").outputVariables()).as("a partner action has none")
                .isEmpty();
    }

    @Test
    void endedExecutionsBeyondTheRetentionLimitAreForgotten() {
        PipelineRig small = new PipelineRig();
        ExecutionEngine engine = new ExecutionEngine(new ExecutionEngine.Settings(small.clock,
                io.github.cptestkit.mock.internal.pipelines.ControlPlaneScope.DEFAULT,
                () -> java.util.UUID.randomUUID().toString(), 2), small.jobs,
                new ExecutionBackendStub(), small.controlPlane::findPipeline);
        ActionDeclaration approval = ActionDeclaration.of("Approve", MANUAL);
        small.create(PipelineRig.pipeline("gated", StageDeclaration.of("Gate", approval)).pipelineType(PipelineType.V2)
                .executionMode(ExecutionMode.PARALLEL).build());
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String id = engine.start(ExecutionStart.of("gated").build());
            ids.add(id);
            engine.stop("gated", id, true, null);
        }
        String running = engine.start(ExecutionStart.of("gated").build());
        assertThat(engine.executions("gated")).extracting(PipelineExecutionSnapshot::pipelineExecutionId)
                .containsExactly(running, ids.get(3), ids.get(2));
        assertThat(engine.forgottenExecutions()).isEqualTo(2);
    }

    /** A backend for pipelines without jobs or artifacts: any call is a test failure. */
    private static final class ExecutionBackendStub implements ExecutionBackend {
        @Override
        public String enqueue(FakeThirdPartyJob job) {
            throw new AssertionError("no job expected");
        }

        @Override
        public String enqueue(io.github.cptestkit.wire.FakeCustomJob job) {
            throw new AssertionError("no job expected");
        }

        @Override
        public long endedJobs() {
            return 0;
        }

        @Override
        public java.util.Optional<JobSnapshot> job(String jobId) {
            throw new AssertionError("no job expected");
        }

        @Override
        public java.util.Optional<String> objectETag(S3ArtifactLocation location) {
            return java.util.Optional.empty();
        }

        @Override
        public boolean copyObject(S3ArtifactLocation from, S3ArtifactLocation to) {
            return false;
        }

        @Override
        public void putObject(S3ArtifactLocation location, byte[] content) {
        }
    }
}
