package io.github.cptestkit.mock.executions;

/**
 * The status of one action execution, as ListActionExecutions and GetPipelineState answer it.
 *
 * <pre>{@code
 * assertThat(execution.action("Build").status()).isEqualTo(ActionExecutionStatus.SUCCEEDED);
 * }</pre>
 */
public enum ActionExecutionStatus {
    /** Running: its job is queued or being worked, or its simulation has not ended. */
    IN_PROGRESS("InProgress"),
    /** It was running when its execution was stopped with abandon. */
    ABANDONED("Abandoned"),
    /** It ended well; its output artifacts and variables are there. */
    SUCCEEDED("Succeeded"),
    /** It ended in a failure; {@code errorCode} and {@code errorMessage} say why. */
    FAILED("Failed");

    private final String wire;

    ActionExecutionStatus(String wire) {
        this.wire = wire;
    }

    /**
     * The value AWS sends, e.g. {@code Succeeded}.
     *
     * @return the status as it appears on the wire
     */
    public String wire() {
        return wire;
    }
}
