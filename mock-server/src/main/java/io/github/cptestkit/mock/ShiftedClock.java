package io.github.cptestkit.mock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The system clock moved forward by an offset that only grows: time passes as it does for the workers, and a test
 * can jump ahead (past a dispatch or job timeout) without waiting. The standalone mock runs on one, so that its
 * timeouts fire in real time and {@code POST /__admin/codepipeline/clock/advance} can still skip ahead.
 * Thread-safe.
 *
 * <pre>{@code
 * ShiftedClock clock = ShiftedClock.systemUtc();
 * CodePipelineMock mock = CodePipelineMock.builder().clock(clock).build().start();
 * clock.advance(Duration.ofMinutes(2));   // every job dispatched now is past its 1-minute dispatch timeout
 * }</pre>
 */
public final class ShiftedClock extends Clock {

    private final Clock base;
    private final AtomicReference<Duration> offset;

    private ShiftedClock(Clock base, AtomicReference<Duration> offset) {
        this.base = base;
        this.offset = offset;
    }

    /** The system clock in UTC, not yet shifted. */
    public static ShiftedClock systemUtc() {
        return over(Clock.systemUTC());
    }

    /** {@code base}, not yet shifted (a fixed base makes the shift testable). */
    public static ShiftedClock over(Clock base) {
        return new ShiftedClock(Objects.requireNonNull(base, "base"), new AtomicReference<>(Duration.ZERO));
    }

    /** Moves the clock forward by {@code amount} (zero or more) and returns it. */
    public ShiftedClock advance(Duration amount) {
        Objects.requireNonNull(amount, "amount");
        if (amount.isNegative()) {
            throw new IllegalArgumentException("ShiftedClock.advance needs a duration of zero or more, but was "
                    + amount + "; this clock only moves forward");
        }
        offset.updateAndGet(d -> d.plus(amount));
        return this;
    }

    /** How far ahead of its base clock this clock is. */
    public Duration offset() {
        return offset.get();
    }

    @Override
    public Instant instant() {
        return base.instant().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return base.getZone();
    }

    /** A view of the same clock in another zone: advancing either moves both. */
    @Override
    public Clock withZone(ZoneId zone) {
        return new ShiftedClock(base.withZone(Objects.requireNonNull(zone, "zone")), offset);
    }

    @Override
    public String toString() {
        return "ShiftedClock[" + base + " + " + offset.get() + "]";
    }
}
