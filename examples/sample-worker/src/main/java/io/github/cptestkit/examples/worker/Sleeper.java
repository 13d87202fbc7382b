package io.github.cptestkit.examples.worker;

import java.time.Duration;

/**
 * How the poll loop waits between polls; tests pass one that records the waits instead of sleeping.
 *
 * <pre>{@code Sleeper real = duration -> Thread.sleep(duration.toMillis());}</pre>
 */
@FunctionalInterface
public interface Sleeper {

    /** Waits {@code duration}. */
    void sleep(Duration duration) throws InterruptedException;
}
