package io.github.cptestkit.mock.pipelines;

import java.util.Arrays;
import java.util.Optional;

/**
 * The declared type of a custom action's configuration property: {@code String}, {@code Number} or
 * {@code Boolean} (values travel as strings whatever the type).
 *
 * <pre>{@code ConfigurationProperty.required("Retries").withType(ConfigurationPropertyType.NUMBER)}</pre>
 */
public enum ConfigurationPropertyType {
    /** Declared as text. */
    STRING("String"),
    /** Declared as a number. */
    NUMBER("Number"),
    /** Declared as {@code true} or {@code false}. */
    BOOLEAN("Boolean");

    private final String wire;

    ConfigurationPropertyType(String wire) {
        this.wire = wire;
    }

    /**
     * The value AWS sends, e.g. {@code String}.
     *
     * @return the type as it appears on the wire
     */
    public String wire() {
        return wire;
    }

    /**
     * The constant for a wire value.
     *
     * @param wire the value AWS sends, case-sensitive (e.g. {@code Number}); {@code null} matches none
     * @return the constant, or empty when no type has that wire value
     */
    public static Optional<ConfigurationPropertyType> fromWire(String wire) {
        return Arrays.stream(values()).filter(t -> t.wire.equals(wire)).findFirst();
    }
}
