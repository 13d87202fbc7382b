package io.github.cptestkit.pact;

import au.com.dius.pact.consumer.dsl.DslPart;
import au.com.dius.pact.consumer.dsl.PactDslJsonBody;
import au.com.dius.pact.consumer.dsl.PactDslRequestWithPath;
import au.com.dius.pact.consumer.dsl.PactDslResponse;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.dsl.PactDslWithState;
import au.com.dius.pact.core.model.ProviderState;
import au.com.dius.pact.core.model.RequestResponsePact;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cptestkit.pact.internal.PactSettings;
import io.github.cptestkit.pact.internal.SchemaMatchers;
import io.github.cptestkit.schemas.AwsError;
import io.github.cptestkit.schemas.Operation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * One complete CodePipeline interaction, ready to add to a pact: provider states, {@code POST /} with the
 * operation's {@code X-Amz-Target} and {@code Content-Type: application/x-amz-json-1.1}, the request body with
 * matchers from the input schema, and the expected answer (status, {@code Content-Type}, {@code x-amzn-RequestId},
 * {@code x-amzn-ErrorType} for errors, body with matchers from the output schema). Immutable.
 *
 * <pre>{@code
 * CodePipelineInteraction poll = CodePipelinePact.pollForJobs().givenJob(job).willRespondWith();
 * RequestResponsePact pact = poll.toPact(builder);          // alone
 * CodePipelinePact.pact(builder, poll, acknowledge, put);    // or with others, in order
 * }</pre>
 */
public final class CodePipelineInteraction {

    /** AWS request ids are lowercase UUIDs. */
    static final String REQUEST_ID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    private static final String REQUEST_ID_EXAMPLE = "8f4c8b1e-2a3d-4e5f-9a6b-7c8d9e0f1a2b";

    private final Operation operation;
    private final String description;
    private final List<ProviderState> providerStates;
    private final ObjectNode requestBody;
    private final int status;
    private final AwsError error;
    private final ObjectNode responseBody;

    CodePipelineInteraction(Operation operation, String description, List<ProviderState> providerStates,
            ObjectNode requestBody, int status, AwsError error, ObjectNode responseBody) {
        this.operation = operation;
        this.description = description;
        this.providerStates = List.copyOf(providerStates);
        this.requestBody = requestBody.deepCopy();
        this.status = status;
        this.error = error;
        this.responseBody = responseBody.deepCopy();
    }

    /** The operation called. */
    public Operation operation() {
        return operation;
    }

    /** The interaction's description. */
    public String description() {
        return description;
    }

    /** The provider states, in order. */
    public List<ProviderState> providerStates() {
        return providerStates;
    }

    /** The example request body (a copy). */
    public JsonNode requestBody() {
        return requestBody.deepCopy();
    }

    /** The expected HTTP status. */
    public int status() {
        return status;
    }

    /** The expected error, or {@code null} for a success. */
    public AwsError error() {
        return error;
    }

    /** The example answer body (a copy). */
    public JsonNode responseBody() {
        return responseBody.deepCopy();
    }

    /** Adds this interaction first to the builder a {@code @Pact} method receives. */
    public PactDslResponse addTo(PactDslWithProvider builder) {
        return write(builder::given, name -> builder.uponReceiving(name).method("POST").path("/"));
    }

    /** Adds this interaction after the ones already built. */
    public PactDslResponse addTo(PactDslResponse previous) {
        return write(previous::given, name -> previous.uponReceiving(name).method("POST").path("/"));
    }

    /** A pact of this interaction alone. */
    public RequestResponsePact toPact(PactDslWithProvider builder) {
        return addTo(builder).toPact();
    }

    private PactDslResponse write(BiFunction<String, Map<String, Object>, PactDslWithState> firstState,
            Function<String, PactDslRequestWithPath> stateless) {
        PactSettings.apply();
        PactDslRequestWithPath start;
        if (providerStates.isEmpty()) {
            start = stateless.apply(description);
        } else {
            PactDslWithState state = firstState.apply(providerStates.get(0).getName(), params(0));
            for (int i = 1; i < providerStates.size(); i++) {
                state = state.given(providerStates.get(i).getName(), params(i));
            }
            start = state.uponReceiving(description).method("POST").path("/");
        }
        Map<String, String> responseHeaders = new LinkedHashMap<>();
        responseHeaders.put("Content-Type", CodePipelinePact.CONTENT_TYPE);
        if (error != null) {
            responseHeaders.put("x-amzn-ErrorType", error.type());
        }
        return start
                .headers(Map.of("X-Amz-Target", operation.target(), "Content-Type", CodePipelinePact.CONTENT_TYPE))
                .body(SchemaMatchers.body(operation.inputSchema(), requestBody))
                .willRespondWith()
                .status(status)
                .headers(responseHeaders)
                .matchHeader("x-amzn-RequestId", REQUEST_ID_PATTERN, REQUEST_ID_EXAMPLE)
                .body(responseDsl());
    }

    private DslPart responseDsl() {
        if (error == null) {
            return SchemaMatchers.body(operation.outputSchema(), responseBody);
        }
        // The error type is what a worker branches on: exact. The message is AWS's prose: any string.
        return new PactDslJsonBody()
                .stringValue("__type", responseBody.get("__type").asText())
                .stringType("message", responseBody.get("message").asText());
    }

    private Map<String, Object> params(int index) {
        return new LinkedHashMap<>(providerStates.get(index).getParams());
    }

    @Override
    public String toString() {
        return "CodePipelineInteraction[" + description + ", " + operation.target() + " -> " + status + "]";
    }
}
