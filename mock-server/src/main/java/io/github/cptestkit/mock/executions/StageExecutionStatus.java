package io.github.cptestkit.mock.executions;

/**
 * The status of one stage in one pipeline execution, as GetPipelineState answers it.
 *
 * <pre>{@code
 * assertThat(StageExecutionStatus.FAILED.wire()).isEqualTo("Failed");
 * }</pre>
 */
public enum StageExecutionStatus {
    CANCELLED("Cancelled"), IN_PROGRESS("InProgress"), FAILED("Failed"), STOPPED("Stopped"), STOPPING("Stopping"),
    SUCCEEDED("Succeeded"), SKIPPED("Skipped");

    private final String wire;

    StageExecutionStatus(String wire) {
        this.wire = wire;
    }

    /** The value AWS sends, e.g. {@code InProgress}. */
    public String wire() {
        return wire;
    }
}
