package io.github.cptestkit.mock.internal.codepipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cptestkit.mock.internal.pipelines.ResourceTags;
import io.github.cptestkit.mock.jobs.ActionTypeSettings;
import io.github.cptestkit.mock.pipelines.ActionDeclaration;
import io.github.cptestkit.mock.pipelines.ActionType;
import io.github.cptestkit.mock.pipelines.ActionTypeSnapshot;
import io.github.cptestkit.mock.pipelines.ActionTypeUrls;
import io.github.cptestkit.mock.pipelines.ArtifactDetails;
import io.github.cptestkit.mock.pipelines.ArtifactStore;
import io.github.cptestkit.mock.pipelines.BlockerDeclaration;
import io.github.cptestkit.mock.pipelines.ConfigurationProperty;
import io.github.cptestkit.mock.pipelines.ConfigurationPropertyType;
import io.github.cptestkit.mock.pipelines.ExecutionMode;
import io.github.cptestkit.mock.pipelines.PipelineDeclaration;
import io.github.cptestkit.mock.pipelines.PipelineMetadata;
import io.github.cptestkit.mock.pipelines.PipelineSnapshot;
import io.github.cptestkit.mock.pipelines.PipelineType;
import io.github.cptestkit.mock.pipelines.PipelineVariableDeclaration;
import io.github.cptestkit.mock.pipelines.StageDeclaration;
import io.github.cptestkit.schemas.WireJson;
import io.github.cptestkit.wire.ActionCategory;
import io.github.cptestkit.wire.ActionOwner;
import io.github.cptestkit.wire.ActionTypeId;
import io.github.cptestkit.wire.EncryptionKey;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The control plane's values in AWS's JSON and back: pipeline declarations (as CreatePipeline takes them and
 * GetPipeline answers them), action types (CreateCustomActionType, ListActionTypes, GetActionType), pipeline
 * summaries and metadata, tags. Reading expects JSON that passed the operation's input schema (the protocol edge
 * checks it first); members the mock does not model ({@code triggers}, {@code onFailure}, {@code commands}, ...) are
 * kept as the declaration's {@code otherMembers} and written back unchanged.
 *
 * <pre>{@code
 * PipelineDeclaration declaration = ControlPlaneJson.pipeline(request.get("pipeline"));
 * ObjectNode answer = ControlPlaneJson.object().set("pipeline", ControlPlaneJson.pipeline(declaration));
 * }</pre>
 */
public final class ControlPlaneJson {

    private static final ObjectMapper JSON = WireJson.mapper();
    private static final Set<String> PIPELINE_MEMBERS = Set.of("name", "roleArn", "artifactStore", "artifactStores",
            "stages", "version", "pipelineType", "executionMode", "variables");
    private static final Set<String> STAGE_MEMBERS = Set.of("name", "blockers", "actions");
    private static final Set<String> ACTION_MEMBERS = Set.of("name", "actionTypeId", "runOrder", "configuration",
            "inputArtifacts", "outputArtifacts", "namespace", "region", "roleArn", "timeoutInMinutes");

    /** The most configuration properties an {@code ActionType} or {@code ActionTypeDeclaration} answer lists. */
    static final int MAX_LISTED_PROPERTIES = 10;
    /** The largest artifact count of an {@code ActionType} answer ({@code ArtifactDetails}). */
    static final int MAX_LISTED_ARTIFACTS = 5;
    /** The largest artifact count of an {@code ActionTypeDeclaration} answer ({@code ActionTypeArtifactDetails}). */
    static final int MAX_DECLARED_ARTIFACTS = 10;

    private ControlPlaneJson() {}

    /** An empty JSON object. */
    public static ObjectNode object() {
        return JSON.createObjectNode();
    }

    // ---------------------------------------------------------------- pipelines

    /** A {@code PipelineDeclaration} object. */
    public static PipelineDeclaration pipeline(JsonNode json) {
        PipelineDeclaration.Builder builder = PipelineDeclaration.builder(json.path("name").asText())
                .roleArn(text(json, "roleArn"))
                .artifactStore(json.has("artifactStore") ? artifactStore(json.get("artifactStore")) : null)
                .version(json.has("version") ? json.get("version").asInt() : null)
                .pipelineType(json.has("pipelineType")
                        ? PipelineType.fromWire(json.get("pipelineType").asText()).orElse(null) : null)
                .executionMode(json.has("executionMode")
                        ? ExecutionMode.fromWire(json.get("executionMode").asText()).orElse(null) : null);
        json.path("artifactStores").properties().forEach(e -> builder.artifactStore(e.getKey(),
                artifactStore(e.getValue())));
        json.path("stages").forEach(stage -> builder.stage(stage(stage)));
        json.path("variables").forEach(variable -> builder.variable(new PipelineVariableDeclaration(
                variable.path("name").asText(), text(variable, "defaultValue"), text(variable, "description"))));
        otherMembers(json, PIPELINE_MEMBERS).forEach(builder::otherMember);
        return builder.build();
    }

    private static StageDeclaration stage(JsonNode json) {
        List<BlockerDeclaration> blockers = new ArrayList<>();
        json.path("blockers").forEach(b -> blockers.add(new BlockerDeclaration(b.path("name").asText(),
                b.path("type").asText())));
        List<ActionDeclaration> actions = new ArrayList<>();
        json.path("actions").forEach(a -> actions.add(action(a)));
        return new StageDeclaration(json.path("name").asText(), blockers, actions, otherMembers(json, STAGE_MEMBERS));
    }

    private static ActionDeclaration action(JsonNode json) {
        Map<String, String> configuration = new LinkedHashMap<>();
        json.path("configuration").properties().forEach(e -> configuration.put(e.getKey(), e.getValue().asText()));
        return new ActionDeclaration(json.path("name").asText(), actionTypeId(json.get("actionTypeId")),
                json.has("runOrder") ? json.get("runOrder").asInt() : ActionDeclaration.DEFAULT_RUN_ORDER,
                configuration, names(json.path("inputArtifacts")), names(json.path("outputArtifacts")),
                text(json, "namespace"), text(json, "region"), text(json, "roleArn"),
                json.has("timeoutInMinutes") ? json.get("timeoutInMinutes").asInt() : null,
                otherMembers(json, ACTION_MEMBERS));
    }

    private static ArtifactStore artifactStore(JsonNode json) {
        JsonNode key = json.get("encryptionKey");
        return new ArtifactStore(json.path("location").asText(), key == null ? null
                : new EncryptionKey(key.path("id").asText(), key.path("type").asText()));
    }

    /** A declaration as AWS writes it: every modelled member, then the ones kept from the request. */
    public static ObjectNode pipeline(PipelineDeclaration declaration) {
        ObjectNode json = object().put("name", declaration.name());
        putText(json, "roleArn", declaration.roleArn());
        if (declaration.artifactStore() != null) {
            json.set("artifactStore", artifactStore(declaration.artifactStore()));
        }
        if (!declaration.artifactStores().isEmpty()) {
            ObjectNode stores = json.putObject("artifactStores");
            declaration.artifactStores().forEach((region, store) -> stores.set(region, artifactStore(store)));
        }
        ArrayNode stages = json.putArray("stages");
        declaration.stages().forEach(stage -> stages.add(stage(stage)));
        if (declaration.version() != null) {
            json.put("version", declaration.version());
        }
        if (declaration.executionMode() != null) {
            json.put("executionMode", declaration.executionMode().wire());
        }
        if (declaration.pipelineType() != null) {
            json.put("pipelineType", declaration.pipelineType().wire());
        }
        if (!declaration.variables().isEmpty()) {
            ArrayNode variables = json.putArray("variables");
            for (PipelineVariableDeclaration variable : declaration.variables()) {
                ObjectNode v = variables.addObject().put("name", variable.name());
                putText(v, "defaultValue", variable.defaultValue());
                putText(v, "description", variable.description());
            }
        }
        putOthers(json, declaration.otherMembers());
        return json;
    }

    private static ObjectNode stage(StageDeclaration stage) {
        ObjectNode json = object().put("name", stage.name());
        if (!stage.blockers().isEmpty()) {
            ArrayNode blockers = json.putArray("blockers");
            stage.blockers().forEach(b -> blockers.addObject().put("name", b.name()).put("type", b.type()));
        }
        ArrayNode actions = json.putArray("actions");
        stage.actions().forEach(action -> actions.add(action(action)));
        putOthers(json, stage.otherMembers());
        return json;
    }

    private static ObjectNode action(ActionDeclaration action) {
        ObjectNode json = object().put("name", action.name());
        json.set("actionTypeId", actionTypeId(action.actionTypeId()));
        json.put("runOrder", action.runOrder());
        if (!action.configuration().isEmpty()) {
            ObjectNode configuration = json.putObject("configuration");
            action.configuration().forEach(configuration::put);
        }
        ArrayNode outputs = json.putArray("outputArtifacts");
        action.outputArtifacts().forEach(name -> outputs.addObject().put("name", name));
        ArrayNode inputs = json.putArray("inputArtifacts");
        action.inputArtifacts().forEach(name -> inputs.addObject().put("name", name));
        putText(json, "roleArn", action.roleArn());
        putText(json, "region", action.region());
        putText(json, "namespace", action.namespace());
        if (action.timeoutInMinutes() != null) {
            json.put("timeoutInMinutes", action.timeoutInMinutes());
        }
        putOthers(json, action.otherMembers());
        return json;
    }

    private static ObjectNode artifactStore(ArtifactStore store) {
        ObjectNode json = object().put("type", store.type()).put("location", store.location());
        if (store.encryptionKey() != null) {
            json.putObject("encryptionKey").put("id", store.encryptionKey().id())
                    .put("type", store.encryptionKey().type());
        }
        return json;
    }

    /** GetPipeline's {@code metadata}. */
    public static ObjectNode metadata(PipelineMetadata metadata) {
        ObjectNode json = object().put("pipelineArn", metadata.pipelineArn());
        json.put("created", epochSeconds(metadata.created()));
        json.put("updated", epochSeconds(metadata.updated()));
        return json;
    }

    /** One {@code PipelineSummary} of ListPipelines. */
    public static ObjectNode summary(PipelineSnapshot snapshot) {
        PipelineDeclaration pipeline = snapshot.pipeline();
        ObjectNode json = object().put("name", pipeline.name()).put("version", pipeline.version());
        if (pipeline.pipelineType() != null) {
            json.put("pipelineType", pipeline.pipelineType().wire());
        }
        if (pipeline.executionMode() != null) {
            json.put("executionMode", pipeline.executionMode().wire());
        }
        json.put("created", epochSeconds(snapshot.metadata().created()));
        json.put("updated", epochSeconds(snapshot.metadata().updated()));
        return json;
    }

    // ---------------------------------------------------------------- action types

    /** The action type a CreateCustomActionType request declares (owner Custom). */
    public static ActionType customActionType(JsonNode request) {
        ActionTypeId id = new ActionTypeId(ActionCategory.fromWire(request.path("category").asText()),
                ActionOwner.CUSTOM, request.path("provider").asText(), request.path("version").asText());
        JsonNode settings = request.path("settings");
        ActionTypeUrls urls = new ActionTypeUrls(text(settings, "entityUrlTemplate"),
                text(settings, "executionUrlTemplate"), text(settings, "revisionUrlTemplate"),
                text(settings, "thirdPartyConfigurationUrl"));
        List<ConfigurationProperty> properties = new ArrayList<>();
        for (JsonNode p : request.path("configurationProperties")) {
            properties.add(new ConfigurationProperty(p.path("name").asText(), p.path("required").asBoolean(),
                    p.path("key").asBoolean(), p.path("secret").asBoolean(), p.path("queryable").asBoolean(),
                    text(p, "description"), p.has("type")
                            ? ConfigurationPropertyType.fromWire(p.get("type").asText()).orElse(null) : null));
        }
        return new ActionType(id, urls, properties, artifactDetails(request.path("inputArtifactDetails")),
                artifactDetails(request.path("outputArtifactDetails")));
    }

    private static ArtifactDetails artifactDetails(JsonNode json) {
        return new ArtifactDetails(json.path("minimumCount").asInt(), json.path("maximumCount").asInt());
    }

    /**
     * An {@code ActionType} as CreateCustomActionType and ListActionTypes answer it, within the model's constraints
     * of that shape: at most {@value #MAX_LISTED_PROPERTIES} configuration properties (the required ones first) and
     * artifact counts of at most {@value #MAX_LISTED_ARTIFACTS}. AWS's own providers declare more of both (the
     * CloudFormation StackSet action has 13 properties, partner types up to 10 artifacts); GetActionType answers
     * artifact counts up to 10.
     */
    public static ObjectNode actionType(ActionType type) {
        ObjectNode json = object();
        json.set("id", actionTypeId(type.id()));
        ActionTypeUrls urls = type.settings();
        if (!urls.isEmpty()) {
            ObjectNode settings = json.putObject("settings");
            putText(settings, "thirdPartyConfigurationUrl", urls.thirdPartyConfigurationUrl());
            putText(settings, "entityUrlTemplate", urls.entityUrlTemplate());
            putText(settings, "executionUrlTemplate", urls.executionUrlTemplate());
            putText(settings, "revisionUrlTemplate", urls.revisionUrlTemplate());
        }
        ArrayNode properties = json.putArray("actionConfigurationProperties");
        for (ConfigurationProperty property : listed(type.configurationProperties())) {
            ObjectNode p = properties.addObject().put("name", property.name()).put("required", property.required())
                    .put("key", property.key()).put("secret", property.secret()).put("queryable", property.queryable());
            putText(p, "description", property.description());
            if (property.type() != null) {
                p.put("type", property.type().wire());
            }
        }
        json.set("inputArtifactDetails", artifactDetails(type.inputArtifactDetails(), MAX_LISTED_ARTIFACTS));
        json.set("outputArtifactDetails", artifactDetails(type.outputArtifactDetails(), MAX_LISTED_ARTIFACTS));
        return json;
    }

    /** The properties an {@code ActionType} answer lists: the required first, at most the model's ten. */
    private static List<ConfigurationProperty> listed(List<ConfigurationProperty> properties) {
        List<ConfigurationProperty> listed = new ArrayList<>();
        properties.stream().filter(ConfigurationProperty::required).forEach(listed::add);
        properties.stream().filter(p -> !p.required()).forEach(listed::add);
        return listed.subList(0, Math.min(listed.size(), MAX_LISTED_PROPERTIES));
    }

    /**
     * An {@code ActionTypeDeclaration} as GetActionType answers it: executed by job workers (the mock runs no
     * Lambda executor of its own), with the type's job timeout when it has one; the properties cut to the model's
     * ten as for {@link #actionType(ActionType)}, artifact counts up to ten.
     */
    public static ObjectNode actionTypeDeclaration(ActionTypeSnapshot snapshot) {
        ActionType type = snapshot.actionType();
        ObjectNode json = object();
        ObjectNode executor = json.putObject("executor");
        executor.putObject("configuration").putObject("jobWorkerExecutorConfiguration");
        executor.put("type", "JobWorker");
        ActionTypeSettings settings = snapshot.settings();
        if (settings.jobTimeout() != null) {
            executor.put("jobTimeout", settings.jobTimeout().toSeconds());
        }
        json.set("id", actionTypeId(type.id()));
        json.set("inputArtifactDetails", artifactDetails(type.inputArtifactDetails(), MAX_DECLARED_ARTIFACTS));
        json.set("outputArtifactDetails", artifactDetails(type.outputArtifactDetails(), MAX_DECLARED_ARTIFACTS));
        ArrayNode properties = json.putArray("properties");
        for (ConfigurationProperty property : listed(type.configurationProperties())) {
            ObjectNode p = properties.addObject().put("name", property.name()).put("optional", !property.required())
                    .put("key", property.key()).put("noEcho", property.secret()).put("queryable", property.queryable());
            putText(p, "description", property.description());
        }
        ActionTypeUrls urls = type.settings();
        if (!urls.isEmpty()) {
            ObjectNode u = json.putObject("urls");
            putText(u, "configurationUrl", urls.thirdPartyConfigurationUrl());
            putText(u, "entityUrlTemplate", urls.entityUrlTemplate());
            putText(u, "executionUrlTemplate", urls.executionUrlTemplate());
            putText(u, "revisionUrlTemplate", urls.revisionUrlTemplate());
        }
        return json;
    }

    private static ObjectNode artifactDetails(ArtifactDetails details, int most) {
        return object().put("minimumCount", Math.min(details.minimumCount(), most))
                .put("maximumCount", Math.min(details.maximumCount(), most));
    }

    /** An {@code ActionTypeId} object (category, owner, provider, version). */
    public static ActionTypeId actionTypeId(JsonNode json) {
        return new ActionTypeId(ActionCategory.fromWire(json.path("category").asText()),
                ActionOwner.fromWire(json.path("owner").asText()), json.path("provider").asText(),
                json.path("version").asText());
    }

    private static ObjectNode actionTypeId(ActionTypeId id) {
        return object().put("category", id.category().wire()).put("owner", id.owner().wire())
                .put("provider", id.provider()).put("version", id.version());
    }

    // ---------------------------------------------------------------- tags

    /** A {@code TagList}; none for a missing member. */
    public static List<ResourceTags.Tag> tags(JsonNode list) {
        List<ResourceTags.Tag> tags = new ArrayList<>();
        list.forEach(tag -> tags.add(new ResourceTags.Tag(tag.path("key").asText(), tag.path("value").asText())));
        return tags;
    }

    /** A {@code TagList} of these tags, in their order. */
    public static ArrayNode tags(Map<String, String> tags) {
        ArrayNode list = JSON.createArrayNode();
        tags.forEach((key, value) -> list.addObject().put("key", key).put("value", value));
        return list;
    }

    /** A {@code TagList} of these tags, in their order. */
    public static ArrayNode tags(List<ResourceTags.Tag> tags) {
        ArrayNode list = JSON.createArrayNode();
        tags.forEach(tag -> list.addObject().put("key", tag.key()).put("value", tag.value()));
        return list;
    }

    // ---------------------------------------------------------------- helpers

    /** A timestamp as AWS JSON writes it: epoch seconds, milliseconds as the fraction. */
    static BigDecimal epochSeconds(Instant instant) {
        return BigDecimal.valueOf(instant.toEpochMilli(), 3);
    }

    private static String text(JsonNode json, String member) {
        JsonNode value = json.get(member);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static List<String> names(JsonNode artifacts) {
        List<String> names = new ArrayList<>();
        artifacts.forEach(artifact -> names.add(artifact.path("name").asText()));
        return names;
    }

    private static void putText(ObjectNode json, String member, String value) {
        if (value != null) {
            json.put(member, value);
        }
    }

    private static Map<String, Object> otherMembers(JsonNode json, Set<String> modelled) {
        Map<String, Object> others = new LinkedHashMap<>();
        json.properties().forEach(e -> {
            if (!modelled.contains(e.getKey()) && !e.getValue().isNull()) {
                others.put(e.getKey(), JSON.convertValue(e.getValue(), Object.class));
            }
        });
        return others;
    }

    private static void putOthers(ObjectNode json, Map<String, Object> others) {
        others.forEach((member, value) -> json.set(member, JSON.valueToTree(value)));
    }
}
