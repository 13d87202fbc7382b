package io.github.cptestkit.mock.internal.admin;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cptestkit.mock.lambda.InvocationAttempt;
import io.github.cptestkit.mock.lambda.LambdaFunction;

/**
 * The admin API's JSON view of a Lambda function: {@code {"functionName", "runtimeApi", "pending"}} (what a test in
 * another language needs to start a runtime and wait for it), then its settings, the request ids runtimes hold and
 * its attempts, newest first. Times are ISO-8601 strings.
 *
 * <pre>{@code ObjectNode view = FunctionViews.of(mock.lambdaFunction("Deploy").orElseThrow());}</pre>
 */
public final class FunctionViews {

    private FunctionViews() {}

    /** One function. */
    public static ObjectNode of(LambdaFunction function) {
        ObjectNode view = AdminBody.JSON.createObjectNode();
        view.put("functionName", function.functionName());
        view.put("runtimeApi", function.runtimeApi());
        view.put("pending", function.pending());
        view.put("ready", function.ready());
        view.putObject("settings")
                .put("timeoutSeconds", function.settings().timeout().toSeconds())
                .put("maximumRetryAttempts", function.settings().maximumRetryAttempts())
                .put("failJobWhenDiscarded", function.settings().failJobWhenDiscarded());
        ArrayNode held = view.putArray("inFlight");
        function.inFlight().forEach(held::add);
        ArrayNode attempts = view.putArray("attempts");
        for (InvocationAttempt attempt : function.attempts()) {
            ObjectNode entry = attempts.addObject();
            if (attempt.requestId() != null) {
                entry.put("requestId", attempt.requestId());
            }
            entry.put("jobId", attempt.jobId()).put("attempt", attempt.attempt())
                    .put("outcome", attempt.outcome().name())
                    .put("startedAt", attempt.startedAt().toString()).put("endedAt", attempt.endedAt().toString());
            if (attempt.error() != null) {
                entry.putObject("error").put("errorType", attempt.error().errorType())
                        .put("errorMessage", attempt.error().errorMessage());
            }
        }
        return view;
    }
}
