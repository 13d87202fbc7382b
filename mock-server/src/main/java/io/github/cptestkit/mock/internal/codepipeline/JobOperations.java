package io.github.cptestkit.mock.internal.codepipeline;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cptestkit.wire.ActionTypeId;
import io.github.cptestkit.wire.CurrentRevision;
import io.github.cptestkit.wire.ExecutionDetails;
import io.github.cptestkit.wire.FailureDetails;
import io.github.cptestkit.wire.FakeCustomJob;
import io.github.cptestkit.wire.FakeThirdPartyJob;
import io.github.cptestkit.wire.Job;
import io.github.cptestkit.wire.JobStatus;
import io.github.cptestkit.wire.ThirdPartyJobDetails;
import io.github.cptestkit.wire.WireFormat;
import io.github.cptestkit.schemas.AwsError;
import io.github.cptestkit.schemas.Operation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The handlers of the ten job operations, registered in {@link Operations}: each turns a request that already passed the protocol edge (parsed, nulls dropped,
 * schema-valid) into job store calls and renders the store's answer as the operation's response JSON. No
 * validation or error formatting here: refusals are {@link AwsException}s thrown by the store.
 *
 * <pre>{@code
 * Operations operations = new JobOperations(store).registerIn(new Operations());
 * operations.handlerFor(Operation.ACKNOWLEDGE_JOB).orElseThrow().answer(request).body().get(); // {"status":...}
 * }</pre>
 */
final class JobOperations {

    /** What a job gets as nonce when its response is checked at enqueue time and it came without one. */
    private static final String PLACEHOLDER_NONCE = "1";
    private static final ObjectMapper JSON = WireFormat.mapper();
    private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {};

    private final JobStore store;

    JobOperations(JobStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /** Registers the ten job operations' handlers in {@code operations}; returns it. */
    Operations registerIn(Operations operations) {
        operations.register(Operation.POLL_FOR_THIRD_PARTY_JOBS, request -> Reply.of(pollForThirdPartyJobs(request)));
        operations.register(Operation.GET_THIRD_PARTY_JOB_DETAILS, this::getThirdPartyJobDetails);
        for (Operation acknowledge : List.of(Operation.ACKNOWLEDGE_THIRD_PARTY_JOB, Operation.ACKNOWLEDGE_JOB)) {
            operations.register(acknowledge, request -> Reply.of(acknowledge(acknowledge, request)));
        }
        for (Operation success : List.of(Operation.PUT_THIRD_PARTY_JOB_SUCCESS_RESULT,
                Operation.PUT_JOB_SUCCESS_RESULT)) {
            operations.register(success, request -> Reply.of(putSuccess(success, request)));
        }
        for (Operation failure : List.of(Operation.PUT_THIRD_PARTY_JOB_FAILURE_RESULT,
                Operation.PUT_JOB_FAILURE_RESULT)) {
            operations.register(failure, request -> Reply.of(putFailure(failure, request)));
        }
        operations.register(Operation.POLL_FOR_JOBS, request -> Reply.of(pollForJobs(request)));
        operations.register(Operation.GET_JOB_DETAILS, this::getJobDetails);
        return operations;
    }

    private JsonNode pollForThirdPartyJobs(JsonNode request) {
        return thirdPartyJobList(store.pollThirdParty(actionTypeId(request), maxBatchSize(request)));
    }

    private JsonNode pollForJobs(JsonNode request) {
        Map<String, String> query = request.has("queryParam")
                ? JSON.convertValue(request.get("queryParam"), STRING_MAP) : Map.of();
        return jobList(store.pollCustom(actionTypeId(request), maxBatchSize(request), query));
    }

    private Reply getThirdPartyJobDetails(JsonNode request) {
        JobStore.Served served = store.servedThirdPartyJobDetails(text(request, "jobId"),
                text(request, "clientToken"));
        return new Reply(new Reply.ServedJob(served.jobId(), served.stored(), served.nonce(), null),
                served.credentials(), () -> thirdPartyJobDetails(
                        new ThirdPartyJobDetails(served.jobId(), served.data(), served.nonce())));
    }

    private Reply getJobDetails(JsonNode request) {
        JobStore.Served served = store.servedJobDetails(text(request, "jobId"));
        return new Reply(new Reply.ServedJob(served.jobId(), served.stored(), null, served.accountId()),
                served.credentials(), () -> jobDetails(
                        new Job(served.jobId(), served.data(), served.nonce(), served.accountId())));
    }

    /** AcknowledgeJob and AcknowledgeThirdPartyJob (the latter with a clientToken). */
    private JsonNode acknowledge(Operation operation, JsonNode request) {
        JobStatus status = store.acknowledge(operation, text(request, "jobId"), text(request, "nonce"),
                text(request, "clientToken"));
        return JSON.createObjectNode().put("status", status.wire());
    }

    /** PutJobSuccessResult and PutThirdPartyJobSuccessResult (the latter with a clientToken, no variables). */
    private JsonNode putSuccess(Operation operation, JsonNode request) {
        store.putSuccess(operation, text(request, "jobId"), text(request, "clientToken"),
                value(request, "currentRevision", CurrentRevision.class),
                value(request, "executionDetails", ExecutionDetails.class),
                text(request, "continuationToken"),
                request.has("outputVariables") ? JSON.convertValue(request.get("outputVariables"), STRING_MAP) : null);
        return JSON.createObjectNode();
    }

    /** PutJobFailureResult and PutThirdPartyJobFailureResult. */
    private JsonNode putFailure(Operation operation, JsonNode request) {
        store.putFailure(operation, text(request, "jobId"), text(request, "clientToken"),
                value(request, "failureDetails", FailureDetails.class));
        return JSON.createObjectNode();
    }

    // ---------------------------------------------------------------- rendering (also used at enqueue time)

    static ObjectNode thirdPartyJobList(List<FakeThirdPartyJob> jobs) {
        ObjectNode response = JSON.createObjectNode();
        ArrayNode list = response.putArray("jobs");
        for (FakeThirdPartyJob job : jobs) {
            list.addObject().put("clientId", job.clientId()).put("jobId", job.jobId());
        }
        return response;
    }

    static ObjectNode thirdPartyJobDetails(ThirdPartyJobDetails details) {
        ObjectNode response = JSON.createObjectNode();
        response.set("jobDetails", WireFormat.toTree(details));
        return response;
    }

    static ObjectNode jobList(List<Job> jobs) {
        ObjectNode response = JSON.createObjectNode();
        ArrayNode list = response.putArray("jobs");
        jobs.forEach(job -> list.add(WireFormat.toTree(job)));
        return response;
    }

    /** GetJobDetails answers {@code {id, data, accountId}}: the job without its nonce. */
    static ObjectNode jobDetails(Job job) {
        ObjectNode details = (ObjectNode) WireFormat.toTree(job);
        details.remove("nonce");
        ObjectNode response = JSON.createObjectNode();
        response.set("jobDetails", details);
        return response;
    }

    /** Every response a partner job will appear in, as served on its first dispatch. */
    static Map<Operation, JsonNode> responsesServing(FakeThirdPartyJob job) {
        ThirdPartyJobDetails details = job.details().nonce() != null ? job.details()
                : new ThirdPartyJobDetails(job.details().id(), job.details().data(), PLACEHOLDER_NONCE);
        Map<Operation, JsonNode> responses = new LinkedHashMap<>();
        responses.put(Operation.POLL_FOR_THIRD_PARTY_JOBS, thirdPartyJobList(List.of(job)));
        responses.put(Operation.GET_THIRD_PARTY_JOB_DETAILS, thirdPartyJobDetails(details));
        return responses;
    }

    /** Every response a custom or Lambda job will appear in, as served on its first dispatch. */
    static Map<Operation, JsonNode> responsesServing(FakeCustomJob custom) {
        Job job = custom.job().nonce() != null ? custom.job()
                : new Job(custom.job().id(), custom.job().data(), PLACEHOLDER_NONCE, custom.job().accountId());
        Map<Operation, JsonNode> responses = new LinkedHashMap<>();
        responses.put(Operation.POLL_FOR_JOBS, jobList(List.of(job)));
        responses.put(Operation.GET_JOB_DETAILS, jobDetails(job));
        return responses;
    }

    // ---------------------------------------------------------------- reading requests

    private static ActionTypeId actionTypeId(JsonNode request) {
        return value(request, "actionTypeId", ActionTypeId.class);
    }

    /**
     * {@code maxBatchSize}, 1 when absent; a number beyond {@code int} (the schema has no maximum) asks for every
     * job there is.
     */
    private static int maxBatchSize(JsonNode request) {
        JsonNode size = request.path("maxBatchSize");
        if (size.isMissingNode()) {
            return 1;
        }
        return size.canConvertToInt() ? size.intValue() : Integer.MAX_VALUE;
    }

    private static String text(JsonNode request, String member) {
        JsonNode node = request.get(member);
        return node == null ? null : node.asText();
    }

    /** The dotted path below the member that Jackson could not read, e.g. {@code .created}; empty if unknown. */
    private static String pathOf(Exception e) {
        if (!(e instanceof com.fasterxml.jackson.databind.JsonMappingException mapping)) {
            return "";
        }
        StringBuilder path = new StringBuilder();
        for (com.fasterxml.jackson.databind.JsonMappingException.Reference reference : mapping.getPath()) {
            path.append(reference.getFieldName() != null ? "." + reference.getFieldName()
                    : "[" + reference.getIndex() + "]");
        }
        return path.toString();
    }

    private static <T> T value(JsonNode request, String member, Class<T> type) {
        JsonNode node = request.get(member);
        if (node == null) {
            return null;
        }
        try {
            return JSON.treeToValue(node, type);
        } catch (com.fasterxml.jackson.core.JsonProcessingException | RuntimeException unrepresentable) {
            // Schema-valid, yet beyond what the service can hold: a timestamp of 1e400 seconds, say.
            throw new AwsException(AwsError.SERIALIZATION, "Value at '" + member + pathOf(unrepresentable)
                    + "' cannot be deserialized: Member must be a value the service can represent (a timestamp"
                    + " within years 1 to 9999, ...)");
        }
    }
}
