package io.github.cptestkit.junit;

import io.github.cptestkit.mock.executions.ActionExecutionSnapshot;
import io.github.cptestkit.mock.executions.ActionExecutionStatus;
import java.util.Objects;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on one action run of a pipeline execution: its status, the configuration it received (references
 * resolved) and the variables it produced. A failure shows the whole execution, as {@link PipelineExecutionAssert}
 * does; configuration values are never shown (they may be secret).
 *
 * <pre>{@code
 * assertThat(mock).pipelineExecution(id).action("Deploy").succeeded()
 *         .receivedConfiguration("Version", "1.4")
 *         .producedVariable("StackId", "stack-1");
 * }</pre>
 */
public class ActionExecutionAssert extends AbstractAssert<ActionExecutionAssert, ActionExecutionSnapshot> {

    private final PipelineExecutionAssert execution;

    /**
     * An assertion on {@code actual}, run in the execution {@code execution} asserts on.
     *
     * @param actual the action run; null fails every assertion
     * @param execution the assertion on the execution the run belongs to, which words the failures; not null
     * @throws NullPointerException if {@code execution} is null
     */
    protected ActionExecutionAssert(ActionExecutionSnapshot actual, PipelineExecutionAssert execution) {
        super(actual, ActionExecutionAssert.class);
        this.execution = Objects.requireNonNull(execution, "execution");
    }

    /**
     * The action's status is {@code expected}.
     *
     * @param expected the status the action run must have; not null
     * @return this assertion
     * @throws NullPointerException if {@code expected} is null
     */
    public ActionExecutionAssert hasStatus(ActionExecutionStatus expected) {
        Objects.requireNonNull(expected, "expected");
        isNotNull();
        if (actual.status() != expected) {
            fail("to be " + expected.wire() + ", but it is " + actual.status().wire());
        }
        return this;
    }

    /**
     * The action succeeded.
     *
     * @return this assertion
     */
    public ActionExecutionAssert succeeded() {
        return hasStatus(ActionExecutionStatus.SUCCEEDED);
    }

    /**
     * The action failed.
     *
     * @return this assertion
     */
    public ActionExecutionAssert failed() {
        return hasStatus(ActionExecutionStatus.FAILED);
    }

    /**
     * The action is still running.
     *
     * @return this assertion
     */
    public ActionExecutionAssert isInProgress() {
        return hasStatus(ActionExecutionStatus.IN_PROGRESS);
    }

    /**
     * Its resolved configuration (what its job received) has {@code key} with {@code value}.
     *
     * @param key the configuration property's name, as the action declares it; not null
     * @param value the value after variable references were resolved, exactly; not null
     * @return this assertion
     * @throws NullPointerException if {@code key} or {@code value} is null
     */
    public ActionExecutionAssert receivedConfiguration(String key, String value) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        isNotNull();
        if (!actual.resolvedConfiguration().containsKey(key)) {
            fail("to have received configuration " + key + ", but its configuration has only "
                    + actual.resolvedConfiguration().keySet());
        } else if (!value.equals(actual.resolvedConfiguration().get(key))) {
            fail("to have received configuration " + key + " with the value expected, but it received another"
                    + " (configuration values are not shown: they may be secret)");
        }
        return this;
    }

    /**
     * It produced the output variable {@code name} with {@code value}.
     *
     * @param name the output variable's name; not null
     * @param value its value, exactly; not null
     * @return this assertion
     * @throws NullPointerException if {@code name} or {@code value} is null
     */
    public ActionExecutionAssert producedVariable(String name, String value) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        isNotNull();
        if (!actual.outputVariables().containsKey(name)) {
            fail("to have produced variable " + name + ", but it produced " + actual.outputVariables().keySet());
        } else if (!value.equals(actual.outputVariables().get(name))) {
            fail("to have produced variable " + name + " = \"" + value + "\", but it is \""
                    + actual.outputVariables().get(name) + "\"");
        }
        return this;
    }

    /**
     * Its failure message contains {@code text}.
     *
     * @param text a part of the failure message, matched case-sensitively; not null
     * @return this assertion
     * @throws NullPointerException if {@code text} is null
     */
    public ActionExecutionAssert hasErrorMessageContaining(String text) {
        Objects.requireNonNull(text, "text");
        isNotNull();
        if (actual.errorMessage() == null || !actual.errorMessage().contains(text)) {
            fail("to have an error message containing \"" + text + "\", but it has "
                    + (actual.errorMessage() == null ? "none" : "\"" + actual.errorMessage() + "\""));
        }
        return this;
    }

    /**
     * Back to the execution, to assert on another action.
     *
     * @return the assertion this one was made from
     */
    public PipelineExecutionAssert execution() {
        return execution;
    }

    /**
     * Assertions on the latest run of another action of the same execution.
     *
     * @param actionName the other action's name (unique in a pipeline)
     * @return assertions on that action's run
     */
    public ActionExecutionAssert action(String actionName) {
        return execution.action(actionName);
    }

    private void fail(String expectation) {
        execution.fail("'s action " + actual.stageName() + "." + actual.actionName() + " " + expectation);
    }
}
