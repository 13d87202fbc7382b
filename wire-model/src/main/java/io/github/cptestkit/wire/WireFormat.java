package io.github.cptestkit.wire;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cptestkit.schemas.WireJson;

/**
 * The JSON of the CodePipeline wire format for the values of this package: AWS's member names, absent members left
 * out, timestamps as epoch seconds, unknown members ignored when reading; on the toolkit's one Jackson configuration
 * ({@link WireJson}).
 *
 * <pre>{@code
 * String json = WireFormat.toJson(job.details());   // {"id":"...","data":{...},"nonce":"..."}
 * Job job = WireFormat.mapper().readValue(json, Job.class);
 * }</pre>
 */
public final class WireFormat {

    private static final ObjectMapper MAPPER = WireJson.mapper();

    private WireFormat() {}

    /**
     * A shared, thread-safe mapper; do not reconfigure it (use {@code mapper().copy()} for that).
     *
     * @return {@link WireJson#mapper()}, the same mapper on every call
     */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * Compact JSON of a value.
     *
     * @param value a value of this package (or anything Jackson can write); {@code null} gives {@code "null"}
     * @return the JSON on one line, absent members left out
     * @throws IllegalArgumentException if Jackson cannot write the value
     */
    public static String toJson(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /**
     * A value as a JSON tree.
     *
     * @param value a value of this package (or anything Jackson can write)
     * @return a new tree the caller may change, or {@code null} for a {@code null} value
     * @throws IllegalArgumentException if Jackson cannot convert the value
     */
    public static JsonNode toTree(Object value) {
        return MAPPER.valueToTree(value);
    }
}
