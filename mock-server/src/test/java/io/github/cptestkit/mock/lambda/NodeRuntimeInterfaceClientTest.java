package io.github.cptestkit.mock.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cptestkit.fixtures.FakeJobs;
import io.github.cptestkit.mock.CodePipelineMock;
import io.github.cptestkit.mock.MockClock;
import io.github.cptestkit.mock.executions.PipelineExecutionSnapshot;
import io.github.cptestkit.mock.executions.PipelineExecutionStatus;
import io.github.cptestkit.mock.jobs.JobSnapshot;
import io.github.cptestkit.mock.lambda.InvocationAttempt.Outcome;
import io.github.cptestkit.wire.JobStatus;
import io.github.cptestkit.wire.Preset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * The official runtime interface client for Node.js ({@code aws-lambda-ric} 3.3.0, npm) runs Node.js handlers
 * against the mock's Lambda Runtime API unchanged, started as its README starts it ({@code aws-lambda-ric
 * <module>.<export>} in the function's folder, with the environment Lambda sets); the handlers' own SDK for
 * JavaScript clients reach the mock through {@code AWS_ENDPOINT_URL_CODEPIPELINE}. The client compiles a native
 * addon (its bundled curl and aws-lambda-cpp) when {@code npm ci} installs it: cmake, a C++ compiler, make,
 * autoconf, automake and libtool, which CI installs ({@code .ci/run}); about 7 minutes on two busy cores, once
 * (node_modules stays).
 */
@EnabledOnOs(OS.LINUX) // the client's native addon builds on Linux only
class NodeRuntimeInterfaceClientTest {

    static final Path CLIENT = Path.of("src", "test", "clients", "node-ric");
    static final Duration ANSWERED = Duration.ofSeconds(90);

    final MockClock clock = MockClock.systemUtc();
    final CodePipelineMock mock = CodePipelineMock.builder().clock(clock).lambdaFunction("Deploy").build();
    final List<Process> runtimes = new ArrayList<>();

    @BeforeAll
    static void install() throws Exception {
        for (String[] tool : new String[][] {{"node", "--version"}, {"npm", "--version"}, {"cmake", "--version"},
                {"g++", "--version"}, {"make", "--version"}, {"autoreconf", "--version"}, {"libtoolize", "--version"}}) {
            Process probe;
            try {
                probe = new ProcessBuilder(tool).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect
                        .DISCARD).start();
            } catch (IOException missing) {
                throw new AssertionError(tool[0] + " is needed to build the Node.js runtime interface client's native"
                        + " addon; install it: apt-get install nodejs npm cmake g++ make autoconf automake libtool"
                        + " (.ci/run does)", missing);
            }
            assertThat(probe.waitFor(60, TimeUnit.SECONDS)).as(tool[0] + " answers").isTrue();
        }
        Path installed = CLIENT.resolve("node_modules/.package-lock.json");
        if (!Files.exists(installed) || Files.getLastModifiedTime(installed).compareTo(
                Files.getLastModifiedTime(CLIENT.resolve("package-lock.json"))) < 0) {
            Path log = Files.createDirectories(Path.of("target")).resolve("node-ric-npm-ci.log");
            Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund").directory(CLIENT.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            assertThat(npm.waitFor(30, TimeUnit.MINUTES)).as("npm ci within 30 minutes").isTrue();
            assertThat(npm.exitValue()).as("npm ci (its output: %s)", log.toAbsolutePath()).isZero();
        }
    }

    @BeforeEach
    void start() {
        mock.start();
    }

    @AfterEach
    void stop() throws InterruptedException {
        mock.stop(); // a waiting runtime is answered 500 and exits
        for (Process runtime : runtimes) {
            if (!runtime.waitFor(20, TimeUnit.SECONDS)) {
                runtime.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    /** Starts the client on handler {@code handler} of index.mjs for function {@code function}; its output's file. */
    Path runtime(String function, String handler) throws IOException {
        Path log = Files.createDirectories(Path.of("target", "lambda-runtime-logs"))
                .resolve("node-" + function + "-" + handler + "-" + System.nanoTime() + ".log");
        ProcessBuilder builder = new ProcessBuilder("node", "node_modules/aws-lambda-ric/bin/index.mjs",
                "index." + handler).directory(CLIENT.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(mock.lambdaEnvironment(function));
        builder.environment().put("_HANDLER", "index." + handler);
        builder.environment().put("LAMBDA_TASK_ROOT", CLIENT.toAbsolutePath().toString());
        runtimes.add(builder.start());
        return log;
    }

    String lambdaJob(String function) {
        return mock.enqueue(FakeJobs.withSeed(16).custom().preset(Preset.LAMBDA_INVOKE)
                .configuration("FunctionName", function).build());
    }

    List<InvocationAttempt> await(int attempts, Path log) throws IOException {
        try {
            return mock.awaitLambdaAttempts("Deploy", attempts, ANSWERED);
        } catch (IllegalStateException notYet) {
            throw new AssertionError(notYet.getMessage() + "\nthe runtime printed:\n" + Files.readString(log), notYet);
        }
    }

    @Test
    void aNodeHandlerThatReportsSuccessEndsItsJobSucceededWithItsOutputVariables() throws IOException {
        Path log = runtime("Deploy", "succeeds");
        String jobId = lambdaJob("Deploy");

        InvocationAttempt attempt = await(1, log).get(0);

        assertThat(attempt.outcome()).isEqualTo(Outcome.RESPONDED);
        JobSnapshot job = mock.job(jobId);
        assertThat(job.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(job.success().outputVariables()).containsEntry("runtime", "nodejs")
                .containsEntry("function", "Deploy").containsEntry("requestId", attempt.requestId());
    }

    @Test
    void aPipelinesLambdaActionIsWorkedByANodeHandlerWhoseVariablesBecomeTheActionsOutput() throws IOException {
        mock.createPipeline(PipelineHandlers.pipeline("release", "Deploy").build());
        Path log = runtime("Deploy", "echoesUserParameters");

        String id = mock.startPipelineExecution("release");
        assertThat(await(1, log).get(0).outcome()).isEqualTo(Outcome.RESPONDED);

        PipelineExecutionSnapshot execution = mock.pipelineExecution(id);
        String parameters = "release=" + execution.action("Source").outputVariables().get("ETag");
        assertThat(execution.status()).isEqualTo(PipelineExecutionStatus.SUCCEEDED);
        assertThat(execution.action("Notes").resolvedConfiguration()).containsEntry("UserParameters", parameters);
        assertThat(execution.action("Notes").outputVariables()).containsEntry("runtime", "nodejs")
                .containsEntry("UserParameters", parameters);
    }

    @Test
    void aNodeHandlerThatThrowsIsAFunctionErrorWithItsTypeAndMessageAndIsRetriedAMinuteLater() throws IOException {
        Path log = runtime("Deploy", "throws");
        String jobId = lambdaJob("Deploy");

        InvocationAttempt first = await(1, log).get(0);

        assertThat(first.outcome()).isEqualTo(Outcome.FUNCTION_ERROR);
        assertThat(first.error().errorType()).isEqualTo("TypeError");
        assertThat(first.error().errorMessage()).isEqualTo("no input artifact named BuildOutput");
        assertThat(mock.job(jobId).status()).isEqualTo(JobStatus.IN_PROGRESS);

        clock.advance(Duration.ofMinutes(1));

        assertThat(await(2, log).get(0).attempt()).isEqualTo(2);
    }
}
