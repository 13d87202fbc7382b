package io.github.cptestkit.mock.executions;

/**
 * The status of one action execution, as ListActionExecutions and GetPipelineState answer it.
 *
 * <pre>{@code
 * assertThat(execution.action("Build").status()).isEqualTo(ActionExecutionStatus.SUCCEEDED);
 * }</pre>
 */
public enum ActionExecutionStatus {
    IN_PROGRESS("InProgress"), ABANDONED("Abandoned"), SUCCEEDED("Succeeded"), FAILED("Failed");

    private final String wire;

    ActionExecutionStatus(String wire) {
        this.wire = wire;
    }

    /** The value AWS sends, e.g. {@code Succeeded}. */
    public String wire() {
        return wire;
    }
}
