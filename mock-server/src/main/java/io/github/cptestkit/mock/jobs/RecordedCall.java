package io.github.cptestkit.mock.jobs;

import io.github.cptestkit.schemas.AwsError;
import io.github.cptestkit.schemas.Operation;
import java.time.Instant;
import java.util.Objects;

/**
 * One call a worker made on a job, in the order the mock received them: the poll that dispatched it, the details,
 * acknowledge and result calls, including those the mock refused.
 *
 * <pre>{@code
 * RecordedCall ack = mock.job(jobId).calls().get(2);
 * assertThat(ack.operation()).isEqualTo(Operation.ACKNOWLEDGE_THIRD_PARTY_JOB);
 * assertThat(ack.error()).isEqualTo(AwsError.INVALID_NONCE);
 * }</pre>
 *
 * @param operation the operation called
 * @param at        when, by the mock's clock
 * @param error     the error the call was answered with, or {@code null} when it succeeded
 */
public record RecordedCall(Operation operation, Instant at, AwsError error) {

    /**
     * The operation and the time are required.
     *
     * @param operation the operation called
     * @param at        when, by the mock's clock
     * @param error     the error the call was answered with, or {@code null} when it succeeded
     */
    public RecordedCall {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(at, "at");
    }

    /**
     * Whether the call was answered with success.
     *
     * @return {@code true} when {@link #error()} is {@code null}
     */
    public boolean succeeded() {
        return error == null;
    }
}
