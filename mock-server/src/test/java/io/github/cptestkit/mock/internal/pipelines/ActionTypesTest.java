package io.github.cptestkit.mock.internal.pipelines;

import static io.github.cptestkit.mock.internal.pipelines.Declarations.CUSTOM_BUILD;
import static io.github.cptestkit.mock.internal.pipelines.Declarations.customBuildType;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.cptestkit.mock.MockClock;
import io.github.cptestkit.mock.jobs.ActionTypeSettings;
import io.github.cptestkit.mock.pipelines.ActionType;
import io.github.cptestkit.mock.pipelines.ActionTypeSnapshot;
import io.github.cptestkit.mock.pipelines.ActionTypeSnapshot.Origin;
import io.github.cptestkit.mock.pipelines.ActionTypeUrls;
import io.github.cptestkit.mock.pipelines.ArtifactDetails;
import io.github.cptestkit.mock.pipelines.ConfigurationProperty;
import io.github.cptestkit.schemas.AwsError;
import io.github.cptestkit.wire.ActionCategory;
import io.github.cptestkit.wire.ActionOwner;
import io.github.cptestkit.wire.ActionTypeId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** CreateCustomActionType, DeleteCustomActionType, ListActionTypes, GetActionType and registered types. */
class ActionTypesTest {

    ControlPlane controlPlane;

    @BeforeEach
    void emptyControlPlane() {
        controlPlane = new ControlPlane(MockClock.at(Instant.parse("2026-01-01T00:00:00Z")), ControlPlaneScope.DEFAULT,
                ControlPlaneQuotas.DEFAULT.withCustomActionTypes(3));
    }

    static ControlPlaneRefusal refusal(Executable call) {
        ControlPlaneRefusal refusal = catchThrowableOfType(call::execute, ControlPlaneRefusal.class);
        assertThat(refusal).as("the call is refused").isNotNull();
        return refusal;
    }

    static ActionType custom(String provider, ConfigurationProperty... properties) {
        return ActionType.custom(ActionCategory.BUILD, provider, "1").withConfigurationProperties(properties);
    }

    @Test
    void aCreatedTypeIsKnownWithItsDeclarationTagsAndQueryablePropertyAsJobSettings() {
        ActionTypeSnapshot created = controlPlane.createCustomActionType(customBuildType(),
                List.of(new ResourceTags.Tag("Project", "ProjectA")));
        assertThat(created.origin()).isEqualTo(Origin.CREATED);
        assertThat(created.tags()).containsExactly(java.util.Map.entry("Project", "ProjectA"));
        assertThat(controlPlane.actionType(CUSTOM_BUILD)).hasValue(created);
        assertThat(controlPlane.jobSettings(CUSTOM_BUILD)).hasValueSatisfying(settings ->
                assertThat(settings.queryableProperty()).isEqualTo("ProjectName"));
    }

    @Test
    void aQueryablePropertyMustBeRequiredAndNotSecretAndATypeHasAtMostOne() {
        assertThat(refusal(() -> controlPlane.createCustomActionType(custom("P",
                ConfigurationProperty.optional("Q").asQueryable()), List.of())))
                .hasMessageContaining("queryable configuration property 'Q'").hasMessageContaining("not required")
                .extracting(ControlPlaneRefusal::error).isEqualTo(AwsError.VALIDATION);
        assertThat(refusal(() -> controlPlane.createCustomActionType(custom("P",
                ConfigurationProperty.required("Q").asQueryable().asSecret()), List.of())))
                .hasMessageContaining("must be required and not secret, but is secret");
        assertThat(refusal(() -> controlPlane.createCustomActionType(custom("P",
                ConfigurationProperty.required("A").asQueryable(), ConfigurationProperty.required("B").asQueryable()),
                List.of()))).hasMessageContaining("2 queryable configuration properties [A, B]");
    }

    @Test
    void propertyNamesAreUniqueAndArtifactMinimumsAtMostTheirMaximums() {
        assertThat(refusal(() -> controlPlane.createCustomActionType(custom("P", ConfigurationProperty.required("A"),
                ConfigurationProperty.optional("A")), List.of()))).hasMessageContaining("'A'")
                .hasMessageContaining("declared twice");
        assertThat(refusal(() -> controlPlane.createCustomActionType(custom("P").withArtifacts(
                new ArtifactDetails(2, 1), ArtifactDetails.NONE), List.of())))
                .hasMessageContaining("inputArtifactDetails").hasMessageContaining("minimumCount 2 above its"
                        + " maximumCount 1");
    }

    @Test
    void urlTemplatesMayNameOnlyRequiredPropertiesThatAreNotSecret() {
        ActionType withLink = custom("P", ConfigurationProperty.required("ProjectName"),
                ConfigurationProperty.required("Token").asSecret());
        assertThat(controlPlane.createCustomActionType(withLink.withSettings(new ActionTypeUrls(
                "https://ci/{Config:ProjectName}/", null, null, null)), List.of()).origin()).isEqualTo(Origin.CREATED);
        ActionType secretLink = withLink.withSettings(new ActionTypeUrls(null, "https://ci/{Config:Token}/", null,
                null));
        ActionType other = new ActionType(new ActionTypeId(ActionCategory.BUILD, ActionOwner.CUSTOM, "P", "2"),
                secretLink.settings(), secretLink.configurationProperties(), secretLink.inputArtifactDetails(),
                secretLink.outputArtifactDetails());
        assertThat(refusal(() -> controlPlane.createCustomActionType(other, List.of())))
                .hasMessageContaining("{Config:Token}").hasMessageContaining("required and not secret");
    }

    @Test
    void creatingTheSameDeclarationAgainReturnsItAndAnotherDeclarationOfTheVersionIsRefused() {
        ActionTypeSnapshot first = controlPlane.createCustomActionType(customBuildType(), List.of());
        assertThat(controlPlane.createCustomActionType(customBuildType(), List.of())).isEqualTo(first);
        ControlPlaneRefusal refusal = refusal(() -> controlPlane.createCustomActionType(customBuildType()
                .withArtifacts(ArtifactDetails.NONE, ArtifactDetails.NONE), List.of()));
        assertThat(refusal.error()).isEqualTo(AwsError.VALIDATION);
        assertThat(refusal).hasMessageContaining("already exists with another declaration");
    }

    @Test
    void aDeletedTypeIsUnknownAndItsVersionRestoresOnlyTheSameDeclaration() {
        controlPlane.createCustomActionType(customBuildType(), List.of());
        controlPlane.deleteCustomActionType(CUSTOM_BUILD);
        assertThat(controlPlane.actionType(CUSTOM_BUILD)).isEmpty();
        assertThat(controlPlane.jobSettings(CUSTOM_BUILD)).isEmpty();
        assertThat(refusal(() -> controlPlane.createCustomActionType(customBuildType().withArtifacts(
                ArtifactDetails.NONE, ArtifactDetails.NONE), List.of()))).hasMessageContaining("was deleted")
                .hasMessageContaining("never used before");
        assertThat(controlPlane.createCustomActionType(customBuildType(), List.of()).origin())
                .isEqualTo(Origin.CREATED);
    }

    @Test
    void deletingATypeTheMockDoesNotHaveSucceeds() {
        controlPlane.deleteCustomActionType(CUSTOM_BUILD);
        assertThat(controlPlane.actionType(CUSTOM_BUILD)).isEmpty();
    }

    @Test
    void theQuotaOfCustomTypesIsLimitExceeded() {
        for (int i = 0; i < 3; i++) {
            controlPlane.createCustomActionType(custom("P" + i), List.of());
        }
        ControlPlaneRefusal refusal = refusal(() -> controlPlane.createCustomActionType(custom("P3"), List.of()));
        assertThat(refusal.error()).isEqualTo(AwsError.LIMIT_EXCEEDED);
        assertThat(refusal).hasMessageContaining("has 3 custom action types in us-east-1");
        controlPlane.deleteCustomActionType(new ActionTypeId(ActionCategory.BUILD, ActionOwner.CUSTOM, "P0", "1"));
        assertThat(controlPlane.createCustomActionType(custom("P3"), List.of()).origin()).isEqualTo(Origin.CREATED);
    }

    @Test
    void aRegisteredTypeBecomesTheCreatedOneKeepingItsJobTimeout() {
        controlPlane.registerActionType(CUSTOM_BUILD, ActionTypeSettings.defaults().withJobTimeout(
                Duration.ofMinutes(5)));
        assertThat(controlPlane.actionType(CUSTOM_BUILD).orElseThrow().origin()).isEqualTo(Origin.REGISTERED);
        ActionTypeSnapshot created = controlPlane.createCustomActionType(customBuildType(), List.of());
        assertThat(created.origin()).isEqualTo(Origin.CREATED);
        assertThat(created.settings().jobTimeout()).isEqualTo(Duration.ofMinutes(5));
        assertThat(created.settings().queryableProperty()).isEqualTo("ProjectName");
    }

    @Test
    void registeringACreatedTypeChangesOnlyItsJobSettings() {
        controlPlane.createCustomActionType(customBuildType(), List.of());
        controlPlane.registerActionType(CUSTOM_BUILD, ActionTypeSettings.defaults().withJobTimeout(
                Duration.ofHours(1)));
        ActionTypeSnapshot type = controlPlane.actionType(CUSTOM_BUILD).orElseThrow();
        assertThat(type.origin()).isEqualTo(Origin.CREATED);
        assertThat(type.actionType()).isEqualTo(customBuildType());
        assertThat(controlPlane.jobSettings(CUSTOM_BUILD).orElseThrow().queryableProperty())
                .as("the declared queryable property still applies").isEqualTo("ProjectName");
    }

    @Test
    void listingFiltersByOwnerSortsAndPagesWithATokenThatSurvivesChanges() {
        for (int i = 0; i < 3; i++) {
            controlPlane.createCustomActionType(custom("P" + i), List.of());
        }
        assertThat(controlPlane.listActionTypes(ActionOwner.CUSTOM, null, null).items())
                .extracting(s -> s.actionType().id().provider()).containsExactly("P0", "P1", "P2");
        Page<ActionTypeSnapshot> aws = controlPlane.listActionTypes(ActionOwner.AWS, null, null);
        assertThat(aws.items()).extracting(s -> s.actionType().id().provider())
                .contains("S3", "CodeCommit", "CodeStarSourceConnection", "ECR", "CodeBuild", "Manual", "Lambda",
                        "CodeDeploy", "CloudFormation", "ECS", "StepFunctions");
        assertThat(aws.items()).allMatch(s -> s.origin() == Origin.BUILT_IN);

        for (int i = 0; i < 40; i++) {
            controlPlane.registerActionType(new ActionTypeId(ActionCategory.TEST, ActionOwner.THIRD_PARTY,
                    "Partner" + i, "1"), ActionTypeSettings.defaults());
        }
        int total = ActionTypeCatalog.all().size() + 3 + 40;
        List<String> all = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            Page<ActionTypeSnapshot> page = controlPlane.listActionTypes(null, null, token);
            page.items().forEach(s -> all.add(s.actionType().id().toString()));
            token = page.nextToken();
            pages++;
        } while (token != null);
        assertThat(pages).isEqualTo((total + ControlPlane.ACTION_TYPES_PAGE - 1) / ControlPlane.ACTION_TYPES_PAGE)
                .isGreaterThan(1);
        assertThat(all).hasSize(total).doesNotHaveDuplicates();
    }

    @Test
    void anotherRegionListsOnlyTheBuiltInTypes() {
        controlPlane.createCustomActionType(customBuildType(), List.of());
        assertThat(controlPlane.listActionTypes(ActionOwner.CUSTOM, "eu-west-1", null).items()).isEmpty();
        assertThat(controlPlane.listActionTypes(ActionOwner.CUSTOM, "us-east-1", null).items()).hasSize(1);
    }

    @Test
    void aTokenTheMockDidNotMakeIsAnInvalidNextToken() {
        ControlPlaneRefusal refusal = refusal(() -> controlPlane.listActionTypes(null, null, "bm90LWEtdG9rZW4"));
        assertThat(refusal.error()).isEqualTo(AwsError.INVALID_NEXT_TOKEN);
        assertThat(refusal(() -> controlPlane.listActionTypes(null, null, "%%%")).error())
                .isEqualTo(AwsError.INVALID_NEXT_TOKEN);
    }

    @Test
    void getActionTypeAnswersBuiltInAndRegisteredPartnerTypesAndRefusesUnknownOnes() {
        ActionTypeId partner = new ActionTypeId(ActionCategory.DEPLOY, ActionOwner.THIRD_PARTY, "MyDeployer", "1");
        assertThat(refusal(() -> controlPlane.getActionType(partner)).error())
                .isEqualTo(AwsError.ACTION_TYPE_NOT_FOUND);
        controlPlane.registerActionType(partner, ActionTypeSettings.defaults());
        assertThat(controlPlane.getActionType(partner).actionType().inputArtifactDetails())
                .isEqualTo(ArtifactDetails.between(0, 10));
        assertThat(controlPlane.getActionType(Declarations.LAMBDA).origin()).isEqualTo(Origin.BUILT_IN);
    }

    @Test
    void resetForgetsCreatedRegisteredAndDeletedTypesButNotAwsOwn() {
        controlPlane.createCustomActionType(customBuildType(), List.of());
        controlPlane.registerActionType(new ActionTypeId(ActionCategory.TEST, ActionOwner.CUSTOM, "T", "1"),
                ActionTypeSettings.defaults());
        controlPlane.reset();
        assertThat(controlPlane.listActionTypes(ActionOwner.CUSTOM, null, null).items()).isEmpty();
        assertThat(controlPlane.actionType(Declarations.LAMBDA)).isPresent();
    }
}
