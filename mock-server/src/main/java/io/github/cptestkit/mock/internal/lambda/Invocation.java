package io.github.cptestkit.mock.internal.lambda;

import java.time.Instant;
import java.util.Objects;

/**
 * One attempt at an event, handed to a runtime by {@code GET /2018-06-01/runtime/invocation/next}: the body is the
 * event, the rest travels in the {@code Lambda-Runtime-*} headers.
 *
 * <pre>{@code
 * Invocation invocation = functions.next("Deploy").get();
 * invocation.requestId();           // Lambda-Runtime-Aws-Request-Id
 * invocation.deadline().toEpochMilli(); // Lambda-Runtime-Deadline-Ms
 * }</pre>
 *
 * @param functionName       the function invoked
 * @param requestId          the request id the runtime answers with
 * @param jobId              the CodePipeline job the event carries
 * @param attempt            1 for the first attempt, 2 and 3 for Lambda's retries
 * @param event              the event's bytes (JSON)
 * @param deadline           when the invocation times out, on the mock's clock
 * @param invokedFunctionArn the function's ARN
 * @param traceId            an X-Ray trace header ({@code Root=1-...;Parent=...;Sampled=0})
 */
public record Invocation(String functionName, String requestId, String jobId, int attempt, byte[] event,
        Instant deadline, String invokedFunctionArn, String traceId) {

    public Invocation {
        Objects.requireNonNull(functionName, "functionName");
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(deadline, "deadline");
    }

    /** Leaves the event out: it carries the job's credentials. */
    @Override
    public String toString() {
        return "Invocation[" + functionName + ", requestId=" + requestId + ", jobId=" + jobId + ", attempt=" + attempt
                + ", deadline=" + deadline + "]";
    }
}
