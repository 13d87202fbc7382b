package io.github.cptestkit.junit.internal;

import io.github.cptestkit.mock.CodePipelineMock;
import io.github.cptestkit.mock.executions.ActionExecutionSnapshot;
import io.github.cptestkit.mock.executions.PipelineExecutionSnapshot;
import java.util.NoSuchElementException;

/**
 * A pipeline execution described for an assertion's failure message: its status and summary, then each action run
 * with its status, configuration keys, output variable names, error and, for an action worked by jobs, each job and
 * the calls made on it. Never shows credentials, client tokens or configuration values (they may be secret).
 *
 * <pre>{@code
 * String text = ExecutionDescription.of(mock.pipelineExecution(id), mock);
 * }</pre>
 */
public final class ExecutionDescription {

    private ExecutionDescription() {}

    /** The description; {@code mock} (may be null) adds the calls made on each action's jobs. */
    public static String of(PipelineExecutionSnapshot execution, CodePipelineMock mock) {
        StringBuilder text = new StringBuilder(execution.describe());
        if (mock != null) {
            for (ActionExecutionSnapshot action : execution.actions()) {
                for (String jobId : action.jobIds()) {
                    text.append(System.lineSeparator()).append("  ").append(action.actionName()).append(": ");
                    try {
                        text.append(JobDescription.of(mock.job(jobId), "    ").strip());
                    } catch (NoSuchElementException forgotten) {
                        text.append("job ").append(jobId).append(" (forgotten by the mock's retention limit)");
                    }
                }
            }
        }
        return text.toString();
    }
}
