package io.github.cptestkit.mock.executions;

import java.util.Arrays;
import java.util.Optional;

/**
 * The status of a pipeline execution, as GetPipelineExecution answers it.
 *
 * <pre>{@code
 * assertThat(mock.pipelineExecution(id).status()).isEqualTo(PipelineExecutionStatus.SUCCEEDED);
 * }</pre>
 */
public enum PipelineExecutionStatus {
    /** AWS's status for an execution whose pipeline was updated before it finished; the mock does not set it. */
    CANCELLED("Cancelled"),
    /** Running: an action is in progress, or it waits in front of a stage. */
    IN_PROGRESS("InProgress"),
    /** It was stopped (StopPipelineExecution) and its running actions finished or were abandoned. */
    STOPPED("Stopped"),
    /** A stop without abandon was asked for: its running actions are let finish, none start. */
    STOPPING("Stopping"),
    /** Every stage succeeded. */
    SUCCEEDED("Succeeded"),
    /** A newer execution overtook it while it waited in front of a stage (SUPERSEDED execution mode). */
    SUPERSEDED("Superseded"),
    /** An action failed, and the stage with it. */
    FAILED("Failed");

    private final String wire;

    PipelineExecutionStatus(String wire) {
        this.wire = wire;
    }

    /**
     * The value AWS sends, e.g. {@code InProgress}.
     *
     * @return the status as it appears on the wire
     */
    public String wire() {
        return wire;
    }

    /**
     * Whether the execution has ended (it will not change again unless a stage is retried).
     *
     * @return {@code false} for {@link #IN_PROGRESS} and {@link #STOPPING}, {@code true} otherwise
     */
    public boolean finished() {
        return this != IN_PROGRESS && this != STOPPING;
    }

    /**
     * The constant for a wire value.
     *
     * @param wire the value AWS sends, case-sensitive (e.g. {@code Succeeded}); {@code null} matches none
     * @return the constant, or empty when no status has that wire value
     */
    public static Optional<PipelineExecutionStatus> fromWire(String wire) {
        return Arrays.stream(values()).filter(s -> s.wire.equals(wire)).findFirst();
    }
}
