package io.github.cptestkit.mock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Pipeline executions over the admin API, as a test in any language drives them: create a pipeline, steer its
 * simulated CodeBuild action, start an execution, read it, advance the clock; refusals AWS-shaped.
 */
class PipelineAdminApiTest {

    static final MockClock CLOCK = MockClock.at(Instant.parse("2026-05-01T00:00:00Z"));
    static CodePipelineMock mock;
    static AdminHttp admin;

    static final String PIPELINE = """
            {"pipeline": {"name": "release", "roleArn": "arn:aws:iam::123456789012:role/AWSCodePipelineServiceRole",
              "artifactStore": {"type": "S3", "location": "codepipeline-us-east-1-1234567890"},
              "stages": [
                {"name": "Source", "actions": [{"name": "Source",
                  "actionTypeId": {"category": "Source", "owner": "AWS", "provider": "S3", "version": "1"},
                  "configuration": {"S3Bucket": "app-sources", "S3ObjectKey": "app.zip"},
                  "outputArtifacts": [{"name": "SourceArtifact"}]}]},
                {"name": "Build", "actions": [{"name": "CodeBuild",
                  "actionTypeId": {"category": "Build", "owner": "AWS", "provider": "CodeBuild", "version": "1"},
                  "configuration": {"ProjectName": "app"},
                  "inputArtifacts": [{"name": "SourceArtifact"}]}]}]}}
            """;

    @BeforeAll
    static void start() {
        mock = CodePipelineMock.builder().clock(CLOCK).build().start();
        admin = new AdminHttp(mock.endpoint());
    }

    @AfterAll
    static void stop() {
        mock.close();
    }

    @BeforeEach
    void reset() {
        admin.post("reset", "{}");
        assertThat(admin.post("pipelines", PIPELINE).status()).isEqualTo(200);
    }

    @Test
    void aSimulatedActionSteeredThroughTheAdminApiRunsForItsDurationOnTheMocksClock() {
        assertThat(admin.post("pipelines/release/simulations", "{\"stage\": \"Build\", \"action\": \"CodeBuild\","
                + " \"durationSeconds\": 300, \"outputVariables\": {\"IMAGE_TAG\": \"1.4\"}}").status()).isEqualTo(200);
        AdminHttp.Answer started = admin.post("pipelines/release/executions", "{}");
        assertThat(started.status()).isEqualTo(200);
        String id = started.body().path("pipelineExecutionId").asText();

        assertThat(admin.get("executions/" + id).body().path("status").asText()).isEqualTo("InProgress");
        admin.post("clock/advance", "{\"seconds\": 300}");
        AdminHttp.Answer done = admin.get("executions/" + id);
        assertThat(done.body().path("status").asText()).isEqualTo("Succeeded");
        assertThat(done.body().at("/actions/1/outputVariables/IMAGE_TAG").asText()).isEqualTo("1.4");
        assertThat(done.body().at("/actions/1/configurationKeys/0").asText()).isEqualTo("ProjectName");
        assertThat(done.body().at("/actions/1").has("configuration")).as("no configuration values").isFalse();
    }

    @Test
    void aSimulationToldToFailFailsTheExecutionAndBadRequestsAreAwsShaped() {
        admin.post("pipelines/release/simulations", "{\"stage\": \"Build\", \"action\": \"CodeBuild\","
                + " \"failureMessage\": \"tests failed\"}");
        String id = admin.post("pipelines/release/executions", "").body().path("pipelineExecutionId").asText();
        AdminHttp.Answer failed = admin.get("executions/" + id);
        assertThat(failed.body().path("status").asText()).isEqualTo("Failed");
        assertThat(failed.body().at("/actions/1/errorMessage").asText()).isEqualTo("tests failed");

        AdminHttp.Answer missing = admin.post("pipelines/release/simulations", "{\"stage\": \"Build\"}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.message()).contains("action");
        AdminHttp.Answer unknown = admin.post("pipelines/nope/executions", "{}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.errorType()).isEqualTo("PipelineNotFoundException");
        assertThat(admin.get("executions/nope").errorType()).isEqualTo("PipelineExecutionNotFoundException");
        AdminHttp.Answer undeclared = admin.post("pipelines/release/executions", "{\"variables\": {\"Env\": \"x\"}}");
        assertThat(undeclared.errorType()).isEqualTo("ValidationException");
    }
}
