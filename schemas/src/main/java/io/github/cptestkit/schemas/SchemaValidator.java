package io.github.cptestkit.schemas;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.github.cptestkit.schemas.internal.EcmaAnchoredRegex;
import io.github.cptestkit.schemas.internal.SchemaGenerator;
import io.github.cptestkit.schemas.internal.SchemaNavigator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks CodePipeline requests, responses and error bodies against the generated JSON Schemas. Thread-safe and
 * shared by everything in one class loader (every mock of a test run): the schema documents are read when
 * {@link #shared()} is first called, and each schema is compiled once, when it is first used, so that a test run
 * compiles only the schemas of the operations it calls.
 *
 * <pre>{@code
 * SchemaValidator validator = SchemaValidator.shared();
 * List<Violation> violations = validator.validateRequest(Operation.ACKNOWLEDGE_JOB,
 *         "{\"jobId\": \"11111111-2222-3333-4444-555555555555\"}");
 * // [Violation[path=/nonce, constraint=REQUIRED, requirement=Member must not be null, value=null]]
 * }</pre>
 *
 * <p>Values of sensitive members (artifact credentials) never appear in a violation: they read
 * {@value Violation#REDACTED}.
 */
public final class SchemaValidator {

    private static final class Holder {
        static final SchemaValidator SHARED = new SchemaValidator();
    }

    private final ObjectMapper mapper = WireJson.mapper();
    /** The compiled schemas by file name, each compiled on its first use. */
    private final Map<String, JsonSchema> schemas = new ConcurrentHashMap<>();
    private final Map<String, SchemaDocument> documentsByName = new HashMap<>();
    private final SchemaNavigator navigator;
    private final JsonSchemaFactory factory;
    private final SchemaValidatorsConfig config;

    private SchemaValidator() {
        navigator = new SchemaNavigator(file -> {
            SchemaDocument doc = documentsByName.get(file);
            return doc == null ? null : readResource(doc);
        });
        JsonMetaSchema metaSchema = JsonMetaSchema.builder(JsonMetaSchema.getV202012())
                .keyword(new NonValidationKeyword(SchemaGenerator.SENSITIVE))
                .build();
        factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012, builder -> builder
                .metaSchema(metaSchema)
                .schemaMappers(mappers -> mappers.mapPrefix(SchemaGenerator.BASE_ID,
                        "classpath:" + SchemaDocument.RESOURCE_FOLDER)));
        config = SchemaValidatorsConfig.builder()
                .pathType(PathType.JSON_POINTER)
                .regularExpressionFactory(EcmaAnchoredRegex.INSTANCE)
                .locale(Locale.ROOT)
                .build();
        for (SchemaDocument doc : SchemaDocument.all()) {
            documentsByName.put(doc.fileName(), doc);
        }
    }

    private JsonSchema compile(String fileName) {
        JsonSchema schema = factory.getSchema(SchemaLocation.of(documentsByName.get(fileName).id().toString()),
                config);
        schema.initializeValidators();
        return schema;
    }

    /**
     * The one validator of this class loader; the first call reads no schema document and compiles none (each is
     * read and compiled when first used).
     *
     * @return the same validator on every call
     */
    public static SchemaValidator shared() {
        return Holder.SHARED;
    }

    /**
     * Validates a request body of {@code operation}.
     *
     * @param operation the operation the request is for, i.e. its {@code X-Amz-Target}
     * @param body      the parsed request body
     * @return the violations, sorted by path; empty if the body is valid
     */
    public List<Violation> validateRequest(Operation operation, JsonNode body) {
        return validate(operation.inputSchema(), body);
    }

    /**
     * Validates a request body given as text; text that is not JSON gives one {@link Constraint#MALFORMED_JSON}.
     *
     * @param operation the operation the request is for, i.e. its {@code X-Amz-Target}
     * @param body      the request body as sent
     * @return the violations, sorted by path; empty if the body is valid
     */
    public List<Violation> validateRequest(Operation operation, String body) {
        return validate(operation.inputSchema(), body);
    }

    /**
     * Validates a success response body of {@code operation}.
     *
     * @param operation the operation that answered
     * @param body      the parsed response body
     * @return the violations, sorted by path; empty if the body is valid
     */
    public List<Violation> validateResponse(Operation operation, JsonNode body) {
        return validate(operation.outputSchema(), body);
    }

    /**
     * Validates a success response body given as text; text that is not JSON gives one
     * {@link Constraint#MALFORMED_JSON}.
     *
     * @param operation the operation that answered
     * @param body      the response body as received
     * @return the violations, sorted by path; empty if the body is valid
     */
    public List<Violation> validateResponse(Operation operation, String body) {
        return validate(operation.outputSchema(), body);
    }

    /**
     * Validates an error body ({@code {"__type": ..., "message": ...}}).
     *
     * @param body the parsed error body
     * @return the violations, sorted by path; empty if the body is valid
     */
    public List<Violation> validateError(JsonNode body) {
        return validate(SchemaDocument.error(), body);
    }

    /**
     * Validates an error body given as text; text that is not JSON gives one {@link Constraint#MALFORMED_JSON}.
     *
     * @param body the error body as received
     * @return the violations, sorted by path; empty if the body is valid
     */
    public List<Violation> validateError(String body) {
        return validate(SchemaDocument.error(), body);
    }

    /**
     * Validates text against any generated document; text that is not JSON, or is empty, gives one
     * {@link Constraint#MALFORMED_JSON} at path {@code ""}.
     *
     * @param document the generated document to validate against
     * @param json     the JSON text
     * @return the violations, sorted by path; empty if the body is valid
     * @throws IllegalArgumentException if {@code document} is not one of {@link SchemaDocument#all()}
     */
    public List<Violation> validate(SchemaDocument document, String json) {
        JsonNode node;
        try {
            node = mapper.readTree(json);
        } catch (JsonProcessingException e) {
            return List.of(new Violation("", Constraint.MALFORMED_JSON,
                    "Document must be valid JSON: " + e.getOriginalMessage(), null));
        }
        if (node == null || node.isMissingNode()) {
            return List.of(new Violation("", Constraint.MALFORMED_JSON, "Document must be valid JSON: it is empty",
                    null));
        }
        return validate(document, node);
    }

    /**
     * Validates a JSON tree against any generated document. The violations are sorted by path, then by
     * constraint, so the same document always gives the same list.
     *
     * @param document the generated document to validate against
     * @param json     the JSON tree
     * @return the violations, immutable; empty if the tree is valid
     * @throws IllegalArgumentException if {@code document} is not one of {@link SchemaDocument#all()}
     */
    public List<Violation> validate(SchemaDocument document, JsonNode json) {
        Set<ValidationMessage> messages = schema(document).validate(json);
        if (messages.isEmpty()) {
            return List.of();
        }
        List<Violation> violations = new ArrayList<>(messages.size());
        for (ValidationMessage message : messages) {
            violations.add(toViolation(document, message));
        }
        violations.sort(Comparator.comparing(Violation::path).thenComparing(Violation::constraint)
                .thenComparing(Violation::requirement));
        return List.copyOf(violations);
    }

    /**
     * A copy of the raw schema document, e.g. to derive matchers from it.
     *
     * @param document a generated document
     * @return a deep copy of its JSON, the caller's to change
     */
    public JsonNode schemaJson(SchemaDocument document) {
        return navigator.document(document.fileName()).deepCopy();
    }

    /**
     * What the schemas say about the member at a JSON Pointer of a document valid for {@code document} (array
     * items by index, map entries by key), or empty where the schemas do not describe that member (members the model
     * does not list).
     *
     * <pre>{@code
     * validator.memberSchema(Operation.ACKNOWLEDGE_JOB.outputSchema(), "/status").orElseThrow().enumValues();
     * // [Created, Queued, Dispatched, InProgress, TimedOut, Succeeded, Failed]
     * }</pre>
     *
     * @param document    the document the JSON would be valid for, e.g. an operation's output schema
     * @param jsonPointer an RFC 6901 pointer into such JSON, e.g. {@code /jobs/0/data}; {@code ""} is the root
     * @return the member's type and constraints, or empty where the schemas do not describe it
     * @throws IllegalArgumentException if the pointer is neither empty nor starts with {@code /}
     */
    public Optional<MemberSchema> memberSchema(SchemaDocument document, String jsonPointer) {
        SchemaNavigator.Located located = navigator.at(document.fileName(), segments(jsonPointer));
        if (located == null) {
            return Optional.empty();
        }
        JsonNode node = located.node();
        List<String> enumValues = new ArrayList<>();
        node.path("enum").forEach(value -> enumValues.add(value.asText()));
        List<String> members = new ArrayList<>();
        node.path("properties").fieldNames().forEachRemaining(members::add);
        List<String> required = new ArrayList<>();
        node.path("required").forEach(member -> required.add(member.asText()));
        return Optional.of(new MemberSchema(node.path("type").asText(),
                node.has("pattern") ? modelPattern(node.get("pattern").asText()) : null, enumValues,
                node.has("minLength") ? node.get("minLength").asInt() : null,
                node.has("maxLength") ? node.get("maxLength").asInt() : null,
                members, required, navigator.isSensitive(document.fileName(), segments(jsonPointer))));
    }

    /**
     * Whether the member at a JSON Pointer of a document valid for {@code document} is sensitive (or lies inside a
     * sensitive member), e.g. {@code /jobDetails/data/artifactCredentials/secretAccessKey}.
     *
     * @param document    the document the JSON would be valid for
     * @param jsonPointer an RFC 6901 pointer into such JSON; {@code ""} is the root
     * @return true if values there must not be shown (logs, violations, reports)
     * @throws IllegalArgumentException if the pointer is neither empty nor starts with {@code /}
     */
    public boolean isSensitive(SchemaDocument document, String jsonPointer) {
        return navigator.isSensitive(document.fileName(), segments(jsonPointer));
    }

    /**
     * A copy of {@code json} in which every value inside a sensitive member is replaced by
     * {@value Violation#REDACTED} (objects keep their member names): safe to log.
     *
     * @param document the document {@code json} is valid for, which says where the sensitive members are
     * @param json     the JSON to redact; it is not changed
     * @return the redacted copy
     */
    public JsonNode redact(SchemaDocument document, JsonNode json) {
        JsonNode copy = json.deepCopy();
        redactInto(document.fileName(), copy, new ArrayList<>());
        return copy;
    }

    private void redactInto(String file, JsonNode node, List<String> path) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                path.add(field.getKey());
                if (!field.getValue().isContainerNode() && navigator.isSensitive(file, path)) {
                    field.setValue(TextNode.valueOf(Violation.REDACTED));
                } else {
                    redactInto(file, field.getValue(), path);
                }
                path.remove(path.size() - 1);
            }
        } else if (node.isArray()) {
            ArrayNode array = (ArrayNode) node;
            for (int i = 0; i < array.size(); i++) {
                path.add(Integer.toString(i));
                if (!array.get(i).isContainerNode() && navigator.isSensitive(file, path)) {
                    array.set(i, TextNode.valueOf(Violation.REDACTED));
                } else {
                    redactInto(file, array.get(i), path);
                }
                path.remove(path.size() - 1);
            }
        }
    }

    private JsonSchema schema(SchemaDocument document) {
        if (!documentsByName.containsKey(document.fileName())) {
            throw new IllegalArgumentException("no schema document named " + document.fileName());
        }
        return schemas.computeIfAbsent(document.fileName(), this::compile);
    }

    private Violation toViolation(SchemaDocument document, ValidationMessage message) {
        List<String> path = segments(message.getInstanceLocation());
        StringJoiner awsPath = awsPath(message.getInstanceLocation());
        String keyword = message.getType();
        JsonNode rule = message.getSchemaNode();
        JsonNode instance = message.getInstanceNode();
        Constraint constraint;
        String requirement;
        String value = render(instance);
        switch (keyword) {
            case "required" -> {
                path.add(message.getProperty());
                awsPath.add(message.getProperty());
                constraint = Constraint.REQUIRED;
                requirement = "Member must not be null";
                value = null;
            }
            case "type" -> {
                constraint = Constraint.TYPE;
                requirement = "Member must be of JSON type " + rule.asText();
            }
            case "minLength" -> {
                constraint = Constraint.MIN_LENGTH;
                requirement = "Member must have length greater than or equal to " + rule.asText();
            }
            case "maxLength" -> {
                constraint = Constraint.MAX_LENGTH;
                requirement = "Member must have length less than or equal to " + rule.asText();
            }
            case "pattern" -> {
                constraint = Constraint.PATTERN;
                requirement = "Member must satisfy regular expression pattern: " + modelPattern(rule.asText());
            }
            case "enum" -> {
                constraint = Constraint.ENUM;
                requirement = "Member must satisfy enum value set: " + enumSet(rule);
            }
            case "minimum" -> {
                constraint = Constraint.MINIMUM;
                requirement = "Member must have value greater than or equal to " + rule.asText();
            }
            case "maximum" -> {
                constraint = Constraint.MAXIMUM;
                requirement = "Member must have value less than or equal to " + rule.asText();
            }
            case "minItems" -> {
                constraint = Constraint.MIN_ITEMS;
                requirement = "Member must have length greater than or equal to " + rule.asText();
            }
            case "maxItems" -> {
                constraint = Constraint.MAX_ITEMS;
                requirement = "Member must have length less than or equal to " + rule.asText();
            }
            case "minProperties" -> {
                constraint = Constraint.MIN_ENTRIES;
                requirement = "Member must have length greater than or equal to " + rule.asText();
            }
            case "maxProperties" -> {
                constraint = Constraint.MAX_ENTRIES;
                requirement = "Member must have length less than or equal to " + rule.asText();
            }
            case "propertyNames" -> {
                constraint = Constraint.MAP_KEY;
                String key = message.getProperty();
                requirement = "Map keys must satisfy constraint: [" + keyRequirement(document, path, key) + "]";
                path.add(key);
                awsPath.add(key);
                value = key;
            }
            default -> {
                constraint = Constraint.OTHER;
                requirement = "Member must satisfy " + keyword + ": " + message.getMessage();
            }
        }
        String pointer = pointer(path);
        if (value != null && navigator.isSensitive(document.fileName(), path)) {
            value = Violation.REDACTED;
        }
        return new Violation(pointer, constraint, requirement, value, awsPath.toString());
    }

    /** AWS's form of an instance location: list items as {@code <1-based index>.member}, members by name. */
    private static StringJoiner awsPath(JsonNodePath location) {
        StringJoiner out = new StringJoiner(".");
        for (int i = 0; i < location.getNameCount(); i++) {
            Object element = location.getElement(i);
            if (element instanceof Integer index) {
                out.add(String.valueOf(index + 1)).add("member");
            } else {
                out.add(String.valueOf(element));
            }
        }
        return out;
    }

    private String keyRequirement(SchemaDocument document, List<String> mapPath, String key) {
        SchemaNavigator.Located map = navigator.at(document.fileName(), mapPath);
        if (map == null || !map.node().has("propertyNames")) {
            return "Member must satisfy the key shape";
        }
        SchemaNavigator.Located keyShape = navigator.resolve(map.file(), map.node().get("propertyNames"), false);
        JsonNode shape = keyShape.node();
        int length = key.codePointCount(0, key.length());
        StringJoiner failures = new StringJoiner(", ");
        if (shape.has("minLength") && length < shape.get("minLength").asInt()) {
            failures.add("Member must have length greater than or equal to " + shape.get("minLength").asText());
        }
        if (shape.has("maxLength") && length > shape.get("maxLength").asInt()) {
            failures.add("Member must have length less than or equal to " + shape.get("maxLength").asText());
        }
        if (shape.has("pattern")
                && !EcmaAnchoredRegex.INSTANCE.getRegularExpression(shape.get("pattern").asText()).matches(key)) {
            failures.add("Member must satisfy regular expression pattern: "
                    + modelPattern(shape.get("pattern").asText()));
        }
        return failures.toString();
    }

    /** The model's own pattern: the generated one without the {@code ^(?:...)$} anchoring. */
    private static String modelPattern(String anchored) {
        if (anchored.startsWith("^(?:") && anchored.endsWith(")$")) {
            return anchored.substring(4, anchored.length() - 2);
        }
        return anchored;
    }

    private static String enumSet(JsonNode values) {
        StringJoiner joiner = new StringJoiner(", ", "[", "]");
        values.forEach(v -> joiner.add(v.asText()));
        return joiner.toString();
    }

    private static String render(JsonNode instance) {
        if (instance == null || instance.isMissingNode()) {
            return null;
        }
        return instance.isTextual() ? instance.asText() : instance.toString();
    }

    private static List<String> segments(JsonNodePath location) {
        List<String> segments = new ArrayList<>(location.getNameCount());
        for (int i = 0; i < location.getNameCount(); i++) {
            segments.add(String.valueOf(location.getElement(i)));
        }
        return segments;
    }

    private static List<String> segments(String jsonPointer) {
        List<String> segments = new ArrayList<>();
        if (jsonPointer.isEmpty()) {
            return segments;
        }
        if (!jsonPointer.startsWith("/")) {
            throw new IllegalArgumentException("a JSON Pointer starts with '/', but was '" + jsonPointer + "'");
        }
        for (String segment : jsonPointer.substring(1).split("/", -1)) {
            segments.add(segment.replace("~1", "/").replace("~0", "~"));
        }
        return segments;
    }

    private static String pointer(List<String> segments) {
        StringBuilder out = new StringBuilder();
        for (String segment : segments) {
            out.append('/').append(segment.replace("~", "~0").replace("/", "~1"));
        }
        return out.toString();
    }

    private JsonNode readResource(SchemaDocument doc) {
        try (InputStream in = SchemaValidator.class.getClassLoader().getResourceAsStream(doc.resourcePath())) {
            if (in == null) {
                throw new IllegalStateException("schema resource " + doc.resourcePath() + " is missing from the"
                        + " classpath; rebuild codepipeline-testkit-schemas");
            }
            return mapper.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read schema resource " + doc.resourcePath(), e);
        }
    }
}
