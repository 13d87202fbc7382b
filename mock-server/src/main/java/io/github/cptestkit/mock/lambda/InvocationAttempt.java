package io.github.cptestkit.mock.lambda;

import java.time.Instant;
import java.util.Objects;

/**
 * What became of one attempt at an event: answered, failed, timed out, or never handed to a runtime (an init
 * error served in its place).
 *
 * <pre>{@code
 * InvocationAttempt last = mock.lambdaFunction("Deploy").orElseThrow().attempts().get(0);
 * last.outcome();   // Outcome.FUNCTION_ERROR
 * last.error();     // FunctionError[errorType=java.lang.IllegalStateException, ...]
 * }</pre>
 *
 * @param requestId  the attempt's request id ({@code null} when it was never handed to a runtime)
 * @param jobId      the job the event carries
 * @param attempt    1, 2 or 3
 * @param startedAt  when it was handed to a runtime (or failed, if it never was)
 * @param endedAt    when it ended
 * @param outcome    how it ended
 * @param error      the error, unless the runtime answered
 */
public record InvocationAttempt(String requestId, String jobId, int attempt, Instant startedAt, Instant endedAt,
        Outcome outcome, FunctionError error) {

    /** How an attempt ended. */
    public enum Outcome {
        /** The runtime posted a response. */
        RESPONDED,
        /** The runtime posted an error ({@code /invocation/{id}/error}). */
        FUNCTION_ERROR,
        /** The mock's clock passed the invocation's deadline before the runtime answered. */
        TIMED_OUT,
        /** The runtime's response was over Lambda's payload limit. */
        RESPONSE_TOO_LARGE,
        /** A runtime reported an init error, which Lambda serves in answer to the first invoke. */
        INIT_ERROR
    }

    /**
     * The outcome and the end are required.
     *
     * @param requestId  the attempt's request id ({@code null} when it was never handed to a runtime)
     * @param jobId      the job the event carries
     * @param attempt    1, 2 or 3
     * @param startedAt  when it was handed to a runtime (or failed, if it never was)
     * @param endedAt    when it ended
     * @param outcome    how it ended
     * @param error      the error, unless the runtime answered
     */
    public InvocationAttempt {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(endedAt, "endedAt");
    }

    /**
     * Whether the attempt failed (anything but a response).
     *
     * @return {@code false} for {@link Outcome#RESPONDED}, {@code true} otherwise
     */
    public boolean failed() {
        return outcome != Outcome.RESPONDED;
    }
}
