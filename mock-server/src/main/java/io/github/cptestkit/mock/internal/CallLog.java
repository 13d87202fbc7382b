package io.github.cptestkit.mock.internal;

import io.github.cptestkit.mock.RecordedCall;
import io.github.cptestkit.schemas.AwsError;
import io.github.cptestkit.schemas.Operation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The calls made on one job, oldest first, kept as primitives and turned into {@link RecordedCall}s only for a
 * snapshot. A worker may call one job many thousands of times (a loop on its details); kept as objects, every call
 * left two more for the garbage collector to copy between survivor spaces until they grew old, which made its pauses
 * several times longer under load. Not thread-safe: guarded by the {@link JobStore}'s lock, like the job.
 *
 * <pre>{@code
 * CallLog calls = new CallLog();
 * calls.add(Operation.ACKNOWLEDGE_JOB, clock.instant(), AwsError.INVALID_NONCE);
 * calls.toList();   // [RecordedCall[operation=ACKNOWLEDGE_JOB, at=..., error=INVALID_NONCE]]
 * }</pre>
 */
final class CallLog {

    private static final Operation[] OPERATIONS = Operation.values();
    private static final AwsError[] ERRORS = AwsError.values();

    private byte[] operations = new byte[4];
    /** The error's ordinal plus one; 0 for a call that succeeded. */
    private byte[] errors = new byte[4];
    private long[] seconds = new long[4];
    private int[] nanos = new int[4];
    private int size;

    void add(Operation operation, Instant at, AwsError error) {
        if (size == operations.length) {
            int capacity = size + (size >> 1);
            operations = Arrays.copyOf(operations, capacity);
            errors = Arrays.copyOf(errors, capacity);
            seconds = Arrays.copyOf(seconds, capacity);
            nanos = Arrays.copyOf(nanos, capacity);
        }
        operations[size] = (byte) operation.ordinal();
        errors[size] = (byte) (error == null ? 0 : error.ordinal() + 1);
        seconds[size] = at.getEpochSecond();
        nanos[size] = at.getNano();
        size++;
    }

    /** The calls, oldest first. */
    List<RecordedCall> toList() {
        List<RecordedCall> calls = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            calls.add(new RecordedCall(OPERATIONS[operations[i]], Instant.ofEpochSecond(seconds[i], nanos[i]),
                    errors[i] == 0 ? null : ERRORS[errors[i] - 1]));
        }
        return calls;
    }
}
