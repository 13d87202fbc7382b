package io.github.cptestkit.mock.internal.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cptestkit.mock.internal.codepipeline.AwsException;
import io.github.cptestkit.mock.internal.codepipeline.CodePipelineProtocol;
import io.github.cptestkit.schemas.Constraint;
import io.github.cptestkit.schemas.Violation;
import io.github.cptestkit.schemas.WireJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The JSON body of one admin request, read member by member: each check that fails is collected as a
 * {@link Violation} in AWS's words, and {@link #done()} refuses the request with all of them at once, as AWS's
 * ValidationException lists every broken member.
 *
 * <pre>{@code
 * AdminBody body = AdminBody.read(request.getBody());
 * int count = body.integer("count", 1, 1, 1000);
 * String preset = body.text("preset", false, 1, 50);
 * body.done();                                     // 400 ValidationException naming every problem
 * }</pre>
 */
public final class AdminBody {

    static final ObjectMapper JSON = WireJson.mapper();

    private final ObjectNode node;
    private final List<Violation> violations = new ArrayList<>();

    private AdminBody(ObjectNode node) {
        this.node = node;
    }

    /** Reads a body: an empty one is {@code {}}; anything but a JSON object is a SerializationException. */
    public static AdminBody read(byte[] body) {
        return new AdminBody(object(body));
    }

    /** The body as a JSON object, read as the AWS side reads its requests (SerializationException otherwise). */
    static ObjectNode object(byte[] body) {
        try {
            return CodePipelineProtocol.readObject(body);
        } catch (AwsException unreadable) {
            throw new AdminRefusal(unreadable.error().httpStatus(), unreadable.error().type(),
                    unreadable.getMessage());
        }
    }

    /** Whether the member is present (and not {@code null}). */
    public boolean has(String member) {
        return node.hasNonNull(member);
    }

    /** The member as it is, or {@code null} when absent. */
    public JsonNode node(String member) {
        return has(member) ? node.get(member) : null;
    }

    /** A string member of {@code min..max} characters; {@code null} when absent (a violation when required). */
    public String text(String member, boolean required, int min, int max) {
        JsonNode value = present(member, required, JsonNodeType.STRING);
        if (value == null) {
            return null;
        }
        String text = value.asText();
        int length = text.codePointCount(0, text.length());
        if (length < min) {
            add(member, Constraint.MIN_LENGTH, "Member must have length greater than or equal to " + min, text);
        } else if (length > max) {
            add(member, Constraint.MAX_LENGTH, "Member must have length less than or equal to " + max, text);
        }
        return text;
    }

    /** A boolean member; {@code false} when absent. */
    public boolean flag(String member) {
        JsonNode value = present(member, false, JsonNodeType.BOOLEAN);
        return value != null && value.asBoolean();
    }

    /** An integer member in {@code min..max}; {@code fallback} when absent. */
    public long integer(String member, long fallback, long min, long max) {
        JsonNode value = present(member, false, JsonNodeType.NUMBER);
        if (value == null) {
            return fallback;
        }
        if (!value.canConvertToExactIntegral() || !value.canConvertToLong()) {
            add(member, Constraint.TYPE, "Member must be of JSON type integer", value.asText());
            return fallback;
        }
        return inRange(member, value.asLong(), min, max) ? value.asLong() : fallback;
    }

    /** A number member (a fraction allowed) in {@code min..max}; {@code null} when absent. */
    public Double number(String member, double min, double max) {
        JsonNode value = present(member, false, JsonNodeType.NUMBER);
        if (value == null) {
            return null;
        }
        return inRange(member, value.asDouble(), min, max) ? value.asDouble() : null;
    }

    /**
     * A string member naming one of {@code choices} (its keys are the names; matched case-insensitively, with
     * {@code -} and {@code _} alike); {@code null} when absent.
     */
    public <T> T choice(String member, boolean required, Map<String, T> choices) {
        JsonNode value = present(member, required, JsonNodeType.STRING);
        if (value == null) {
            return null;
        }
        T chosen = chosen(value.asText(), choices);
        if (chosen == null) {
            add(member, Constraint.ENUM, "Member must satisfy enum value set: " + String.join(", ",
                    choices.keySet()).transform(set -> "[" + set + "]"), value.asText());
        }
        return chosen;
    }

    /** The choice {@code name} means (case-insensitive, {@code -} and {@code _} alike), or {@code null}. */
    public static <T> T chosen(String name, Map<String, T> choices) {
        for (Map.Entry<String, T> choice : choices.entrySet()) {
            if (choiceKey(choice.getKey()).equals(choiceKey(name))) {
                return choice.getValue();
            }
        }
        return null;
    }

    /** The key {@link #choice} looks a name up by: lower case, {@code _} as {@code -}. */
    public static String choiceKey(String name) {
        return name.trim().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The names of {@code values} (as {@code name} gives them) to the values, in order: for {@link #choice}. */
    public static <T> Map<String, T> names(T[] values, java.util.function.Function<T, String> name) {
        Map<String, T> names = new java.util.LinkedHashMap<>();
        for (T value : values) {
            names.put(name.apply(value), value);
        }
        return java.util.Collections.unmodifiableMap(names);
    }

    /** Adds a violation found by other means (a schema, a rule between members). */
    public void add(Violation violation) {
        violations.add(violation);
    }

    /** Adds a violation of {@code member}. */
    public void add(String member, Constraint constraint, String requirement, String value) {
        violations.add(new Violation("/" + member, constraint, requirement, value));
    }

    /** Whether every check so far passed. */
    public boolean valid() {
        return violations.isEmpty();
    }

    /** Refuses the request with every violation found, sorted by member; returns when there is none. */
    public void done() {
        if (!violations.isEmpty()) {
            List<Violation> sorted = new ArrayList<>(violations);
            sorted.sort((a, b) -> a.path().compareTo(b.path()));
            throw AdminRefusal.invalid(sorted);
        }
    }

    private JsonNode present(String member, boolean required, JsonNodeType type) {
        if (!has(member)) {
            if (required) {
                add(member, Constraint.REQUIRED, "Member must not be null", null);
            }
            return null;
        }
        JsonNode value = node.get(member);
        if (value.getNodeType() != type) {
            add(member, Constraint.TYPE, "Member must be of JSON type " + type.name().toLowerCase(Locale.ROOT),
                    value.isTextual() ? value.asText() : value.toString());
            return null;
        }
        return value;
    }

    private <N extends Comparable<N>> boolean inRange(String member, N value, N min, N max) {
        if (value.compareTo(min) < 0) {
            add(member, Constraint.MINIMUM, "Member must have value greater than or equal to " + plain(min),
                    plain(value));
            return false;
        }
        if (value.compareTo(max) > 0) {
            add(member, Constraint.MAXIMUM, "Member must have value less than or equal to " + plain(max),
                    plain(value));
            return false;
        }
        return true;
    }

    private static String plain(Object number) {
        if (number instanceof Double d && d == Math.rint(d) && !d.isInfinite()) {
            return Long.toString(d.longValue());
        }
        return number.toString();
    }
}
