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
    STRING("String"), NUMBER("Number"), BOOLEAN("Boolean");

    private final String wire;

    ConfigurationPropertyType(String wire) {
        this.wire = wire;
    }

    /** The value AWS sends, e.g. {@code String}. */
    public String wire() {
        return wire;
    }

    /** The constant for a wire value, or empty. */
    public static Optional<ConfigurationPropertyType> fromWire(String wire) {
        return Arrays.stream(values()).filter(t -> t.wire.equals(wire)).findFirst();
    }
}
