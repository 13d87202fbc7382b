package io.github.cptestkit.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.ClientConfiguration;
import com.amazonaws.auth.AWSStaticCredentialsProvider;
import com.amazonaws.auth.BasicAWSCredentials;
import com.amazonaws.client.builder.AwsClientBuilder.EndpointConfiguration;
import com.amazonaws.services.codepipeline.AWSCodePipeline;
import com.amazonaws.services.codepipeline.AWSCodePipelineClientBuilder;
import com.amazonaws.services.codepipeline.model.AcknowledgeJobRequest;
import com.amazonaws.services.codepipeline.model.PollForJobsRequest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cptestkit.fixtures.FakeJobs;
import io.github.cptestkit.wire.FakeThirdPartyJob;
import io.github.cptestkit.wire.JobStatus;
import io.github.cptestkit.wire.Preset;
import io.github.cptestkit.mock.CodePipelineMock;
import io.github.cptestkit.mock.MockClock;
import io.github.cptestkit.mock.jobs.JobDocument;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.codepipeline.CodePipelineClient;

/** The command line run in-process: what it prints, how it exits, what it queues. */
class MockServerCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private MockServerCommand command;

    @AfterEach
    void stop() {
        if (command != null && command.running() != null) {
            command.running().close();
        }
    }

    private int run(String... args) {
        command = new MockServerCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return command.execute(args);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void itStartsWithFakeJobsQueuedPrintsTheBannerAndEndsWithTheReadyLine() throws Exception {
        int code = run("--port", "0", "--preset", "BUILD_WITH_SOURCE_ZIP", "--count", "2", "--seed", "7",
                "--action-type", "build/MyCi/1");

        assertThat(code).isZero();
        CodePipelineMock mock = command.running();
        List<FakeThirdPartyJob> expected = FakeJobs.withSeed(7).thirdParty().preset(Preset.BUILD_WITH_SOURCE_ZIP)
                .category(io.github.cptestkit.wire.ActionCategory.BUILD).provider("MyCi").version("1")
                .buildList(2);
        assertThat(mock.jobs()).extracting(job -> job.jobId())
                .containsExactly(expected.get(0).jobId(), expected.get(1).jobId());
        String endpoint = "http://127.0.0.1:" + mock.port();
        List<String> lines = out().lines().toList();
        assertThat(lines).contains(
                "  export AWS_ENDPOINT_URL_CODEPIPELINE=" + endpoint,
                "  export AWS_ENDPOINT_URL_S3=" + endpoint,
                "  export AWS_REGION=us-east-1 AWS_DEFAULT_REGION=us-east-1",
                "  " + expected.get(1).jobId() + "  Build/ThirdParty/MyCi/1  clientId " + expected.get(1).clientId()
                        + "  clientToken " + expected.get(1).clientToken(),
                "  aws codepipeline poll-for-third-party-jobs --action-type-id"
                        + " category=Build,owner=ThirdParty,provider=MyCi,version=1");
        assertThat(lines).contains("Queued 2 jobs: 2 fake third-party build-with-source-zip jobs of seed 7");
        assertThat(out()).doesNotContain("WARNING");
        String last = lines.get(lines.size() - 1);
        assertThat(last).startsWith(MockServerCommand.READY + " {");
        JsonNode ready = new ObjectMapper().readTree(last.substring(MockServerCommand.READY.length() + 1));
        assertThat(ready.get("endpoint").asText()).isEqualTo(endpoint);
        assertThat(ready.get("port").asInt()).isEqualTo(mock.port());
        assertThat(ready.at("/jobs/0/clientToken").asText()).isEqualTo(expected.get(0).clientToken());
        assertThat(err()).isEmpty();
    }

    @Test
    void jobsFromAFileAreQueuedFirstThenFakeJobs(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("jobs.json");
        JobDocument custom = new JobDocument.Custom(FakeJobs.withSeed(99).custom().build());
        Files.writeString(file, "[" + custom.toJson() + "]");

        assertThat(run("--port", "0", "--jobs", file.toString(), "--kind", "custom")).isZero();

        assertThat(command.running().jobs()).extracting(job -> job.jobId())
                .containsExactly(custom.jobId(), FakeJobs.custom().index(1).build().jobId());
        assertThat(command.running().job(custom.jobId()).status()).isEqualTo(JobStatus.QUEUED);
        assertThat(out()).contains("Queued 2 jobs: 1 from " + file + ", 1 fake custom job of seed 20150709");
    }

    static final String CUSTOM_TYPE = """
            {"category": "Build", "provider": "MyJenkinsProviderName", "version": "1",
             "configurationProperties": [{"name": "ProjectName", "required": true, "key": true, "secret": false}],
             "inputArtifactDetails": {"minimumCount": 1, "maximumCount": 1},
             "outputArtifactDetails": {"minimumCount": 0, "maximumCount": 1}}
            """;

    static final String PIPELINE = """
            {"Name": "Release", "RoleArn": "arn:aws:iam::123456789012:role/AWSCodePipelineServiceRole",
             "ArtifactStore": {"Type": "S3", "Location": "codepipeline-us-east-1-1234567890"},
             "Stages": [
               {"Name": "Source", "Actions": [{"Name": "Source",
                 "ActionTypeId": {"Category": "Source", "Owner": "AWS", "Provider": "S3", "Version": "1"},
                 "Configuration": {"S3Bucket": "b", "S3ObjectKey": "app.zip", "PollForSourceChanges": false},
                 "OutputArtifacts": [{"Name": "SourceArtifact"}]}]},
               {"Name": "Build", "Actions": [{"Name": "Build",
                 "ActionTypeId": {"Category": "Build", "Owner": "Custom", "Provider": "MyJenkinsProviderName",
                   "Version": "1"},
                 "Configuration": {"ProjectName": "app"}, "InputArtifacts": [{"Name": "SourceArtifact"}]}]}]}
            """;

    @Test
    void customActionTypesAndPipelinesFromFilesAreCreatedAtStartAndListed(@TempDir Path dir) throws Exception {
        Path type = Files.writeString(dir.resolve("type.json"), CUSTOM_TYPE);
        Path pipeline = Files.writeString(dir.resolve("pipeline.json"), PIPELINE);

        assertThat(run("--port", "0", "--custom-action-type", type.toString(), "--pipeline", pipeline.toString()))
                .isZero();

        assertThat(command.running().pipelines()).extracting(p -> p.name()).containsExactly("Release");
        assertThat(out()).contains("Pipelines: Release");
        List<String> lines = out().lines().toList();
        JsonNode ready = new ObjectMapper().readTree(lines.get(lines.size() - 1)
                .substring(MockServerCommand.READY.length() + 1));
        assertThat(ready.at("/pipelines/0").asText()).isEqualTo("Release");
    }

    @Test
    void aPipelineFileTheControlPlaneRefusesExitsWithCode2NamingTheFileAndTheAwsError(@TempDir Path dir)
            throws Exception {
        Path pipeline = Files.writeString(dir.resolve("pipeline.json"), PIPELINE);

        assertThat(run("--port", "0", "--pipeline", pipeline.toString())).isEqualTo(2);

        assertThat(err()).contains("--pipeline " + pipeline)
                .contains("InvalidActionDeclarationException")
                .contains("MyJenkinsProviderName");
        assertThat(command.running()).isNull();
    }

    @Test
    void aMissingPipelineFileExitsWithCode2BeforeTheServerStarts(@TempDir Path dir) {
        assertThat(run("--port", "0", "--pipeline", dir.resolve("absent.json").toString())).isEqualTo(2);

        assertThat(err()).contains("--pipeline must name a readable JSON file").contains("does not exist");
    }

    @Test
    void eachFunctionItServesGetsItsRuntimeApiLineAndAFunctionKnownLaterGetsItsLineThen() throws Exception {
        assertThat(run("--port", "0", "--function", "Deploy", "--function", "Verify")).isZero();
        CodePipelineMock mock = command.running();
        String runtimeApi = "127.0.0.1:" + mock.port() + "/__lambda/";

        assertThat(out().lines()).contains("AWS_LAMBDA_RUNTIME_API=" + runtimeApi + "Deploy for function Deploy",
                "AWS_LAMBDA_RUNTIME_API=" + runtimeApi + "Verify for function Verify");
        List<String> lines = out().lines().toList();
        String last = lines.get(lines.size() - 1);
        JsonNode ready = new ObjectMapper().readTree(last.substring(MockServerCommand.READY.length() + 1));
        assertThat(ready.at("/functions/Deploy").asText()).isEqualTo(runtimeApi + "Deploy");

        mock.enqueue(FakeJobs.withSeed(3).custom().preset(Preset.LAMBDA_INVOKE).configuration("FunctionName", "Smoke")
                .build());

        assertThat(out().lines()).contains("AWS_LAMBDA_RUNTIME_API=" + runtimeApi + "Smoke for function Smoke");
    }

    @Test
    void lambdaInvokeJobsAloneGetNoPollCommandButTheLineOfTheirFunction() {
        assertThat(run("--port", "0", "--preset", "lambda-invoke")).isZero();
        String function = command.running().lambdaFunctions().get(0).functionName();

        assertThat(out()).contains("for function " + function, "Lambda invoke jobs are not polled")
                .doesNotContain("Poll them:", "aws codepipeline poll-");
    }

    @Test
    void aFunctionNameThatIsNotAPlainLambdaNameIsRefusedWithCode2() {
        assertThat(run("--port", "0", "--function", "arn:aws:lambda:us-east-1:1:function:Deploy")).isEqualTo(2);
        assertThat(err()).contains("arn:aws:lambda:us-east-1:1:function:Deploy");
    }

    @Test
    void withoutJobsItSaysHowToQueueSome() {
        assertThat(run("--port", "0")).isZero();
        assertThat(command.running().jobs()).isEmpty();
        assertThat(out()).contains("No jobs queued: queue some with POST http://127.0.0.1:");
    }

    @Test
    void aTakenPortExitsWithCode1AndSaysWhatToDo() {
        try (CodePipelineMock other = CodePipelineMock.builder().build().start()) {
            int code = run("--port", Integer.toString(other.port()));

            assertThat(code).isEqualTo(MockServerCommand.CANNOT_START);
            assertThat(err()).isEqualTo("codepipeline-mock: port " + other.port() + " is in use on 127.0.0.1;"
                    + " choose another with --port, or use --port 0 for any free port" + System.lineSeparator());
            assertThat(command.running()).isNull();
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            --port x                     | Invalid value for option '--port': 'x' is not an int
            --port 70000                 | --port must be 0 (any free port) to 65535, but was 70000; use --port 0 to let the system choose
            --bind 203.0.113.9           | --bind must be an address of this machine, but no interface has 203.0.113.9; use 127.0.0.1, or 0.0.0.0 for every interface
            --preset nope                | --preset must be one of minimal, maximal, build-with-source-zip, deploy-with-kms, secret-configuration, continuation, unicode, lambda-invoke, but was 'nope'
            --kind partner               | --kind must be one of third-party, custom, but was 'partner'
            --count 1001                 | --count must be 0 to 1000, but was 1001
            --action-type Build/MyCi     | --action-type must be CATEGORY/PROVIDER/VERSION, e.g. Build/MyCi/1, but was 'Build/MyCi'
            --action-type Bild/MyCi/1    | 1 validation error detected: Value 'Bild' at '--action-type.category' failed to satisfy constraint: Member must satisfy enum value set: [Source, Build, Deploy, Test, Invoke, Approval, Compute]
            --preset lambda-invoke --kind third-party | 1 validation error detected: Value 'third-party' at '--kind' failed to satisfy constraint: Member must be custom for preset lambda-invoke (Lambda invoke jobs are custom-action jobs of owner AWS)
            --jobs no-such-file.json     | --jobs must name a readable JSON file, but no-such-file.json does not exist; give the path of a file holding an array of job documents
            --allow-origin *             | --allow-origin: an allowed origin must be the origin of a web page, but was '*': '*' would let any web page (every site) read and drive the mock; name the origin of your own page, such as http://localhost:3000
            --allow-origin null          | --allow-origin: an allowed origin must be the origin of a web page, but was 'null': 'null' would let any web page (any sandboxed frame or file: page) read and drive the mock; name the origin of your own page, such as http://localhost:3000
            --allow-origin localhost:3000 | --allow-origin: an allowed origin must be the origin of a web page, but was 'localhost:3000': an origin is scheme://host[:port], such as http://localhost:3000
            --allow-host mock:8080       | --allow-host: an allowed host must be a host name without a port (any port is allowed), but was 'mock:8080'; give 'mock'
            --no-such-flag               | Unknown option: '--no-such-flag'
            """)
    void badOptionsExitWithCode2NamingTheProblem(String args, String message) {
        int code = run(args.split(" "));

        assertThat(code).isEqualTo(2);
        assertThat(err()).startsWith("codepipeline-mock: " + message + System.lineSeparator());
        assertThat(command.running()).isNull();
    }

    @Test
    void anInvalidJobFileExitsWithCode2NamingTheFileTheItemAndTheMember(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("jobs.json");
        Files.writeString(file, "[{\"clientId\": \"c11e0000-0000-4000-8000-000000000001\", \"clientToken\": \"tok\","
                + " \"jobDetails\": {\"id\": \"c11e0000-0000-4000-8000-000000000002\", \"data\": {\"actionTypeId\":"
                + " {\"category\": \"Build\", \"owner\": \"ThirdParty\", \"provider\": \"MyCi\", \"version\":"
                + " \"1.0.0.0.0\"}}}}]");

        assertThat(run("--port", "0", "--jobs", file.toString())).isEqualTo(2);

        assertThat(err()).startsWith("codepipeline-mock: --jobs " + file + " has invalid job documents: item 0: 1"
                + " validation error detected: Value '1.0.0.0.0' at 'jobDetails.data.actionTypeId.version' failed to"
                + " satisfy constraint: Member must satisfy regular expression pattern: [0-9A-Za-z_-]+");
    }

    @Test
    void helpAndVersionExitWithCode0() {
        assertThat(run("--help")).isZero();
        assertThat(out()).contains("--port=PORT", "--jobs=FILE", "--preset=NAME", "--strict", "--verbose",
                "Exit codes: 0");
        assertThat(run("--version")).isZero();
        assertThat(out()).contains("codepipeline-testkit mock server");
        assertThat(command.running()).isNull();
    }

    @Test
    void bindingBeyondLoopbackIsSaidInTheBanner() {
        assertThat(run("--port", "0", "--bind", "0.0.0.0")).isZero();
        assertThat(out()).contains("WARNING: listening on 0.0.0.0 (every interface), beyond this machine")
                .contains("export AWS_ENDPOINT_URL_CODEPIPELINE=http://localhost:" + command.running().port());
    }

    // ---------------------------------------------------------------- the action type's settings at start

    /** Runs {@code work} with a worker on the AWS SDK for Java v1 (as a CI server's CodePipeline plugin is written). */
    private void withV1Worker(java.util.function.Consumer<AWSCodePipeline> work) {
        AWSCodePipeline worker = AWSCodePipelineClientBuilder.standard()
                .withEndpointConfiguration(new EndpointConfiguration(command.running().endpoint().toString(),
                        "us-east-1"))
                .withClientConfiguration(new ClientConfiguration().withMaxErrorRetry(0))
                .withCredentials(new AWSStaticCredentialsProvider(new BasicAWSCredentials("AKIAFAKE", "fake")))
                .build();
        try {
            work.accept(worker);
        } finally {
            worker.shutdown();
        }
    }

    private static PollForJobsRequest poll(Map<String, String> queryParam) {
        return new PollForJobsRequest().withMaxBatchSize(10).withQueryParam(queryParam)
                .withActionTypeId(new com.amazonaws.services.codepipeline.model.ActionTypeId().withCategory("Build")
                        .withOwner("Custom").withProvider("MyCi").withVersion("1"));
    }

    @Test
    void aQueryablePropertyGivenOnTheCommandLineLetsAnSdkV1WorkerPollWithItsQueryParam() {
        assertThat(run("--port", "0", "--kind", "custom", "--action-type", "Build/MyCi/1", "--count", "2",
                "--queryable-property", "ProjectName=payments")).isZero();
        withV1Worker(worker -> {
            List<com.amazonaws.services.codepipeline.model.Job> jobs = worker
                    .pollForJobs(poll(Map.of("ProjectName", "payments"))).getJobs();
            assertThat(jobs).hasSize(2).allSatisfy(job -> assertThat(job.getData().getActionConfiguration()
                    .getConfiguration()).containsEntry("ProjectName", "payments"));
            assertThat(worker.pollForJobs(poll(Map.of("ProjectName", "billing"))).getJobs()).isEmpty();
            assertThatThrownBy(() -> worker.pollForJobs(poll(Map.of())))
                    .isInstanceOf(com.amazonaws.services.codepipeline.model.ValidationException.class)
                    .hasMessageContaining("ProjectName");
        });
    }

    @Test
    void aQueryablePropertyWithoutAValueGivesTheFakeJobsTheDefaultValue() {
        assertThat(run("--port", "0", "--kind", "custom", "--action-type", "Build/MyCi/1", "--count", "1",
                "--queryable-property", "ProjectName")).isZero();
        withV1Worker(worker -> {
            assertThat(worker.pollForJobs(poll(Map.of("ProjectName", MockServerCommand.DEFAULT_QUERYABLE_VALUE)))
                    .getJobs()).hasSize(1);
        });
    }

    @Test
    void countZeroWithAnActionTypeRegistersOnlyTheTypeSoPollsAnswerNoJobs() {
        assertThat(run("--port", "0", "--kind", "custom", "--action-type", "Build/MyCi/1", "--count", "0",
                "--queryable-property", "ProjectName")).isZero();
        assertThat(command.running().jobs()).isEmpty();
        withV1Worker(worker -> {
            assertThat(worker.pollForJobs(poll(Map.of("ProjectName", "payments"))).getJobs()).isEmpty();
        });
    }

    @Test
    void aJobTimeoutGivenOnTheCommandLineTimesOutEachJobThatLongAfterItsAcknowledge() {
        assertThat(run("--port", "0", "--kind", "custom", "--action-type", "Build/MyCi/1", "--count", "1",
                "--job-timeout", "60")).isZero();
        withV1Worker(worker -> {
            var job = worker.pollForJobs(poll(Map.of())).getJobs().get(0);
            worker.acknowledgeJob(new AcknowledgeJobRequest().withJobId(job.getId()).withNonce(job.getNonce()));
            MockClock clock = (MockClock) command.running().clock();
            clock.advance(Duration.ofSeconds(59));
            assertThat(command.running().job(job.getId()).status()).isEqualTo(JobStatus.IN_PROGRESS);
            clock.advance(Duration.ofSeconds(1));
            assertThat(command.running().job(job.getId()).status()).isEqualTo(JobStatus.TIMED_OUT);
        });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            --queryable-property ProjectName                                       | --queryable-property sets a setting of the --action-type, but no --action-type was given
            --kind custom --action-type Build/MyCi/1 --job-timeout 30              | --job-timeout
            --action-type Build/MyCi/1 --queryable-property ProjectName            | --queryable-property is for custom action types
            --kind custom --action-type Build/MyCi/1 --queryable-property P=a.b    | a.b
            --https-ca-file ca.pem                                                 | --https-ca-file needs --https-port
            """)
    void badActionTypeAndHttpsOptionsExitWithCode2NamingTheProblem(String args, String message) {
        assertThat(run(("--port 0 " + args).split(" "))).isEqualTo(2);
        assertThat(err()).startsWith("codepipeline-mock: ").contains(message);
        assertThat(command.running()).isNull();
    }

    // ---------------------------------------------------------------- HTTPS

    @Test
    void withAnHttpsPortTheBannerAndTheReadyLineSayHowEachClientTrustsItAndAnSdkV2WorkerPollsOverIt(
            @TempDir Path dir) throws Exception {
        Path caFile = dir.resolve("mock-ca.pem");
        assertThat(run("--port", "0", "--https-port", "0", "--https-ca-file", caFile.toString(), "--kind", "custom",
                "--action-type", "Build/MyCi/1", "--count", "1")).isZero();
        CodePipelineMock mock = command.running();
        String https = "https://127.0.0.1:" + mock.httpsPort();
        List<String> lines = out().lines().toList();
        assertThat(lines).contains("  export AWS_ENDPOINT_URL_CODEPIPELINE=" + https + " AWS_ENDPOINT_URL_S3=" + https)
                .anySatisfy(line -> assertThat(line).startsWith("  export AWS_CA_BUNDLE=" + caFile))
                .anySatisfy(line -> assertThat(line).startsWith("  export NODE_EXTRA_CA_CERTS=" + caFile))
                .anySatisfy(line -> assertThat(line).contains("-Djavax.net.ssl.trustStore="));
        assertThat(Files.readString(caFile)).startsWith("-----BEGIN CERTIFICATE-----");
        String last = lines.get(lines.size() - 1);
        JsonNode ready = new ObjectMapper().readTree(last.substring(MockServerCommand.READY.length() + 1));
        assertThat(ready.get("httpsEndpoint").asText()).isEqualTo(https);
        assertThat(ready.get("caFile").asText()).isEqualTo(caFile.toString());
        try (SdkHttpClient http = ApacheHttpClient.builder()
                .tlsTrustManagersProvider(mock.https()::trustManagers).build();
                CodePipelineClient client = CodePipelineClient.builder().endpointOverride(URI.create(https))
                        .region(Region.US_EAST_1).httpClient(http)
                        .credentialsProvider(StaticCredentialsProvider.create(
                                AwsBasicCredentials.create("AKIAFAKE", "fake")))
                        .build()) {
            assertThat(client.pollForJobs(r -> r.actionTypeId(t -> t.category("Build").owner("Custom")
                    .provider("MyCi").version("1"))).jobs()).hasSize(1);
        }
    }
}
