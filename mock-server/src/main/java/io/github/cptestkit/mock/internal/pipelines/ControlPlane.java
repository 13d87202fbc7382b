package io.github.cptestkit.mock.internal.pipelines;

import io.github.cptestkit.mock.internal.pipelines.ActionTypeRegistry.KnownType;
import io.github.cptestkit.mock.jobs.ActionTypeSettings;
import io.github.cptestkit.mock.pipelines.ActionDeclaration;
import io.github.cptestkit.mock.pipelines.ActionType;
import io.github.cptestkit.mock.pipelines.ActionTypeSnapshot;
import io.github.cptestkit.mock.pipelines.ConfigurationProperty;
import io.github.cptestkit.mock.pipelines.ExecutionMode;
import io.github.cptestkit.mock.pipelines.PipelineDeclaration;
import io.github.cptestkit.mock.pipelines.PipelineMetadata;
import io.github.cptestkit.mock.pipelines.PipelineSnapshot;
import io.github.cptestkit.mock.pipelines.StageDeclaration;
import io.github.cptestkit.wire.ActionOwner;
import io.github.cptestkit.wire.ActionTypeId;
import io.github.cptestkit.schemas.AwsError;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The mock's control plane: action types and pipelines, with no HTTP and no JSON. Each method is one operation of
 * the service (or of the mock's Java and admin API) and refuses as CodePipeline does, with a
 * {@link ControlPlaneRefusal} naming the AWS error. Pipelines keep every version; times come from the injected
 * clock.
 *
 * <p>Thread-safe: one lock for the whole control plane (its calls are few and short next to the job operations';
 * the job store may call in while holding its own lock, the control plane never calls out).
 *
 * <pre>{@code
 * ControlPlane controlPlane = new ControlPlane(clock, ControlPlaneScope.DEFAULT, ControlPlaneQuotas.DEFAULT);
 * controlPlane.createCustomActionType(ActionType.custom(ActionCategory.BUILD, "MyBuilder", "1"), List.of());
 * PipelineSnapshot created = controlPlane.createPipeline(declaration, List.of());
 * created.version();                                              // 1
 * controlPlane.updatePipeline(created.pipeline()).version();      // 2
 * }</pre>
 */
public final class ControlPlane {

    /** What GetPipeline answers in place of a secret configuration value, and what UpdatePipeline reads as "keep it". */
    public static final String MASKED_SECRET = "****";
    /** ListActionTypes has no maxResults: the mock's pages hold this many types. */
    public static final int ACTION_TYPES_PAGE = 50;
    /** ListPipelines' page size when the request sets no maxResults. */
    public static final int DEFAULT_PIPELINES_PAGE = 100;
    /** ListTagsForResource's page size when the request sets no maxResults. */
    public static final int DEFAULT_TAGS_PAGE = 50;

    private static final class StoredPipeline {
        final List<PipelineDeclaration> versions = new ArrayList<>();
        final Instant created;
        Instant updated;
        final ResourceTags tags;

        StoredPipeline(Instant created, int tagLimit) {
            this.created = created;
            this.updated = created;
            this.tags = new ResourceTags(tagLimit);
        }

        PipelineDeclaration latest() {
            return versions.get(versions.size() - 1);
        }
    }

    private final Clock clock;
    private final ControlPlaneScope scope;
    private final ControlPlaneQuotas quotas;
    private final ActionTypeRegistry actionTypes;
    private final PipelineValidator validator;
    private final TreeMap<String, StoredPipeline> pipelines = new TreeMap<>();

    public ControlPlane(Clock clock, ControlPlaneScope scope, ControlPlaneQuotas quotas) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.scope = Objects.requireNonNull(scope, "scope");
        this.quotas = Objects.requireNonNull(quotas, "quotas");
        this.actionTypes = new ActionTypeRegistry(scope, quotas);
        this.validator = new PipelineValidator(scope, quotas);
    }

    /** The account and Region it plays. */
    public ControlPlaneScope scope() {
        return scope;
    }

    // ---------------------------------------------------------------- action types

    /** Counts the changes to the action types; {@link #jobSettings} answers the same while it stays. */
    private volatile long actionTypeChanges;

    /**
     * How many times the action types changed (created, deleted, registered, reset): a caller that keeps what
     * {@link #jobSettings} answered keeps it while this stays the same.
     */
    public long actionTypeChanges() {
        return actionTypeChanges;
    }

    /** CreateCustomActionType. */
    public synchronized ActionTypeSnapshot createCustomActionType(ActionType type, List<ResourceTags.Tag> tags) {
        actionTypeChanges++;
        return actionTypes.createCustom(type, tags);
    }

    /** DeleteCustomActionType. */
    public synchronized void deleteCustomActionType(ActionTypeId id) {
        actionTypeChanges++;
        actionTypes.deleteCustom(id);
    }

    /** ListActionTypes ({@code owner} and {@code region} {@code null} for no filter). */
    public synchronized Page<ActionTypeSnapshot> listActionTypes(ActionOwner owner, String region, String nextToken) {
        return actionTypes.list(owner, region, nextToken, ACTION_TYPES_PAGE);
    }

    /** The action type with this id, or empty (deleted custom types are unknown). */
    public synchronized Optional<ActionTypeSnapshot> actionType(ActionTypeId id) {
        return actionTypes.find(id);
    }

    /**
     * GetActionType: the type with this id, or ActionTypeNotFoundException. The model's GetActionType takes owners
     * AWS and ThirdParty only; its schema refuses Custom before this is called.
     */
    public synchronized ActionTypeSnapshot getActionType(ActionTypeId id) {
        return actionTypes.find(id).orElseThrow(() -> new ControlPlaneRefusal(AwsError.ACTION_TYPE_NOT_FOUND,
                ActionTypeRegistry.describe(id) + " is not available: GetActionType answers AWS's own action types and"
                        + " the partner types registered with the mock"));
    }

    /** {@code registerActionType} and the admin API: the type is known from now on, with these job settings. */
    public synchronized void registerActionType(ActionTypeId id, ActionTypeSettings settings) {
        actionTypeChanges++;
        actionTypes.register(id, settings);
    }

    /**
     * A queued job's type: known from now on with the default job settings, unless it is known already (then
     * unchanged).
     */
    public synchronized void knowActionType(ActionTypeId id) {
        if (actionTypes.lookup(id).isEmpty()) {
            actionTypeChanges++;
            actionTypes.register(id, ActionTypeSettings.defaults());
        }
    }

    /** The job settings of a known type (the job store's timeouts and queryable check), or empty when unknown. */
    public synchronized Optional<ActionTypeSettings> jobSettings(ActionTypeId id) {
        return actionTypes.lookup(id).map(known -> known.settings().withQueryableProperty(
                known.queryableProperty().orElse(null)));
    }

    // ---------------------------------------------------------------- pipelines

    /** CreatePipeline: version 1, created and updated now. */
    public synchronized PipelineSnapshot createPipeline(PipelineDeclaration declaration, List<ResourceTags.Tag> tags) {
        Objects.requireNonNull(declaration, "declaration");
        if (pipelines.containsKey(declaration.name())) {
            throw new ControlPlaneRefusal(AwsError.PIPELINE_NAME_IN_USE, "A pipeline with name '" + declaration.name()
                    + "' already exists in account '" + scope.accountId() + "' (" + scope.region() + "): choose"
                    + " another name, or change it with UpdatePipeline");
        }
        if (pipelines.size() >= quotas.pipelines()) {
            throw new ControlPlaneRefusal(AwsError.LIMIT_EXCEEDED, "Account '" + scope.accountId() + "' has "
                    + pipelines.size() + " pipelines in " + scope.region() + ", the most a Region can have ("
                    + quotas.pipelines() + "): delete one first");
        }
        validator.check(declaration, actionTypes::lookup);
        StoredPipeline stored = new StoredPipeline(clock.instant(), quotas.tagsPerResource());
        stored.tags.add(tags, "pipeline " + declaration.name());
        stored.versions.add(normalized(declaration, 1));
        pipelines.put(declaration.name(), stored);
        return snapshot(declaration.name(), stored, stored.latest());
    }

    /**
     * UpdatePipeline: the declaration replaces the latest version as version + 1 (a version in the declaration is
     * ignored, as the service numbers versions itself). A secret value given as {@value #MASKED_SECRET} keeps the
     * value the action had. A pipeline cannot be renamed: an unknown name is PipelineNotFoundException.
     */
    public synchronized PipelineSnapshot updatePipeline(PipelineDeclaration declaration) {
        Objects.requireNonNull(declaration, "declaration");
        StoredPipeline stored = stored(declaration.name());
        PipelineDeclaration unmasked = keepSecrets(declaration, stored.latest());
        validator.check(unmasked, actionTypes::lookup);
        stored.versions.add(normalized(unmasked, stored.versions.size() + 1));
        stored.updated = clock.instant();
        return snapshot(declaration.name(), stored, stored.latest());
    }

    /** GetPipeline of the latest version. */
    public synchronized PipelineSnapshot pipeline(String name) {
        StoredPipeline stored = stored(name);
        return snapshot(name, stored, stored.latest());
    }

    /** GetPipeline of {@code version}, or the latest for {@code null}. */
    public synchronized PipelineSnapshot pipeline(String name, Integer version) {
        StoredPipeline stored = stored(name);
        if (version == null) {
            return snapshot(name, stored, stored.latest());
        }
        if (version < 1 || version > stored.versions.size()) {
            throw new ControlPlaneRefusal(AwsError.PIPELINE_VERSION_NOT_FOUND, "Pipeline '" + name + "' has no"
                    + " version " + version + ": its versions are 1 to " + stored.versions.size());
        }
        return snapshot(name, stored, stored.versions.get(version - 1));
    }

    /** The pipeline named {@code name}, or empty. */
    public synchronized Optional<PipelineSnapshot> findPipeline(String name) {
        StoredPipeline stored = pipelines.get(name);
        return stored == null ? Optional.empty() : Optional.of(snapshot(name, stored, stored.latest()));
    }

    /** DeletePipeline: deleting a pipeline the mock does not have succeeds, as the model lists no error for it. */
    public synchronized void deletePipeline(String name) {
        pipelines.remove(name);
    }

    /** ListPipelines: by name, {@code maxResults} a page ({@value #DEFAULT_PIPELINES_PAGE} for {@code null}). */
    public synchronized Page<PipelineSnapshot> listPipelines(Integer maxResults, String nextToken) {
        List<PipelineSnapshot> all = new ArrayList<>();
        pipelines.forEach((name, stored) -> all.add(snapshot(name, stored, stored.latest())));
        return Page.of(all, PipelineSnapshot::name, nextToken, maxResults == null ? DEFAULT_PIPELINES_PAGE : maxResults);
    }

    /** Every pipeline, by name. */
    public synchronized List<PipelineSnapshot> pipelines() {
        return listPipelines(Integer.MAX_VALUE, null).items();
    }

    /**
     * The declaration as GetPipeline answers it: the values of secret configuration properties replaced by
     * {@value #MASKED_SECRET}.
     */
    public synchronized PipelineDeclaration masked(PipelineDeclaration declaration) {
        return declaration.withStages(declaration.stages().stream().map(stage -> new StageDeclaration(stage.name(),
                stage.blockers(), stage.actions().stream().map(this::masked).toList(), stage.otherMembers())).toList());
    }

    private ActionDeclaration masked(ActionDeclaration action) {
        Collection<String> secrets = secretKeys(action.actionTypeId());
        if (secrets.isEmpty() || action.configuration().keySet().stream().noneMatch(secrets::contains)) {
            return action;
        }
        Map<String, String> configuration = new LinkedHashMap<>(action.configuration());
        configuration.replaceAll((key, value) -> secrets.contains(key) ? MASKED_SECRET : value);
        return action.withConfiguration(configuration);
    }

    private PipelineDeclaration keepSecrets(PipelineDeclaration declaration, PipelineDeclaration previous) {
        return declaration.withStages(declaration.stages().stream().map(stage -> new StageDeclaration(stage.name(),
                stage.blockers(), stage.actions().stream().map(action -> keepSecrets(action,
                        previous.stage(stage.name()).flatMap(s -> s.action(action.name())))).toList(),
                stage.otherMembers())).toList());
    }

    private ActionDeclaration keepSecrets(ActionDeclaration action, Optional<ActionDeclaration> before) {
        if (before.isEmpty() || !action.configuration().containsValue(MASKED_SECRET)) {
            return action;
        }
        Collection<String> secrets = secretKeys(action.actionTypeId());
        Map<String, String> configuration = new LinkedHashMap<>(action.configuration());
        configuration.replaceAll((key, value) -> MASKED_SECRET.equals(value) && secrets.contains(key)
                && before.get().configuration().containsKey(key) ? before.get().configuration().get(key) : value);
        return action.withConfiguration(configuration);
    }

    private Collection<String> secretKeys(ActionTypeId id) {
        return actionTypes.lookup(id).map(KnownType::type).map(type -> type.configurationProperties().stream()
                .filter(ConfigurationProperty::secret).map(ConfigurationProperty::name).toList()).orElse(List.of());
    }

    private static PipelineDeclaration normalized(PipelineDeclaration declaration, int version) {
        return new PipelineDeclaration(declaration.name(), declaration.roleArn(), declaration.artifactStore(),
                declaration.artifactStores(), declaration.stages(), version,
                PipelineValidator.effectiveType(declaration),
                declaration.executionMode() == null ? ExecutionMode.SUPERSEDED : declaration.executionMode(),
                declaration.variables(), declaration.otherMembers());
    }

    private StoredPipeline stored(String name) {
        StoredPipeline stored = pipelines.get(name);
        if (stored == null) {
            throw new ControlPlaneRefusal(AwsError.PIPELINE_NOT_FOUND, "Account '" + scope.accountId() + "' does not"
                    + " have a pipeline with name '" + name + "'" + (pipelines.isEmpty() ? ""
                            : " (it has " + describeNames() + ")"));
        }
        return stored;
    }

    private String describeNames() {
        List<String> names = pipelines.keySet().stream().limit(5).toList();
        return String.join(", ", names) + (pipelines.size() > names.size() ? ", ..." : "");
    }

    /** GetPipeline gives one metadata for the pipeline, whichever version it answers. */
    private PipelineSnapshot snapshot(String name, StoredPipeline stored, PipelineDeclaration version) {
        return new PipelineSnapshot(version, new PipelineMetadata(scope.pipelineArn(name), stored.created,
                stored.updated), stored.tags.asMap());
    }

    // ---------------------------------------------------------------- tags

    /** TagResource on a pipeline or custom action type ARN. */
    public synchronized void tagResource(String arn, List<ResourceTags.Tag> tags) {
        tagsOf(arn).add(tags, arn);
    }

    /** UntagResource. */
    public synchronized void untagResource(String arn, List<String> keys) {
        tagsOf(arn).remove(keys, arn);
    }

    /** ListTagsForResource. */
    public synchronized Page<ResourceTags.Tag> listTagsForResource(String arn, Integer maxResults, String nextToken) {
        List<ResourceTags.Tag> tags = tagsOf(arn).asList();
        List<ResourceTags.Tag> sorted = tags.stream().sorted(Comparator.comparing(ResourceTags.Tag::key))
                .toList();
        return Page.of(sorted, ResourceTags.Tag::key, nextToken, maxResults == null ? DEFAULT_TAGS_PAGE : maxResults);
    }

    private ResourceTags tagsOf(String arn) {
        Optional<ControlPlaneScope.Resource> resource = scope.resource(arn);
        Optional<ResourceTags> tags = Optional.empty();
        if (resource.isPresent() && resource.get() instanceof ControlPlaneScope.Resource.Pipeline pipeline) {
            tags = Optional.ofNullable(pipelines.get(pipeline.name())).map(stored -> stored.tags);
        } else if (resource.isPresent() && resource.get() instanceof ControlPlaneScope.Resource.ActionType type) {
            tags = actionTypes.tags(type.id());
        }
        return tags.orElseThrow(() -> new ControlPlaneRefusal(AwsError.RESOURCE_NOT_FOUND, "The resource " + arn
                + " was not found in account '" + scope.accountId() + "' (" + scope.region() + "): tags are kept for"
                + " pipelines and custom action types"));
    }

    // ---------------------------------------------------------------- reset

    /** Forgets every pipeline and every created, registered and deleted action type. */
    public synchronized void reset() {
        actionTypeChanges++;
        pipelines.clear();
        actionTypes.clear();
    }
}
