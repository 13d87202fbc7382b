package io.github.cptestkit.mock.internal.pipelines;

import io.github.cptestkit.mock.internal.pipelines.ActionTypeCatalog.BuiltInProvider;
import io.github.cptestkit.mock.jobs.ActionTypeSettings;
import io.github.cptestkit.mock.pipelines.ActionType;
import io.github.cptestkit.mock.pipelines.ActionTypeSnapshot;
import io.github.cptestkit.mock.pipelines.ActionTypeSnapshot.Origin;
import io.github.cptestkit.mock.pipelines.ArtifactDetails;
import io.github.cptestkit.mock.pipelines.ConfigurationProperty;
import io.github.cptestkit.wire.ActionOwner;
import io.github.cptestkit.wire.ActionTypeId;
import io.github.cptestkit.schemas.AwsError;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every action type the mock knows: AWS's own providers ({@link ActionTypeCatalog}), the custom types
 * CreateCustomActionType made, and the types {@code registerActionType}, the admin API or a queued job registered.
 * One registry for all of them, so that a type made through the API and one registered from Java are the same
 * thing to pipelines and to the job operations. Not thread-safe: guarded by {@link ControlPlane}.
 *
 * <pre>{@code
 * ActionTypeRegistry registry = new ActionTypeRegistry(ControlPlaneScope.DEFAULT, ControlPlaneQuotas.DEFAULT);
 * registry.createCustom(ActionType.custom(ActionCategory.BUILD, "MyBuilder", "1"), List.of());
 * registry.find(new ActionTypeId(ActionCategory.BUILD, ActionOwner.CUSTOM, "MyBuilder", "1"));   // CREATED
 * }</pre>
 */
final class ActionTypeRegistry {

    /** A type as pipelines see it: its declaration, where it came from and, for AWS's own, its provider's rules. */
    record KnownType(ActionType type, ActionTypeSettings settings, Origin origin, Optional<BuiltInProvider> builtIn) {

        /** The name of the configuration property PollForJobs filters on, or empty. */
        Optional<String> queryableProperty() {
            return Optional.ofNullable(settings.queryableProperty()).or(type::queryableProperty);
        }
    }

    private static final class Entry {
        ActionType type;
        ActionTypeSettings settings;
        Origin origin;
        final ResourceTags tags;

        Entry(ActionType type, ActionTypeSettings settings, Origin origin, int tagLimit) {
            this.type = type;
            this.settings = settings;
            this.origin = origin;
            this.tags = new ResourceTags(tagLimit);
        }
    }

    private static final Pattern CONFIG_REFERENCE = Pattern.compile("\\{Config:([^}]*)}");
    private static final Comparator<ActionTypeId> ORDER = Comparator.comparing(ActionTypeRegistry::sortKey);

    private final ControlPlaneScope scope;
    private final ControlPlaneQuotas quotas;
    /** Created and registered types, and built-in ones given settings or tags. */
    private final Map<ActionTypeId, Entry> entries = new HashMap<>();
    /** Custom types DeleteCustomActionType marked as deleted, with the declaration they had. */
    private final Map<ActionTypeId, ActionType> deleted = new HashMap<>();

    ActionTypeRegistry(ControlPlaneScope scope, ControlPlaneQuotas quotas) {
        this.scope = Objects.requireNonNull(scope, "scope");
        this.quotas = Objects.requireNonNull(quotas, "quotas");
    }

    /**
     * CreateCustomActionType: checks the declaration (ValidationException), the quota (LimitExceededException) and the
     * tags, then keeps it. Creating a type that exists with the same declaration returns it; so does creating a
     * deleted one with its old declaration (AWS's documented restore); any other declaration of a version used before
     * is refused. A registered type of the same id becomes this created one, keeping its job timeout.
     */
    ActionTypeSnapshot createCustom(ActionType type, List<ResourceTags.Tag> tags) {
        ActionTypeId id = type.id();
        checkCustomDeclaration(type);
        Entry existing = entries.get(id);
        if (existing != null && existing.origin == Origin.CREATED) {
            if (!existing.type.equals(type)) {
                throw new ControlPlaneRefusal(AwsError.VALIDATION, describe(id) + " already exists with another"
                        + " declaration: a custom action type cannot be changed; create it with a version string"
                        + " not used before");
            }
            existing.tags.add(tags, describe(id));
            return snapshot(existing);
        }
        ActionType before = deleted.get(id);
        if (before != null && !before.equals(type)) {
            throw new ControlPlaneRefusal(AwsError.VALIDATION, describe(id) + " was deleted, and its version '"
                    + id.version() + "' can only restore it with the declaration it had: use a version string"
                    + " never used before for a new declaration");
        }
        long created = entries.values().stream().filter(e -> e.origin == Origin.CREATED).count();
        if (created >= quotas.customActionTypes()) {
            throw new ControlPlaneRefusal(AwsError.LIMIT_EXCEEDED, "Account '" + scope.accountId() + "' has "
                    + created + " custom action types in " + scope.region() + ", the most a Region can have ("
                    + quotas.customActionTypes() + "): delete one with DeleteCustomActionType first");
        }
        Entry entry = existing != null ? existing
                : new Entry(type, ActionTypeSettings.defaults(), Origin.CREATED, quotas.tagsPerResource());
        entry.tags.check(tags, describe(id));
        entry.type = type;
        entry.origin = Origin.CREATED;
        entry.settings = new ActionTypeSettings(entry.settings.jobTimeout(), type.queryableProperty().orElse(null));
        entry.tags.add(tags, describe(id));
        entries.put(id, entry);
        deleted.remove(id);
        return snapshot(entry);
    }

    /** CreateCustomActionType's rules of the declaration itself; each broken one is ValidationException. */
    private static void checkCustomDeclaration(ActionType type) {
        ActionTypeId id = type.id();
        if (id.owner() != ActionOwner.CUSTOM) {
            throw new ControlPlaneRefusal(AwsError.VALIDATION, "CreateCustomActionType makes types of owner Custom,"
                    + " but " + describe(id) + " has owner " + id.owner().wire());
        }
        checkCounts(id, "inputArtifactDetails", type.inputArtifactDetails());
        checkCounts(id, "outputArtifactDetails", type.outputArtifactDetails());
        Set<String> names = new HashSet<>();
        List<String> queryable = new ArrayList<>();
        for (ConfigurationProperty property : type.configurationProperties()) {
            if (!names.add(property.name())) {
                throw new ControlPlaneRefusal(AwsError.VALIDATION, "The configuration property '" + property.name()
                        + "' of " + describe(id) + " is declared twice: property names must be unique");
            }
            if (property.queryable()) {
                queryable.add(property.name());
                if (!property.required() || property.secret()) {
                    throw new ControlPlaneRefusal(AwsError.VALIDATION, "The queryable configuration property '"
                            + property.name() + "' of " + describe(id) + " must be required and not secret, but is "
                            + (property.required() ? "" : "not required") + (!property.required() && property.secret()
                                    ? " and " : "") + (property.secret() ? "secret" : ""));
                }
            }
        }
        if (queryable.size() > 1) {
            throw new ControlPlaneRefusal(AwsError.VALIDATION, describe(id) + " declares " + queryable.size()
                    + " queryable configuration properties " + queryable + ", but an action type can have at most"
                    + " one");
        }
        for (String template : new String[] {type.settings().entityUrlTemplate(), type.settings().executionUrlTemplate(),
                type.settings().revisionUrlTemplate()}) {
            if (template == null) {
                continue;
            }
            Matcher reference = CONFIG_REFERENCE.matcher(template);
            while (reference.find()) {
                String name = reference.group(1);
                Optional<ConfigurationProperty> property = type.property(name);
                if (property.isEmpty() || !property.get().required() || property.get().secret()) {
                    throw new ControlPlaneRefusal(AwsError.VALIDATION, "The URL template '" + template + "' of "
                            + describe(id) + " refers to {Config:" + name + "}, but a template may name only a"
                            + " configuration property that is required and not secret"
                            + (property.isEmpty() ? " (the type declares no property '" + name + "')" : ""));
                }
            }
        }
    }

    private static void checkCounts(ActionTypeId id, String member, ArtifactDetails details) {
        if (details.minimumCount() > details.maximumCount()) {
            throw new ControlPlaneRefusal(AwsError.VALIDATION, member + " of " + describe(id) + " has minimumCount "
                    + details.minimumCount() + " above its maximumCount " + details.maximumCount());
        }
    }

    /**
     * DeleteCustomActionType: marks the custom type as deleted (pipelines can no longer use it, PollForJobs refuses
     * it); deleting one the mock does not have succeeds, as the model lists no error for it.
     */
    void deleteCustom(ActionTypeId id) {
        Entry entry = entries.get(id);
        if (entry == null || id.owner() != ActionOwner.CUSTOM) {
            return;
        }
        entries.remove(id);
        deleted.put(id, entry.type);
    }

    /**
     * {@code registerActionType}, the admin API and queued jobs: makes the type known with these job settings. A
     * created or built-in type keeps its declaration and takes the settings; an unknown one is known from now on with
     * no declared properties (any configuration accepted). Registering a deleted custom type restores it.
     */
    void register(ActionTypeId id, ActionTypeSettings settings) {
        Objects.requireNonNull(settings, "settings");
        Entry entry = entries.get(id);
        if (entry != null) {
            entry.settings = settings;
            return;
        }
        Optional<BuiltInProvider> builtIn = ActionTypeCatalog.find(id);
        ActionType type = builtIn.map(BuiltInProvider::type).orElseGet(() -> deleted.containsKey(id) ? deleted.get(id)
                : registeredDeclaration(id));
        Origin origin = builtIn.isPresent() ? Origin.BUILT_IN : deleted.containsKey(id) ? Origin.CREATED
                : Origin.REGISTERED;
        deleted.remove(id);
        entries.put(id, new Entry(type, settings, origin, quotas.tagsPerResource()));
    }

    private static ActionType registeredDeclaration(ActionTypeId id) {
        int most = id.owner() == ActionOwner.THIRD_PARTY ? 10 : 5;
        return new ActionType(id, null, List.of(), ArtifactDetails.between(0, most), ArtifactDetails.between(0, most));
    }

    /** The type with this id, or empty (deleted custom types are not known). */
    Optional<KnownType> lookup(ActionTypeId id) {
        Entry entry = entries.get(id);
        if (entry != null) {
            return Optional.of(new KnownType(entry.type, entry.settings, entry.origin, ActionTypeCatalog.find(id)));
        }
        return ActionTypeCatalog.find(id).map(p -> new KnownType(p.type(), ActionTypeSettings.defaults(),
                Origin.BUILT_IN, Optional.of(p)));
    }

    /** The snapshot of the type with this id, or empty. */
    Optional<ActionTypeSnapshot> find(ActionTypeId id) {
        Entry entry = entries.get(id);
        if (entry != null) {
            return Optional.of(snapshot(entry));
        }
        return ActionTypeCatalog.find(id).map(p -> new ActionTypeSnapshot(p.type(), ActionTypeSettings.defaults(),
                Origin.BUILT_IN, Map.of()));
    }

    /**
     * ListActionTypes: the types of {@code owner} (all for {@code null}), sorted by owner, category, provider and
     * version, a page at a time. With a {@code region} other than the mock's, only AWS's own and the guide's partner
     * providers are listed (custom types belong to the Region they were made in).
     */
    Page<ActionTypeSnapshot> list(ActionOwner owner, String region, String nextToken, int pageSize) {
        boolean here = region == null || region.equals(scope.region());
        Map<ActionTypeId, ActionTypeSnapshot> all = new HashMap<>();
        ActionTypeCatalog.all().forEach(p -> all.put(p.type().id(), find(p.type().id()).orElseThrow()));
        if (here) {
            entries.values().forEach(e -> all.put(e.type.id(), snapshot(e)));
        }
        List<ActionTypeSnapshot> sorted = all.values().stream()
                .filter(s -> owner == null || s.actionType().id().owner() == owner)
                .sorted(Comparator.comparing(s -> s.actionType().id(), ORDER))
                .toList();
        return Page.of(sorted, s -> sortKey(s.actionType().id()), nextToken, pageSize);
    }

    /** The tags of a known type, for TagResource, UntagResource and ListTagsForResource; empty when unknown. */
    Optional<ResourceTags> tags(ActionTypeId id) {
        Entry entry = entries.get(id);
        if (entry == null && ActionTypeCatalog.find(id).isPresent()) {
            return Optional.empty();     // AWS's own types cannot be tagged
        }
        return Optional.ofNullable(entry).filter(e -> e.origin != Origin.BUILT_IN).map(e -> e.tags);
    }

    /** Forgets every created, registered and deleted type (AWS's own stay). */
    void clear() {
        entries.clear();
        deleted.clear();
    }

    private ActionTypeSnapshot snapshot(Entry entry) {
        return new ActionTypeSnapshot(entry.type, entry.settings, entry.origin, entry.tags.asMap());
    }

    /** AWS's own words for a type, as its errors name it. */
    static String describe(ActionTypeId id) {
        return "ActionType (Category: '" + id.category().wire() + "', Provider: '" + id.provider() + "', Owner: '"
                + id.owner().wire() + "', Version: '" + id.version() + "')";
    }

    private static String sortKey(ActionTypeId id) {
        return id.owner().wire() + "/" + id.category().wire() + "/" + id.provider() + "/" + id.version();
    }
}
