package io.github.cptestkit.mock.internal.codepipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cptestkit.mock.internal.pipelines.ControlPlane;
import io.github.cptestkit.mock.internal.pipelines.ControlPlaneRefusal;
import io.github.cptestkit.mock.internal.pipelines.Page;
import io.github.cptestkit.mock.internal.pipelines.ResourceTags;
import io.github.cptestkit.mock.pipelines.ActionTypeSnapshot;
import io.github.cptestkit.mock.pipelines.PipelineSnapshot;
import io.github.cptestkit.schemas.Operation;
import io.github.cptestkit.wire.ActionCategory;
import io.github.cptestkit.wire.ActionOwner;
import io.github.cptestkit.wire.ActionTypeId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The handlers of the control-plane operations (action types, pipelines and their tags), registered in
 * {@link Operations}: each reads a request that passed the protocol edge, calls the {@link ControlPlane} and renders
 * its answer with {@link ControlPlaneJson}. A {@link ControlPlaneRefusal} becomes the {@link AwsException} of the
 * same error and message; no validation or error formatting of their own.
 *
 * <pre>{@code
 * Operations operations = new ControlPlaneOperations(controlPlane).registerIn(new Operations());
 * operations.handlerFor(Operation.LIST_PIPELINES).orElseThrow().answer(request).body().get(); // {"pipelines":[]}
 * }</pre>
 */
final class ControlPlaneOperations {

    private final ControlPlane controlPlane;

    ControlPlaneOperations(ControlPlane controlPlane) {
        this.controlPlane = Objects.requireNonNull(controlPlane, "controlPlane");
    }

    /** Registers the handlers of the action type, pipeline and tag operations in {@code operations}; returns it. */
    Operations registerIn(Operations operations) {
        register(operations, Operation.CREATE_CUSTOM_ACTION_TYPE, this::createCustomActionType);
        register(operations, Operation.DELETE_CUSTOM_ACTION_TYPE, this::deleteCustomActionType);
        register(operations, Operation.LIST_ACTION_TYPES, this::listActionTypes);
        register(operations, Operation.GET_ACTION_TYPE, this::getActionType);
        register(operations, Operation.CREATE_PIPELINE, this::createPipeline);
        register(operations, Operation.GET_PIPELINE, this::getPipeline);
        register(operations, Operation.UPDATE_PIPELINE, this::updatePipeline);
        register(operations, Operation.DELETE_PIPELINE, this::deletePipeline);
        register(operations, Operation.LIST_PIPELINES, this::listPipelines);
        register(operations, Operation.TAG_RESOURCE, this::tagResource);
        register(operations, Operation.UNTAG_RESOURCE, this::untagResource);
        register(operations, Operation.LIST_TAGS_FOR_RESOURCE, this::listTagsForResource);
        return operations;
    }

    private static void register(Operations operations, Operation operation, Function<JsonNode, JsonNode> handler) {
        operations.register(operation, request -> {
            try {
                return Reply.of(handler.apply(request));
            } catch (ControlPlaneRefusal refusal) {
                throw new AwsException(refusal.error(), refusal.getMessage());
            }
        });
    }

    // ---------------------------------------------------------------- action types

    private JsonNode createCustomActionType(JsonNode request) {
        ActionTypeSnapshot created = controlPlane.createCustomActionType(
                ControlPlaneJson.customActionType(request), ControlPlaneJson.tags(request.path("tags")));
        ObjectNode answer = ControlPlaneJson.object();
        answer.set("actionType", ControlPlaneJson.actionType(created.actionType()));
        if (!created.tags().isEmpty()) {
            answer.set("tags", ControlPlaneJson.tags(created.tags()));
        }
        return answer;
    }

    private JsonNode deleteCustomActionType(JsonNode request) {
        controlPlane.deleteCustomActionType(new ActionTypeId(ActionCategory.fromWire(request.path("category").asText()),
                ActionOwner.CUSTOM, request.path("provider").asText(), request.path("version").asText()));
        return ControlPlaneJson.object();
    }

    private JsonNode listActionTypes(JsonNode request) {
        ActionOwner owner = request.has("actionOwnerFilter")
                ? ActionOwner.fromWire(request.get("actionOwnerFilter").asText()) : null;
        Page<ActionTypeSnapshot> page = controlPlane.listActionTypes(owner, text(request, "regionFilter"),
                text(request, "nextToken"));
        ObjectNode answer = ControlPlaneJson.object();
        ArrayNode types = answer.putArray("actionTypes");
        page.items().forEach(type -> types.add(ControlPlaneJson.actionType(type.actionType())));
        return withNextToken(answer, page);
    }

    private JsonNode getActionType(JsonNode request) {
        ActionTypeSnapshot type = controlPlane.getActionType(ControlPlaneJson.actionTypeId(request));
        ObjectNode answer = ControlPlaneJson.object();
        answer.set("actionType", ControlPlaneJson.actionTypeDeclaration(type));
        return answer;
    }

    // ---------------------------------------------------------------- pipelines

    private JsonNode createPipeline(JsonNode request) {
        PipelineSnapshot created = controlPlane.createPipeline(ControlPlaneJson.pipeline(request.get("pipeline")),
                ControlPlaneJson.tags(request.path("tags")));
        ObjectNode answer = ControlPlaneJson.object();
        answer.set("pipeline", ControlPlaneJson.pipeline(controlPlane.masked(created.pipeline())));
        if (!created.tags().isEmpty()) {
            answer.set("tags", ControlPlaneJson.tags(created.tags()));
        }
        return answer;
    }

    private JsonNode getPipeline(JsonNode request) {
        Integer version = request.has("version") ? request.get("version").asInt() : null;
        PipelineSnapshot pipeline = controlPlane.pipeline(request.path("name").asText(), version);
        ObjectNode answer = ControlPlaneJson.object();
        answer.set("pipeline", ControlPlaneJson.pipeline(controlPlane.masked(pipeline.pipeline())));
        answer.set("metadata", ControlPlaneJson.metadata(pipeline.metadata()));
        return answer;
    }

    private JsonNode updatePipeline(JsonNode request) {
        PipelineSnapshot updated = controlPlane.updatePipeline(ControlPlaneJson.pipeline(request.get("pipeline")));
        ObjectNode answer = ControlPlaneJson.object();
        answer.set("pipeline", ControlPlaneJson.pipeline(controlPlane.masked(updated.pipeline())));
        return answer;
    }

    private JsonNode deletePipeline(JsonNode request) {
        controlPlane.deletePipeline(request.path("name").asText());
        return ControlPlaneJson.object();
    }

    private JsonNode listPipelines(JsonNode request) {
        Integer maxResults = request.has("maxResults") ? request.get("maxResults").asInt() : null;
        Page<PipelineSnapshot> page = controlPlane.listPipelines(maxResults, text(request, "nextToken"));
        ObjectNode answer = ControlPlaneJson.object();
        ArrayNode pipelines = answer.putArray("pipelines");
        page.items().forEach(pipeline -> pipelines.add(ControlPlaneJson.summary(pipeline)));
        return withNextToken(answer, page);
    }

    // ---------------------------------------------------------------- tags

    private JsonNode tagResource(JsonNode request) {
        controlPlane.tagResource(text(request, "resourceArn"), ControlPlaneJson.tags(request.path("tags")));
        return ControlPlaneJson.object();
    }

    private JsonNode untagResource(JsonNode request) {
        List<String> keys = new ArrayList<>();
        request.path("tagKeys").forEach(key -> keys.add(key.asText()));
        controlPlane.untagResource(text(request, "resourceArn"), keys);
        return ControlPlaneJson.object();
    }

    private JsonNode listTagsForResource(JsonNode request) {
        Integer maxResults = request.has("maxResults") ? request.get("maxResults").asInt() : null;
        Page<ResourceTags.Tag> page = controlPlane.listTagsForResource(text(request, "resourceArn"), maxResults,
                text(request, "nextToken"));
        ObjectNode answer = ControlPlaneJson.object();
        answer.set("tags", ControlPlaneJson.tags(page.items()));
        return withNextToken(answer, page);
    }

    private static ObjectNode withNextToken(ObjectNode answer, Page<?> page) {
        if (page.nextToken() != null) {
            answer.put("nextToken", page.nextToken());
        }
        return answer;
    }

    private static String text(JsonNode request, String member) {
        JsonNode node = request.get(member);
        return node == null ? null : node.asText();
    }
}
