package io.github.cptestkit.mock.internal.codepipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.github.cptestkit.schemas.Operation;
import io.github.cptestkit.schemas.SchemaValidator;
import io.github.cptestkit.schemas.Violation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * The secrets of CodePipeline traffic hidden as {@link Violation#REDACTED}: what the schemas mark sensitive, and
 * wherever they appear, a job's artifact credentials, its action configuration values and those of a pipeline
 * declaration's actions (where secret properties travel) and client tokens. How the admin API shows a job's data and how WireMock's request journal shows calls.
 *
 * <pre>{@code
 * JsonNode shown = JobSecrets.redacted(data);                                   // a job's data
 * byte[] journaled = JobSecrets.redactedCall(Operation.POLL_FOR_JOBS, false, answerBytes);
 * }</pre>
 */
public final class JobSecrets {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CLIENT_TOKEN = "clientToken";

    private JobSecrets() {}

    /** A copy of any JSON of the API with the credentials, configuration values and client tokens hidden. */
    public static JsonNode redacted(JsonNode tree) {
        JsonNode copy = tree.deepCopy();
        hide(copy);
        return copy;
    }

    /**
     * A call's request ({@code answer} false) or answer body with its secrets hidden, by the operation's schema and
     * {@link #redacted(JsonNode)}; a body that is not a JSON object is left as it is (the mock sends none with a
     * secret).
     */
    public static byte[] redactedCall(Optional<Operation> operation, boolean answer, byte[] body) {
        JsonNode tree;
        try {
            tree = JSON.readTree(body);
        } catch (IOException | RuntimeException notJson) {
            return body;
        }
        if (tree == null || !tree.isObject()) {
            return body;
        }
        return redactedCall(operation, answer, tree).toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * A copy of a call's request ({@code answer} false) or answer, read as JSON, with its secrets hidden: what the
     * operation's schema marks sensitive, then {@link #redacted(JsonNode)}. How the journal and the standalone
     * server's {@code --verbose} log show calls.
     *
     * <pre>{@code
     * JsonNode logged = JobSecrets.redactedCall(Optional.of(Operation.ACKNOWLEDGE_JOB), false, request);
     * }</pre>
     */
    public static JsonNode redactedCall(Optional<Operation> operation, boolean answer, JsonNode tree) {
        JsonNode schemaRedacted = operation.isPresent() ? SchemaValidator.shared().redact(answer
                ? operation.get().outputSchema() : operation.get().inputSchema(), tree) : tree;
        return redacted(schemaRedacted);
    }

    private static void hide(JsonNode node) {
        if (node instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                JsonNode value = object.get(name);
                if (name.equals("artifactCredentials") && value instanceof ObjectNode credentials) {
                    hideAll(credentials);
                } else if (name.equals("actionConfiguration") && value.path("configuration") instanceof ObjectNode
                        configuration) {
                    hideAll(configuration);
                } else if ((name.equals("configuration") || name.equals("resolvedConfiguration"))
                        && object.has("actionTypeId") && value instanceof ObjectNode configuration) {
                    hideAll(configuration);       // an action of a pipeline declaration: its secrets travel here
                } else if (name.equals(CLIENT_TOKEN) && value.isValueNode() && !value.isNull()) {
                    object.set(name, TextNode.valueOf(Violation.REDACTED));
                } else {
                    hide(value);
                }
            }
        } else if (node != null && node.isArray()) {
            for (Iterator<JsonNode> elements = node.elements(); elements.hasNext(); ) {
                hide(elements.next());
            }
        }
    }

    private static void hideAll(ObjectNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        names.forEach(name -> object.put(name, Violation.REDACTED));
    }
}
