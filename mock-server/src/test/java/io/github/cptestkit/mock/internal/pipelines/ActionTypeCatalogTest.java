package io.github.cptestkit.mock.internal.pipelines;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cptestkit.mock.internal.pipelines.ActionTypeCatalog.BuiltInProvider;
import io.github.cptestkit.mock.pipelines.ActionDeclaration;
import io.github.cptestkit.mock.pipelines.ArtifactDetails;
import io.github.cptestkit.mock.pipelines.ConfigurationProperty;
import io.github.cptestkit.wire.ActionCategory;
import io.github.cptestkit.wire.ActionOwner;
import io.github.cptestkit.wire.ActionTypeId;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The AWS-owned providers of the action structure reference, by name, with their artifact counts and keys. */
class ActionTypeCatalogTest {

    static BuiltInProvider provider(ActionCategory category, ActionOwner owner, String name) {
        return ActionTypeCatalog.find(new ActionTypeId(category, owner, name, "1")).orElseThrow(() ->
                new AssertionError("no built-in " + owner + "/" + category + "/" + name));
    }

    @ParameterizedTest(name = "{1} {0} {2}: in {3}..{4}, out {5}..{6}, requires [{7}]")
    @CsvSource(delimiter = '|', textBlock = """
        SOURCE   | AWS         | S3                       | 0 | 0  | 1 | 1 | S3Bucket S3ObjectKey
        SOURCE   | AWS         | CodeCommit               | 0 | 0  | 1 | 1 | RepositoryName BranchName
        SOURCE   | AWS         | CodeStarSourceConnection | 0 | 0  | 1 | 1 | ConnectionArn FullRepositoryId BranchName
        SOURCE   | AWS         | ECR                      | 0 | 0  | 1 | 1 | RepositoryName
        SOURCE   | THIRD_PARTY | GitHub                   | 0 | 0  | 1 | 1 | Owner Repo Branch OAuthToken
        BUILD    | AWS         | CodeBuild                | 1 | 5  | 0 | 5 | ProjectName
        TEST     | AWS         | CodeBuild                | 1 | 5  | 0 | 5 | ProjectName
        APPROVAL | AWS         | Manual                   | 0 | 0  | 0 | 0 |
        INVOKE   | AWS         | Lambda                   | 0 | 5  | 0 | 5 | FunctionName
        INVOKE   | AWS         | StepFunctions            | 0 | 1  | 0 | 1 | StateMachineArn
        DEPLOY   | AWS         | CodeDeploy               | 1 | 1  | 0 | 0 | ApplicationName DeploymentGroupName
        DEPLOY   | AWS         | CloudFormation           | 0 | 10 | 0 | 1 | ActionMode StackName
        DEPLOY   | AWS         | ECS                      | 1 | 1  | 0 | 0 | ClusterName ServiceName
        DEPLOY   | AWS         | S3                       | 1 | 1  | 0 | 0 | BucketName Extract
        DEPLOY   | AWS         | CodeDeployToECS          | 1 | 5  | 0 | 0 | ApplicationName DeploymentGroupName TaskDefinitionTemplateArtifact AppSpecTemplateArtifact
        """)
    void theReferencesProvidersAreKnownByNameWithTheirCountsAndRequiredKeys(ActionCategory category,
            ActionOwner owner, String name, int inMin, int inMax, int outMin, int outMax, String required) {
        BuiltInProvider provider = provider(category, owner, name);
        assertThat(provider.type().inputArtifactDetails()).isEqualTo(ArtifactDetails.between(inMin, inMax));
        assertThat(provider.type().outputArtifactDetails()).isEqualTo(ArtifactDetails.between(outMin, outMax));
        assertThat(provider.type().configurationProperties()).filteredOn(ConfigurationProperty::required)
                .extracting(ConfigurationProperty::name)
                .containsExactly(required == null ? new String[0] : required.split(" "));
    }

    @Test
    void everyProviderNamesTheGuidePageItComesFromAndIsVersionOne() {
        assertThat(ActionTypeCatalog.all()).hasSizeGreaterThan(20).allSatisfy(provider -> {
            assertThat(provider.source()).matches(".*\\.md:\\d+.*");
            assertThat(provider.type().id().version()).isEqualTo("1");
            assertThat(provider.type().id().owner()).isNotEqualTo(ActionOwner.CUSTOM);
        });
    }

    @Test
    void sourceProvidersListTheirOutputVariablesAndSecretsAreMarked() {
        assertThat(provider(ActionCategory.SOURCE, ActionOwner.AWS, "S3").outputVariables())
                .containsExactly("ETag", "VersionId");
        assertThat(provider(ActionCategory.SOURCE, ActionOwner.AWS, "CodeCommit").outputVariables())
                .contains("CommitId", "BranchName");
        assertThat(provider(ActionCategory.SOURCE, ActionOwner.THIRD_PARTY, "GitHub").type().property("OAuthToken"))
                .hasValueSatisfying(p -> assertThat(p.secret()).isTrue());
    }

    @Test
    void conditionalRulesOfCodeBuildS3DeployAndStepFunctionsAreChecked() {
        BuiltInProvider codeBuild = provider(ActionCategory.BUILD, ActionOwner.AWS, "CodeBuild");
        ActionDeclaration twoInputs = ActionDeclaration.of("Build", codeBuild.type().id())
                .withConfiguration(Map.of("ProjectName", "p")).withInputArtifacts("A", "B");
        assertThat(codeBuild.conditionalProblems(twoInputs)).singleElement().asString()
                .contains("PrimarySource is required");
        assertThat(codeBuild.conditionalProblems(twoInputs.withConfiguration("PrimarySource", "C"))).singleElement()
                .asString().contains("must name one of the input artifacts");
        assertThat(codeBuild.conditionalProblems(twoInputs.withConfiguration("PrimarySource", "B"))).isEmpty();

        BuiltInProvider s3Deploy = provider(ActionCategory.DEPLOY, ActionOwner.AWS, "S3");
        ActionDeclaration zipped = ActionDeclaration.of("Deploy", s3Deploy.type().id())
                .withConfiguration(Map.of("BucketName", "b", "Extract", "false"));
        assertThat(s3Deploy.conditionalProblems(zipped)).singleElement().asString()
                .contains("ObjectKey is required when Extract is false");
        assertThat(s3Deploy.conditionalProblems(zipped.withConfiguration("Extract", "maybe"))).singleElement()
                .asString().contains("true or false");

        BuiltInProvider stepFunctions = provider(ActionCategory.INVOKE, ActionOwner.AWS, "StepFunctions");
        assertThat(stepFunctions.conditionalProblems(ActionDeclaration.of("Run", stepFunctions.type().id())
                .withConfiguration(Map.of("StateMachineArn", "arn", "InputType", "FilePath")))).singleElement()
                .asString().contains("Input is required when InputType is FilePath");
    }
}
