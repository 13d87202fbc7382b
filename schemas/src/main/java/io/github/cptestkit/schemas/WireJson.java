package io.github.cptestkit.schemas;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The toolkit's one Jackson configuration, for all the JSON it reads and writes: the schemas, the wire values, the
 * mock's answers, recorded calls and pact bodies. One shared, thread-safe mapper that ignores unknown members when it
 * binds a value (AWS adds members to its answers), and, for request bodies read as AWS JSON services read them, a
 * reader of the same mapper that also refuses content after the JSON value.
 *
 * <pre>{@code
 * ObjectNode answer = WireJson.mapper().createObjectNode().put("status", "InProgress");
 * JsonNode request = WireJson.strictReader().readTree("{\"jobId\": \"x\"} trailing");   // JsonProcessingException
 * }</pre>
 */
public final class WireJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    private static final ObjectReader STRICT = MAPPER.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private WireJson() {}

    /**
     * The shared mapper; do not reconfigure it (use {@code mapper().copy()} for that).
     *
     * @return the same thread-safe mapper on every call, lenient about unknown members
     */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * The shared mapper's reader that refuses anything after the JSON value, as AWS JSON services do.
     *
     * @return the same thread-safe reader on every call; trailing content makes it throw a
     *         {@code JsonProcessingException}
     */
    public static ObjectReader strictReader() {
        return STRICT;
    }
}
