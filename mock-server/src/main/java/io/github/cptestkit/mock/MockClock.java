package io.github.cptestkit.mock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The clock a test moves: a base clock plus an offset that {@link #advance(Duration)} grows, so dispatch and job
 * timeouts can be tested without sleeping. {@link #at(Instant)} stands still until it is moved (what tests want);
 * {@link #systemUtc()} follows the system clock and can still jump ahead (what the standalone mock runs on, so its
 * timeouts fire in real time and {@code POST /__admin/codepipeline/clock/advance} can skip ahead). The admin API
 * advances the mock's clock when it is a {@code MockClock}. Thread-safe; it moves only with time, or when told to.
 *
 * <pre>{@code
 * MockClock clock = MockClock.at(Instant.parse("2026-01-01T00:00:00Z"));
 * CodePipelineMock mock = CodePipelineMock.builder().clock(clock).build().start();
 * ...                                  // poll a job, do not acknowledge it
 * clock.advance(Duration.ofMinutes(2)); // past the dispatch timeout: the job is queued again
 *
 * MockClock live = MockClock.systemUtc();   // system time, plus whatever it was advanced by
 * }</pre>
 */
public final class MockClock extends Clock {

    private final Clock base;
    private final AtomicReference<Duration> offset;
    /** Told whenever the clock is moved; shared by every zone view of the clock. */
    private final List<Runnable> moveListeners;

    private MockClock(Clock base, AtomicReference<Duration> offset, List<Runnable> moveListeners) {
        this.base = base;
        this.offset = offset;
        this.moveListeners = moveListeners;
    }

    /**
     * A clock standing at {@code instant}, in UTC, until it is moved.
     *
     * @param instant where the clock stands; not {@code null}
     * @return a new clock over a fixed base, offset zero
     */
    public static MockClock at(Instant instant) {
        return over(Clock.fixed(Objects.requireNonNull(instant, "instant"), ZoneOffset.UTC));
    }

    /**
     * The system clock in UTC, not yet advanced.
     *
     * @return a new clock that follows the system time, offset zero
     */
    public static MockClock systemUtc() {
        return over(Clock.systemUTC());
    }

    /**
     * {@code base}, not yet advanced (a fixed base makes a following clock testable).
     *
     * @param base the clock this one follows, plus its offset; its zone is this clock's zone; not {@code null}
     * @return a new clock, offset zero
     */
    public static MockClock over(Clock base) {
        return new MockClock(Objects.requireNonNull(base, "base"), new AtomicReference<>(Duration.ZERO),
                new CopyOnWriteArrayList<>());
    }

    /**
     * Moves the clock forward by {@code amount} (which must not be negative) and returns it.
     *
     * @param amount how far to move, zero or more; not {@code null}
     * @return this clock, moved; its move listeners have run
     * @throws IllegalArgumentException when {@code amount} is negative (use {@link #set(Instant)} to go back)
     */
    public MockClock advance(Duration amount) {
        Objects.requireNonNull(amount, "amount");
        if (amount.isNegative()) {
            throw new IllegalArgumentException("MockClock.advance needs a duration of zero or more, but was " + amount
                    + "; use set(Instant) to move the clock back");
        }
        offset.updateAndGet(d -> d.plus(amount));
        moved();
        return this;
    }

    /**
     * Puts the clock at {@code instant}, forwards or backwards (a clock that follows its base goes on from there).
     *
     * @param instant where the clock stands now (a following clock moves on from there); not {@code null}
     */
    public void set(Instant instant) {
        Objects.requireNonNull(instant, "instant");
        offset.set(Duration.between(base.instant(), instant));
        moved();
    }

    /**
     * How far ahead of its base clock this clock is (behind, after {@link #set} moved it back).
     *
     * @return the time added to the base clock: zero at first, negative after a move back
     */
    public Duration offset() {
        return offset.get();
    }

    /**
     * Runs {@code listener} each time the clock is advanced or set, on the thread that moved it, after the move: the
     * mock's Lambda functions apply the deadlines and retries the move passed. Returns what removes it again.
     *
     * <pre>{@code
     * Runnable remove = clock.whenMoved(() -> System.out.println("now " + clock.instant()));
     * clock.advance(Duration.ofMinutes(1));   // prints
     * remove.run();
     * }</pre>
     *
     * @param listener what to run after each move; an exception it throws reaches the code that moved the clock; not
     *                 {@code null}
     * @return what removes the listener when run (running it twice is harmless)
     */
    public Runnable whenMoved(Runnable listener) {
        Objects.requireNonNull(listener, "listener");
        moveListeners.add(listener);
        return () -> moveListeners.remove(listener);
    }

    private void moved() {
        for (Runnable listener : moveListeners) {
            listener.run();
        }
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
        return new MockClock(base.withZone(Objects.requireNonNull(zone, "zone")), offset, moveListeners);
    }

    @Override
    public String toString() {
        return "MockClock[" + instant() + ", " + getZone() + "]";
    }
}
