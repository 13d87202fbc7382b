package io.github.cptestkit.mock.lambda;

import java.time.Duration;
import java.util.Objects;

/**
 * How one function served by the mock behaves as Lambda would: its timeout (the deadline an invocation gets) and
 * how often Lambda retries an asynchronous invocation that failed, and what the mock does with a Lambda job whose
 * event failed every attempt.
 *
 * <pre>{@code
 * FunctionSettings quick = FunctionSettings.defaults().withMaximumRetryAttempts(0).withFailJobWhenDiscarded(true);
 * CodePipelineMock mock = CodePipelineMock.builder().lambdaFunction("Deploy", quick).build().start();
 * }</pre>
 *
 * @param timeout                how long an invocation may run: its deadline is this long after it was handed to a
 *                               runtime (Lambda: 1 second to 15 minutes)
 * @param maximumRetryAttempts   how many more times a failed asynchronous invocation is tried (Lambda: 0 to 2,
 *                               default 2)
 * @param failJobWhenDiscarded   when the event failed its last attempt, fail its job at once with the function's
 *                               error instead of leaving it to time out at the end of the reply window (which is
 *                               what CodePipeline does; this is a shortcut for tests, not AWS behaviour)
 */
public record FunctionSettings(Duration timeout, int maximumRetryAttempts, boolean failJobWhenDiscarded) {

    /** Lambda's shortest function timeout. */
    public static final Duration MIN_TIMEOUT = Duration.ofSeconds(1);
    /** Lambda's longest function timeout, and the mock's default. */
    public static final Duration MAX_TIMEOUT = Duration.ofMinutes(15);
    /** Lambda's default (and largest) number of retries of an asynchronous invocation. */
    public static final int DEFAULT_RETRY_ATTEMPTS = 2;

    /**
     * Refuses a timeout outside 1..900 whole seconds and a retry count outside 0..2, naming the value.
     *
     * @param timeout                how long an invocation may run: its deadline is this long after it was handed to a
     *                               runtime (Lambda: 1 second to 15 minutes)
     * @param maximumRetryAttempts   how many more times a failed asynchronous invocation is tried (Lambda: 0 to 2,
     *                               default 2)
     * @param failJobWhenDiscarded   when the event failed its last attempt, fail its job at once with the function's
     *                               error instead of leaving it to time out at the end of the reply window (which is
     *                               what CodePipeline does; this is a shortcut for tests, not AWS behaviour)
     */
    public FunctionSettings {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.compareTo(MIN_TIMEOUT) < 0 || timeout.compareTo(MAX_TIMEOUT) > 0 || timeout.toMillis() % 1000 != 0) {
            throw new IllegalArgumentException("a function's timeout must be whole seconds from 1 to 900 (Lambda's"
                    + " range), but was " + timeout + "; use Duration.ofSeconds(n)");
        }
        if (maximumRetryAttempts < 0 || maximumRetryAttempts > DEFAULT_RETRY_ATTEMPTS) {
            throw new IllegalArgumentException("maximumRetryAttempts must be 0, 1 or 2 (Lambda's range for"
                    + " asynchronous invocation), but was " + maximumRetryAttempts);
        }
    }

    /**
     * A 15-minute timeout, two retries, and jobs left to the reply window.
     *
     * @return Lambda's defaults for an asynchronously invoked function, with the largest timeout
     */
    public static FunctionSettings defaults() {
        return new FunctionSettings(MAX_TIMEOUT, DEFAULT_RETRY_ATTEMPTS, false);
    }

    /**
     * These settings with another timeout.
     *
     * @param newTimeout the invocation's deadline after it was handed to a runtime: whole seconds, 1 to 900
     * @return new settings; these are unchanged
     * @throws IllegalArgumentException when {@code newTimeout} is outside that range or not whole seconds
     * @throws NullPointerException     when {@code newTimeout} is {@code null}
     */
    public FunctionSettings withTimeout(Duration newTimeout) {
        return new FunctionSettings(newTimeout, maximumRetryAttempts, failJobWhenDiscarded);
    }

    /**
     * These settings with another number of retries.
     *
     * @param retries how many more times a failed asynchronous invocation is tried: 0, 1 or 2
     * @return new settings; these are unchanged
     * @throws IllegalArgumentException when {@code retries} is outside 0..2
     */
    public FunctionSettings withMaximumRetryAttempts(int retries) {
        return new FunctionSettings(timeout, retries, failJobWhenDiscarded);
    }

    /**
     * These settings, failing the job of a discarded event at once or not.
     *
     * @param fail {@code true}: fail the job with the function's error when its event failed its last attempt (a test
     *             shortcut); {@code false}: leave it to time out at the end of the reply window, as CodePipeline does
     * @return new settings; these are unchanged
     */
    public FunctionSettings withFailJobWhenDiscarded(boolean fail) {
        return new FunctionSettings(timeout, maximumRetryAttempts, fail);
    }
}
