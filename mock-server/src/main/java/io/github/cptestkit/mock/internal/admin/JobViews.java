package io.github.cptestkit.mock.internal.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cptestkit.mock.internal.codepipeline.JobSecrets;
import io.github.cptestkit.wire.WireFormat;
import io.github.cptestkit.mock.jobs.JobResult;
import io.github.cptestkit.mock.jobs.JobSnapshot;
import io.github.cptestkit.mock.jobs.RecordedCall;
import io.github.cptestkit.mock.jobs.JobDocument;
import io.github.cptestkit.schemas.Operation;
import java.util.List;
import java.util.Optional;

/**
 * The admin API's JSON views of jobs: a summary per job in lists, and the whole story of one job (its data, its
 * calls, its result). Values of the API (action type ids, job data, revisions, failure details) keep their wire
 * shapes; the admin API's own times are ISO-8601 strings.
 *
 * <pre>{@code ObjectNode view = JobViews.detail(mock.job(jobId));}</pre>
 */
public final class JobViews {

    private JobViews() {}

    /** A job as {@code GET jobs} lists it. */
    public static ObjectNode summary(JobSnapshot job) {
        ObjectNode view = AdminBody.JSON.createObjectNode();
        view.put("jobId", job.jobId());
        view.put("kind", (job.clientId() != null ? FakeJobOrder.Kind.THIRD_PARTY : FakeJobOrder.Kind.CUSTOM).label());
        view.set("actionTypeId", WireFormat.toTree(job.actionTypeId()));
        if (job.clientId() != null) {
            view.put("clientId", job.clientId());
        }
        view.put("status", job.status().wire());
        if (job.continuedFromJobId() != null) {
            view.put("continuedFromJobId", job.continuedFromJobId());
        }
        return view;
    }

    /** A job as {@code GET jobs/{id}} shows it: the summary, its nonce, data, calls and result. */
    public static ObjectNode detail(JobSnapshot job) {
        ObjectNode view = summary(job);
        if (job.nonce() != null) {
            view.put("nonce", job.nonce());
        }
        view.set("data", redacted(WireFormat.toTree(job.data())));
        ArrayNode calls = view.putArray("calls");
        for (RecordedCall call : job.calls()) {
            ObjectNode entry = calls.addObject().put("operation", call.operation().operationName())
                    .put("at", call.at().toString());
            if (call.error() != null) {
                entry.put("error", call.error().type());
            }
        }
        if (job.result() instanceof JobResult.Success success) {
            ObjectNode result = view.putObject("result").put("type", "success").put("at", success.at().toString());
            putWire(result, "currentRevision", success.currentRevision());
            putWire(result, "executionDetails", success.executionDetails());
            if (success.continuationToken() != null) {
                result.put("continuationToken", success.continuationToken());
            }
            if (!success.outputVariables().isEmpty()) { // left out when none were sent, as a request leaves it out
                result.set("outputVariables", WireFormat.toTree(success.outputVariables()));
            }
            if (success.continuationJobId() != null) {
                result.put("continuationJobId", success.continuationJobId());
            }
        } else if (job.result() instanceof JobResult.Failure failure) {
            ObjectNode result = view.putObject("result").put("type", "failure").put("at", failure.at().toString());
            putWire(result, "failureDetails", failure.failureDetails());
        }
        return view;
    }

    /**
     * A job's data as the admin API shows it: the artifact credentials and the action configuration values (where
     * secret properties travel) hidden; the worker is served them, the test that queued the job has them.
     */
    static JsonNode redacted(JsonNode data) {
        return JobSecrets.redacted(data);
    }

    /**
     * A CodePipeline call's request body as the mock shows it off the wire (the journal, the standalone server's
     * {@code --verbose} log): what the operation's schema marks sensitive, the artifact credentials, configuration
     * values and client tokens, wherever they are, hidden.
     *
     * <pre>{@code JsonNode logged = JobViews.redactedRequest(Operation.ACKNOWLEDGE_JOB, request);}</pre>
     */
    public static JsonNode redactedRequest(Operation operation, JsonNode request) {
        return JobSecrets.redactedCall(Optional.of(operation), false, request);
    }


    /**
     * A job the admin API has just queued: its id, kind, action type and, for a third-party job, its clientId, with
     * the clientToken when the mock made it up ({@code generated}: a fake job's token is known nowhere else). A token
     * the caller gave in a job document is not echoed.
     */
    public static ObjectNode queued(JobDocument job, boolean generated) {
        ObjectNode view = AdminBody.JSON.createObjectNode();
        view.put("jobId", job.jobId());
        view.set("actionTypeId", WireFormat.toTree(job.actionTypeId()));
        if (job instanceof JobDocument.ThirdParty thirdParty) {
            view.put("kind", FakeJobOrder.Kind.THIRD_PARTY.label());
            view.put("clientId", thirdParty.job().clientId());
            if (generated) {
                view.put("clientToken", thirdParty.job().clientToken());
            }
        } else {
            view.put("kind", FakeJobOrder.Kind.CUSTOM.label());
        }
        return view;
    }

    private static void putWire(ObjectNode into, String member, Object value) {
        if (value != null) {
            into.set(member, WireFormat.toTree(value));
        }
    }
}
