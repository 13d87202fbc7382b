package io.github.cptestkit.junit;

import io.github.cptestkit.junit.internal.ExecutionDescription;
import io.github.cptestkit.mock.CodePipelineMock;
import io.github.cptestkit.mock.executions.ActionExecutionSnapshot;
import io.github.cptestkit.mock.executions.PipelineExecutionSnapshot;
import io.github.cptestkit.mock.executions.PipelineExecutionStatus;
import java.util.NoSuchElementException;
import java.util.Objects;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on a pipeline execution as the mock saw it. A failure shows the execution's state and each action's
 * run, with the calls made on its jobs (configuration values, credentials and tokens left out).
 *
 * <pre>{@code
 * assertThat(mock).pipelineExecution(id).succeeded()
 *         .action("Build").receivedConfiguration("Env", "prod").producedVariable("Version", "1.4");
 * assertThat(mock.pipelineExecution(id)).failed().hasStatusSummaryContaining("compilation failed");
 * }</pre>
 */
public class PipelineExecutionAssert extends AbstractAssert<PipelineExecutionAssert, PipelineExecutionSnapshot> {

    private final CodePipelineMock mock;

    /**
     * An assertion on {@code actual}; {@code mock} (may be null) adds its jobs' calls to failure messages.
     *
     * @param actual the execution as the mock saw it; null fails every assertion
     * @param mock the mock the execution ran on; null leaves the jobs' calls out of failure messages
     */
    protected PipelineExecutionAssert(PipelineExecutionSnapshot actual, CodePipelineMock mock) {
        super(actual, PipelineExecutionAssert.class);
        this.mock = mock;
    }

    /**
     * The execution's status is {@code expected}.
     *
     * @param expected the status the execution must have; not null
     * @return this assertion
     * @throws NullPointerException if {@code expected} is null
     */
    public PipelineExecutionAssert hasStatus(PipelineExecutionStatus expected) {
        Objects.requireNonNull(expected, "expected");
        isNotNull();
        if (actual.status() != expected) {
            fail("to be " + expected.wire() + ", but it is " + actual.status().wire());
        }
        return this;
    }

    /**
     * The execution succeeded.
     *
     * @return this assertion
     */
    public PipelineExecutionAssert succeeded() {
        return hasStatus(PipelineExecutionStatus.SUCCEEDED);
    }

    /**
     * The execution failed.
     *
     * @return this assertion
     */
    public PipelineExecutionAssert failed() {
        return hasStatus(PipelineExecutionStatus.FAILED);
    }

    /**
     * The execution was stopped.
     *
     * @return this assertion
     */
    public PipelineExecutionAssert stopped() {
        return hasStatus(PipelineExecutionStatus.STOPPED);
    }

    /**
     * A newer execution superseded it.
     *
     * @return this assertion
     */
    public PipelineExecutionAssert superseded() {
        return hasStatus(PipelineExecutionStatus.SUPERSEDED);
    }

    /**
     * The execution is still running.
     *
     * @return this assertion
     */
    public PipelineExecutionAssert isInProgress() {
        return hasStatus(PipelineExecutionStatus.IN_PROGRESS);
    }

    /**
     * Its status summary (a failure's or a stop's reason) contains {@code text}.
     *
     * @param text a part of the summary, matched case-sensitively; not null
     * @return this assertion
     * @throws NullPointerException if {@code text} is null
     */
    public PipelineExecutionAssert hasStatusSummaryContaining(String text) {
        Objects.requireNonNull(text, "text");
        isNotNull();
        if (actual.statusSummary() == null || !actual.statusSummary().contains(text)) {
            fail("to have a status summary containing \"" + text + "\", but it has "
                    + (actual.statusSummary() == null ? "none" : "\"" + actual.statusSummary() + "\""));
        }
        return this;
    }

    /**
     * Assertions on the latest run of the action named {@code actionName}, which must have run.
     *
     * @param actionName the action's name (unique in a pipeline)
     * @return assertions on that action's latest run in this execution
     */
    public ActionExecutionAssert action(String actionName) {
        isNotNull();
        ActionExecutionSnapshot action;
        try {
            action = actual.action(actionName);
        } catch (NoSuchElementException notRun) {
            fail("to have run action " + actionName + ", but it did not");
            throw notRun;
        }
        return new ActionExecutionAssert(action, this);
    }

    void fail(String expectation) {
        failWithMessage("%s", "Expecting pipeline execution " + actual.pipelineExecutionId()
                + (expectation.startsWith("'") ? "" : " ") + expectation
                + "." + System.lineSeparator() + ExecutionDescription.of(actual, mock));
    }
}
