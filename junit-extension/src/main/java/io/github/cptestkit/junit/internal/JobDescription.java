package io.github.cptestkit.junit.internal;

import io.github.cptestkit.wire.ActionTypeId;
import io.github.cptestkit.wire.ExecutionDetails;
import io.github.cptestkit.wire.FailureDetails;
import io.github.cptestkit.mock.jobs.JobResult;
import io.github.cptestkit.mock.jobs.JobSnapshot;
import io.github.cptestkit.mock.jobs.RecordedCall;
import java.util.ArrayList;
import java.util.List;

/**
 * A job's state and call history in words, for failure messages: status, action type, result, and each call with
 * its time on the mock's clock and its error. Never shows credentials, client tokens or configuration values.
 *
 * <pre>{@code
 * job 5b1f0c4e-...: Failed (ThirdParty Build ReportBuilder 1)
 *   result: failure ConfigurationError "Configuration property ReportTitle is missing"
 *   calls (mock clock):
 *     2026-01-01T00:00:00Z PollForThirdPartyJobs
 *     2026-01-01T00:00:00Z GetThirdPartyJobDetails
 * }</pre>
 */
public final class JobDescription {

    private JobDescription() {}

    /** The job in several lines, each of the following ones indented by {@code indent}. */
    public static String of(JobSnapshot job, String indent) {
        List<String> lines = new ArrayList<>();
        lines.add("job " + job.jobId() + ": " + job.status().wire() + " (" + type(job.actionTypeId()) + ")");
        lines.add(indent + "result: " + result(job.result()));
        if (job.continuedFromJobId() != null) {
            lines.add(indent + "continues job " + job.continuedFromJobId());
        }
        if (job.calls().isEmpty()) {
            lines.add(indent + "calls: none");
        } else {
            lines.add(indent + "calls (mock clock):");
            for (RecordedCall call : job.calls()) {
                lines.add(indent + "  " + call.at() + " " + call.operation().operationName()
                        + (call.error() == null ? "" : " -> " + call.error().type()));
            }
        }
        return String.join(System.lineSeparator(), lines);
    }

    /** An action type as {@code ThirdParty Build ReportBuilder 1}. */
    public static String type(ActionTypeId type) {
        return type == null ? "unknown action type" : type.owner().wire() + " " + type.category().wire() + " "
                + type.provider() + " " + type.version();
    }

    /** A result in one line. */
    public static String result(JobResult result) {
        if (result == null) {
            return "none";
        }
        if (result instanceof JobResult.Failure failure) {
            FailureDetails details = failure.failureDetails();
            String external = details.externalExecutionId();
            return "failure " + details.type().wire() + " \"" + details.message() + "\""
                    + (external == null ? "" : " externalExecutionId=" + external);
        }
        JobResult.Success success = (JobResult.Success) result;
        List<String> parts = new ArrayList<>();
        ExecutionDetails details = success.executionDetails();
        if (details != null) {
            if (details.summary() != null) {
                parts.add("summary \"" + details.summary() + "\"");
            }
            if (details.externalExecutionId() != null) {
                parts.add("externalExecutionId=" + details.externalExecutionId());
            }
            if (details.percentComplete() != null) {
                parts.add("percentComplete=" + details.percentComplete());
            }
        }
        if (success.currentRevision() != null) {
            parts.add("revision=" + success.currentRevision().revision());
        }
        if (success.continuationToken() != null) {
            parts.add("continuationToken \"" + success.continuationToken() + "\" (continued by job "
                    + success.continuationJobId() + ")");
        }
        if (!success.outputVariables().isEmpty()) {
            parts.add("outputVariables=" + success.outputVariables().keySet());
        }
        return parts.isEmpty() ? "success" : "success with " + String.join(", ", parts);
    }
}
