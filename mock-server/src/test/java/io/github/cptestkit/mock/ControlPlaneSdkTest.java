package io.github.cptestkit.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cptestkit.mock.jobs.ActionTypeSettings;
import io.github.cptestkit.wire.ActionCategory;
import io.github.cptestkit.wire.ActionOwner;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.codepipeline.CodePipelineClient;
import software.amazon.awssdk.services.codepipeline.model.ActionConfigurationProperty;
import software.amazon.awssdk.services.codepipeline.model.ActionTypeId;
import software.amazon.awssdk.services.codepipeline.model.ActionTypeNotFoundException;
import software.amazon.awssdk.services.codepipeline.model.CreateCustomActionTypeResponse;
import software.amazon.awssdk.services.codepipeline.model.CreatePipelineResponse;
import software.amazon.awssdk.services.codepipeline.model.GetActionTypeResponse;
import software.amazon.awssdk.services.codepipeline.model.GetPipelineResponse;
import software.amazon.awssdk.services.codepipeline.model.InvalidNextTokenException;
import software.amazon.awssdk.services.codepipeline.model.InvalidStructureException;
import software.amazon.awssdk.services.codepipeline.model.ListActionTypesResponse;
import software.amazon.awssdk.services.codepipeline.model.ListPipelinesResponse;
import software.amazon.awssdk.services.codepipeline.model.PipelineDeclaration;
import software.amazon.awssdk.services.codepipeline.model.PipelineNameInUseException;
import software.amazon.awssdk.services.codepipeline.model.PipelineNotFoundException;
import software.amazon.awssdk.services.codepipeline.model.PipelineSummary;
import software.amazon.awssdk.services.codepipeline.model.PipelineVersionNotFoundException;
import software.amazon.awssdk.services.codepipeline.model.StageDeclaration;
import software.amazon.awssdk.services.codepipeline.model.Tag;
import software.amazon.awssdk.services.codepipeline.model.ValidationException;

/**
 * The control-plane operations through the real AWS SDK for Java v2: action types (create, list with filters and
 * pages, get, delete) and pipelines (create, get by version with metadata, update, list with pages, delete), and
 * the one registry the job operations share with them.
 */
class ControlPlaneSdkTest {

    static final Instant START = Instant.parse("2026-03-01T10:00:00Z");
    static final MockClock CLOCK = MockClock.at(START);
    static CodePipelineMock mock;
    static CodePipelineClient client;

    static final ActionTypeId CUSTOM_BUILD = ControlPlaneRequests.CUSTOM_BUILD;

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
    }

    static CreateCustomActionTypeResponse createCustomBuildType() {
        return ControlPlaneRequests.createCustomBuildType(client);
    }

    static PipelineDeclaration tutorial(String name) {
        return ControlPlaneRequests.tutorial(name);
    }

    // ---------------------------------------------------------------- action types

    @Test
    void createCustomActionTypeAnswersTheTypeAndItsTagsAndListActionTypesListsIt() {
        CreateCustomActionTypeResponse created = createCustomBuildType();

        assertThat(created.actionType().id()).isEqualTo(CUSTOM_BUILD);
        assertThat(created.actionType().actionConfigurationProperties())
                .extracting(ActionConfigurationProperty::name, ActionConfigurationProperty::queryable,
                        ActionConfigurationProperty::secret)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ProjectName", true, false),
                        org.assertj.core.groups.Tuple.tuple("Token", false, true));
        assertThat(created.actionType().settings().entityUrlTemplate())
                .isEqualTo("https://jenkins.example.com/job/{Config:ProjectName}/");
        assertThat(created.actionType().inputArtifactDetails().maximumCount()).isEqualTo(1);
        assertThat(created.tags()).extracting(Tag::key, Tag::value)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("team", "builds"));

        ListActionTypesResponse custom = client.listActionTypes(r -> r.actionOwnerFilter("Custom"));
        assertThat(custom.actionTypes()).extracting(t -> t.id()).containsExactly(CUSTOM_BUILD);
        assertThat(custom.nextToken()).isNull();
        assertThat(client.listActionTypes(r -> r.actionOwnerFilter("Custom").regionFilter("eu-west-1"))
                .actionTypes()).as("custom types belong to the Region they were made in").isEmpty();
    }

    @Test
    void listActionTypesPagesThroughEveryTypeWithNextTokenWithoutRepeatingOne() {
        for (int i = 0; i < 30; i++) {
            String version = Integer.toString(i);
            client.createCustomActionType(r -> r.category("Test").provider("Checker").version(version)
                    .inputArtifactDetails(d -> d.minimumCount(0).maximumCount(1))
                    .outputArtifactDetails(d -> d.minimumCount(0).maximumCount(0)));
        }
        List<ActionTypeId> seen = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            String current = token;
            ListActionTypesResponse page = client.listActionTypes(r -> r.nextToken(current));
            page.actionTypes().forEach(t -> seen.add(t.id()));
            token = page.nextToken();
            pages++;
        } while (token != null);

        assertThat(pages).isGreaterThan(1);
        assertThat(seen).doesNotHaveDuplicates()
                .filteredOn(id -> id.ownerAsString().equals("Custom")).hasSize(30);
        assertThat(seen).anyMatch(id -> id.provider().equals("CodeBuild") && id.ownerAsString().equals("AWS"));
        assertThat(client.listActionTypesPaginator(r -> r.actionOwnerFilter("Custom")).actionTypes().stream()
                .count()).as("the SDK's own paginator").isEqualTo(30);
    }

    @Test
    void aNextTokenTheMockDidNotGiveIsInvalidNextTokenException() {
        assertThatThrownBy(() -> client.listActionTypes(r -> r.nextToken("not-a-token")))
                .isInstanceOf(InvalidNextTokenException.class)
                .hasMessageContaining("not-a-token");
    }

    @Test
    void aTypeCreatedThroughTheApiIsTheOneThePollsSeeUntilItIsDeleted() {
        createCustomBuildType();

        assertThat(client.pollForJobs(r -> r.actionTypeId(CUSTOM_BUILD).queryParam(Map.of("ProjectName", "x")))
                .jobs()).as("the created type is known to PollForJobs, with no jobs yet").isEmpty();
        assertThatThrownBy(() -> client.pollForJobs(r -> r.actionTypeId(CUSTOM_BUILD)))
                .as("its queryable property is the one PollForJobs must filter on")
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("ProjectName");

        client.deleteCustomActionType(r -> r.category("Build").provider("MyJenkinsProviderName").version("1"));

        assertThat(client.listActionTypes(r -> r.actionOwnerFilter("Custom")).actionTypes()).isEmpty();
        assertThatThrownBy(() -> client.pollForJobs(r -> r.actionTypeId(CUSTOM_BUILD)
                .queryParam(Map.of("ProjectName", "x"))))
                .isInstanceOf(ActionTypeNotFoundException.class);
    }

    @Test
    void aTypeRegisteredFromJavaIsListedAndGetActionTypeAnswersItsJobTimeout() {
        io.github.cptestkit.wire.ActionTypeId partner = new io.github.cptestkit.wire.ActionTypeId(
                ActionCategory.DEPLOY, ActionOwner.THIRD_PARTY, "AcmeDeploy", "2");
        mock.registerActionType(partner, ActionTypeSettings.defaults().withJobTimeout(Duration.ofMinutes(5)));

        GetActionTypeResponse got = client.getActionType(r -> r.category("Deploy").owner("ThirdParty")
                .provider("AcmeDeploy").version("2"));

        assertThat(got.actionType().executor().jobTimeout()).isEqualTo(300);
        assertThat(got.actionType().executor().typeAsString()).isEqualTo("JobWorker");
        assertThat(client.listActionTypes(r -> r.actionOwnerFilter("ThirdParty")).actionTypes())
                .anyMatch(t -> t.id().provider().equals("AcmeDeploy"));
    }

    @Test
    void getActionTypeAnswersAwsOwnProvidersAndRefusesAnUnknownTypeWithActionTypeNotFound() {
        GetActionTypeResponse s3 = client.getActionType(r -> r.category("Source").owner("AWS").provider("S3")
                .version("1"));
        assertThat(s3.actionType().outputArtifactDetails().maximumCount()).isEqualTo(1);
        assertThat(s3.actionType().properties()).anyMatch(p -> p.name().equals("S3Bucket") && !p.optional());

        assertThatThrownBy(() -> client.getActionType(r -> r.category("Build").owner("ThirdParty")
                .provider("Nobody").version("1")))
                .isInstanceOf(ActionTypeNotFoundException.class)
                .hasMessageContaining("Nobody");
    }

    // ---------------------------------------------------------------- pipelines

    @Test
    void createGetUpdateAndGetAnOlderVersionOfThePipeline() {
        createCustomBuildType();
        CreatePipelineResponse created = client.createPipeline(r -> r.pipeline(tutorial("MyFirstPipeline"))
                .tags(Tag.builder().key("env").value("test").build()));
        assertThat(created.pipeline().version()).isEqualTo(1);
        assertThat(created.pipeline().stages()).extracting(StageDeclaration::name)
                .containsExactly("Source", "Build", "Invoke");
        assertThat(created.tags()).extracting(Tag::key).containsExactly("env");

        CLOCK.advance(Duration.ofMinutes(10));
        PipelineDeclaration changed = created.pipeline().toBuilder()
                .stages(created.pipeline().stages().subList(0, 2)).build();
        assertThat(client.updatePipeline(r -> r.pipeline(changed)).pipeline().version()).isEqualTo(2);

        GetPipelineResponse latest = client.getPipeline(r -> r.name("MyFirstPipeline"));
        assertThat(latest.pipeline().version()).isEqualTo(2);
        assertThat(latest.pipeline().stages()).hasSize(2);
        assertThat(latest.metadata().pipelineArn())
                .isEqualTo("arn:aws:codepipeline:us-east-1:123456789012:MyFirstPipeline");
        assertThat(latest.metadata().created()).isEqualTo(START);
        assertThat(latest.metadata().updated()).isEqualTo(START.plus(Duration.ofMinutes(10)));

        GetPipelineResponse first = client.getPipeline(r -> r.name("MyFirstPipeline").version(1));
        assertThat(first.pipeline().stages()).hasSize(3);
        assertThatThrownBy(() -> client.getPipeline(r -> r.name("MyFirstPipeline").version(3)))
                .isInstanceOf(PipelineVersionNotFoundException.class)
                .hasMessageContaining("version 3");
        assertThat(client.listTagsForResource(r -> r.resourceArn(latest.metadata().pipelineArn())).tags())
                .extracting(Tag::key, Tag::value).containsExactly(org.assertj.core.groups.Tuple.tuple("env", "test"));
    }

    @Test
    void getPipelineMasksSecretConfigurationAndAnUpdateWithTheMaskKeepsTheValue() {
        createCustomBuildType();
        client.createPipeline(r -> r.pipeline(tutorial("Masked")));

        PipelineDeclaration got = client.getPipeline(r -> r.name("Masked")).pipeline();
        Map<String, String> build = got.stages().get(1).actions().get(0).configuration();
        assertThat(build).containsEntry("Token", "****").containsEntry("ProjectName", "MyDemoProject");

        client.updatePipeline(r -> r.pipeline(got));

        assertThat(mock.pipeline("Masked").orElseThrow().pipeline().stages().get(1).actions().get(0)
                .configuration()).containsEntry("Token", "t0ps3cret");
    }

    @Test
    void listPipelinesPagesByNameAndDeletePipelineForgetsIt() {
        createCustomBuildType();
        for (String name : List.of("charlie", "alpha", "bravo")) {
            client.createPipeline(r -> r.pipeline(tutorial(name)));
        }

        ListPipelinesResponse first = client.listPipelines(r -> r.maxResults(2));
        assertThat(first.pipelines()).extracting(PipelineSummary::name).containsExactly("alpha", "bravo");
        assertThat(first.pipelines().get(0).version()).isEqualTo(1);
        assertThat(first.pipelines().get(0).created()).isEqualTo(START);
        ListPipelinesResponse second = client.listPipelines(r -> r.maxResults(2).nextToken(first.nextToken()));
        assertThat(second.pipelines()).extracting(PipelineSummary::name).containsExactly("charlie");
        assertThat(second.nextToken()).isNull();

        client.deletePipeline(r -> r.name("bravo"));

        assertThat(client.listPipelines().pipelines()).extracting(PipelineSummary::name)
                .containsExactly("alpha", "charlie");
        assertThatThrownBy(() -> client.getPipeline(r -> r.name("bravo")))
                .isInstanceOf(PipelineNotFoundException.class)
                .hasMessageContaining("bravo");
    }

    @Test
    void aSecondPipelineOfTheSameNameIsPipelineNameInUseAndABrokenOneInvalidStructure() {
        createCustomBuildType();
        client.createPipeline(r -> r.pipeline(tutorial("Twice")));

        assertThatThrownBy(() -> client.createPipeline(r -> r.pipeline(tutorial("Twice"))))
                .isInstanceOf(PipelineNameInUseException.class)
                .hasMessageContaining("Twice");
        PipelineDeclaration oneStage = tutorial("Short").toBuilder()
                .stages(tutorial("Short").stages().subList(0, 1)).build();
        assertThatThrownBy(() -> client.createPipeline(r -> r.pipeline(oneStage)))
                .isInstanceOf(InvalidStructureException.class)
                .hasMessageContaining("Short");
        assertThat(client.listPipelines().pipelines()).extracting(PipelineSummary::name).containsExactly("Twice");
    }

    @Test
    void resetForgetsPipelinesAndCreatedActionTypes() {
        createCustomBuildType();
        client.createPipeline(r -> r.pipeline(tutorial("Forgotten")));

        mock.reset();

        assertThat(client.listPipelines().pipelines()).isEmpty();
        assertThat(client.listActionTypes(r -> r.actionOwnerFilter("Custom")).actionTypes()).isEmpty();
    }
}
