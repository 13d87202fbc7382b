package io.github.cptestkit.mock.internal.codepipeline;

import io.github.cptestkit.mock.faults.InjectedFault;
import io.github.cptestkit.schemas.Operation;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The faults still to inject: "the next N calls of an operation (or of any operation) answer this". Plans are
 * used in the order they were made; thread-safe.
 *
 * <pre>{@code
 * faults.add(Operation.POLL_FOR_JOBS, 2, InjectedFault.error(AwsError.THROTTLING));
 * faults.take(Operation.POLL_FOR_JOBS);   // the throttling fault, once of twice
 * }</pre>
 */
public final class FaultPlan {

    private static final class Planned {
        final Operation operation;
        final InjectedFault fault;
        int remaining;

        Planned(Operation operation, int remaining, InjectedFault fault) {
            this.operation = operation;
            this.remaining = remaining;
            this.fault = fault;
        }
    }

    private final List<Planned> planned = new ArrayList<>();

    /** The next {@code times} calls of {@code operation} ({@code null}: of any operation) answer {@code fault}. */
    public synchronized void add(Operation operation, int times, InjectedFault fault) {
        Objects.requireNonNull(fault, "fault");
        if (times < 1) {
            throw new IllegalArgumentException("times must be 1 or more, but was " + times);
        }
        planned.add(new Planned(operation, times, fault));
    }

    /**
     * The fault a call of {@code operation} ({@code null} for a target that names no operation) must answer, used
     * up by this call; empty when none is planned.
     */
    public synchronized Optional<InjectedFault> take(Operation operation) {
        for (Iterator<Planned> it = planned.iterator(); it.hasNext(); ) {
            Planned next = it.next();
            if (next.operation == null || next.operation == operation) {
                if (--next.remaining == 0) {
                    it.remove();
                }
                return Optional.of(next.fault);
            }
        }
        return Optional.empty();
    }

    /** Drops every planned fault. */
    public synchronized void clear() {
        planned.clear();
    }
}
