package io.github.cptestkit.mock.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.github.cptestkit.schemas.Constraint;
import io.github.cptestkit.schemas.Operation;
import io.github.cptestkit.schemas.SchemaDocument;
import io.github.cptestkit.schemas.SchemaValidator;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Every way a request can break its schema, derived from the generated JSON Schemas: for each operation a request
 * that uses every member, and for each member each of its constraints broken once (a required member left out, a
 * value of another JSON type, too short, too long, outside its pattern or enum, below its minimum or above its
 * maximum, a map with a bad key or too many entries).
 *
 * <pre>{@code
 * for (SchemaViolations.Broken broken : SchemaViolations.all()) {
 *     send(broken.operation(), broken.request());   // 400, ValidationException or SerializationException
 * }
 * }</pre>
 */
final class SchemaViolations {

    /** One broken request: the member it breaks (dotted, as AWS names it) and the rule. */
    record Broken(Operation operation, String member, Constraint constraint, ObjectNode request) {
        /** The AWS error it must get: a value of the wrong JSON type cannot be deserialized. */
        String expectedType() {
            return constraint == Constraint.TYPE ? "SerializationException" : "ValidationException";
        }
    }

    static final String JOB_ID = "00000000-0000-4000-8000-000000000000";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SchemaValidator VALIDATOR = SchemaValidator.shared();
    private static final JsonNode SHAPES = VALIDATOR.schemaJson(SchemaDocument.shapes()).path("$defs");
    private static final Map<Operation, String> VALID = new EnumMap<>(Operation.class);

    /**
     * A pipeline declaration with every member the mock models (schema-valid; it uses a custom type no test creates,
     * so CreatePipeline refuses it as InvalidActionDeclarationException when nothing else is wrong).
     */
    static final String DECLARATION = "{\"name\": \"fuzz\", \"roleArn\": \"arn:aws:iam::123456789012:role/r\","
            + " \"artifactStore\": {\"type\": \"S3\", \"location\": \"bucket\", \"encryptionKey\": {\"id\":"
            + " \"alias/aws/s3\", \"type\": \"KMS\"}}, \"stages\": [{\"name\": \"Source\", \"blockers\":"
            + " [{\"name\": \"b\", \"type\": \"Schedule\"}], \"actions\": [{\"name\": \"Source\", \"actionTypeId\":"
            + " {\"category\": \"Source\", \"owner\": \"Custom\", \"provider\": \"FuzzSource\", \"version\": \"1\"},"
            + " \"runOrder\": 1, \"configuration\": {\"K\": \"v\"}, \"outputArtifacts\": [{\"name\": \"Out\"}],"
            + " \"inputArtifacts\": [{\"name\": \"In\"}], \"roleArn\": \"arn:aws:iam::123456789012:role/a\","
            + " \"region\": \"us-east-1\", \"namespace\": \"Ns\", \"timeoutInMinutes\": 60}]}], \"version\": 1,"
            + " \"executionMode\": \"QUEUED\", \"pipelineType\": \"V2\", \"variables\": [{\"name\": \"v\","
            + " \"defaultValue\": \"d\", \"description\": \"x\"}]}";

    static {
        String revision = "\"currentRevision\": {\"revision\": \"r-1\", \"changeIdentifier\": \"c-1\","
                + " \"created\": 1700000000.5, \"revisionSummary\": \"s\"}";
        String details = "\"executionDetails\": {\"summary\": \"s\", \"externalExecutionId\": \"e\","
                + " \"percentComplete\": 50}";
        String failure = "\"failureDetails\": {\"type\": \"JobFailed\", \"message\": \"m\", \"externalExecutionId\":"
                + " \"e\"}";
        String partner = "\"jobId\": \"" + JOB_ID + "\", \"clientToken\": \"token\"";
        VALID.put(Operation.POLL_FOR_THIRD_PARTY_JOBS, "{\"actionTypeId\": {\"category\": \"Build\", \"owner\":"
                + " \"ThirdParty\", \"provider\": \"Fuzz\", \"version\": \"1\"}, \"maxBatchSize\": 1}");
        VALID.put(Operation.GET_THIRD_PARTY_JOB_DETAILS, "{" + partner + "}");
        VALID.put(Operation.ACKNOWLEDGE_THIRD_PARTY_JOB, "{" + partner + ", \"nonce\": \"1\"}");
        VALID.put(Operation.PUT_THIRD_PARTY_JOB_SUCCESS_RESULT, "{" + partner + ", " + revision + ", " + details
                + ", \"continuationToken\": \"ct\"}");
        VALID.put(Operation.PUT_THIRD_PARTY_JOB_FAILURE_RESULT, "{" + partner + ", " + failure + "}");
        VALID.put(Operation.POLL_FOR_JOBS, "{\"actionTypeId\": {\"category\": \"Deploy\", \"owner\": \"Custom\","
                + " \"provider\": \"Fuzz\", \"version\": \"1\"}, \"maxBatchSize\": 1, \"queryParam\": {\"k\": \"v\"}}");
        VALID.put(Operation.ACKNOWLEDGE_JOB, "{\"jobId\": \"" + JOB_ID + "\", \"nonce\": \"1\"}");
        VALID.put(Operation.GET_JOB_DETAILS, "{\"jobId\": \"" + JOB_ID + "\"}");
        VALID.put(Operation.PUT_JOB_SUCCESS_RESULT, "{\"jobId\": \"" + JOB_ID + "\", " + revision + ", " + details
                + ", \"outputVariables\": {\"TAG\": \"1\"}}");
        VALID.put(Operation.PUT_JOB_FAILURE_RESULT, "{\"jobId\": \"" + JOB_ID + "\", " + failure + "}");
        // The control plane: action types, pipelines, tags.
        String typeId = "\"category\": \"Build\", \"provider\": \"Fuzz\", \"version\": \"1\"";
        String tags = "\"tags\": [{\"key\": \"k\", \"value\": \"v\"}]";
        VALID.put(Operation.CREATE_CUSTOM_ACTION_TYPE, "{" + typeId + ", \"settings\": {\"thirdPartyConfigurationUrl\":"
                + " \"https://example.com\", \"entityUrlTemplate\": \"https://example.com/{Config:P}\","
                + " \"executionUrlTemplate\": \"https://example.com/e\", \"revisionUrlTemplate\":"
                + " \"https://example.com/r\"}, \"configurationProperties\": [{\"name\": \"P\", \"required\": true,"
                + " \"key\": true, \"secret\": false, \"queryable\": true, \"description\": \"d\", \"type\":"
                + " \"String\"}], \"inputArtifactDetails\": {\"minimumCount\": 0, \"maximumCount\": 1},"
                + " \"outputArtifactDetails\": {\"minimumCount\": 0, \"maximumCount\": 1}, " + tags + "}");
        VALID.put(Operation.DELETE_CUSTOM_ACTION_TYPE, "{" + typeId + "}");
        VALID.put(Operation.LIST_ACTION_TYPES, "{\"actionOwnerFilter\": \"Custom\", \"nextToken\": \"t\","
                + " \"regionFilter\": \"us-east-1\"}");
        VALID.put(Operation.GET_ACTION_TYPE, "{" + typeId + ", \"owner\": \"ThirdParty\"}");
        VALID.put(Operation.CREATE_PIPELINE, "{\"pipeline\": " + DECLARATION + ", " + tags + "}");
        VALID.put(Operation.UPDATE_PIPELINE, "{\"pipeline\": " + DECLARATION + "}");
        VALID.put(Operation.GET_PIPELINE, "{\"name\": \"fuzz\", \"version\": 1}");
        VALID.put(Operation.DELETE_PIPELINE, "{\"name\": \"fuzz\"}");
        VALID.put(Operation.LIST_PIPELINES, "{\"maxResults\": 10, \"nextToken\": \"t\"}");
        String arn = "\"resourceArn\": \"arn:aws:codepipeline:us-east-1:123456789012:fuzz\"";
        VALID.put(Operation.TAG_RESOURCE, "{" + arn + ", " + tags + "}");
        VALID.put(Operation.UNTAG_RESOURCE, "{" + arn + ", \"tagKeys\": [\"k\"]}");
        VALID.put(Operation.LIST_TAGS_FOR_RESOURCE, "{" + arn + ", \"nextToken\": \"t\", \"maxResults\": 10}");
    }

    /** The operations the fuzzing drives: the ten job operations and the control plane's. */
    static final List<Operation> FUZZED = java.util.stream.Stream.of(Operation.values())
            .filter(VALID::containsKey).toList();

    private SchemaViolations() {}

    /** A schema-valid request of {@code operation} that uses every member its input has. */
    static ObjectNode valid(Operation operation) {
        try {
            return (ObjectNode) JSON.readTree(VALID.get(operation));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether {@code operation}'s input has required members (so that an empty object is refused). */
    static boolean requiresMembers(Operation operation) {
        String shape = VALIDATOR.schemaJson(SchemaDocument.input(operation)).path("$ref").asText();
        return definition(shape).path("required").size() > 0;
    }

    /** Every constraint of every member of every operation's input, broken once. */
    static List<Broken> all() {
        List<Broken> all = new ArrayList<>();
        for (Operation operation : FUZZED) {
            ObjectNode valid = valid(operation);
            if (!VALIDATOR.validateRequest(operation, valid).isEmpty()) {
                throw new IllegalStateException("the valid " + operation + " request breaks its schema: "
                        + VALIDATOR.validateRequest(operation, valid));
            }
            String shape = VALIDATOR.schemaJson(SchemaDocument.input(operation)).path("$ref").asText();
            walk(operation, valid, new ArrayList<>(), definition(shape), all);
        }
        return all;
    }

    private static void walk(Operation operation, ObjectNode root, List<String> path, JsonNode schema,
            List<Broken> out) {
        JsonNode value = at(root, path);
        String type = schema.path("type").asText();
        if (!path.isEmpty()) {
            for (JsonNode wrong : wrongTypes(type)) {
                out.add(broken(operation, root, path, Constraint.TYPE, wrong));
            }
        }
        if (type.equals("string")) {
            String text = value.asText();
            if (schema.has("minLength") && schema.get("minLength").asInt() > 0) {
                out.add(broken(operation, root, path, Constraint.MIN_LENGTH, TextNode.valueOf("")));
            }
            if (schema.has("maxLength")) {
                out.add(broken(operation, root, path, Constraint.MAX_LENGTH,
                        TextNode.valueOf("a".repeat(schema.get("maxLength").asInt() + 1))));
            }
            if (schema.has("pattern")) {
                Pattern pattern = Pattern.compile(schema.get("pattern").asText());
                String outside = text.isEmpty() ? "!" : "!" + text.substring(1);
                if (!pattern.matcher(outside).matches()) {
                    out.add(broken(operation, root, path, Constraint.PATTERN, TextNode.valueOf(outside)));
                }
            }
            if (schema.has("enum")) {
                out.add(broken(operation, root, path, Constraint.ENUM, TextNode.valueOf("NotInTheEnum")));
            }
        } else if (type.equals("integer") || type.equals("number")) {
            if (schema.has("minimum")) {
                out.add(broken(operation, root, path, Constraint.MINIMUM,
                        IntNode.valueOf(schema.get("minimum").asInt() - 1)));
            }
            if (schema.has("maximum")) {
                out.add(broken(operation, root, path, Constraint.MAXIMUM,
                        IntNode.valueOf(schema.get("maximum").asInt() + 1)));
            }
        } else if (type.equals("array") && value.size() > 0 && schema.has("items")) {
            List<String> first = new ArrayList<>(path);
            first.add("0");
            walk(operation, root, first, resolve(schema.get("items")), out);
        } else if (type.equals("object")) {
            JsonNode properties = schema.path("properties");
            for (Iterator<String> names = properties.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!value.has(name)) {
                    continue;
                }
                List<String> member = new ArrayList<>(path);
                member.add(name);
                if (containsText(schema.path("required"), name)) {
                    out.add(broken(operation, root, member, Constraint.REQUIRED, null));
                }
                walk(operation, root, member, resolve(properties.get(name)), out);
            }
            if (schema.has("propertyNames")) {
                ObjectNode badKey = ((ObjectNode) value).deepCopy();
                badKey.removeAll();
                badKey.put(keyOutside(resolve(schema.get("propertyNames"))), "v");
                out.add(broken(operation, root, path, Constraint.MAP_KEY, badKey));
            }
            if (schema.has("maxProperties")) {
                ObjectNode many = ((ObjectNode) value).deepCopy();
                for (int i = 0; i <= schema.get("maxProperties").asInt(); i++) {
                    many.put("key" + i, "v");
                }
                out.add(broken(operation, root, path, Constraint.MAX_ENTRIES, many));
            }
        }
    }

    /** A map key its key shape refuses: outside the pattern, else too long, else empty. */
    private static String keyOutside(JsonNode keySchema) {
        if (keySchema.has("pattern")) {
            return "bad key!";
        }
        if (keySchema.has("maxLength")) {
            return "k".repeat(keySchema.get("maxLength").asInt() + 1);
        }
        return "";
    }

    private static Broken broken(Operation operation, ObjectNode valid, List<String> path, Constraint constraint,
            JsonNode replacement) {
        ObjectNode request = valid.deepCopy();
        JsonNode parent = at(request, path.subList(0, path.size() - 1));
        String last = path.get(path.size() - 1);
        if (parent instanceof ArrayNode list) {
            list.set(Integer.parseInt(last), replacement == null ? JSON.nullNode() : replacement);
        } else if (replacement == null) {
            ((ObjectNode) parent).remove(last);
        } else {
            ((ObjectNode) parent).set(last, replacement);
        }
        return new Broken(operation, awsPath(path), constraint, request);
    }

    /** A member's path as AWS's messages write it: list items as {@code N.member}, counted from 1. */
    private static String awsPath(List<String> path) {
        List<String> names = new ArrayList<>();
        for (String name : path) {
            names.add(name.chars().allMatch(Character::isDigit) ? (Integer.parseInt(name) + 1) + ".member" : name);
        }
        return String.join(".", names);
    }

    private static List<JsonNode> wrongTypes(String type) {
        List<JsonNode> wrong = new ArrayList<>();
        if (!type.equals("string")) {
            wrong.add(TextNode.valueOf("text"));
        }
        if (!type.equals("integer") && !type.equals("number")) {
            wrong.add(IntNode.valueOf(12));
        }
        if (type.equals("integer")) {
            wrong.add(DoubleNode.valueOf(1.5));
        }
        if (!type.equals("boolean")) {
            wrong.add(BooleanNode.TRUE);
        }
        if (!type.equals("object")) {
            wrong.add(JSON.createObjectNode().put("a", 1));
        }
        ArrayNode array = JSON.createArrayNode().add(1);
        wrong.add(array);
        return wrong;
    }

    private static JsonNode at(JsonNode root, List<String> path) {
        JsonNode node = root;
        for (String name : path) {
            node = node.isArray() ? node.get(Integer.parseInt(name)) : node.get(name);
        }
        return node;
    }

    private static JsonNode resolve(JsonNode schema) {
        return schema.has("$ref") ? definition(schema.get("$ref").asText()) : schema;
    }

    private static JsonNode definition(String ref) {
        String name = ref.substring(ref.lastIndexOf('/') + 1);
        JsonNode definition = SHAPES.get(name);
        if (definition == null) {
            throw new IllegalStateException("no shape " + ref);
        }
        return resolve(definition);
    }

    private static boolean containsText(JsonNode array, String text) {
        for (JsonNode item : array) {
            if (item.asText().equals(text)) {
                return true;
            }
        }
        return false;
    }
}
