package io.github.cptestkit.schemas;

import java.util.List;
import java.util.Objects;

/**
 * What the schemas say about one member of a document: its JSON type and the model's constraints on it, with
 * {@code $ref}s followed. For tools that derive something from the model (matchers, generators, forms) without
 * walking the JSON Schema themselves.
 *
 * <pre>{@code
 * MemberSchema jobId = SchemaValidator.shared()
 *         .memberSchema(Operation.GET_JOB_DETAILS.inputSchema(), "/jobId").orElseThrow();
 * jobId.type();      // "string"
 * jobId.pattern();   // "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}" (the model's, unanchored)
 * MemberSchema category = SchemaValidator.shared().memberSchema(
 *         Operation.POLL_FOR_JOBS.inputSchema(), "/actionTypeId/category").orElseThrow();
 * category.enumValues();   // [Source, Build, Deploy, Test, Invoke, Approval, Compute]
 * }</pre>
 *
 * @param type       the JSON type: {@code object}, {@code array}, {@code string}, {@code integer}, {@code number}
 *                   or {@code boolean}
 * @param pattern    the model's regular expression, which must match the whole value (unanchored, as the model
 *                   writes it), or {@code null}
 * @param enumValues the allowed values of an enum, else empty
 * @param minLength  the least length of a string, or {@code null}
 * @param maxLength  the greatest length of a string, or {@code null}
 * @param members    the members an object's shape lists, in the schema's order (empty for maps and non-objects)
 * @param required   the members an object must have
 * @param sensitive  whether the member, or a member that contains it, is sensitive (artifact credentials)
 */
public record MemberSchema(String type, String pattern, List<String> enumValues, Integer minLength,
        Integer maxLength, List<String> members, List<String> required, boolean sensitive) {

    /**
     * Checks the type is given and copies the lists, so the record is immutable.
     *
     * @param type       the JSON type, not null
     * @param pattern    the model's unanchored pattern, or null
     * @param enumValues the enum's values, not null (copied)
     * @param minLength  the least string length, or null
     * @param maxLength  the greatest string length, or null
     * @param members    the object's members, not null (copied)
     * @param required   the object's required members, not null (copied)
     * @param sensitive  whether values there must be redacted
     * @throws NullPointerException if {@code type} or a list is null
     */
    public MemberSchema {
        Objects.requireNonNull(type, "type");
        enumValues = List.copyOf(enumValues);
        members = List.copyOf(members);
        required = List.copyOf(required);
    }
}
