package io.github.cptestkit.mock.internal.pipelines;

import io.github.cptestkit.mock.internal.pipelines.ActionTypeRegistry.KnownType;
import io.github.cptestkit.mock.pipelines.ActionDeclaration;
import io.github.cptestkit.mock.pipelines.ActionTypeSnapshot.Origin;
import io.github.cptestkit.mock.pipelines.ArtifactDetails;
import io.github.cptestkit.mock.pipelines.BlockerDeclaration;
import io.github.cptestkit.mock.pipelines.ConfigurationProperty;
import io.github.cptestkit.mock.pipelines.ExecutionMode;
import io.github.cptestkit.mock.pipelines.PipelineDeclaration;
import io.github.cptestkit.mock.pipelines.PipelineType;
import io.github.cptestkit.mock.pipelines.PipelineVariableDeclaration;
import io.github.cptestkit.mock.pipelines.StageDeclaration;
import io.github.cptestkit.wire.ActionCategory;
import io.github.cptestkit.wire.ActionOwner;
import io.github.cptestkit.wire.ActionTypeId;
import io.github.cptestkit.schemas.AwsError;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Checks a pipeline declaration the way CodePipeline checks it on CreatePipeline and UpdatePipeline, after the
 * model's own constraints (lengths, patterns, enums: the JSON Schema at the protocol edge). The first rule broken
 * is refused with AWS's exception and a message naming the pipeline, stage and action.
 *
 * <p>The rules and where each comes from are the rows of docs/fidelity.md, "Pipelines and action types". The
 * exception of each follows the grouping of the user guide's reference-pipeline-structure.md (9342aee): its
 * "pipeline and stage structure requirements" (lines 74-105) are InvalidStructureException, its "action structure
 * requirements" (lines 143-201) InvalidActionDeclarationException, a stage without actions
 * InvalidStageDeclarationException, blockers InvalidBlockerDeclarationException, quotas LimitExceededException.
 *
 * <pre>{@code
 * new PipelineValidator(ControlPlaneScope.DEFAULT, ControlPlaneQuotas.DEFAULT).check(declaration, registry::lookup);
 * }</pre>
 */
final class PipelineValidator {

    private static final Pattern QUERYABLE_VALUE = Pattern.compile("[A-Za-z0-9_-]{1,20}");

    private final ControlPlaneScope scope;
    private final ControlPlaneQuotas quotas;

    PipelineValidator(ControlPlaneScope scope, ControlPlaneQuotas quotas) {
        this.scope = scope;
        this.quotas = quotas;
    }

    /** Refuses the first rule {@code pipeline} breaks; {@code types} finds the action types it uses. */
    void check(PipelineDeclaration pipeline, Function<ActionTypeId, Optional<KnownType>> types) {
        new Check(pipeline, types).run();
    }

    /** The pipeline type a declaration gets: its own, else V2 when it uses a V2 member, else V1. */
    static PipelineType effectiveType(PipelineDeclaration pipeline) {
        if (pipeline.pipelineType() != null) {
            return pipeline.pipelineType();
        }
        return v2Members(pipeline).isEmpty() ? PipelineType.V1 : PipelineType.V2;
    }

    /** The members of {@code pipeline} only a V2 pipeline may have. */
    static List<String> v2Members(PipelineDeclaration pipeline) {
        List<String> members = new ArrayList<>();
        if (!pipeline.variables().isEmpty()) {
            members.add("variables");
        }
        if (pipeline.executionMode() == ExecutionMode.QUEUED || pipeline.executionMode() == ExecutionMode.PARALLEL) {
            members.add("executionMode " + pipeline.executionMode().wire());
        }
        if (pipeline.otherMembers().containsKey("triggers")) {
            members.add("triggers");
        }
        return members;
    }

    private final class Check {
        private final PipelineDeclaration pipeline;
        private final Function<ActionTypeId, Optional<KnownType>> types;
        private final String where;

        Check(PipelineDeclaration pipeline, Function<ActionTypeId, Optional<KnownType>> types) {
            this.pipeline = pipeline;
            this.types = types;
            this.where = "pipeline '" + pipeline.name() + "'";
        }

        void run() {
            structure();
            artifactStores();
            typeAndVariables();
            stages();
            sourceStages();
            actions();
            artifactFlowAndVariables();
        }

        // ------------------------------------------------------------ pipeline structure

        private void structure() {
            int stages = pipeline.stages().size();
            if (stages < 2) {
                throw refuse(AwsError.INVALID_STRUCTURE, "Pipeline '" + pipeline.name() + "' has " + stages
                        + (stages == 1 ? " stage" : " stages") + ", but a pipeline must contain at least two stages:"
                        + " a first stage of source actions and at least one stage after it");
            }
            if (stages > quotas.stagesPerPipeline()) {
                throw refuse(AwsError.LIMIT_EXCEEDED, "Pipeline '" + pipeline.name() + "' has " + stages
                        + " stages, but a pipeline can have at most " + quotas.stagesPerPipeline());
            }
            int actions = pipeline.actions().size();
            if (actions > quotas.actionsPerPipeline()) {
                throw refuse(AwsError.LIMIT_EXCEEDED, "Pipeline '" + pipeline.name() + "' has " + actions
                        + " actions, but a pipeline can have at most " + quotas.actionsPerPipeline());
            }
            Set<String> names = new HashSet<>();
            for (StageDeclaration stage : pipeline.stages()) {
                if (!names.add(stage.name())) {
                    throw refuse(AwsError.INVALID_STRUCTURE, "Stage name '" + stage.name() + "' is used by more than"
                            + " one stage of " + where + ": all stage names in a pipeline must be unique");
                }
            }
        }

        private void artifactStores() {
            boolean single = pipeline.artifactStore() != null;
            boolean perRegion = !pipeline.artifactStores().isEmpty();
            if (single == perRegion) {
                throw refuse(AwsError.INVALID_STRUCTURE, where + (single
                        ? " declares both artifactStore and artifactStores: use artifactStore alone, or artifactStores"
                                + " (one store per Region) for cross-Region actions"
                        : " declares no artifact store: set artifactStore (an S3 bucket), or artifactStores with a"
                                + " store for the pipeline's Region and each Region its actions run in"));
            }
            if (perRegion && !pipeline.artifactStores().containsKey(scope.region())) {
                throw refuse(AwsError.INVALID_STRUCTURE, "artifactStores of " + where + " has stores for "
                        + pipeline.artifactStores().keySet() + " but none for the pipeline's Region " + scope.region()
                        + ": add one");
            }
            for (StageDeclaration stage : pipeline.stages()) {
                for (ActionDeclaration action : stage.actions()) {
                    String region = action.region();
                    if (region == null) {
                        continue;
                    }
                    ActionOwner owner = action.actionTypeId().owner();
                    if (owner != ActionOwner.AWS || action.actionTypeId().category() == ActionCategory.SOURCE) {
                        throw refuse(AwsError.INVALID_ACTION_DECLARATION, "Action '" + action.name() + "' in stage '"
                                + stage.name() + "' of " + where + " sets region " + region + ", but source actions"
                                + " and actions of third-party or custom providers cannot be cross-Region actions:"
                                + " remove region");
                    }
                    if (region.equals(scope.region())) {
                        continue;
                    }
                    if (single) {
                        throw refuse(AwsError.INVALID_STRUCTURE, "Action '" + action.name() + "' in stage '"
                                + stage.name() + "' of " + where + " runs in Region " + region + ", but the pipeline"
                                + " has a single artifactStore: a cross-Region action needs artifactStores with a"
                                + " store for " + region);
                    }
                    if (!pipeline.artifactStores().containsKey(region)) {
                        throw refuse(AwsError.INVALID_STRUCTURE, "Action '" + action.name() + "' in stage '"
                                + stage.name() + "' of " + where + " runs in Region " + region + ", but artifactStores"
                                + " has no store for it (it has " + pipeline.artifactStores().keySet() + ")");
                    }
                }
            }
        }

        private void typeAndVariables() {
            List<String> v2 = v2Members(pipeline);
            if (pipeline.pipelineType() == PipelineType.V1 && !v2.isEmpty()) {
                throw refuse(AwsError.INVALID_STRUCTURE, where + " is of pipelineType V1 but declares " + v2
                        + ", which only V2 pipelines have: set pipelineType V2 or remove them");
            }
            Set<String> names = new HashSet<>();
            for (PipelineVariableDeclaration variable : pipeline.variables()) {
                if (!names.add(variable.name())) {
                    throw refuse(AwsError.INVALID_STRUCTURE, "Pipeline variable '" + variable.name() + "' is declared"
                            + " more than once in " + where + ": variable names must be unique");
                }
            }
        }

        // ------------------------------------------------------------ stages

        private void stages() {
            for (StageDeclaration stage : pipeline.stages()) {
                String stageWhere = "stage '" + stage.name() + "' of " + where;
                if (stage.actions().isEmpty()) {
                    throw refuse(AwsError.INVALID_STAGE_DECLARATION, "Stage '" + stage.name() + "' of " + where
                            + " has no actions, but a stage must contain at least one action");
                }
                if (stage.actions().size() > quotas.actionsPerStage()) {
                    throw refuse(AwsError.LIMIT_EXCEEDED, "Stage '" + stage.name() + "' of " + where + " has "
                            + stage.actions().size() + " actions, but a stage can have at most "
                            + quotas.actionsPerStage());
                }
                Set<String> blockers = new HashSet<>();
                for (BlockerDeclaration blocker : stage.blockers()) {
                    if (!blockers.add(blocker.name())) {
                        throw refuse(AwsError.INVALID_BLOCKER_DECLARATION, "Blocker '" + blocker.name() + "' is"
                                + " declared more than once in " + stageWhere + ": blocker names must be unique in a"
                                + " stage");
                    }
                }
                Set<String> names = new HashSet<>();
                for (ActionDeclaration action : stage.actions()) {
                    if (!names.add(action.name())) {
                        throw refuse(AwsError.INVALID_ACTION_DECLARATION, "Action name '" + action.name() + "' is used"
                                + " by more than one action of " + stageWhere + ": action names must be unique"
                                + " within a stage");
                    }
                }
            }
        }

        private void sourceStages() {
            StageDeclaration first = pipeline.stages().get(0);
            for (ActionDeclaration action : first.actions()) {
                if (action.actionTypeId().category() != ActionCategory.SOURCE) {
                    throw refuse(AwsError.INVALID_STRUCTURE, "Action '" + action.name() + "' in stage '" + first.name()
                            + "' of " + where + " is a " + action.actionTypeId().category().wire() + " action, but"
                            + " the first stage of a pipeline can contain source actions only: move it to a later"
                            + " stage");
                }
            }
            for (StageDeclaration stage : pipeline.stages().subList(1, pipeline.stages().size())) {
                for (ActionDeclaration action : stage.actions()) {
                    if (action.actionTypeId().category() == ActionCategory.SOURCE) {
                        throw refuse(AwsError.INVALID_STRUCTURE, "Action '" + action.name() + "' in stage '"
                                + stage.name() + "' of " + where + " is a source action, but only the first stage ('"
                                + first.name() + "') can contain source actions");
                    }
                }
            }
        }

        // ------------------------------------------------------------ actions

        private void actions() {
            for (StageDeclaration stage : pipeline.stages()) {
                for (ActionDeclaration action : stage.actions()) {
                    action(stage, action);
                }
            }
        }

        private void action(StageDeclaration stage, ActionDeclaration action) {
            String at = "action '" + action.name() + "' in stage '" + stage.name() + "' of " + where;
            KnownType known = types.apply(action.actionTypeId()).orElseThrow(() -> refuse(
                    AwsError.INVALID_ACTION_DECLARATION, ActionTypeRegistry.describe(action.actionTypeId())
                            + " in action '" + action.name() + "' is not available (stage '" + stage.name() + "' of "
                            + where + "): " + (action.actionTypeId().owner() == ActionOwner.CUSTOM
                                    ? "create it with CreateCustomActionType (or register it with the mock) first"
                                    : "check the category, owner, provider and version against the action"
                                            + " structure reference")));
            counts(at, "input", action.inputArtifacts().size(), known.type().inputArtifactDetails(), action);
            counts(at, "output", action.outputArtifacts().size(), known.type().outputArtifactDetails(), action);
            configuration(stage, action, known);
        }

        private void counts(String at, String direction, int count, ArtifactDetails allowed, ActionDeclaration action) {
            if (count < allowed.minimumCount()) {
                throw refuse(AwsError.INVALID_ACTION_DECLARATION, "Action '" + action.name() + "' declares " + count
                        + " " + direction + " artifacts which is less than the minimum count ("
                        + allowed.minimumCount() + ") of its action type (" + at + ")");
            }
            if (count > allowed.maximumCount()) {
                throw refuse(AwsError.INVALID_ACTION_DECLARATION, "Action '" + action.name() + "' declares " + count
                        + " " + direction + " artifacts which is more than the maximum count ("
                        + allowed.maximumCount() + ") of its action type (" + at + ")");
            }
        }

        private void configuration(StageDeclaration stage, ActionDeclaration action, KnownType known) {
            String at = "action '" + action.name() + "' in stage '" + stage.name() + "' of " + where;
            Map<String, String> configuration = action.configuration();
            for (ConfigurationProperty property : known.type().configurationProperties()) {
                if (property.required() && !configuration.containsKey(property.name())) {
                    throw refuse(AwsError.INVALID_ACTION_DECLARATION, "Action configuration for " + at + " is missing"
                            + " required configuration '" + property.name() + "' of "
                            + ActionTypeRegistry.describe(action.actionTypeId()) + ": add it to configuration");
                }
            }
            if (known.origin() == Origin.CREATED) {
                for (String key : configuration.keySet()) {
                    if (known.type().property(key).isEmpty()) {
                        throw refuse(AwsError.INVALID_ACTION_DECLARATION, "Action configuration for " + at
                                + " contains unknown configuration '" + key + "': "
                                + ActionTypeRegistry.describe(action.actionTypeId()) + " declares "
                                + known.type().configurationProperties().stream().map(ConfigurationProperty::name)
                                        .toList());
                    }
                }
            }
            Optional<String> queryable = known.queryableProperty();
            if (queryable.isPresent()) {
                String value = configuration.get(queryable.get());
                if (value == null) {
                    throw refuse(AwsError.INVALID_ACTION_DECLARATION, "Action configuration for " + at + " is missing"
                            + " the queryable configuration '" + queryable.get() + "' its action type requires");
                }
                if (!QUERYABLE_VALUE.matcher(value).matches()) {
                    throw refuse(AwsError.INVALID_ACTION_DECLARATION, "The value of the queryable configuration '"
                            + queryable.get() + "' of " + at + " must be 1 to 20 letters, digits, underscores or"
                            + " hyphens, but was '" + value + "'");
                }
            }
            if (known.builtIn().isPresent()) {
                List<String> problems = known.builtIn().get().conditionalProblems(action);
                if (!problems.isEmpty()) {
                    throw refuse(AwsError.INVALID_ACTION_DECLARATION, "Action configuration for " + at + " is not"
                            + " valid for " + ActionTypeRegistry.describe(action.actionTypeId()) + ": "
                            + String.join("; ", problems));
                }
            }
        }

        // ------------------------------------------------------------ artifacts, namespaces and variables

        private void artifactFlowAndVariables() {
            Map<String, String> producers = new HashMap<>();         // artifact -> "action 'X' in stage 'Y'"
            Map<String, String> namespaces = new HashMap<>();        // namespace -> "action 'X' in stage 'Y'"
            for (StageDeclaration stage : pipeline.stages()) {
                for (ActionDeclaration action : stage.actions()) {
                    String self = "action '" + action.name() + "' in stage '" + stage.name() + "'";
                    for (String artifact : action.outputArtifacts()) {
                        String other = producers.putIfAbsent(artifact, self);
                        if (other != null) {
                            throw refuse(AwsError.INVALID_ACTION_DECLARATION, "Output artifact '" + artifact + "' of "
                                    + self + " of " + where + " is also the output of " + other + ": output artifact"
                                    + " names must be unique in a pipeline");
                        }
                    }
                    if (action.namespace() != null) {
                        String namespace = action.namespace();
                        if (namespace.equals(VariableReference.EXECUTION_NAMESPACE)
                                || namespace.equals(VariableReference.PIPELINE_VARIABLES_NAMESPACE)) {
                            throw refuse(AwsError.INVALID_ACTION_DECLARATION, "Namespace '" + namespace + "' of " + self
                                    + " of " + where + " is reserved for CodePipeline's own variables: choose another");
                        }
                        String other = namespaces.putIfAbsent(namespace, self);
                        if (other != null) {
                            throw refuse(AwsError.INVALID_ACTION_DECLARATION, "Namespace '" + namespace + "' of "
                                    + self + " of " + where + " is also the namespace of " + other + ": namespaces must"
                                    + " be unique across the pipeline");
                        }
                    }
                }
            }
            for (String namespace : namespaces.keySet()) {
                if (producers.containsKey(namespace)) {
                    throw refuse(AwsError.INVALID_ACTION_DECLARATION, "Namespace '" + namespace + "' of "
                            + namespaces.get(namespace) + " of " + where + " is also the name of an artifact of "
                            + producers.get(namespace) + ": namespaces cannot conflict with artifact names");
                }
            }
            Set<String> producedBefore = new HashSet<>();
            Set<String> namespacesBefore = new HashSet<>();
            Set<String> pipelineVariables = new HashSet<>();
            pipeline.variables().forEach(v -> pipelineVariables.add(v.name()));
            for (StageDeclaration stage : pipeline.stages()) {
                TreeMap<Integer, List<ActionDeclaration>> byRunOrder = new TreeMap<>();
                for (ActionDeclaration action : stage.actions()) {
                    byRunOrder.computeIfAbsent(action.runOrder(), r -> new ArrayList<>()).add(action);
                }
                for (List<ActionDeclaration> group : byRunOrder.values()) {
                    for (ActionDeclaration action : group) {
                        inputs(stage, action, producedBefore, producers);
                        references(stage, action, namespacesBefore, namespaces, pipelineVariables);
                    }
                    for (ActionDeclaration action : group) {
                        producedBefore.addAll(action.outputArtifacts());
                        if (action.namespace() != null) {
                            namespacesBefore.add(action.namespace());
                        }
                    }
                }
            }
        }

        private void inputs(StageDeclaration stage, ActionDeclaration action, Set<String> producedBefore,
                Map<String, String> producers) {
            for (String input : action.inputArtifacts()) {
                if (producedBefore.contains(input)) {
                    continue;
                }
                String producer = producers.get(input);
                throw refuse(AwsError.INVALID_ACTION_DECLARATION, "Input artifact '" + input + "' of action '"
                        + action.name() + "' in stage '" + stage.name() + "' of " + where + (producer == null
                                ? " is not the output artifact of any action: an input artifact must exactly match"
                                        + " the output artifact declared in a preceding action"
                                : " is the output of " + producer + ", which does not run before it: an input artifact"
                                        + " must be produced in an earlier stage, or in the same stage at a lower"
                                        + " runOrder"));
            }
        }

        private void references(StageDeclaration stage, ActionDeclaration action, Set<String> namespacesBefore,
                Map<String, String> namespaces, Set<String> pipelineVariables) {
            for (Map.Entry<String, String> entry : action.configuration().entrySet().stream()
                    .sorted(Map.Entry.comparingByKey(Comparator.naturalOrder())).toList()) {
                for (VariableReference reference : VariableReference.in(entry.getValue())) {
                    String namespace = reference.namespace();
                    String at = "configuration '" + entry.getKey() + "' of action '" + action.name() + "' in stage '"
                            + stage.name() + "' of " + where;
                    if (namespace.equals(VariableReference.EXECUTION_NAMESPACE) || namespacesBefore.contains(namespace)) {
                        continue;
                    }
                    if (namespace.equals(VariableReference.PIPELINE_VARIABLES_NAMESPACE)) {
                        if (!pipelineVariables.contains(reference.variable())) {
                            throw refuse(AwsError.INVALID_ACTION_DECLARATION, "The variable " + reference + " in " + at
                                    + " names no pipeline-level variable: the pipeline declares "
                                    + pipelineVariables.stream().sorted().toList());
                        }
                        continue;
                    }
                    String declaredBy = namespaces.get(namespace);
                    throw refuse(AwsError.INVALID_ACTION_DECLARATION, "The variable " + reference + " in " + at
                            + (declaredBy == null
                                    ? " names namespace '" + namespace + "', which no action of the pipeline declares:"
                                            + " set it as the namespace of the action that produces the variable"
                                    : " names namespace '" + namespace + "' of " + declaredBy + ", which does not run"
                                            + " before it: a variable can be used only by an action in a later stage,"
                                            + " or in the same stage at a higher runOrder"));
                }
            }
        }

        private ControlPlaneRefusal refuse(AwsError error, String message) {
            return new ControlPlaneRefusal(error, message);
        }
    }
}
