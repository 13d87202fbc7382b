package io.github.cptestkit.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cptestkit.wire.ActionCategory;
import io.github.cptestkit.fixtures.FakeJobs;
import io.github.cptestkit.mock.AdminHttp;
import io.github.cptestkit.mock.jobs.JobDocument;
import io.github.cptestkit.wire.Preset;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The standalone jar as users run it ({@code java -jar}, from another directory, port 0), driven by real clients
 * in other languages: a boto3 worker (artifacts included), the AWS CLI (every job command and an error) and the AWS
 * SDK for JavaScript v3. Each tool must be installed (.ci/run installs them): a missing one fails the test and says
 * what to install, rather than skipping it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StandaloneJarIT {

    private static final Path CLIENTS = Path.of("src/test/clients").toAbsolutePath();
    private static final long TIMEOUT_SECONDS = 180;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path workDir;

    private static Process jar;
    private static final StringBuffer STDERR = new StringBuffer();
    private static JsonNode ready;
    private static String endpoint;
    private static String httpsEndpoint;
    private static AdminHttp admin;
    private static JobDocument customJob;

    @BeforeAll
    static void startTheJar() throws Exception {
        customJob = new JobDocument.Custom(FakeJobs.withSeed(5).custom().category(ActionCategory.DEPLOY)
                .provider("AwsCli").version("1").build());
        Path jobs = workDir.resolve("jobs.json");
        Files.writeString(jobs, "[" + customJob.toJson() + "]");
        jar = new ProcessBuilder(java(), "-jar", standaloneJar().toString(), "--port", "0", "--strict", "--verbose",
                "--preset", "build-with-source-zip", "--count", "2", "--action-type", "Build/MyCi/1",
                "--jobs", jobs.getFileName().toString(), "--https-port", "0", "--https-ca-file",
                workDir.resolve("mock-ca.pem").toString())
                .directory(workDir.toFile()).start();
        drain(jar.getErrorStream(), STDERR);
        CompletableFuture<String> readyLine = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(jar.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (line.startsWith(MockServerCommand.READY + " ")) {
                        readyLine.complete(line.substring(MockServerCommand.READY.length() + 1));
                    }
                }
                readyLine.completeExceptionally(new IllegalStateException("the jar ended without a ready line;"
                        + " stderr: " + STDERR));
            } catch (IOException e) {
                readyLine.completeExceptionally(e);
            }
        }, "standalone-jar-stdout");
        reader.setDaemon(true);
        reader.start();
        ready = JSON.readTree(readyLine.get(60, TimeUnit.SECONDS));
        endpoint = ready.get("endpoint").asText();
        httpsEndpoint = ready.get("httpsEndpoint").asText();
        admin = new AdminHttp(URI.create(endpoint));
    }

    @AfterAll
    static void stopTheJar() throws InterruptedException {
        if (jar != null) {
            jar.destroy();
            if (!jar.waitFor(20, TimeUnit.SECONDS)) {
                jar.destroyForcibly();
            }
        }
    }

    @Test
    @Order(1)
    void theJarStartsFromAnyDirectoryWithTheJobsItWasGiven() {
        assertThat(endpoint).matches("http://127\\.0\\.0\\.1:\\d+");
        assertThat(ready.get("jobs")).hasSize(3);
        assertThat(ready.at("/jobs/0/jobId").asText()).isEqualTo(customJob.jobId());
        assertThat(ready.at("/jobs/1/actionTypeId/provider").asText()).isEqualTo("MyCi");
        assertThat(admin.get("jobs").body().get("jobs")).hasSize(3);
    }

    @Test
    @Order(2)
    void aBoto3WorkerRunsTheFullPartnerLoopDownloadingAndUploadingArtifacts() throws Exception {
        Result result = run(Map.of(), python(), CLIENTS.resolve("boto3_worker.py").toString(), endpoint);

        assertThat(result.output()).contains("boto3 worker: 2 jobs succeeded");
        assertThat(result.output()).containsPattern("5 inputs read \\(\\d+ files\\), 5 outputs written,"
                + " encrypted=True");
    }

    @Test
    @Order(3)
    void theAwsCliRunsEveryJobCommandAndShowsTheAwsErrorCode() throws Exception {
        require("aws", "--version", "the AWS CLI (apt-get install awscli)");
        List<String> command = new ArrayList<>(List.of("bash", CLIENTS.resolve("aws_cli_jobs.sh").toString(),
                endpoint, "Build/MyCi/1", "Deploy/AwsCli/1"));
        ready.get("jobs").forEach(job -> {
            if (job.has("clientId")) {
                command.add(job.get("clientId").asText() + "=" + job.get("clientToken").asText());
            }
        });

        Result result = run(Map.of(), command.toArray(String[]::new));

        assertThat(result.output()).contains(
                "third-party job " + ready.at("/jobs/1/jobId").asText() + ": polled, details, acknowledged"
                        + " (InProgress), success put",
                "third-party job " + ready.at("/jobs/2/jobId").asText() + ": failure put",
                "custom job " + customJob.jobId() + ": polled, details, acknowledged (InProgress), success put",
                "An error occurred (JobNotFoundException) when calling the GetJobDetails operation: Job"
                        + " 11111111-2222-3333-4444-555555555555 not found");
        assertThat(admin.get("jobs/" + ready.at("/jobs/1/jobId").asText()).body().at("/result/currentRevision"
                + "/revision").asText()).isEqualTo("cli-1");
        assertThat(admin.get("jobs/" + ready.at("/jobs/2/jobId").asText()).body().get("status").asText())
                .isEqualTo("Failed");
        assertThat(admin.get("jobs/" + customJob.jobId()).body().at("/result/outputVariables/IMAGE_TAG").asText())
                .isEqualTo("1.2.3");
    }

    @Test
    @Order(4)
    void theAwsSdkForJavaScriptPollsReadsAcknowledgesAndPutsResults() throws Exception {
        Path js = jsClients();

        Result result = run(js, Map.of("AWS_ENDPOINT_URL_CODEPIPELINE", endpoint), "node", "worker.mjs", endpoint);

        assertThat(result.output()).contains("js worker: done",
                "js worker: error JobNotFoundException: Job 11111111-2222-3333-4444-555555555555 not found")
                .containsPattern("js worker: third-party job [0-9a-f-]{36}: polled, details, acknowledged"
                        + " \\(InProgress\\), success put")
                .containsPattern("js worker: custom job [0-9a-f-]{36}: polled, details, acknowledged \\(InProgress\\),"
                        + " failure put");
    }

    /** Queues, through the admin API, a custom Deploy job of {@code provider} with a KMS key and one output. */
    private static String queueKmsJob(String provider, long seed) {
        JobDocument job = new JobDocument.Custom(FakeJobs.withSeed(seed).custom().preset(Preset.DEPLOY_WITH_KMS)
                .category(ActionCategory.DEPLOY).provider(provider).version("1").outputArtifacts(1).build());
        AdminHttp.Answer queued = admin.post("jobs", "{\"job\": " + job.toJson() + "}");
        assertThat(queued.status()).as("queued: %s", queued.body()).isBetween(200, 299);
        return job.jobId();
    }

    @Test
    @Order(4)
    void theAwsSdkForJavaScriptCreatesReadsUpdatesListsAndDeletesPipelinesAndMeetsTheDeclarationErrors()
            throws Exception {
        Path js = jsClients();

        Result result = run(js, Map.of("AWS_ENDPOINT_URL_CODEPIPELINE", endpoint), "node", "control_plane.mjs");

        assertThat(result.output()).contains(
                "js control plane: action type and pipelines created, read, updated (version 2), listed",
                "js control plane: refused InvalidStructureException",
                "js control plane: refused InvalidActionDeclarationException",
                "js control plane: done");
    }

    /** The JavaScript clients' folder, its pinned packages installed ({@code npm ci}) when missing or stale. */
    private static Path jsClients() throws Exception {
        require("node", "--version", "Node.js 18 or later (apt-get install nodejs npm)");
        require("npm", "--version", "npm (apt-get install npm)");
        Path js = CLIENTS.resolve("js");
        Path installed = js.resolve("node_modules/.package-lock.json");
        if (!Files.exists(installed) || Files.getLastModifiedTime(installed).compareTo(
                Files.getLastModifiedTime(js.resolve("package-lock.json"))) < 0) {
            run(js, Map.of(), "npm", "ci", "--no-audit", "--no-fund");
        }
        return js;
    }

    @Test
    @Order(4)
    void boto3CreatesReadsUpdatesListsAndDeletesActionTypesAndPipelinesAndMeetsEveryDeclarationError()
            throws Exception {
        Result result = run(Map.of(), python(), CLIENTS.resolve("boto3_control_plane.py").toString(), endpoint);

        assertThat(result.output()).containsPattern("boto3 control plane: \\d+ checks passed");
        assertThat(admin.get("pipelines").body().get("pipelines")).isEmpty();
    }

    @Test
    @Order(4)
    void theAwsCliRunsTheActionTypeAndPipelineCommandsAndShowsTheAwsErrorCode() throws Exception {
        require("aws", "--version", "the AWS CLI (apt-get install awscli)");
        Path files = Files.createDirectories(workDir.resolve("cli-control-plane"));

        Result result = run(Map.of(), "bash", CLIENTS.resolve("aws_cli_control_plane.sh").toString(), endpoint,
                files.toString());

        assertThat(result.output()).contains("action type: created, listed",
                "pipeline: created, read, updated (version 2), listed, tags listed",
                "pipeline and action type: deleted",
                "An error occurred (PipelineNotFoundException) when calling the GetPipeline operation");
    }

    @Test
    @Order(4)
    void boto3RunsAPipelineWhoseMiddleActionItsWorkerWorksAndMeetsTheExecutionErrors() throws Exception {
        Result result = run(Map.of(), python(), CLIENTS.resolve("boto3_pipeline.py").toString(), endpoint);

        assertThat(result.output()).containsPattern("boto3 pipeline: \\d+ checks passed");
    }

    @Test
    @Order(4)
    void theAwsCliStartsApprovesListsAndStopsExecutionsAndShowsTheAwsErrorCode() throws Exception {
        require("aws", "--version", "the AWS CLI (apt-get install awscli)");
        Path files = Files.createDirectories(workDir.resolve("cli-pipeline"));

        Result result = run(Map.of(), "bash", CLIENTS.resolve("aws_cli_pipeline.sh").toString(), endpoint,
                files.toString());

        assertThat(result.output()).contains("started, approved with the token get-pipeline-state showed, Succeeded",
                "executions listed, newest first: Stopped\tSucceeded",
                "An error occurred (PipelineExecutionNotFoundException) when calling the GetPipelineExecution"
                        + " operation");
    }

    @Test
    @Order(5)
    void aBoto3WorkerOverHttpsRenewsItsCredentialsWithGetJobDetailsAndTheFirstSetExpiresOnItsOwnTime()
            throws Exception {
        assertThat(httpsEndpoint).matches("https://127\\.0\\.0\\.1:\\d+");
        String jobId = queueKmsJob("Boto3Https", 11);

        Result result = run(Map.of("AWS_CA_BUNDLE", ready.get("caFile").asText()), python(),
                CLIENTS.resolve("boto3_https_worker.py").toString(), httpsEndpoint, "Deploy/Boto3Https/1");

        assertThat(result.output()).contains(
                "boto3 https worker: job " + jobId + ": polled and acknowledged over HTTPS",
                "boto3 https worker: GetJobDetails after 40 minutes answered new credentials",
                "boto3 https worker: the first credentials expired on their own time (ExpiredToken)",
                "boto3 https worker: the renewed credentials uploaded the output; job succeeded");
        assertThat(admin.get("jobs/" + jobId).body().get("status").asText()).isEqualTo("Succeeded");
    }

    @Test
    @Order(6)
    void theAwsCliOverHttpsUploadsAnOutputWithSseKmsUnderTheJobsKey() throws Exception {
        require("aws", "--version", "the AWS CLI (apt-get install awscli)");
        String jobId = queueKmsJob("CliHttps", 12);

        Result result = run(Map.of("AWS_CA_BUNDLE", ready.get("caFile").asText()), "bash",
                CLIENTS.resolve("aws_cli_https.sh").toString(), httpsEndpoint, "Deploy/CliHttps/1");

        assertThat(result.output()).contains("cli https: job " + jobId + " polled and acknowledged (InProgress)",
                "aws:kms", "cli https: job " + jobId + " output uploaded with SSE-KMS, success put");
        assertThat(admin.get("jobs/" + jobId).body().get("status").asText()).isEqualTo("Succeeded");
        assertThat(admin.get("kms-violations").body().get("kmsViolations")).isEmpty();
    }

    @Test
    @Order(7)
    void aSecondJarOnTheTakenPortExitsWithCode1AndBadFlagsWithCode2() throws Exception {
        int port = ready.get("port").asInt();
        Result taken = runJar("--port", Integer.toString(port));
        assertThat(taken.exitCode()).isEqualTo(1);
        assertThat(taken.output()).contains("codepipeline-mock: port " + port + " is in use on 127.0.0.1; choose"
                + " another with --port, or use --port 0 for any free port");

        Result bad = runJar("--count", "many");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.output()).contains("codepipeline-mock: Invalid value for option '--count': 'many' is not"
                + " an int");

        Result version = runJar("--version");
        assertThat(version.exitCode()).isZero();
        assertThat(version.output().strip()).isEqualTo("codepipeline-testkit mock server "
                + System.getProperty("standalone.version"));
    }

    @Test
    @Order(8)
    void theVerboseLogShowsEveryCallButNoClientTokenOrSecretKey() {
        String log = STDERR.toString();
        assertThat(log).contains("POST / PollForThirdPartyJobs", "POST / PutJobSuccessResult",
                "GET /codepipeline-", "PUT /codepipeline-");
        ready.get("jobs").forEach(job -> {
            if (job.has("clientToken")) {
                assertThat(log).doesNotContain(job.get("clientToken").asText());
            }
        });
        assertThat(log).doesNotContain("EXAMPLEKEY", "IQoJb3JpZ2luX2Vj", "X-Amz-Signature", "Exception in");
        assertThat(log).as("the boto3 pipeline's secret configuration value").contains("POST / CreatePipeline")
                .doesNotContain("t0ps3cret");
    }

    // ---------------------------------------------------------------- processes

    private record Result(int exitCode, String output) {}

    private static Result run(Map<String, String> env, String... command) throws Exception {
        return run(CLIENTS, env, command);
    }

    /** Runs a command to its end (bounded), failing with its output unless it exits 0. */
    private static Result run(Path directory, Map<String, String> env, String... command) throws Exception {
        Result result = start(directory, env, command);
        if (result.exitCode() != 0) {
            fail(String.join(" ", command) + " exited with " + result.exitCode() + ":\n" + result.output());
        }
        return result;
    }

    private static Result runJar(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(java(), "-jar", standaloneJar().toString()));
        command.addAll(List.of(args));
        return start(workDir, Map.of(), command.toArray(String[]::new));
    }

    private static Result start(Path directory, Map<String, String> env, String... command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        StringBuffer output = new StringBuffer();
        Thread drainer = drain(process.getInputStream(), output);
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new TimeoutException(String.join(" ", command) + " did not finish in " + TIMEOUT_SECONDS
                    + " seconds:\n" + output);
        }
        drainer.join(10_000);
        return new Result(process.exitValue(), output.toString());
    }

    private static Thread drain(InputStream stream, StringBuffer into) {
        Thread drainer = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    into.append(line).append('\n');
                }
            } catch (IOException ignored) {
                // the process ended
            }
        }, "process-output");
        drainer.setDaemon(true);
        drainer.start();
        return drainer;
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static Path standaloneJar() {
        Path jarFile = Path.of(System.getProperty("standalone.jar", "target/standalone.jar"));
        if (!Files.isRegularFile(jarFile)) {
            fail("the standalone jar " + jarFile + " is missing; build it with mvn -B -pl standalone -am package");
        }
        return jarFile.toAbsolutePath();
    }

    /** The first Python that has boto3: the PATH's, then Debian's (where apt-get install python3-boto3 puts it). */
    private static String python() throws Exception {
        for (String candidate : List.of("python3", "/usr/bin/python3")) {
            try {
                if (start(CLIENTS, Map.of(), candidate, "-c", "import boto3").exitCode() == 0) {
                    return candidate;
                }
            } catch (IOException notInstalled) {
                // try the next one
            }
        }
        return fail("boto3 is needed: install python3 with boto3 (apt-get install python3-boto3, or pip install"
                + " boto3); .ci/run does");
    }

    private static void require(String tool, String versionFlag, String what) throws Exception {
        try {
            if (start(CLIENTS, Map.of(), tool, versionFlag).exitCode() == 0) {
                return;
            }
        } catch (IOException notInstalled) {
            // fall through
        }
        fail(tool + " is needed: install " + what + "; .ci/run does");
    }
}
