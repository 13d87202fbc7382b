package io.github.cptestkit.pact.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cptestkit.schemas.Operation;
import io.github.cptestkit.schemas.WireJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Calls a running CodePipeline mock over its own wire protocol, as a worker would: how provider states move a job
 * along its life (poll, acknowledge, put a result), so the mock's state machine, not a shortcut, puts it there.
 *
 * <pre>{@code
 * JsonNode answer = new WireCalls(mock.endpoint()).call(Operation.ACKNOWLEDGE_JOB, body);
 * }</pre>
 */
public final class WireCalls {

    private static final ObjectMapper JSON = WireJson.mapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final URI endpoint;

    public WireCalls(URI endpoint) {
        this.endpoint = endpoint;
    }

    /** Calls {@code operation} with {@code body}; an answer other than 200 is an {@link IllegalStateException}. */
    public JsonNode call(Operation operation, JsonNode body) {
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(Duration.ofSeconds(30))
                .header("X-Amz-Target", operation.target())
                .header("Content-Type", PactSettings.AMZ_JSON)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(operation.operationName() + " answered HTTP " + response.statusCode()
                        + " " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot call " + operation.operationName() + " at " + endpoint, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while calling " + operation.operationName(), e);
        }
    }
}
