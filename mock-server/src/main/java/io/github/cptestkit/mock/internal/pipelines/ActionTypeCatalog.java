package io.github.cptestkit.mock.internal.pipelines;

import io.github.cptestkit.mock.pipelines.ActionDeclaration;
import io.github.cptestkit.mock.pipelines.ActionType;
import io.github.cptestkit.mock.pipelines.ActionTypeUrls;
import io.github.cptestkit.mock.pipelines.ArtifactDetails;
import io.github.cptestkit.mock.pipelines.ConfigurationProperty;
import io.github.cptestkit.wire.ActionCategory;
import io.github.cptestkit.wire.ActionOwner;
import io.github.cptestkit.wire.ActionTypeId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The action types CodePipeline provides itself, known by name as the user guide's action structure reference
 * describes them (awsdocs/aws-codepipeline-user-guide at 9342aee, doc_source/action-reference-*.md and
 * reference-pipeline-structure.md): their artifact counts, their configuration properties (required ones as
 * "Required: Yes", conditional ones with their documented conditions), their output variables and the page each
 * comes from. A partner provider the guide documents (GitHub version 1, Snyk, Alexa Skills Kit) is here too.
 *
 * <p>Configuration keys the reference does not list are accepted for these types (the 2022 pages do not list every
 * key a provider takes today); a custom type refuses them (docs/fidelity.md).
 *
 * <pre>{@code
 * BuiltInProvider lambda = ActionTypeCatalog.find(
 *         new ActionTypeId(ActionCategory.INVOKE, ActionOwner.AWS, "Lambda", "1")).orElseThrow();
 * lambda.type().inputArtifactDetails();    // 0..5
 * lambda.type().property("FunctionName");  // required
 * }</pre>
 */
public final class ActionTypeCatalog {

    /** Conditionally required keys and value rules of one provider ("Required: Conditional"). */
    @FunctionalInterface
    public interface Conditions {
        /** What the action breaks, one sentence each (empty when nothing); values with variables are not judged. */
        List<String> problems(ActionDeclaration action);
    }

    /**
     * One provider of the reference.
     *
     * @param type            its id, configuration properties and artifact counts
     * @param outputVariables the variable keys it produces (empty where the keys are the user's: CodeBuild's exported
     *                        variables, Lambda's outputVariables, CloudFormation's stack outputs)
     * @param source          the guide's page and lines it comes from
     */
    public record BuiltInProvider(ActionType type, List<String> outputVariables, String source,
            Conditions conditions) {

        public BuiltInProvider {
            outputVariables = List.copyOf(outputVariables);
        }

        /** What {@code action}'s configuration breaks of the provider's conditional rules. */
        public List<String> conditionalProblems(ActionDeclaration action) {
            return conditions.problems(action);
        }
    }

    private static final Map<ActionTypeId, BuiltInProvider> PROVIDERS = providers();

    private ActionTypeCatalog() {}

    /** The provider with this id, or empty. */
    public static Optional<BuiltInProvider> find(ActionTypeId id) {
        return Optional.ofNullable(PROVIDERS.get(id));
    }

    /** Every built-in provider. */
    public static Collection<BuiltInProvider> all() {
        return PROVIDERS.values();
    }

    private static Map<ActionTypeId, BuiltInProvider> providers() {
        Map<ActionTypeId, BuiltInProvider> all = new LinkedHashMap<>();
        List<BuiltInProvider> list = new ArrayList<>();
        Conditions none = action -> List.of();
        // Source actions
        list.add(provider(ActionCategory.SOURCE, ActionOwner.AWS, "S3", ArtifactDetails.NONE, ArtifactDetails.exactly(1),
                List.of("S3Bucket", "S3ObjectKey"), List.of("PollForSourceChanges"), Set.of(),
                List.of("ETag", "VersionId"), "action-reference-S3.md:29-73", none));
        list.add(provider(ActionCategory.SOURCE, ActionOwner.AWS, "CodeCommit", ArtifactDetails.NONE,
                ArtifactDetails.exactly(1), List.of("RepositoryName", "BranchName"),
                List.of("PollForSourceChanges", "OutputArtifactFormat"), Set.of(),
                List.of("CommitId", "CommitMessage", "RepositoryName", "BranchName", "AuthorDate", "CommitterDate"),
                "action-reference-CodeCommit.md:24-88", none));
        list.add(provider(ActionCategory.SOURCE, ActionOwner.AWS, "ECR", ArtifactDetails.NONE, ArtifactDetails.exactly(1),
                List.of("RepositoryName"), List.of("ImageTag"), Set.of(),
                List.of("RegistryId", "RepositoryName", "ImageTag", "ImageDigest", "ImageURI"),
                "action-reference-ECR.md:18-62", none));
        list.add(provider(ActionCategory.SOURCE, ActionOwner.AWS, "CodeStarSourceConnection", ArtifactDetails.NONE,
                ArtifactDetails.exactly(1), List.of("ConnectionArn", "FullRepositoryId", "BranchName"),
                List.of("OutputArtifactFormat", "DetectChanges"), Set.of(),
                List.of("AuthorDate", "BranchName", "CommitId", "CommitMessage", "ConnectionArn", "FullRepositoryName"),
                "action-reference-CodestarConnectionSource.md:41-72; reference-variables.md:231-243", none));
        list.add(provider(ActionCategory.SOURCE, ActionOwner.THIRD_PARTY, "GitHub", ArtifactDetails.NONE,
                ArtifactDetails.exactly(1), List.of("Owner", "Repo", "Branch", "OAuthToken"),
                List.of("PollForSourceChanges"), Set.of("OAuthToken"),
                List.of("CommitId", "CommitMessage", "CommitUrl", "RepositoryName", "BranchName", "AuthorDate",
                        "CommitterDate"), "appendix-github-oauth.md:69-141", none));
        // Build and test actions
        Conditions primarySource = ActionTypeCatalog::primarySource;
        for (ActionCategory category : List.of(ActionCategory.BUILD, ActionCategory.TEST)) {
            list.add(provider(category, ActionOwner.AWS, "CodeBuild", ArtifactDetails.between(1, 5),
                    ArtifactDetails.between(0, 5), List.of("ProjectName"),
                    List.of("PrimarySource", "BatchEnabled", "CombineArtifacts", "EnvironmentVariables"), Set.of(),
                    List.of(), "action-reference-CodeBuild.md:16-72", primarySource));
        }
        list.add(provider(ActionCategory.TEST, ActionOwner.AWS, "DeviceFarm", ArtifactDetails.exactly(1),
                ArtifactDetails.NONE, List.of("AppType", "ProjectId", "App", "AppiumVersion", "DevicePoolArn", "TestType"),
                List.of("RadioBluetoothEnabled", "RecordAppPerformanceData", "RecordVideo", "RadioWifiEnabled",
                        "RadioNfcEnabled", "RadioGpsEnabled", "Test", "FuzzEventCount", "FuzzEventThrottle",
                        "FuzzRandomizerSeed", "CustomHostMachineArtifacts", "CustomDeviceArtifacts",
                        "UnmeteredDevicesOnly", "JobTimeoutMinutes", "Latitude", "Longitude"), Set.of(), List.of(),
                "action-reference-DeviceFarm.md:15-148", none));
        // Approval
        list.add(provider(ActionCategory.APPROVAL, ActionOwner.AWS, "Manual", ArtifactDetails.NONE, ArtifactDetails.NONE,
                List.of(), List.of("CustomData", "ExternalEntityLink", "NotificationArn"), Set.of(), List.of(),
                "reference-pipeline-structure.md:224,290-298; approvals-action-add.md:60-73", none));
        // Deploy actions
        list.add(provider(ActionCategory.DEPLOY, ActionOwner.AWS, "S3", ArtifactDetails.exactly(1), ArtifactDetails.NONE,
                List.of("BucketName", "Extract"), List.of("ObjectKey", "KMSEncryptionKeyARN", "CannedACL",
                        "CacheControl"), Set.of(), List.of(), "action-reference-S3Deploy.md:16-59",
                ActionTypeCatalog::s3Deploy));
        list.add(provider(ActionCategory.DEPLOY, ActionOwner.AWS, "CloudFormation", ArtifactDetails.between(0, 10),
                ArtifactDetails.between(0, 1), List.of("ActionMode", "StackName"),
                List.of("Capabilities", "ChangeSetName", "RoleArn", "TemplatePath", "OutputFileName",
                        "ParameterOverrides", "TemplateConfiguration"), Set.of(), List.of(),
                "action-reference-CloudFormation.md:16-124", ActionTypeCatalog::cloudFormation));
        list.add(provider(ActionCategory.DEPLOY, ActionOwner.AWS, "CodeDeploy", ArtifactDetails.exactly(1),
                ArtifactDetails.NONE, List.of("ApplicationName", "DeploymentGroupName"), List.of(), Set.of(),
                List.of(), "action-reference-CodeDeploy.md:16-43", none));
        list.add(provider(ActionCategory.DEPLOY, ActionOwner.AWS, "ECS", ArtifactDetails.exactly(1), ArtifactDetails.NONE,
                List.of("ClusterName", "ServiceName"), List.of("FileName", "DeploymentTimeout"), Set.of(), List.of(),
                "action-reference-ECS.md:18-53", none));
        List<String> blueGreenOptional = new ArrayList<>(List.of("AppSpecTemplatePath", "TaskDefinitionTemplatePath"));
        for (int i = 1; i <= 4; i++) {
            blueGreenOptional.add("Image" + i + "ArtifactName");
            blueGreenOptional.add("Image" + i + "ContainerName");
        }
        list.add(provider(ActionCategory.DEPLOY, ActionOwner.AWS, "CodeDeployToECS", ArtifactDetails.between(1, 5),
                ArtifactDetails.NONE, List.of("ApplicationName", "DeploymentGroupName",
                        "TaskDefinitionTemplateArtifact", "AppSpecTemplateArtifact"), blueGreenOptional, Set.of(),
                List.of(), "action-reference-ECSbluegreen.md:20-69", none));
        list.add(provider(ActionCategory.DEPLOY, ActionOwner.AWS, "AppConfig", ArtifactDetails.exactly(1),
                ArtifactDetails.NONE, List.of("Application", "Environment", "ConfigurationProfile",
                        "InputArtifactConfigurationPath"), List.of("DeploymentStrategy"), Set.of(), List.of(),
                "action-reference-AppConfig.md:7-42", none));
        list.add(provider(ActionCategory.DEPLOY, ActionOwner.AWS, "CloudFormationStackSet", ArtifactDetails.between(1, 3),
                ArtifactDetails.NONE, List.of("StackSetName", "TemplatePath"), List.of("Description", "Parameters",
                        "Capabilities", "PermissionModel", "AdministrationRoleArn", "ExecutionRoleName",
                        "OrganizationsAutoDeployment", "DeploymentTargets", "Regions", "FailureTolerancePercentage",
                        "MaxConcurrentPercentage"), Set.of(), List.of("OperationId", "StackSetId"),
                "action-reference-StackSets.md:111-297; reference-variables.md:207-215", none));
        list.add(provider(ActionCategory.DEPLOY, ActionOwner.AWS, "CloudFormationStackInstances",
                ArtifactDetails.between(0, 2), ArtifactDetails.NONE, List.of("StackSetName", "Regions"),
                List.of("DeploymentTargets", "ParameterOverrides", "FailureTolerancePercentage",
                        "MaxConcurrentPercentage"), Set.of(), List.of("OperationId", "StackSetId"),
                "action-reference-StackSets.md:456-583", none));
        for (String provider : List.of("ElasticBeanstalk", "OpsWorks")) {
            list.add(provider(ActionCategory.DEPLOY, ActionOwner.AWS, provider, ArtifactDetails.exactly(1),
                    ArtifactDetails.NONE, List.of(), List.of(), Set.of(), List.of(),
                    "reference-pipeline-structure.md:228-229 (configuration not in the 2022 reference: not checked)",
                    none));
        }
        list.add(provider(ActionCategory.DEPLOY, ActionOwner.AWS, "ServiceCatalog", ArtifactDetails.exactly(1),
                ArtifactDetails.NONE, List.of("ProductId"), List.of("TemplateFilePath", "ProductVersionName",
                        "ProductType", "ProductVersionDescription", "ConfigurationFilePath"), Set.of(), List.of(),
                "reference-pipeline-structure.md:231,258-277", none));
        list.add(provider(ActionCategory.DEPLOY, ActionOwner.THIRD_PARTY, "AlexaSkillsKit", ArtifactDetails.between(1, 2),
                ArtifactDetails.NONE, List.of(), List.of("ClientId", "ClientSecret", "RefreshToken", "SkillId"),
                Set.of("ClientSecret", "RefreshToken"), List.of(), "reference-pipeline-structure.md:233,279-287",
                none));
        // Invoke actions
        list.add(provider(ActionCategory.INVOKE, ActionOwner.AWS, "Lambda", ArtifactDetails.between(0, 5),
                ArtifactDetails.between(0, 5), List.of("FunctionName"), List.of("UserParameters"), Set.of(),
                List.of(), "action-reference-Lambda.md:8-36", none));
        list.add(provider(ActionCategory.INVOKE, ActionOwner.AWS, "StepFunctions", ArtifactDetails.between(0, 1),
                ArtifactDetails.between(0, 1), List.of("StateMachineArn"),
                List.of("ExecutionNamePrefix", "InputType", "Input"), Set.of(), List.of("StateMachineArn",
                        "ExecutionArn"), "action-reference-StepFunctions.md:12-80", ActionTypeCatalog::stepFunctions));
        list.add(provider(ActionCategory.INVOKE, ActionOwner.THIRD_PARTY, "Snyk", ArtifactDetails.exactly(1),
                ArtifactDetails.exactly(1), List.of(), List.of(), Set.of(), List.of(), "action-reference-Snyk.md:13-35",
                none));
        list.forEach(p -> all.put(p.type().id(), p));
        return Collections.unmodifiableMap(all);
    }

    private static BuiltInProvider provider(ActionCategory category, ActionOwner owner, String provider,
            ArtifactDetails input, ArtifactDetails output, List<String> required, List<String> optional,
            Set<String> secret, List<String> variables, String source, Conditions conditions) {
        List<ConfigurationProperty> properties = new ArrayList<>();
        required.forEach(name -> properties.add(new ConfigurationProperty(name, true, false, secret.contains(name),
                false, null, null)));
        optional.forEach(name -> properties.add(new ConfigurationProperty(name, false, false, secret.contains(name),
                false, null, null)));
        ActionType type = new ActionType(new ActionTypeId(category, owner, provider, "1"), ActionTypeUrls.NONE,
                properties, input, output);
        return new BuiltInProvider(type, variables, source, conditions);
    }

    // ---------------------------------------------------------------- conditional rules of the reference

    private static boolean judged(String value) {
        return value != null && !value.contains("#{");
    }

    /** CodeBuild: PrimarySource is required with several input artifacts and must name one of them. */
    private static List<String> primarySource(ActionDeclaration action) {
        String primary = action.configuration().get("PrimarySource");
        if (primary == null && action.inputArtifacts().size() > 1) {
            return List.of("PrimarySource is required when the action has more than one input artifact (it has "
                    + action.inputArtifacts().size() + ")");
        }
        if (judged(primary) && !action.inputArtifacts().contains(primary)) {
            return List.of("PrimarySource must name one of the input artifacts " + action.inputArtifacts()
                    + ", but was '" + primary + "'");
        }
        return List.of();
    }

    /** S3 deploy: Extract is true or false; ObjectKey is required when Extract is false. */
    private static List<String> s3Deploy(ActionDeclaration action) {
        String extract = action.configuration().get("Extract");
        if (!judged(extract)) {
            return List.of();
        }
        if (!extract.equalsIgnoreCase("true") && !extract.equalsIgnoreCase("false")) {
            return List.of("Extract must be true or false, but was '" + extract + "'");
        }
        if (extract.equalsIgnoreCase("false") && !action.configuration().containsKey("ObjectKey")) {
            return List.of("ObjectKey is required when Extract is false");
        }
        return List.of();
    }

    private static final List<String> ACTION_MODES = List.of("CHANGE_SET_EXECUTE", "CHANGE_SET_REPLACE",
            "CREATE_UPDATE", "DELETE_ONLY", "REPLACE_ON_FAILURE");

    /** CloudFormation: ActionMode's five values, and the keys each mode requires. */
    private static List<String> cloudFormation(ActionDeclaration action) {
        String mode = action.configuration().get("ActionMode");
        if (!judged(mode)) {
            return List.of();
        }
        if (!ACTION_MODES.contains(mode)) {
            return List.of("ActionMode must be one of " + ACTION_MODES + ", but was '" + mode + "'");
        }
        List<String> problems = new ArrayList<>();
        requireFor(action, mode, "ChangeSetName", List.of("CHANGE_SET_REPLACE", "CHANGE_SET_EXECUTE"), problems);
        requireFor(action, mode, "RoleArn", List.of("CREATE_UPDATE", "REPLACE_ON_FAILURE", "DELETE_ONLY",
                "CHANGE_SET_REPLACE"), problems);
        requireFor(action, mode, "TemplatePath", List.of("CREATE_UPDATE", "REPLACE_ON_FAILURE", "CHANGE_SET_REPLACE"),
                problems);
        return problems;
    }

    private static void requireFor(ActionDeclaration action, String mode, String key, List<String> modes,
            List<String> problems) {
        if (modes.contains(mode) && !action.configuration().containsKey(key)) {
            problems.add(key + " is required when ActionMode is " + mode);
        }
    }

    /** Step Functions: Input is required when InputType is FilePath. */
    private static List<String> stepFunctions(ActionDeclaration action) {
        String inputType = action.configuration().get("InputType");
        if (judged(inputType) && !inputType.equals("Literal") && !inputType.equals("FilePath")) {
            return List.of("InputType must be Literal or FilePath, but was '" + inputType + "'");
        }
        if ("FilePath".equals(inputType) && !action.configuration().containsKey("Input")) {
            return List.of("Input is required when InputType is FilePath");
        }
        return List.of();
    }
}
