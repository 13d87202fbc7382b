package io.github.cptestkit.pact.internal;

import au.com.dius.pact.core.model.IHttpPart;
import au.com.dius.pact.core.model.Interaction;
import au.com.dius.pact.core.model.OptionalBody;
import au.com.dius.pact.core.model.SynchronousRequestResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.github.cptestkit.schemas.AwsError;
import io.github.cptestkit.schemas.Operation;
import io.github.cptestkit.schemas.SchemaDocument;
import io.github.cptestkit.schemas.WireJson;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A pact interaction read as a CodePipeline call, and everything in it that CodePipeline could not take part in:
 * a method, path, target or content type AWS JSON 1.1 does not use, a request body its input schema refuses, an
 * answer whose status, error type or body CodePipeline never sends. Checks the examples the pact holds (what the
 * provider is asked to replay and answer).
 *
 * <pre>{@code
 * PactInteraction call = new PactInteraction(interaction);
 * call.problems();   // ["interaction 'ack': response body /status: Member must satisfy enum value set: ...]
 * }</pre>
 */
public final class PactInteraction {

    private static final ObjectMapper JSON = WireJson.mapper();

    private final String description;
    private final SynchronousRequestResponse http;
    private final List<String> problems = new ArrayList<>();
    private final Operation operation;
    private final JsonNode requestBody;
    private final JsonNode responseBody;

    public PactInteraction(Interaction interaction) {
        this.description = interaction.getDescription();
        this.http = interaction.asSynchronousRequestResponse();
        if (http == null) {
            problem("it is a message interaction; CodePipeline's job operations are HTTP requests and answers");
            operation = null;
            requestBody = MissingNode.getInstance();
            responseBody = MissingNode.getInstance();
            return;
        }
        operation = checkRequestLine();
        requestBody = json("request body", http.getRequest().getBody());
        responseBody = json("response body", http.getResponse().getBody());
        if (operation != null && (!requestBody.isMissingNode() || !http.getRequest().getBody().isPresent())) {
            // A request without a body is sent without one; AWS reads it as {} (and so does the mock).
            JsonNode sent = requestBody.isMissingNode() ? JSON.createObjectNode() : requestBody;
            BodyCheck.problems("request body", operation.inputSchema(), sent, false).forEach(this::problem);
        }
        if (operation != null) {
            checkAnswer();
        }
    }

    /** The interaction's description. */
    public String description() {
        return description;
    }

    /** The operation its {@code X-Amz-Target} names, if it names one. */
    public Optional<Operation> operation() {
        return Optional.ofNullable(operation);
    }

    /** The example request body, or a missing node. */
    public JsonNode requestBody() {
        return requestBody;
    }

    /** The example answer body, or a missing node. */
    public JsonNode responseBody() {
        return responseBody;
    }

    /** Every problem found, each as {@code interaction '<description>': <where>: <what>}; empty when valid. */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    /** Records a problem of this interaction, prefixed with its description. */
    public void problem(String problem) {
        problems.add("interaction '" + description + "': " + problem);
    }

    private Operation checkRequestLine() {
        var request = http.getRequest();
        if (!"POST".equalsIgnoreCase(request.getMethod())) {
            problem("request method: AWS JSON 1.1 calls are POST, but was '" + request.getMethod() + "'");
        }
        if (!"/".equals(request.getPath())) {
            problem("request path: AWS JSON 1.1 calls go to '/', but was '" + request.getPath() + "'");
        }
        if (!request.getQuery().isEmpty()) {
            problem("request query: AWS JSON 1.1 calls have no query string, but it had "
                    + request.getQuery().keySet());
        }
        checkContentType("request", request, true);
        String target = header(request, "X-Amz-Target");
        String targets = Operation.jobOperations().stream().map(Operation::target).collect(Collectors.joining(", "));
        if (target == null) {
            problem("request header X-Amz-Target: is missing; it names the operation, one of " + targets);
            return null;
        }
        Optional<Operation> named = Operation.fromTarget(target);
        if (named.isEmpty()) {
            problem("request header X-Amz-Target: '" + target + "' names no CodePipeline job operation; the valid"
                    + " targets are " + targets);
        }
        return named.orElse(null);
    }

    private void checkAnswer() {
        var response = http.getResponse();
        int status = response.getStatus();
        checkContentType("response", response, !responseBody.isMissingNode());
        String errorHeader = header(response, "x-amzn-ErrorType");
        if (status == 200) {
            if (errorHeader != null) {
                problem("response header x-amzn-ErrorType: a success (200) carries no error type, but was '"
                        + errorHeader + "'");
            }
            if (!responseBody.isMissingNode()) {
                BodyCheck.problems("response body", operation.outputSchema(), responseBody, true)
                        .forEach(this::problem);
            }
            return;
        }
        if (status != 400 && status != 500 && status != 503) {
            problem("response status: CodePipeline answers 200 (success), 400 (errors), 500 (InternalFailure) or 503"
                    + " (ServiceUnavailable), but was " + status);
            return;
        }
        String type = responseBody.path("__type").isTextual() ? responseBody.get("__type").asText() : errorHeader;
        if (!responseBody.isMissingNode()) {
            BodyCheck.problems("response body", SchemaDocument.error(), responseBody, true).forEach(this::problem);
        }
        if (type == null) {
            return;
        }
        Optional<AwsError> error = AwsError.fromType(type);
        List<AwsError> possible = new ArrayList<>(operation.errors());
        Arrays.stream(AwsError.values()).filter(e -> !e.modeled()).forEach(possible::add);
        if (error.isEmpty() || !possible.contains(error.get())) {
            problem("response error type: " + operation.operationName() + " never answers '" + type + "'; it answers "
                    + possible.stream().map(AwsError::type).toList());
            return;
        }
        if (error.get().httpStatus() != status) {
            problem("response status: " + error.get().type() + " comes with HTTP " + error.get().httpStatus()
                    + ", but was " + status);
        }
        if (errorHeader != null && !AwsError.fromType(errorHeader).equals(error)) {
            problem("response header x-amzn-ErrorType: '" + errorHeader + "' differs from the body's __type '" + type
                    + "'; AWS sends the same type in both");
        }
    }

    private void checkContentType(String part, IHttpPart message, boolean required) {
        String contentType = header(message, "Content-Type");
        if (contentType == null) {
            if (required) {
                problem(part + " header Content-Type: is missing (Pact then takes the body for 'application/json');"
                        + " CodePipeline's " + part + "s carry '" + PactSettings.AMZ_JSON + "': declare it");
            }
            return;
        }
        String base = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (!PactSettings.AMZ_JSON.equals(base)) {
            problem(part + " header Content-Type: CodePipeline's " + part + "s carry '" + PactSettings.AMZ_JSON
                    + "', but was '" + contentType + "'");
        }
    }

    private JsonNode json(String where, OptionalBody body) {
        if (!body.isPresent()) {
            return MissingNode.getInstance();
        }
        try {
            JsonNode json = JSON.readTree(body.valueAsString());
            if (json != null && json.isObject()) {
                return json;
            }
            problem(where + ": CodePipeline bodies are JSON objects, but was " + json);
        } catch (JsonProcessingException e) {
            problem(where + ": not JSON (" + e.getOriginalMessage() + ")");
        }
        return MissingNode.getInstance();
    }

    private static String header(IHttpPart message, String name) {
        for (Map.Entry<String, List<String>> header : message.getHeaders().entrySet()) {
            if (header.getKey().equalsIgnoreCase(name) && !header.getValue().isEmpty()) {
                return String.join(", ", header.getValue());
            }
        }
        return null;
    }
}
