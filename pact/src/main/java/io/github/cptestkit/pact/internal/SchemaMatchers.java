package io.github.cptestkit.pact.internal;

import au.com.dius.pact.consumer.dsl.PactDslJsonArray;
import au.com.dius.pact.consumer.dsl.PactDslJsonBody;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.cptestkit.schemas.MemberSchema;
import io.github.cptestkit.schemas.SchemaDocument;
import io.github.cptestkit.schemas.SchemaValidator;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns an example JSON body into a Pact body whose matchers come from the schema of each member: a member with a
 * pattern gets a regex matcher (the model's pattern, which Pact matches against the whole value, as AWS does),
 * an enum a regex of its values, a string with lengths a regex bounding them, any other string a type matcher,
 * numbers integer or number type matchers. Objects keep their members; arrays keep their elements (and so their
 * length), each element with its own matchers.
 *
 * <pre>{@code
 * PactDslJsonBody body = SchemaMatchers.body(Operation.GET_JOB_DETAILS.inputSchema(), json);
 * // {"jobId": "..."} with $.jobId matching [0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}
 * }</pre>
 */
public final class SchemaMatchers {

    /** A character class repeated at least once, e.g. {@code [A-Za-z0-9.@\-_]+}: its lengths can join it. */
    private static final Pattern REPEATED_CLASS = Pattern.compile("\\[(?:\\\\.|[^\\]\\\\])+]\\+");

    private SchemaMatchers() {}

    /** The Pact body of {@code json} (an object) with matchers from {@code document}. */
    public static PactDslJsonBody body(SchemaDocument document, JsonNode json) {
        if (!json.isObject()) {
            throw new IllegalArgumentException("a CodePipeline body is a JSON object, but was " + json);
        }
        PactDslJsonBody body = new PactDslJsonBody();
        members(body, document, JsonPointer.empty(), json);
        return body;
    }

    /**
     * The regular expression a string member must match, derived from its schema, or {@code null} when the schema
     * constrains only its type (or says nothing of it).
     */
    public static String regex(MemberSchema schema) {
        if (schema == null || !"string".equals(schema.type())) {
            return null;
        }
        if (!schema.enumValues().isEmpty()) {
            return schema.enumValues().stream().map(SchemaMatchers::literal).collect(Collectors.joining("|"));
        }
        boolean bounded = schema.minLength() != null || schema.maxLength() != null;
        String lengths = "{" + (schema.minLength() == null ? 0 : schema.minLength()) + ","
                + (schema.maxLength() == null ? "" : schema.maxLength()) + "}";
        if (schema.pattern() != null) {
            return bounded && REPEATED_CLASS.matcher(schema.pattern()).matches()
                    ? schema.pattern().substring(0, schema.pattern().length() - 1) + lengths
                    : schema.pattern();
        }
        return bounded ? "[\\s\\S]" + lengths : null;
    }

    private static void members(PactDslJsonBody body, SchemaDocument document, JsonPointer at, JsonNode object) {
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> member = it.next();
            String name = member.getKey();
            JsonNode value = member.getValue();
            JsonPointer path = at.appendProperty(name);
            if (value.isObject()) {
                PactDslJsonBody child = body.object(name);
                members(child, document, path, value);
                child.closeObject();
            } else if (value.isArray()) {
                PactDslJsonArray child = body.array(name);
                elements(child, document, path, value);
                child.closeArray();
            } else if (value.isTextual()) {
                String regex = regex(schemaOf(document, path));
                if (regex == null) {
                    body.stringType(name, value.asText());
                } else {
                    body.stringMatcher(name, regex, value.asText());
                }
            } else if (value.isIntegralNumber()) {
                body.integerType(name, value.asLong());
            } else if (value.isNumber()) {
                body.numberType(name, value.decimalValue());
            } else if (value.isBoolean()) {
                body.booleanType(name, value.asBoolean());
            } else {
                body.nullValue(name);
            }
        }
    }

    private static void elements(PactDslJsonArray array, SchemaDocument document, JsonPointer at, JsonNode list) {
        for (int i = 0; i < list.size(); i++) {
            JsonNode value = list.get(i);
            JsonPointer path = at.appendIndex(i);
            if (value.isObject()) {
                PactDslJsonBody child = array.object();
                members(child, document, path, value);
                child.closeObject();
            } else if (value.isArray()) {
                PactDslJsonArray child = array.array();
                elements(child, document, path, value);
                child.closeArray();
            } else if (value.isTextual()) {
                String regex = regex(schemaOf(document, path));
                if (regex == null) {
                    array.stringType(value.asText());
                } else {
                    array.stringMatcher(regex, value.asText());
                }
            } else if (value.isIntegralNumber()) {
                array.integerType(value.asLong());
            } else if (value.isNumber()) {
                array.numberType(value.decimalValue());
            } else if (value.isBoolean()) {
                array.booleanType(value.asBoolean());
            } else {
                array.nullValue();
            }
        }
    }

    private static MemberSchema schemaOf(SchemaDocument document, JsonPointer path) {
        return SchemaValidator.shared().memberSchema(document, path.toString()).orElse(null);
    }

    /** An enum value as a regex literal: letters and digits as they are, anything else escaped. */
    private static String literal(String value) {
        StringBuilder out = new StringBuilder();
        value.codePoints().forEach(c -> {
            if (!Character.isLetterOrDigit(c)) {
                out.append('\\');
            }
            out.appendCodePoint(c);
        });
        return out.toString();
    }
}
