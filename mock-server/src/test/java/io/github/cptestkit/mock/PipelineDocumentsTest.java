package io.github.cptestkit.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cptestkit.mock.pipelines.ActionType;
import io.github.cptestkit.mock.pipelines.ArtifactDetails;
import io.github.cptestkit.mock.pipelines.ConfigurationProperty;
import io.github.cptestkit.mock.pipelines.ControlPlaneException;
import io.github.cptestkit.mock.pipelines.ExecutionMode;
import io.github.cptestkit.mock.pipelines.PipelineSnapshot;
import io.github.cptestkit.mock.pipelines.PipelineType;
import io.github.cptestkit.wire.ActionCategory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.codepipeline.CodePipelineClient;

/**
 * Pipeline declarations from JSON documents: {@code aws codepipeline get-pipeline} output and a CloudFormation
 * {@code AWS::CodePipeline::Pipeline} resource load unchanged from Java and through {@code POST pipelines} of the
 * admin API, and are refused with the errors CreatePipeline answers.
 */
class PipelineDocumentsTest {

    static CodePipelineMock mock;
    static CodePipelineClient client;
    static AdminHttp admin;

    @BeforeAll
    static void start() {
        mock = CodePipelineMock.builder().build().start();
        client = SdkClients.oneAttempt(mock);
        admin = new AdminHttp(mock.endpoint());
    }

    @AfterAll
    static void stop() {
        client.close();
        mock.close();
    }

    @BeforeEach
    void theTutorialsCustomType() {
        mock.reset();
        mock.createCustomActionType(ActionType.custom(ActionCategory.BUILD, "MyJenkinsProviderName", "1")
                .withConfigurationProperties(ConfigurationProperty.required("ProjectName").asKey())
                .withArtifacts(ArtifactDetails.exactly(1), ArtifactDetails.between(0, 1)));
    }

    static Path resource(String name) {
        try {
            return Path.of(PipelineDocumentsTest.class.getResource("/pipelines/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static String text(String name) {
        try {
            return Files.readString(resource(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void getPipelineOutputLoadsFromAFileAsVersionOneWhateverVersionItHad() {
        PipelineSnapshot created = mock.createPipeline(resource("tutorial.get-pipeline.json"));

        assertThat(created.version()).isEqualTo(1);
        assertThat(created.pipeline().stages()).extracting(s -> s.name())
                .containsExactly("Source", "Build", "Invoke");
        assertThat(client.getPipeline(r -> r.name("MyFirstPipeline")).pipeline().stages().get(1).actions().get(0)
                .configuration()).containsEntry("ProjectName", "MyDemoProject");
    }

    @Test
    void aCloudFormationResourceLoadsWithItsTagsTypeModeVariablesAndScalarConfiguration() {
        PipelineSnapshot created = mock.createPipeline(text("tutorial.cloudformation.json"));

        assertThat(created.name()).isEqualTo("MyCloudFormationPipeline");
        assertThat(created.pipeline().pipelineType()).isEqualTo(PipelineType.V2);
        assertThat(created.pipeline().executionMode()).isEqualTo(ExecutionMode.QUEUED);
        assertThat(created.pipeline().variables()).extracting(v -> v.name()).containsExactly("Env");
        assertThat(created.pipeline().artifactStore().encryptionKey().type()).isEqualTo("KMS");
        assertThat(created.pipeline().stages().get(0).actions().get(0).configuration())
                .containsEntry("PollForSourceChanges", "false");
        assertThat(created.pipeline().otherMembers()).as("CloudFormation-only members are dropped").isEmpty();
        assertThat(created.tags()).containsEntry("team", "payments");
    }

    @Test
    void theCloudFormationPropertiesBlockAloneLoadsToo() {
        String properties = text("tutorial.cloudformation.json");
        String block = properties.substring(properties.indexOf("\"Properties\":") + "\"Properties\":".length(),
                properties.lastIndexOf('}'));

        assertThat(mock.createPipeline(block).name()).isEqualTo("MyCloudFormationPipeline");
    }

    @Test
    void postPipelinesOfTheAdminApiCreatesItAndGetPipelinesListsIt() {
        AdminHttp.Answer created = admin.post("pipelines", text("tutorial.cloudformation.json"));

        assertThat(created.status()).isEqualTo(200);
        assertThat(created.body().path("pipeline").path("version").asInt()).isEqualTo(1);
        assertThat(created.body().path("metadata").path("pipelineArn").asText())
                .endsWith(":MyCloudFormationPipeline");
        assertThat(admin.get("pipelines").body().path("pipelines").get(0).path("name").asText())
                .isEqualTo("MyCloudFormationPipeline");
        assertThat(admin.get("pipelines/MyCloudFormationPipeline").body().path("pipeline").path("stages").size())
                .isEqualTo(3);
        assertThat(admin.get("pipelines/Nowhere").status()).isEqualTo(404);
        assertThat(admin.get("pipelines/Nowhere").errorType()).isEqualTo("PipelineNotFoundException");
    }

    @Test
    void aBrokenDocumentIsRefusedWithTheErrorsCreatePipelineAnswers() {
        String oneStage = text("tutorial.get-pipeline.json").replaceFirst("\"name\": \"Build\"", "\"name\": \"Source\"");
        assertThatThrownBy(() -> mock.createPipeline(oneStage))
                .isInstanceOfSatisfying(ControlPlaneException.class, refused ->
                        assertThat(refused.errorType()).isEqualTo("InvalidStructureException"))
                .hasMessageContaining("Source");

        String badName = text("tutorial.get-pipeline.json").replace("\"MyFirstPipeline\"", "\"my pipeline\"");
        assertThatThrownBy(() -> mock.createPipeline(badName))
                .isInstanceOfSatisfying(ControlPlaneException.class, refused ->
                        assertThat(refused.errorType()).isEqualTo("ValidationException"))
                .hasMessageContaining("pipeline.name");

        AdminHttp.Answer notJson = admin.post("pipelines", "{\"pipeline\": ");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.errorType()).isEqualTo("SerializationException");

        AdminHttp.Answer intrinsic = admin.post("pipelines", text("tutorial.cloudformation.json")
                .replace("\"arn:aws:iam::123456789012:role/AWSCodePipelineServiceRole\"",
                        "{\"Fn::GetAtt\": [\"Role\", \"Arn\"]}"));
        assertThat(intrinsic.status()).isEqualTo(400);
        assertThat(intrinsic.errorType()).isEqualTo("SerializationException");
        assertThat(intrinsic.message()).contains("roleArn");

        assertThat(mock.pipelines()).isEmpty();
    }

    @Test
    void resetForgetsPipelinesLoadedFromDocuments() {
        mock.createPipeline(resource("tutorial.get-pipeline.json"));

        mock.reset();

        assertThat(mock.pipelines()).isEmpty();
        assertThat(client.listPipelines().pipelines()).isEmpty();
    }
}
