package io.github.cptestkit.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The configuration properties of an action, in the order given (secret ones included, as AWS returns them).
 *
 * <pre>{@code new ActionConfiguration(Map.of("ProjectName", "payments"));}</pre>
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ActionConfiguration(Map<String, String> configuration) {

    /** What {@link #toString()} shows instead of a value. */
    public static final String REDACTED = "*** Sensitive Data Redacted ***";

    public ActionConfiguration {
        configuration = configuration == null ? null
                : Collections.unmodifiableMap(new LinkedHashMap<>(configuration));
    }

    /**
     * The property names with their values hidden: secret properties travel here in clear text, and a job does not
     * say which they are, so no value appears in an assertion message or a log.
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
