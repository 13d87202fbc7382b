package io.github.cptestkit.mock.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cptestkit.fixtures.FakeJobGenerator;
import io.github.cptestkit.fixtures.FakeJobs;
import io.github.cptestkit.mock.CodePipelineMock;
import io.github.cptestkit.mock.MockClock;
import io.github.cptestkit.mock.jobs.JobSnapshot;
import io.github.cptestkit.mock.lambda.InvocationAttempt.Outcome;
import io.github.cptestkit.wire.FakeCustomJob;
import io.github.cptestkit.wire.JobStatus;
import io.github.cptestkit.wire.Preset;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The official Java runtime interface client (2.10.1, Maven Central) runs users' handlers against the mock's Lambda
 * Runtime API unchanged, each in a JVM of its own started as Lambda starts it; the handlers' own SDK clients reach
 * the mock through {@code AWS_ENDPOINT_URL_CODEPIPELINE}. The mock's clock follows the system's (the client counts
 * its remaining time on the system clock) and is advanced past retries and the reply window.
 */
@EnabledOnOs(OS.LINUX) // the client's JNI library is built for Linux only
class RuntimeInterfaceClientTest {

    static final Duration ANSWERED = Duration.ofSeconds(90);
    static final FakeJobGenerator FAKES = FakeJobs.withSeed(15);

    @TempDir
    Path workDir;

    final MockClock clock = MockClock.systemUtc();
    final CodePipelineMock mock = CodePipelineMock.builder().clock(clock)
            .lambdaFunction("Deploy")
            .lambdaFunction("Verify", FunctionSettings.defaults().withMaximumRetryAttempts(0)
                    .withFailJobWhenDiscarded(true))
            .build();
    final List<JavaRuntimeProcess> runtimes = new ArrayList<>();
    int jobs;

    @BeforeEach
    void start() {
        mock.start();
    }

    @AfterEach
    void stop() throws InterruptedException {
        mock.stop(); // a waiting runtime is answered 500 and exits
        for (JavaRuntimeProcess runtime : runtimes) {
            runtime.close();
        }
    }

    JavaRuntimeProcess runtime(String function, Class<?> handler) {
        JavaRuntimeProcess runtime = JavaRuntimeProcess.start(mock, function, handler, workDir);
        runtimes.add(runtime);
        return runtime;
    }

    FakeCustomJob lambdaJob(String function) {
        return FAKES.custom().preset(Preset.LAMBDA_INVOKE).configuration("FunctionName", function).index(jobs++)
                .build();
    }

    List<InvocationAttempt> await(String function, int attempts, JavaRuntimeProcess runtime) {
        try {
            return mock.awaitLambdaAttempts(function, attempts, ANSWERED);
        } catch (IllegalStateException notYet) {
            throw new AssertionError(notYet.getMessage() + "\nthe runtime printed:\n" + runtime.output(), notYet);
        }
    }

    @Test
    void aHandlerThatReportsSuccessEndsItsJobSucceededWithItsOutputVariables() {
        JavaRuntimeProcess runtime = runtime("Deploy", PipelineHandlers.Succeeds.class); // waits in next first
        String jobId = mock.enqueue(lambdaJob("Deploy"));

        InvocationAttempt attempt = await("Deploy", 1, runtime).get(0);

        assertThat(attempt.outcome()).isEqualTo(Outcome.RESPONDED);
        assertThat(attempt.jobId()).isEqualTo(jobId);
        JobSnapshot job = mock.job(jobId);
        assertThat(job.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(job.success().outputVariables()).containsEntry("function", "Deploy")
                .containsEntry("requestId", attempt.requestId()).containsEntry("remainingPositive", "true");
    }

    @Test
    void aHandlerThatReportsFailureEndsItsJobFailedWithItsMessage() {
        String jobId = mock.enqueue(lambdaJob("Deploy")); // queued before the runtime starts
        JavaRuntimeProcess runtime = runtime("Deploy", PipelineHandlers.Fails.class);

        assertThat(await("Deploy", 1, runtime).get(0).outcome()).isEqualTo(Outcome.RESPONDED);

        assertThat(mock.job(jobId).status()).isEqualTo(JobStatus.FAILED);
        assertThat(mock.job(jobId).failure().failureDetails().message()).isEqualTo("the smoke test failed");
    }

    @Test
    void aHandlerThatThrowsIsRetriedAfterOneThenTwoMinutesAndItsJobTimesOutAtTheEndOfTheReplyWindow() {
        JavaRuntimeProcess runtime = runtime("Deploy", PipelineHandlers.Throws.class);
        String jobId = mock.enqueue(lambdaJob("Deploy"));

        InvocationAttempt first = await("Deploy", 1, runtime).get(0);
        assertThat(first.outcome()).isEqualTo(Outcome.FUNCTION_ERROR);
        assertThat(first.error()).isEqualTo(new FunctionError("java.lang.IllegalStateException",
                "no input artifact named BuildOutput"));
        assertThat(mock.job(jobId).status()).isEqualTo(JobStatus.IN_PROGRESS);
        clock.advance(Duration.ofMinutes(1));
        assertThat(await("Deploy", 2, runtime).get(0).attempt()).isEqualTo(2);
        clock.advance(Duration.ofMinutes(2));
        assertThat(await("Deploy", 3, runtime)).extracting(InvocationAttempt::attempt).containsExactly(3, 2, 1);
        assertThat(mock.lambdaFunction("Deploy").orElseThrow().pending()).as("discarded after three").isZero();
        assertThat(mock.job(jobId).status()).isEqualTo(JobStatus.IN_PROGRESS);

        clock.advance(Duration.ofMinutes(17));

        assertThat(mock.job(jobId).status()).isEqualTo(JobStatus.TIMED_OUT);
    }

    @Test
    void aFunctionSetToFailItsJobFailsItWithTheHandlersErrorWhenItsEventIsDiscarded() {
        JavaRuntimeProcess runtime = runtime("Verify", PipelineHandlers.Throws.class);
        String jobId = mock.enqueue(lambdaJob("Verify"));

        await("Verify", 1, runtime);

        assertThat(mock.job(jobId).status()).isEqualTo(JobStatus.FAILED);
        assertThat(mock.job(jobId).failure().failureDetails().message()).isEqualTo("The Lambda function Verify"
                + " failed 1 attempt, the last with java.lang.IllegalStateException: no input artifact named"
                + " BuildOutput");
        assertThat(mock.job(jobId).operations()).as("no worker call is recorded for it").isEmpty();
    }

    @Test
    void aHandlerThatContinuesTwiceThenSucceedsRunsThreeJobsOfTheAction() {
        JavaRuntimeProcess runtime = runtime("Deploy", PipelineHandlers.Continues.class);
        String first = mock.enqueue(lambdaJob("Deploy"));

        List<InvocationAttempt> attempts = await("Deploy", 3, runtime);

        assertThat(attempts).extracting(InvocationAttempt::outcome).containsOnly(Outcome.RESPONDED);
        JobSnapshot one = mock.job(first);
        JobSnapshot two = mock.job(one.success().continuationJobId());
        JobSnapshot three = mock.job(two.success().continuationJobId());
        assertThat(List.of(one, two, three)).extracting(JobSnapshot::status).containsOnly(JobStatus.SUCCEEDED);
        assertThat(two.data().continuationToken()).isEqualTo("step-1");
        assertThat(three.data().continuationToken()).isEqualTo("step-2");
        assertThat(three.success().continuationToken()).isNull();
        assertThat(attempts).extracting(InvocationAttempt::jobId).containsExactly(three.jobId(), two.jobId(), first);
    }

    @Test
    void aHandlerThatNeverReportsLeavesItsJobToTimeOutWhenTheMocksClockPassesTheTwentyMinuteWindow() {
        JavaRuntimeProcess runtime = runtime("Deploy", PipelineHandlers.NeverReports.class);
        String jobId = mock.enqueue(lambdaJob("Deploy"));
        assertThat(await("Deploy", 1, runtime).get(0).outcome()).isEqualTo(Outcome.RESPONDED);

        clock.advance(Duration.ofMinutes(19));
        assertThat(mock.job(jobId).status()).isEqualTo(JobStatus.IN_PROGRESS);
        clock.advance(Duration.ofMinutes(1));

        assertThat(mock.job(jobId).status()).isEqualTo(JobStatus.TIMED_OUT);
    }

    @Test
    void twoFunctionsAreServedAtOnceEachToItsOwnRuntime() {
        JavaRuntimeProcess deploy = runtime("Deploy", PipelineHandlers.Succeeds.class);
        JavaRuntimeProcess verify = runtime("Verify", PipelineHandlers.Fails.class);
        String deployJob = mock.enqueue(lambdaJob("Deploy"));
        String verifyJob = mock.enqueue(lambdaJob("Verify"));

        assertThat(await("Deploy", 1, deploy).get(0).jobId()).isEqualTo(deployJob);
        assertThat(await("Verify", 1, verify).get(0).jobId()).isEqualTo(verifyJob);

        assertThat(mock.job(deployJob).status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(mock.job(verifyJob).status()).isEqualTo(JobStatus.FAILED);
    }

    @Test
    void aHandlerClassThatFailsToInitialiseIsReportedAsAnInitErrorServedToTheFirstInvocation() throws Exception {
        JavaRuntimeProcess runtime = runtime("Deploy", PipelineHandlers.FailsToInitialise.class);
        assertThat(runtime.awaitExit(ANSWERED)).as("the client exits after its init error").isNotZero();
        String jobId = mock.enqueue(lambdaJob("Deploy"));

        InvocationAttempt attempt = mock.lambdaFunction("Deploy").orElseThrow().attempts().get(0);

        assertThat(attempt.outcome()).isEqualTo(Outcome.INIT_ERROR);
        assertThat(attempt.jobId()).isEqualTo(jobId);
        assertThat(attempt.error()).isEqualTo(new FunctionError("java.lang.ExceptionInInitializerError",
                "Error loading class " + PipelineHandlers.FailsToInitialise.class.getName()));
        assertThat(mock.job(jobId).status()).as("retried after a minute").isEqualTo(JobStatus.IN_PROGRESS);
    }
}
