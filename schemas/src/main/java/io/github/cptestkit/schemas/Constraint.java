package io.github.cptestkit.schemas;

/**
 * The kind of rule a {@link Violation} broke.
 *
 * <pre>{@code
 * if (violation.constraint() == Constraint.TYPE) { ... answer SerializationException, as AWS does ... }
 * }</pre>
 */
public enum Constraint {
    /** The document is not JSON at all. */
    MALFORMED_JSON,
    /** A required member is missing. */
    REQUIRED,
    /** A value has the wrong JSON type (a string where a number belongs, ...). */
    TYPE,
    /** A string is shorter than the model allows. */
    MIN_LENGTH,
    /** A string is longer than the model allows. */
    MAX_LENGTH,
    /** A string does not match the model's pattern. */
    PATTERN,
    /** A value is not one of the enum's values. */
    ENUM,
    /** A number is below the least value the model allows. */
    MINIMUM,
    /** A number is above the greatest value the model allows. */
    MAXIMUM,
    /** A list has fewer items than the model allows. */
    MIN_ITEMS,
    /** A list has more items than the model allows. */
    MAX_ITEMS,
    /** A map has fewer entries than the model allows. */
    MIN_ENTRIES,
    /** A map has more entries than the model allows. */
    MAX_ENTRIES,
    /** A map key breaks the key shape's length or pattern. */
    MAP_KEY,
    /** Any other schema keyword. */
    OTHER
}
