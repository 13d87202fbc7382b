package io.github.cptestkit.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cptestkit.fixtures.FakeJobs;
import io.github.cptestkit.wire.FakeThirdPartyJob;
import io.github.cptestkit.wire.JobStatus;
import io.github.cptestkit.wire.Preset;
import io.github.cptestkit.mock.CodePipelineMock;
import io.github.cptestkit.mock.jobs.JobDocument;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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
}
