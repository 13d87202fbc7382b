package io.github.cptestkit.mock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that stands still until a test moves it, so dispatch and job timeouts can be tested without sleeping.
 * Thread-safe; it only ever moves when told to.
 *
 * <pre>{@code
 * MockClock clock = MockClock.at(Instant.parse("2026-01-01T00:00:00Z"));
 * CodePipelineMock mock = CodePipelineMock.builder().clock(clock).build().start();
 * ...                                  // poll a job, do not acknowledge it
 * clock.advance(Duration.ofMinutes(2)); // past the dispatch timeout: the job is queued again
 * }</pre>
 */
public final class MockClock extends Clock {

    private final AtomicReference<Instant> now;
    private final ZoneId zone;

    private MockClock(AtomicReference<Instant> now, ZoneId zone) {
        this.now = now;
        this.zone = zone;
    }

    /** A clock standing at {@code instant}, in UTC. */
    public static MockClock at(Instant instant) {
        return new MockClock(new AtomicReference<>(Objects.requireNonNull(instant, "instant")), ZoneOffset.UTC);
    }

    /** Moves the clock forward by {@code amount} (which must not be negative) and returns it. */
    public MockClock advance(Duration amount) {
        Objects.requireNonNull(amount, "amount");
        if (amount.isNegative()) {
            throw new IllegalArgumentException("MockClock.advance needs a duration of zero or more, but was " + amount
                    + "; use set(Instant) to move the clock back");
        }
        now.updateAndGet(t -> t.plus(amount));
        return this;
    }

    /** Puts the clock at {@code instant}, forwards or backwards. */
    public void set(Instant instant) {
        now.set(Objects.requireNonNull(instant, "instant"));
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    /** A view of the same clock in another zone: advancing either moves both. */
    @Override
    public Clock withZone(ZoneId zone) {
        return new MockClock(now, Objects.requireNonNull(zone, "zone"));
    }

    @Override
    public String toString() {
        return "MockClock[" + now.get() + ", " + zone + "]";
    }
}
