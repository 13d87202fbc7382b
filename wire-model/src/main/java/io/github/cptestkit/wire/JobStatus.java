package io.github.cptestkit.wire;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The state of a job, as AcknowledgeJob and AcknowledgeThirdPartyJob report it.
 *
 * <pre>{@code if (status == JobStatus.IN_PROGRESS) { ... do the work ... }}</pre>
 */
public enum JobStatus {
    CREATED("Created"), QUEUED("Queued"), DISPATCHED("Dispatched"), IN_PROGRESS("InProgress"),
    TIMED_OUT("TimedOut"), SUCCEEDED("Succeeded"), FAILED("Failed");

    private final String wire;

    JobStatus(String wire) {
        this.wire = wire;
    }

    /** The value on the wire, e.g. {@code InProgress}. */
    @JsonValue
    public String wire() {
        return wire;
    }

    /** Whether the job can change no more (succeeded, failed or timed out). */
    public boolean terminal() {
        return this == SUCCEEDED || this == FAILED || this == TIMED_OUT;
    }

    /** The constant for a wire value. */
    @JsonCreator
    public static JobStatus fromWire(String wire) {
        return WireEnums.fromWire(JobStatus.class, wire, JobStatus::wire);
    }
}
