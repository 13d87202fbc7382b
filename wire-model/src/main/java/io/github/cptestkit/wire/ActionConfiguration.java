package io.github.cptestkit.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The configuration properties of an action, in the order given (secret ones included, as AWS returns them).
 *
 * <pre>{@code new ActionConfiguration(Map.of("ProjectName", "payments"));}</pre>
 *
 * @param configuration the properties by name (keys 1 to 50, values 1 to 1000 characters), in the order given;
 *                      unmodifiable; {@code null} when the job carries none
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ActionConfiguration(Map<String, String> configuration) {

    /** What {@link #toString()} shows instead of a value. */
    public static final String REDACTED = "*** Sensitive Data Redacted ***";

    /**
     * Copies the properties, keeping their order, so the record is immutable.
     *
     * @param configuration the properties by name, or {@code null} for none
     */
    public ActionConfiguration {
        configuration = configuration == null ? null
                : Collections.unmodifiableMap(new LinkedHashMap<>(configuration));
    }

    /**
     * The property names with their values hidden: secret properties travel here in clear text, and a job does not
     * say which they are, so no value appears in an assertion message or a log.
     *
     * @return the property names in order, each with the value {@value #REDACTED}
     */
    @Override
    public String toString() {
        if (configuration == null) {
            return "ActionConfiguration[configuration=null]";
        }
        Map<String, String> hidden = new LinkedHashMap<>();
        configuration.keySet().forEach(key -> hidden.put(key, REDACTED));
        return "ActionConfiguration[configuration=" + hidden + "]";
    }
}
