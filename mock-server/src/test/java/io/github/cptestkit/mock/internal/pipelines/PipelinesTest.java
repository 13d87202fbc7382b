package io.github.cptestkit.mock.internal.pipelines;

import static io.github.cptestkit.mock.internal.pipelines.Declarations.tutorial;
import static io.github.cptestkit.mock.internal.pipelines.Declarations.withAction;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.cptestkit.mock.MockClock;
import io.github.cptestkit.mock.pipelines.PipelineDeclaration;
import io.github.cptestkit.mock.pipelines.PipelineSnapshot;
import io.github.cptestkit.schemas.AwsError;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** CreatePipeline, GetPipeline, UpdatePipeline, DeletePipeline, ListPipelines and tags, on the mock's clock. */
class PipelinesTest {

    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    MockClock clock;
    ControlPlane controlPlane;

    @BeforeEach
    void controlPlaneWithTheTutorialsCustomType() {
        clock = MockClock.at(T0);
        controlPlane = new ControlPlane(clock, ControlPlaneScope.DEFAULT, ControlPlaneQuotas.DEFAULT.withPipelines(3));
        controlPlane.createCustomActionType(Declarations.customBuildType(), List.of());
    }

    static ControlPlaneRefusal refusal(Executable call) {
        ControlPlaneRefusal refusal = catchThrowableOfType(call::execute, ControlPlaneRefusal.class);
        assertThat(refusal).as("the call is refused").isNotNull();
        return refusal;
    }

    static PipelineDeclaration named(String name) {
        PipelineDeclaration tutorial = tutorial();
        return new PipelineDeclaration(name, tutorial.roleArn(), tutorial.artifactStore(), null, tutorial.stages(),
                null, null, null, null, null);
    }

    @Test
    void aCreatedPipelineIsVersionOneWithItsArnAndTimesOnTheMockClock() {
        PipelineSnapshot created = controlPlane.createPipeline(tutorial(), List.of());
        assertThat(created.version()).isEqualTo(1);
        assertThat(created.metadata().pipelineArn())
                .isEqualTo("arn:aws:codepipeline:us-east-1:123456789012:MyFirstPipeline");
        assertThat(created.metadata().created()).isEqualTo(T0);
        assertThat(created.metadata().updated()).isEqualTo(T0);
        assertThat(controlPlane.pipeline("MyFirstPipeline")).isEqualTo(created);
    }

    @Test
    void aVersionInTheDeclarationIsIgnoredAsTheServiceNumbersVersions() {
        assertThat(controlPlane.createPipeline(tutorial().withVersion(7), List.of()).version()).isEqualTo(1);
    }

    @Test
    void anUpdateIsTheNextVersionUpdatedNowAndEveryVersionStaysReadable() {
        controlPlane.createPipeline(tutorial(), List.of());
        clock.advance(Duration.ofMinutes(5));
        PipelineDeclaration changed = withAction(2, a -> a.withConfiguration("FunctionName", "other"));
        PipelineSnapshot updated = controlPlane.updatePipeline(changed.withVersion(1));
        assertThat(updated.version()).isEqualTo(2);
        assertThat(updated.metadata().created()).isEqualTo(T0);
        assertThat(updated.metadata().updated()).isEqualTo(T0.plus(Duration.ofMinutes(5)));
        assertThat(controlPlane.pipeline("MyFirstPipeline", 1).pipeline().stage("Invoke").orElseThrow()
                .actions().get(0).configuration()).containsEntry("FunctionName", "MyLambdaFunctionForAWSCodePipeline");
        assertThat(controlPlane.pipeline("MyFirstPipeline", null).version()).isEqualTo(2);
        assertThat(refusal(() -> controlPlane.pipeline("MyFirstPipeline", 3)))
                .hasMessageContaining("has no version 3: its versions are 1 to 2")
                .extracting(ControlPlaneRefusal::error).isEqualTo(AwsError.PIPELINE_VERSION_NOT_FOUND);
    }

    @Test
    void anInvalidUpdateKeepsTheVersionItHad() {
        controlPlane.createPipeline(tutorial(), List.of());
        assertThat(refusal(() -> controlPlane.updatePipeline(tutorial().withStages(List.of(tutorial().stages()
                .get(0))))).error()).isEqualTo(AwsError.INVALID_STRUCTURE);
        assertThat(controlPlane.pipeline("MyFirstPipeline").version()).isEqualTo(1);
    }

    @Test
    void aNameInUseIsRefusedAndAnUnknownNameIsNotFound() {
        controlPlane.createPipeline(tutorial(), List.of());
        assertThat(refusal(() -> controlPlane.createPipeline(tutorial(), List.of())))
                .hasMessageContaining("A pipeline with name 'MyFirstPipeline' already exists")
                .extracting(ControlPlaneRefusal::error).isEqualTo(AwsError.PIPELINE_NAME_IN_USE);
        assertThat(refusal(() -> controlPlane.pipeline("Nope")))
                .hasMessageContaining("Account '123456789012' does not have a pipeline with name 'Nope'")
                .extracting(ControlPlaneRefusal::error).isEqualTo(AwsError.PIPELINE_NOT_FOUND);
        assertThat(refusal(() -> controlPlane.updatePipeline(named("Nope"))).error())
                .isEqualTo(AwsError.PIPELINE_NOT_FOUND);
    }

    @Test
    void deletingForgetsThePipelineAndDeletingAnUnknownOneSucceeds() {
        controlPlane.createPipeline(tutorial(), List.of());
        controlPlane.deletePipeline("MyFirstPipeline");
        controlPlane.deletePipeline("MyFirstPipeline");
        assertThat(controlPlane.findPipeline("MyFirstPipeline")).isEmpty();
        assertThat(controlPlane.createPipeline(tutorial(), List.of()).version()).as("the name is free again")
                .isEqualTo(1);
    }

    @Test
    void thePipelineQuotaIsLimitExceeded() {
        for (String name : List.of("a", "b", "c")) {
            controlPlane.createPipeline(named(name), List.of());
        }
        ControlPlaneRefusal refusal = refusal(() -> controlPlane.createPipeline(named("d"), List.of()));
        assertThat(refusal.error()).isEqualTo(AwsError.LIMIT_EXCEEDED);
        assertThat(refusal).hasMessageContaining("has 3 pipelines in us-east-1");
    }

    @Test
    void theDefaultQuotaIsAThousandPipelines() {
        ControlPlane large = new ControlPlane(clock, ControlPlaneScope.DEFAULT, ControlPlaneQuotas.DEFAULT);
        large.createCustomActionType(Declarations.customBuildType(), List.of());
        for (int i = 0; i < 1000; i++) {
            large.createPipeline(named("p" + i), List.of());
        }
        assertThat(refusal(() -> large.createPipeline(named("p1000"), List.of())).error())
                .isEqualTo(AwsError.LIMIT_EXCEEDED);
    }

    @Test
    void listingIsByNameAPageAtATime() {
        for (String name : List.of("c", "a", "b")) {
            controlPlane.createPipeline(named(name), List.of());
        }
        Page<PipelineSnapshot> first = controlPlane.listPipelines(2, null);
        assertThat(first.items()).extracting(PipelineSnapshot::name).containsExactly("a", "b");
        Page<PipelineSnapshot> second = controlPlane.listPipelines(2, first.nextToken());
        assertThat(second.items()).extracting(PipelineSnapshot::name).containsExactly("c");
        assertThat(second.nextToken()).isNull();
        controlPlane.deletePipeline("b");
        assertThat(controlPlane.listPipelines(2, first.nextToken()).items()).extracting(PipelineSnapshot::name)
                .as("a token stays valid when the pipeline it pointed to is gone").containsExactly("c");
        assertThat(controlPlane.listPipelines(null, null).items()).hasSize(2);
    }

    @Test
    void secretValuesAreMaskedInAnswersAndAMaskedValueInAnUpdateKeepsTheSecret() {
        PipelineDeclaration withToken = withAction(1, a -> a.withConfiguration("Token", "s3cr3t"));
        PipelineSnapshot created = controlPlane.createPipeline(withToken, List.of());
        PipelineDeclaration answered = controlPlane.masked(created.pipeline());
        assertThat(answered.stage("Build").orElseThrow().actions().get(0).configuration())
                .containsEntry("Token", ControlPlane.MASKED_SECRET).containsEntry("ProjectName", "MyDemoProject");
        PipelineSnapshot updated = controlPlane.updatePipeline(answered);
        assertThat(updated.pipeline().stage("Build").orElseThrow().actions().get(0).configuration())
                .containsEntry("Token", "s3cr3t");
    }

    @Test
    void tagsAreAcceptedListedAndRemovedByArnAndTheirRulesApply() {
        PipelineSnapshot created = controlPlane.createPipeline(tutorial(),
                List.of(new ResourceTags.Tag("team", "payments")));
        String arn = created.metadata().pipelineArn();
        controlPlane.tagResource(arn, List.of(new ResourceTags.Tag("env", "test")));
        assertThat(controlPlane.listTagsForResource(arn, null, null).items()).extracting(ResourceTags.Tag::key)
                .containsExactly("env", "team");
        controlPlane.untagResource(arn, List.of("team", "absent"));
        assertThat(controlPlane.pipeline("MyFirstPipeline").tags()).containsExactly(Map.entry("env", "test"));

        assertThat(refusal(() -> controlPlane.tagResource(arn, List.of(new ResourceTags.Tag("aws:x", "y")))).error())
                .isEqualTo(AwsError.INVALID_TAGS);
        assertThat(refusal(() -> controlPlane.tagResource(arn, List.of(new ResourceTags.Tag("k", "a"),
                new ResourceTags.Tag("k", "b")))).error()).isEqualTo(AwsError.INVALID_TAGS);
        List<ResourceTags.Tag> fifty = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            fifty.add(new ResourceTags.Tag("k" + i, "v"));
        }
        assertThat(refusal(() -> controlPlane.tagResource(arn, fifty))).hasMessageContaining("51 tags")
                .extracting(ControlPlaneRefusal::error).isEqualTo(AwsError.TOO_MANY_TAGS);
    }

    @Test
    void tagsOfACustomActionTypeAreKeptByItsArnAndUnknownResourcesAreNotFound() {
        String typeArn = ControlPlaneScope.DEFAULT.actionTypeArn(Declarations.CUSTOM_BUILD);
        assertThat(typeArn).isEqualTo(
                "arn:aws:codepipeline:us-east-1:123456789012:actiontype:Custom/Build/MyJenkinsProviderName/1");
        controlPlane.tagResource(typeArn, List.of(new ResourceTags.Tag("Project", "A")));
        assertThat(controlPlane.actionType(Declarations.CUSTOM_BUILD).orElseThrow().tags())
                .containsEntry("Project", "A");
        assertThat(refusal(() -> controlPlane.listTagsForResource(ControlPlaneScope.DEFAULT.pipelineArn("nope"), null,
                null)).error()).isEqualTo(AwsError.RESOURCE_NOT_FOUND);
        assertThat(refusal(() -> controlPlane.listTagsForResource(
                "arn:aws:codepipeline:eu-west-1:123456789012:MyFirstPipeline", null, null)).error())
                .as("another Region's resource").isEqualTo(AwsError.RESOURCE_NOT_FOUND);
        assertThat(refusal(() -> controlPlane.listTagsForResource("arn:aws:s3:::bucket", null, null)).error())
                .isEqualTo(AwsError.INVALID_ARN);
        assertThat(refusal(() -> controlPlane.listTagsForResource(ControlPlaneScope.DEFAULT.actionTypeArn(
                Declarations.LAMBDA), null, null)).error()).as("AWS's own types carry no tags")
                .isEqualTo(AwsError.RESOURCE_NOT_FOUND);
    }

    @Test
    void resetForgetsPipelines() {
        controlPlane.createPipeline(tutorial(), List.of());
        controlPlane.reset();
        assertThat(controlPlane.pipelines()).isEmpty();
    }
}
