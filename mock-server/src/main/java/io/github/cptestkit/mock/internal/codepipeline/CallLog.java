package io.github.cptestkit.mock.internal.codepipeline;

import io.github.cptestkit.mock.jobs.RecordedCall;
import io.github.cptestkit.schemas.AwsError;
import io.github.cptestkit.schemas.Operation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The calls made on one job, oldest first, kept as primitives and turned into {@link RecordedCall}s only for a
 * snapshot; at most the last {@value #MAX_CALLS} (older ones are dropped). A worker may call one job many thousands of
 * times (a loop on its details): kept as objects, every call left two more for the garbage collector to copy between
 * survivor spaces until they grew old, which made its pauses several times longer under load; kept without a bound,
 * a job polled for its details in a loop grew by 18 bytes a call, and the collector's pauses with it. Not
 * thread-safe: guarded by the {@link JobStore}'s lock, like the job.
 *
 * <pre>{@code
 * CallLog calls = new CallLog();
 * calls.add(Operation.ACKNOWLEDGE_JOB, clock.instant(), AwsError.INVALID_NONCE);
 * calls.toList();   // [RecordedCall[operation=ACKNOWLEDGE_JOB, at=..., error=INVALID_NONCE]]
 * }</pre>
 */
final class CallLog {

    /** How many calls a job keeps: its last ones. */
    static final int MAX_CALLS = 1_000;

    private static final Operation[] OPERATIONS = Operation.values();
    private static final AwsError[] ERRORS = AwsError.values();

    private byte[] operations = new byte[4];
    /** The error's ordinal plus one; 0 for a call that succeeded. */
    private byte[] errors = new byte[4];
    private long[] seconds = new long[4];
    private int[] nanos = new int[4];
    /** Calls kept; once it reaches {@link #MAX_CALLS}, the arrays are a ring whose oldest entry is at {@link #next}. */
    private int size;
    private int next;

    void add(Operation operation, Instant at, AwsError error) {
        if (size == operations.length && size < MAX_CALLS) {
            int capacity = Math.min(MAX_CALLS, size + (size >> 1));
            operations = Arrays.copyOf(operations, capacity);
            errors = Arrays.copyOf(errors, capacity);
            seconds = Arrays.copyOf(seconds, capacity);
            nanos = Arrays.copyOf(nanos, capacity);
        }
        operations[next] = (byte) operation.ordinal();
        errors[next] = (byte) (error == null ? 0 : error.ordinal() + 1);
        seconds[next] = at.getEpochSecond();
        nanos[next] = at.getNano();
        next = next + 1 == MAX_CALLS ? 0 : next + 1; // the arrays have grown to MAX_CALLS by then
        size = Math.min(size + 1, MAX_CALLS);
    }

    /** The calls kept, oldest first. */
    List<RecordedCall> toList() {
        List<RecordedCall> calls = new ArrayList<>(size);
        int oldest = size < MAX_CALLS ? 0 : next;
        for (int n = 0; n < size; n++) {
            int i = (oldest + n) % operations.length;
            calls.add(new RecordedCall(OPERATIONS[operations[i]], Instant.ofEpochSecond(seconds[i], nanos[i]),
                    errors[i] == 0 ? null : ERRORS[errors[i] - 1]));
        }
        return calls;
    }
}
