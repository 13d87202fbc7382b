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
    CANCELLED("Cancelled"), IN_PROGRESS("InProgress"), STOPPED("Stopped"), STOPPING("Stopping"),
    SUCCEEDED("Succeeded"), SUPERSEDED("Superseded"), FAILED("Failed");

    private final String wire;

    PipelineExecutionStatus(String wire) {
        this.wire = wire;
    }

    /** The value AWS sends, e.g. {@code InProgress}. */
    public String wire() {
        return wire;
    }

    /** Whether the execution has ended (it will not change again unless a stage is retried). */
    public boolean finished() {
        return this != IN_PROGRESS && this != STOPPING;
    }

    /** The constant for a wire value, or empty. */
    public static Optional<PipelineExecutionStatus> fromWire(String wire) {
        return Arrays.stream(values()).filter(s -> s.wire.equals(wire)).findFirst();
    }
}
