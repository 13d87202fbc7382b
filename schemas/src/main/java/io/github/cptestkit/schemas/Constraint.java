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
    MIN_LENGTH,
    MAX_LENGTH,
    PATTERN,
    ENUM,
    MINIMUM,
    MAXIMUM,
    MIN_ITEMS,
    MAX_ITEMS,
    MIN_ENTRIES,
    MAX_ENTRIES,
    /** A map key breaks the key shape's length or pattern. */
    MAP_KEY,
    /** Any other schema keyword. */
    OTHER
}
