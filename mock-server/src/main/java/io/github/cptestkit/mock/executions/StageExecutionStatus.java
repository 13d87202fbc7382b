package io.github.cptestkit.mock.executions;

/**
 * The status of one stage in one pipeline execution, as GetPipelineState answers it.
 *
 * <pre>{@code
 * assertThat(StageExecutionStatus.FAILED.wire()).isEqualTo("Failed");
 * }</pre>
 */
public enum StageExecutionStatus {
    /** AWS's status for a stage whose pipeline was updated while it ran; the mock does not set it. */
    CANCELLED("Cancelled"),
    /** One of its actions is running. */
    IN_PROGRESS("InProgress"),
    /** One of its actions failed. */
    FAILED("Failed"),
    /** Its execution was stopped while it ran. */
    STOPPED("Stopped"),
    /** Its execution is stopping: its running actions are let finish, none start. */
    STOPPING("Stopping"),
    /** Every action in it succeeded. */
    SUCCEEDED("Succeeded"),
    /** AWS's status for a stage a condition skipped; the mock does not set it. */
    SKIPPED("Skipped");

    private final String wire;

    StageExecutionStatus(String wire) {
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
}
