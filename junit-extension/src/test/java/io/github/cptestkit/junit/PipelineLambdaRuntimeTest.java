package io.github.cptestkit.junit;

import static io.github.cptestkit.junit.CodePipelineAssertions.assertThat;

import io.github.cptestkit.junit.internal.SdkClients;
import io.github.cptestkit.mock.CodePipelineMock;
import io.github.cptestkit.mock.MockClock;
import io.github.cptestkit.mock.executions.ActionExecutionSnapshot;
import io.github.cptestkit.mock.jobs.JobSnapshot;
import io.github.cptestkit.mock.lambda.InvocationAttempt;
import io.github.cptestkit.mock.lambda.InvocationAttempt.Outcome;
import io.github.cptestkit.mock.lambda.JavaRuntimeProcess;
import io.github.cptestkit.mock.lambda.PipelineHandlers;
import io.github.cptestkit.mock.pipelines.ActionDeclaration;
import io.github.cptestkit.mock.pipelines.PipelineDeclaration;
import io.github.cptestkit.mock.pipelines.StageDeclaration;
import io.github.cptestkit.wire.ActionCategory;
import io.github.cptestkit.wire.ActionOwner;
import io.github.cptestkit.wire.ActionTypeId;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.codepipeline.CodePipelineClient;
import software.amazon.awssdk.services.codepipeline.model.StageExecutionStatus;
import software.amazon.awssdk.services.codepipeline.model.StageState;

/**
 * A pipeline's Lambda invoke action worked by the official Java runtime interface client: the execution's Lambda job
 * is delivered through the function's Runtime API to the client in a JVM of its own (mock-server's
 * JavaRuntimeProcess), whose handler reads the {@code CodePipeline.job} event and reports with its own SDK client;
 * the execution goes on (or ends) from that report. Started through the AWS SDK for Java v2; the mock's clock follows
 * the system's (the client counts its remaining time on the system clock).
 */
@EnabledOnOs(OS.LINUX) // the client's JNI library is built for Linux only
class PipelineLambdaRuntimeTest {

    static final Duration ANSWERED = Duration.ofSeconds(90);
    static final String FUNCTION = "ReleaseNotes";

    @TempDir
    Path workDir;

    final MockClock clock = MockClock.systemUtc();
    final CodePipelineMock mock = CodePipelineMock.builder().clock(clock).lambdaFunction(FUNCTION).build();
    final List<JavaRuntimeProcess> runtimes = new ArrayList<>();
    CodePipelineClient codePipeline;

    /** PipelineHandlers' pipeline (S3 source, Lambda action), then a simulated CodeBuild action reading its output. */
    static PipelineDeclaration pipeline() {
        return PipelineHandlers.pipeline("release", FUNCTION)
                .stage(StageDeclaration.of("Announce", ActionDeclaration.of("Announce",
                                new ActionTypeId(ActionCategory.BUILD, ActionOwner.AWS, "CodeBuild", "1"))
                        .withConfiguration(Map.of("ProjectName", "announce-#{NotesVariables.ReleaseTag}"))
                        .withInputArtifacts("SourceArtifact")))
                .build();
    }

    @BeforeEach
    void start() {
        mock.start();
        mock.createPipeline(pipeline());
        codePipeline = SdkClients.codePipeline(mock.endpoint(), Region.US_EAST_1, 1);
    }

    @AfterEach
    void stop() throws InterruptedException {
        codePipeline.close();
        mock.stop(); // a waiting runtime is answered 500 and exits
        for (JavaRuntimeProcess runtime : runtimes) {
            runtime.close();
        }
    }

    JavaRuntimeProcess runtime(Class<?> handler) {
        JavaRuntimeProcess runtime = JavaRuntimeProcess.start(mock, FUNCTION, handler, workDir);
        runtimes.add(runtime);
        return runtime;
    }

    InvocationAttempt answered(JavaRuntimeProcess runtime) {
        return answered(runtime, 1).get(0);
    }

    /** The function's first {@code count} attempts, newest first, once they are answered. */
    List<InvocationAttempt> answered(JavaRuntimeProcess runtime, int count) {
        try {
            return mock.awaitLambdaAttempts(FUNCTION, count, ANSWERED);
        } catch (IllegalStateException notYet) {
            throw new AssertionError(notYet.getMessage() + "\nthe runtime printed:\n" + runtime.output(), notYet);
        }
    }

    StageState stage(String name) {
        return codePipeline.getPipelineState(r -> r.name("release")).stageStates().stream()
                .filter(s -> s.stageName().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void theHandlersReportSucceedsTheActionWithItsVariablesAndALaterActionReceivesThem() {
        JavaRuntimeProcess runtime = runtime(PipelineHandlers.Releases.class);

        String id = codePipeline.startPipelineExecution(r -> r.name("release")).pipelineExecutionId();
        InvocationAttempt attempt = answered(runtime);

        String etag = mock.pipelineExecution(id).action("Source").outputVariables().get("ETag");
        assertThat(etag).isNotBlank();
        assertThat(attempt.outcome()).isEqualTo(Outcome.RESPONDED);
        assertThat(mock).pipelineExecution(id).succeeded()
                .action("Notes").succeeded().receivedConfiguration("UserParameters", "release=" + etag)
                .producedVariable("ReleaseTag", etag).producedVariable("Function", FUNCTION)
                .action("Announce").succeeded().receivedConfiguration("ProjectName", "announce-" + etag);
        ActionExecutionSnapshot notes = mock.pipelineExecution(id).action("Notes");
        assertThat(notes.summary()).isEqualTo("released " + etag);
        assertThat(notes.externalExecutionId()).isEqualTo(attempt.requestId());
        assertThat(notes.outputVariables()).containsEntry("InputBytes", Integer.toString(mock.artifact(
                notes.inputArtifacts().get(0).location().s3Location()).orElseThrow().content().length));
        assertThat(mock.job(attempt.jobId()).data().actionConfiguration().configuration())
                .containsEntry("UserParameters", "release=" + etag);
    }

    @Test
    void aHandlerThatContinuesKeepsTheActionInProgressAcrossItsJobsUntilTheLastSucceeds() {
        JavaRuntimeProcess runtime = runtime(PipelineHandlers.Continues.class);

        String id = codePipeline.startPipelineExecution(r -> r.name("release")).pipelineExecutionId();
        List<InvocationAttempt> attempts = answered(runtime, 3);

        assertThat(attempts).extracting(InvocationAttempt::outcome).containsOnly(Outcome.RESPONDED);
        JobSnapshot first = mock.job(attempts.get(2).jobId());
        JobSnapshot last = mock.job(attempts.get(0).jobId());
        assertThat(last.data().continuationToken()).isEqualTo("step-2");
        assertThat(last.data().pipelineContext()).isEqualTo(first.data().pipelineContext());
        assertThat(mock).pipelineExecution(id).failed()
                .action("Notes").succeeded().receivedConfiguration("UserParameters", "release="
                        + mock.pipelineExecution(id).action("Source").outputVariables().get("ETag"))
                .action("Announce").failed().hasErrorMessageContaining("NotesVariables.ReleaseTag");
    }

    @Test
    void aHandlerThatThrowsIsRetriedThenTheActionTimesOutAtTwentyMinutesAndTheExecutionFails() {
        JavaRuntimeProcess runtime = runtime(PipelineHandlers.Throws.class);

        String id = codePipeline.startPipelineExecution(r -> r.name("release")).pipelineExecutionId();
        assertThat(answered(runtime, 1).get(0).outcome()).isEqualTo(Outcome.FUNCTION_ERROR);
        clock.advance(Duration.ofMinutes(1));
        answered(runtime, 2);
        clock.advance(Duration.ofMinutes(2));
        answered(runtime, 3);
        assertThat(mock).pipelineExecution(id).isInProgress().action("Notes").isInProgress();

        clock.advance(Duration.ofMinutes(17));

        assertThat(mock).pipelineExecution(id).failed().action("Notes").failed().hasErrorMessageContaining(
                "timed out");
        assertThat(stage("Release").latestExecution().status()).isEqualTo(StageExecutionStatus.FAILED);
    }

    @Test
    void theHandlersFailureReportFailsTheActionTheStageAndTheExecution() {
        JavaRuntimeProcess runtime = runtime(PipelineHandlers.Fails.class);

        String id = codePipeline.startPipelineExecution(r -> r.name("release")).pipelineExecutionId();
        assertThat(answered(runtime).outcome()).isEqualTo(Outcome.RESPONDED);

        String etag = mock.pipelineExecution(id).action("Source").outputVariables().get("ETag");
        assertThat(mock).pipelineExecution(id).failed().hasStatusSummaryContaining("the smoke test failed")
                .action("Notes").failed().hasErrorMessageContaining("the smoke test failed")
                .receivedConfiguration("UserParameters", "release=" + etag);
        assertThat(mock.pipelineExecution(id).actions()).extracting(a -> a.actionName())
                .as("the next stage never starts").containsExactly("Source", "Notes");
        assertThat(stage("Release").latestExecution().status()).isEqualTo(StageExecutionStatus.FAILED);
        assertThat(stage("Source").latestExecution().status()).isEqualTo(StageExecutionStatus.SUCCEEDED);
    }
}
