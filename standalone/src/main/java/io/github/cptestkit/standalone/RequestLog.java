package io.github.cptestkit.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.http.LoggedResponse;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.cptestkit.schemas.AwsJsonHeaders;
import io.github.cptestkit.schemas.Operation;
import io.github.cptestkit.schemas.SchemaValidator;
import io.github.cptestkit.schemas.Violation;
import io.github.cptestkit.schemas.WireJson;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code --verbose}: one line per request served, without secrets. A CodePipeline call shows its operation, its
 * request body (credentials redacted by the schemas, the client token hidden) and its status and error type; any
 * other request (S3, user stubs) shows its method, path without the query string (presigned URLs carry
 * credentials there) and status. Headers are never shown: they carry signatures and session tokens.
 *
 * <pre>{@code
 * WireMockConfiguration options = options().extensions(new RequestLog(System.err, Clock.systemUTC()));
 * // 2026-01-01T10:00:00.123Z POST / PollForThirdPartyJobs {"actionTypeId":{...},"maxBatchSize":1} -> 200
 * }</pre>
 */
final class RequestLog implements ServeEventListener {

    private static final ObjectMapper JSON = WireJson.mapper();
    private static final String TOKEN = "clientToken";

    private final PrintStream out;
    private final Clock clock;

    RequestLog(PrintStream out, Clock clock) {
        this.out = Objects.requireNonNull(out, "out");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public String getName() {
        return "codepipeline-testkit-request-log";
    }

    @Override
    public void afterComplete(ServeEvent event, Parameters parameters) {
        out.println(line(event.getRequest(), event.getResponse()));
    }

    /** The line for one request and its answer. */
    String line(LoggedRequest request, LoggedResponse response) {
        StringBuilder line = new StringBuilder(clock.instant().truncatedTo(ChronoUnit.MILLIS).toString())
                .append(' ').append(request.getMethod().getName()).append(' ').append(pathOf(request.getUrl()));
        Optional<Operation> operation = Operation.fromTarget(request.getHeader(AwsJsonHeaders.TARGET));
        operation.ifPresent(op -> line.append(' ').append(op.operationName()).append(' ')
                .append(redactedBody(op, request.getBodyAsString())));
        int status = response == null ? 0 : response.getStatus();
        line.append(" -> ").append(status == 0 ? "(no answer: connection fault)" : status);
        if (response != null && response.getHeaders() != null
                && response.getHeaders().getHeader(AwsJsonHeaders.ERROR_TYPE).isPresent()) {
            line.append(' ').append(response.getHeaders().getHeader(AwsJsonHeaders.ERROR_TYPE).firstValue());
        }
        return line.toString();
    }

    private static String pathOf(String url) {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query) + "?…";
    }

    /** The body with credentials, client tokens and configuration values hidden; a placeholder if unreadable. */
    static String redactedBody(Operation operation, String body) {
        if (body == null || body.isBlank()) {
            return "{}";
        }
        JsonNode tree;
        try {
            tree = JSON.readTree(body);
        } catch (IOException e) {
            return "(not JSON, " + body.length() + " characters)";
        }
        if (tree == null || !tree.isObject()) {
            return "(not a JSON object)";
        }
        ObjectNode redacted = (ObjectNode) SchemaValidator.shared().redact(operation.inputSchema(), tree);
        if (redacted.has(TOKEN)) {
            redacted.set(TOKEN, TextNode.valueOf(Violation.REDACTED));
        }
        hideActionConfiguration(redacted);
        return redacted.toString();
    }

    /**
     * The configuration values of a pipeline declaration's actions (CreatePipeline, UpdatePipeline), where secret
     * properties travel in clear text, hidden wherever an action ({@code actionTypeId} beside {@code configuration})
     * appears.
     */
    private static void hideActionConfiguration(JsonNode node) {
        if (node instanceof ObjectNode object) {
            if (object.has("actionTypeId") && object.get("configuration") instanceof ObjectNode configuration) {
                List<String> names = new ArrayList<>();
                configuration.fieldNames().forEachRemaining(names::add);
                names.forEach(name -> configuration.put(name, Violation.REDACTED));
            }
            object.elements().forEachRemaining(RequestLog::hideActionConfiguration);
        } else if (node != null && node.isArray()) {
            node.elements().forEachRemaining(RequestLog::hideActionConfiguration);
        }
    }
}
