package io.github.cptestkit.mock.internal.lambda;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Applies the functions' deadlines and retries when they come due. Two ways, because a mock's clock is moved two
 * ways: when a {@code MockClock} is advanced or set, at once, on the thread that moved it (so a test that advances
 * the clock finds the retry handed to the waiting runtime when {@code advance} returns); and when time passes on a
 * clock that follows the system's (the standalone mock's), by one daemon thread that waits for the next due
 * instant, and waits again whenever the schedule changes. The thread holds its own monitor only while it waits,
 * and never while it calls the functions, whose lock is taken first by everyone else.
 *
 * <pre>{@code
 * LambdaTimer timer = LambdaTimer.start(functions, clock, clock::whenMoved);
 * ...
 * timer.close();
 * }</pre>
 */
public final class LambdaTimer implements AutoCloseable {

    /** The longest the thread waits at once (a clock that does not follow the system's never gets there). */
    private static final Duration LONGEST_WAIT = Duration.ofHours(1);

    private final LambdaFunctions functions;
    private final Clock clock;
    private final Thread thread;
    private final Runnable stopListening;
    private boolean changed;
    private boolean closed;

    private LambdaTimer(LambdaFunctions functions, Clock clock, UnaryOperator<Runnable> clockMoves) {
        this.functions = functions;
        this.clock = clock;
        this.thread = new Thread(this::run, "codepipeline-testkit-lambda-timer");
        this.thread.setDaemon(true);
        this.stopListening = clockMoves != null ? clockMoves.apply(functions::tick) : () -> { };
        functions.onScheduleChanged(this::scheduleChanged);
    }

    /**
     * A started timer for {@code functions} on {@code clock} (the functions' own).
     *
     * @param clockMoves registers a listener of the clock's moves ({@code MockClock::whenMoved}) and answers what
     *                   removes it; {@code null} for a clock that is not moved by hand
     */
    public static LambdaTimer start(LambdaFunctions functions, Clock clock, UnaryOperator<Runnable> clockMoves) {
        LambdaTimer timer = new LambdaTimer(Objects.requireNonNull(functions, "functions"),
                Objects.requireNonNull(clock, "clock"), clockMoves);
        timer.thread.start();
        return timer;
    }

    private synchronized void scheduleChanged() {
        changed = true;
        notifyAll();
    }

    private void run() {
        while (true) {
            Optional<Instant> due = functions.nextDue();
            synchronized (this) {
                if (closed) {
                    return;
                }
                if (!changed) {
                    Duration wait = due.map(at -> Duration.between(clock.instant(), at)).orElse(LONGEST_WAIT);
                    if (wait.compareTo(LONGEST_WAIT) > 0) {
                        wait = LONGEST_WAIT;
                    }
                    if (!wait.isNegative() && !wait.isZero()) {
                        try {
                            wait(Math.max(1, wait.toMillis()));
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                }
                changed = false;
                if (closed) {
                    return;
                }
            }
            functions.tick();
        }
    }

    /** Stops the thread and the clock listener. */
    @Override
    public void close() {
        stopListening.run();
        synchronized (this) {
            closed = true;
            notifyAll();
        }
    }
}
