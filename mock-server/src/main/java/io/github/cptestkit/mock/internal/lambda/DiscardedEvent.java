package io.github.cptestkit.mock.internal.lambda;

import io.github.cptestkit.mock.lambda.FunctionError;

/**
 * An event whose every attempt failed, which Lambda then discards: its job never hears from the function (unless
 * the function reported a result before it failed) and times out at the end of the reply window.
 *
 * <pre>{@code
 * functions.onEventDiscarded(discarded -> log(discarded.jobId() + ": " + discarded.lastError().describe()));
 * }</pre>
 *
 * @param functionName          the function
 * @param jobId                 the job the event carried
 * @param attempts              how many attempts were made
 * @param lastError             the error of the last attempt
 * @param failJobWhenDiscarded  the function's setting: whether the job should fail at once
 */
public record DiscardedEvent(String functionName, String jobId, int attempts, FunctionError lastError,
        boolean failJobWhenDiscarded) {}
