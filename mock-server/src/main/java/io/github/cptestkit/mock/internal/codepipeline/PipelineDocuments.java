package io.github.cptestkit.mock.internal.codepipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.github.cptestkit.mock.internal.pipelines.ResourceTags;
import io.github.cptestkit.mock.pipelines.PipelineDeclaration;
import io.github.cptestkit.schemas.AwsError;
import io.github.cptestkit.schemas.Operation;
import io.github.cptestkit.schemas.SchemaValidator;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A pipeline declaration from a JSON document, in any of the forms people keep them in, checked against
 * CreatePipeline's input schema as a CreatePipeline request is (so a broken file is refused with the same
 * ValidationException or SerializationException):
 * <ul>
 *   <li>the output of {@code aws codepipeline get-pipeline} ({@code {"pipeline": {...}, "metadata": {...}}}), or a
 *       {@code create-pipeline --cli-input-json} file ({@code {"pipeline": {...}, "tags": [...]}});</li>
 *   <li>a bare declaration ({@code {"name": ..., "roleArn": ..., "stages": [...]}});</li>
 *   <li>the {@code Properties} of a CloudFormation {@code AWS::CodePipeline::Pipeline} resource (PascalCase members,
 *       {@code ArtifactStores} as a list of {@code {Region, ArtifactStore}}, configuration values of any JSON
 *       scalar), or the whole resource ({@code {"Type": "AWS::CodePipeline::Pipeline", "Properties": {...}}}).
 *       Members CloudFormation has and CreatePipeline has not ({@code RestartExecutionOnUpdate},
 *       {@code DisableInboundStageTransitions}) are dropped; {@code Tags} become the pipeline's tags. Intrinsic
 *       functions ({@code Ref}, {@code Fn::...}) are not resolved: they are refused as values of the wrong type.</li>
 * </ul>
 *
 * <pre>{@code
 * PipelineDocuments.Document document = PipelineDocuments.read(Files.readString(Path.of("pipeline.json")));
 * controlPlane.createPipeline(document.declaration(), document.tags());
 * }</pre>
 */
public final class PipelineDocuments {

    /** CloudFormation members with no CreatePipeline counterpart. */
    private static final Set<String> CLOUDFORMATION_ONLY = Set.of("RestartExecutionOnUpdate",
            "DisableInboundStageTransitions", "Tags");

    /**
     * A declaration read from a document, and the tags it carried.
     *
     * @param declaration the pipeline
     * @param tags        the tags of a create-pipeline input or a CloudFormation resource; none otherwise
     */
    public record Document(PipelineDeclaration declaration, List<ResourceTags.Tag> tags) {
        public Document {
            tags = List.copyOf(tags);
        }
    }

    private PipelineDocuments() {}

    /**
     * Reads and checks a document.
     *
     * @throws AwsException SerializationException for text that is not a JSON object or a member of the wrong type,
     *                      ValidationException for a declaration that breaks the model's constraints (the same
     *                      messages CreatePipeline answers)
     */
    public static Document read(String json) {
        ObjectNode document = CodePipelineProtocol.readObject(json.getBytes(StandardCharsets.UTF_8));
        ObjectNode request = createPipelineRequest(document);
        CodePipelineProtocol.refuseViolations(SchemaValidator.shared().validateRequest(Operation.CREATE_PIPELINE,
                request));
        return new Document(ControlPlaneJson.pipeline(request.get("pipeline")),
                ControlPlaneJson.tags(request.path("tags")));
    }

    /**
     * A custom action type from a {@code create-custom-action-type --cli-input-json} document (CreateCustomActionType's
     * request), checked against that operation's input schema.
     *
     * @param json the document
     * @param tags where the document's tags go
     * @throws AwsException SerializationException or ValidationException, as CreateCustomActionType answers them
     */
    public static io.github.cptestkit.mock.pipelines.ActionType readActionType(String json,
            List<ResourceTags.Tag> tags) {
        ObjectNode request = CodePipelineProtocol.readObject(json.getBytes(StandardCharsets.UTF_8));
        CodePipelineProtocol.refuseViolations(SchemaValidator.shared().validateRequest(
                Operation.CREATE_CUSTOM_ACTION_TYPE, request));
        tags.addAll(ControlPlaneJson.tags(request.path("tags")));
        return ControlPlaneJson.customActionType(request);
    }

    /** The document as a CreatePipeline request ({@code pipeline}, {@code tags}). */
    private static ObjectNode createPipelineRequest(ObjectNode document) {
        ObjectNode request = JsonNodeFactory.instance.objectNode();
        if (document.has("pipeline")) {
            request.set("pipeline", document.get("pipeline"));
            if (document.has("tags")) {
                request.set("tags", document.get("tags"));
            }
            return request;
        }
        JsonNode properties = document.has("Properties") ? document.get("Properties") : document;
        if (properties.has("Stages") || properties.has("Name") || properties.has("RoleArn")) {
            if (!(properties instanceof ObjectNode cloudFormation)) {
                throw new AwsException(AwsError.SERIALIZATION, "The CloudFormation resource's Properties must be a"
                        + " JSON object, but were a JSON " + properties.getNodeType().name().toLowerCase(Locale.ROOT));
            }
            request.set("pipeline", fromCloudFormation(cloudFormation));
            if (cloudFormation.has("Tags")) {
                request.set("tags", camelCase(cloudFormation.get("Tags"), false));
            }
            return request;
        }
        request.set("pipeline", document);
        return request;
    }

    /** A CloudFormation {@code Properties} block as a CreatePipeline {@code pipeline}. */
    private static ObjectNode fromCloudFormation(ObjectNode properties) {
        ObjectNode declaration = JsonNodeFactory.instance.objectNode();
        for (Map.Entry<String, JsonNode> member : properties.properties()) {
            String name = member.getKey();
            if (CLOUDFORMATION_ONLY.contains(name)) {
                continue;
            }
            if (name.equals("ArtifactStores") && member.getValue().isArray()) {
                ObjectNode stores = declaration.putObject("artifactStores");
                for (JsonNode store : member.getValue()) {
                    stores.set(store.path("Region").asText(), camelCase(store.path("ArtifactStore"), false));
                }
                continue;
            }
            declaration.set(lowerFirst(name), camelCase(member.getValue(), false));
        }
        return declaration;
    }

    /**
     * CloudFormation's PascalCase members in CreatePipeline's camelCase, throughout; inside an action's
     * {@code Configuration} the keys stay as they are and scalar values become text, as CloudFormation passes them.
     */
    private static JsonNode camelCase(JsonNode node, boolean configuration) {
        if (node instanceof ObjectNode object) {
            ObjectNode converted = JsonNodeFactory.instance.objectNode();
            for (Map.Entry<String, JsonNode> member : object.properties()) {
                if (configuration) {
                    JsonNode value = member.getValue();
                    converted.set(member.getKey(), value.isValueNode() && !value.isTextual()
                            ? TextNode.valueOf(value.asText()) : value);
                } else {
                    converted.set(lowerFirst(member.getKey()), camelCase(member.getValue(),
                            member.getKey().equals("Configuration")));
                }
            }
            return converted;
        }
        if (node instanceof ArrayNode array && !configuration) {
            ArrayNode converted = JsonNodeFactory.instance.arrayNode();
            array.forEach(item -> converted.add(camelCase(item, false)));
            return converted;
        }
        return node;
    }

    private static String lowerFirst(String name) {
        return name.isEmpty() ? name : Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }
}
