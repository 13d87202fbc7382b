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

    /**
     * The operation called.
     *
     * @return the operation, one of the ten job operations
     */
    public Operation operation() {
        return operation;
    }

    /**
     * The interaction's description.
     *
     * @return the description, as given to {@code uponReceiving} or made of the operation and job
     */
    public String description() {
        return description;
    }

    /**
     * The provider states, in order.
     *
     * @return the states with their parameters, unmodifiable; empty for none
     */
    public List<ProviderState> providerStates() {
        return providerStates;
    }

    /**
     * The example request body (a copy).
     *
     * @return a copy of the request body the pact shows, each member matched by the input schema's rules
     */
    public JsonNode requestBody() {
        return requestBody.deepCopy();
    }

    /**
     * The expected HTTP status.
     *
     * @return 200 for a success, else the error's HTTP status
     */
    public int status() {
        return status;
    }

    /**
     * The expected error, or {@code null} for a success.
     *
     * @return the error the answer carries, or {@code null}
     */
    public AwsError error() {
        return error;
    }

    /**
     * The example answer body (a copy).
     *
     * @return a copy of the answer body the pact shows
     */
    public JsonNode responseBody() {
        return responseBody.deepCopy();
    }

    /**
     * Adds this interaction first to the builder a {@code @Pact} method receives.
     *
     * @param builder the builder a {@code @Pact} method receives
     * @return the response so far, to add more interactions to or to call {@code toPact()} on
     */
    public PactDslResponse addTo(PactDslWithProvider builder) {
        return write(builder::given, name -> builder.uponReceiving(name).method("POST").path("/"));
    }

    /**
     * Adds this interaction after the ones already built.
     *
     * @param previous what an earlier {@code addTo} returned
     * @return the response so far, to add more interactions to or to call {@code toPact()} on
     */
    public PactDslResponse addTo(PactDslResponse previous) {
        return write(previous::given, name -> previous.uponReceiving(name).method("POST").path("/"));
    }

    /**
     * A pact of this interaction alone.
     *
     * @param builder the builder a {@code @Pact} method receives
     * @return the pact, for the {@code @Pact} method to return
     */
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
