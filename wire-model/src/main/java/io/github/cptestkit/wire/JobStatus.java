package io.github.cptestkit.wire;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The state of a job, as AcknowledgeJob and AcknowledgeThirdPartyJob report it.
 *
 * <pre>{@code if (status == JobStatus.IN_PROGRESS) { ... do the work ... }}</pre>
 */
public enum JobStatus {
    /** The job exists and is not queued yet; the mock queues a job as it makes it, so never reports this. */
    CREATED("Created"),
    /** The job waits for a worker to poll it. */
    QUEUED("Queued"),
    /** A worker polled the job and has not acknowledged it yet. */
    DISPATCHED("Dispatched"),
    /** A worker acknowledged the job and works on it; the state in which a result is accepted. */
    IN_PROGRESS("InProgress"),
    /** No result came in time. */
    TIMED_OUT("TimedOut"),
    /** The worker put a success result. */
    SUCCEEDED("Succeeded"),
    /** The worker put a failure result. */
    FAILED("Failed");

    private final String wire;

    JobStatus(String wire) {
        this.wire = wire;
    }

    /**
     * The value on the wire.
     *
     * @return the value as on the wire, e.g. {@code InProgress}, as Jackson writes it
     */
    @JsonValue
    public String wire() {
        return wire;
    }

    /**
     * Whether the job can change no more (succeeded, failed or timed out).
     *
     * @return true for {@link #SUCCEEDED}, {@link #FAILED} and {@link #TIMED_OUT}
     */
    public boolean terminal() {
        return this == SUCCEEDED || this == FAILED || this == TIMED_OUT;
    }

    /**
     * The constant for a wire value, as Jackson reads it.
     *
     * @param wire the value as on the wire, e.g. {@code InProgress}; compared exactly (case matters)
     * @return the constant whose {@link #wire()} it is
     * @throws IllegalArgumentException if no constant has that value (the message lists the values)
     */
    @JsonCreator
    public static JobStatus fromWire(String wire) {
        return WireEnums.fromWire(JobStatus.class, wire, JobStatus::wire);
    }
}
