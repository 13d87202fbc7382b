package io.github.cptestkit.pact;

import au.com.dius.pact.core.model.ProviderState;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cptestkit.wire.ActionTypeId;
import io.github.cptestkit.wire.CurrentRevision;
import io.github.cptestkit.wire.ExecutionDetails;
import io.github.cptestkit.wire.FailureDetails;
import io.github.cptestkit.wire.FailureType;
import io.github.cptestkit.wire.FakeCustomJob;
import io.github.cptestkit.fixtures.FakeError;
import io.github.cptestkit.fixtures.FakeJobs;
import io.github.cptestkit.wire.FakeThirdPartyJob;
import io.github.cptestkit.wire.JobStatus;
import io.github.cptestkit.wire.WireFormat;
import io.github.cptestkit.pact.internal.BodyCheck;
import io.github.cptestkit.schemas.AwsError;
import io.github.cptestkit.schemas.MemberSchema;
import io.github.cptestkit.schemas.Operation;
import io.github.cptestkit.schemas.Operation.Family;
import io.github.cptestkit.schemas.SchemaDocument;
import io.github.cptestkit.schemas.SchemaValidator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One CodePipeline call a worker makes, being described for a pact: the provider states it needs, the members of
 * its request, and then (with a {@code willRespondWith...} method) the answer it expects. Members left unset are
 * taken from the given job, then, for required members, from a fake job of seed
 * {@link CodePipelinePact#EXAMPLE_SEED}. Every request and answer is checked against the schemas when built, so the
 * DSL never writes an interaction CodePipeline could not take part in. Not thread-safe; make one per interaction.
 *
 * <pre>{@code
 * CodePipelineInteraction details = CodePipelinePact.getThirdPartyJobDetails()
 *         .givenJob(job)                 // state "job {jobId} is dispatched"; request jobId and clientToken
 *         .willRespondWith();            // {"jobDetails": job.details()}, with matchers from the schemas
 * CodePipelineInteraction late = CodePipelinePact.putThirdPartyJobSuccessResult()
 *         .givenJob(job, JobStatus.TIMED_OUT)
 *         .willRespondWithError(AwsError.INVALID_JOB_STATE);
 * }</pre>
 */
public final class CodePipelineRequest {

    private final Operation operation;
    private final ObjectNode members = JsonNodeFactory.instance.objectNode();
    private final List<ProviderState> states = new ArrayList<>();
    private final List<GivenJob> jobs = new ArrayList<>();
    private String description;

    /** A job a provider state sets up, with what the request and the default answer take from it. */
    private record GivenJob(String id, JobStatus status, Map<String, Object> requestValues, JsonNode pollEntry,
            JsonNode details) {}

    CodePipelineRequest(Operation operation) {
        this.operation = operation;
    }

    /**
     * The operation this interaction calls.
     *
     * @return the operation, one of the ten job operations
     */
    public Operation operation() {
        return operation;
    }

    // ---------------------------------------------------------------- provider states

    /**
     * The job is where this operation usually finds it: queued for a poll, dispatched for details and acknowledge,
     * in progress for results (and GetJobDetails). Adds the provider state, and the job's id, client token, nonce and
     * action type become the request's (unless set). Call again for more jobs (a poll that finds several).
     *
     * @param job a fake partner action job, e.g. from {@code FakeJobs.withSeed(7).thirdParty().build()}; not null
     * @return this request
     * @throws IllegalArgumentException if the operation works on custom-action jobs
     */
    public CodePipelineRequest givenJob(FakeThirdPartyJob job) {
        return givenJob(job, usualStatus());
    }

    /**
     * The third-party job is in {@code status} (Queued, Dispatched, InProgress, Succeeded, Failed or TimedOut).
     *
     * @param job a fake partner action job; not null
     * @param status the job's status when the request arrives; not {@code CREATED}
     * @return this request
     * @throws IllegalArgumentException if the operation works on custom-action jobs, or the status is {@code CREATED}
     */
    public CodePipelineRequest givenJob(FakeThirdPartyJob job, JobStatus status) {
        Objects.requireNonNull(job, "job");
        requireFamily(Family.THIRD_PARTY, "FakeThirdPartyJob", "FakeJobs.custom() and FakeCustomJob");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("jobId", job.jobId());
        params.put("clientId", job.clientId());
        params.put("clientToken", job.clientToken());
        params.put("nonce", job.details().nonce());
        params.put("actionTypeId", WireFormat.mapper().convertValue(job.actionTypeId(), Map.class));
        given(stateName(status, ProviderStates.THIRD_PARTY_JOB_QUEUED), params);
        jobs.add(new GivenJob(job.jobId(), status, requestValues(job.jobId(), job.clientToken(), job.details().nonce(),
                job.actionTypeId()), WireFormat.toTree(job.pollEntry()), WireFormat.toTree(job.details())));
        return this;
    }

    /**
     * The custom-action (or Lambda invoke) job is where this operation usually finds it; see above.
     *
     * @param job a fake custom-action or Lambda invoke job, e.g. from {@code FakeJobs.withSeed(7).custom().build()};
     *     not null
     * @return this request
     * @throws IllegalArgumentException if the operation works on third-party jobs
     */
    public CodePipelineRequest givenJob(FakeCustomJob job) {
        return givenJob(job, usualStatus());
    }

    /**
     * The custom-action (or Lambda invoke) job is in {@code status}.
     *
     * @param job a fake custom-action or Lambda invoke job; not null
     * @param status the job's status when the request arrives; not {@code CREATED}
     * @return this request
     * @throws IllegalArgumentException if the operation works on third-party jobs, or the status is {@code CREATED}
     */
    public CodePipelineRequest givenJob(FakeCustomJob job, JobStatus status) {
        Objects.requireNonNull(job, "job");
        requireFamily(Family.CUSTOM, "FakeCustomJob", "FakeJobs.thirdParty() and FakeThirdPartyJob");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("jobId", job.jobId());
        params.put("nonce", job.job().nonce());
        params.put("accountId", job.job().accountId());
        params.put("actionTypeId", WireFormat.mapper().convertValue(job.actionTypeId(), Map.class));
        given(stateName(status, ProviderStates.CUSTOM_JOB_QUEUED), params);
        jobs.add(new GivenJob(job.jobId(), status, requestValues(job.jobId(), null, job.job().nonce(),
                job.actionTypeId()), WireFormat.toTree(job.job()), WireFormat.toTree(job.details())));
        return this;
    }

    /**
     * No job has {@code jobId} (state {@value ProviderStates#NO_JOB}); the request names it.
     *
     * @param jobId the id nobody has, typically a UUID; not null
     * @return this request
     */
    public CodePipelineRequest givenNoJob(String jobId) {
        Objects.requireNonNull(jobId, "jobId");
        given(ProviderStates.NO_JOB, Map.of("jobId", jobId));
        setIfAbsent("jobId", jobId);
        return this;
    }

    /**
     * The action type is known but has no job queued (polls answer no jobs); the request polls for it.
     *
     * @param actionTypeId the action type the worker polls for; not null
     * @return this request
     */
    public CodePipelineRequest givenNoJobsQueued(ActionTypeId actionTypeId) {
        Objects.requireNonNull(actionTypeId, "actionTypeId");
        given(ProviderStates.NO_JOBS_QUEUED,
                Map.of("actionTypeId", WireFormat.mapper().convertValue(actionTypeId, Map.class)));
        setIfAbsent("actionTypeId", actionTypeId);
        return this;
    }

    /**
     * Any provider state with its parameters (see {@link ProviderStates}, or a state of your own).
     *
     * @param state the state's name, as the provider's {@code @State} method knows it; not null
     * @param params the state's parameters (copied), e.g. {@code Map.of("jobId", id)}; empty for none
     * @return this request
     */
    public CodePipelineRequest given(String state, Map<String, ?> params) {
        Objects.requireNonNull(state, "state");
        states.add(new ProviderState(state, new LinkedHashMap<>(params)));
        return this;
    }

    /**
     * The interaction's description (unique within the pact); by default made of the operation and job.
     *
     * @param description the interaction's description, as the pact file and the provider's report show it; not null
     * @return this request
     */
    public CodePipelineRequest uponReceiving(String description) {
        this.description = Objects.requireNonNull(description, "description");
        return this;
    }

    // ---------------------------------------------------------------- request members

    /**
     * Sets a member of the request to a value of the wire-format records (or a string, number, map, JSON tree); a
     * name the operation's request does not have is an {@link IllegalArgumentException} listing the ones it has.
     *
     * @param name the member's name in the request body, e.g. {@code "maxBatchSize"}
     * @param value its value; not null (leave a member out by not setting it)
     * @return this request
     * @throws IllegalArgumentException if the operation's request has no such member
     */
    public CodePipelineRequest member(String name, Object value) {
        Objects.requireNonNull(name, "name");
        List<String> known = inputSchema().members();
        if (!known.contains(name)) {
            throw new IllegalArgumentException(name + " is not a member of the " + operation.operationName()
                    + " request; its members are " + known);
        }
        members.set(name, WireFormat.toTree(Objects.requireNonNull(value, name)));
        return this;
    }

    /**
     * The request's {@code jobId}.
     *
     * @param jobId the job id the worker sends; not null
     * @return this request
     * @throws IllegalArgumentException if the operation's request has no {@code jobId}
     */
    public CodePipelineRequest jobId(String jobId) {
        return member("jobId", jobId);
    }

    /**
     * The request's {@code clientToken} (third-party operations).
     *
     * @param clientToken the client token the worker sends; not null
     * @return this request
     * @throws IllegalArgumentException if the operation's request has no {@code clientToken}
     */
    public CodePipelineRequest clientToken(String clientToken) {
        return member("clientToken", clientToken);
    }

    /**
     * The request's {@code nonce} (acknowledge operations).
     *
     * @param nonce the nonce the worker sends back, as the job's details gave it; not null
     * @return this request
     * @throws IllegalArgumentException if the operation's request has no {@code nonce}
     */
    public CodePipelineRequest nonce(String nonce) {
        return member("nonce", nonce);
    }

    /**
     * The request's {@code actionTypeId} (polls).
     *
     * @param actionTypeId the action type the worker polls for; not null
     * @return this request
     * @throws IllegalArgumentException if the operation's request has no {@code actionTypeId}
     */
    public CodePipelineRequest actionTypeId(ActionTypeId actionTypeId) {
        return member("actionTypeId", actionTypeId);
    }

    /**
     * The request's {@code maxBatchSize} (polls); leave it unset when the worker does not send it.
     *
     * @param maxBatchSize how many jobs the worker takes at most, 1 or more
     * @return this request
     * @throws IllegalArgumentException if the operation's request has no {@code maxBatchSize}
     */
    public CodePipelineRequest maxBatchSize(int maxBatchSize) {
        return member("maxBatchSize", maxBatchSize);
    }

    /**
     * The request's {@code queryParam} (PollForJobs).
     *
     * @param queryParam the queryable properties and values the worker polls for; not null
     * @return this request
     * @throws IllegalArgumentException if the operation's request has no {@code queryParam}
     */
    public CodePipelineRequest queryParam(Map<String, String> queryParam) {
        return member("queryParam", queryParam);
    }

    /**
     * The request's {@code currentRevision} (success results).
     *
     * @param currentRevision the revision the worker reports; not null
     * @return this request
     * @throws IllegalArgumentException if the operation's request has no {@code currentRevision}
     */
    public CodePipelineRequest currentRevision(CurrentRevision currentRevision) {
        return member("currentRevision", currentRevision);
    }

    /**
     * The request's {@code executionDetails} (success results).
     *
     * @param executionDetails the summary, external execution id and percentage the worker reports; not null
     * @return this request
     * @throws IllegalArgumentException if the operation's request has no {@code executionDetails}
     */
    public CodePipelineRequest executionDetails(ExecutionDetails executionDetails) {
        return member("executionDetails", executionDetails);
    }

    /**
     * The request's {@code continuationToken} (success results).
     *
     * @param continuationToken the token that makes CodePipeline queue a job to continue the action; not null
     * @return this request
     * @throws IllegalArgumentException if the operation's request has no {@code continuationToken}
     */
    public CodePipelineRequest continuationToken(String continuationToken) {
        return member("continuationToken", continuationToken);
    }

    /**
     * The request's {@code outputVariables} (PutJobSuccessResult).
     *
     * @param outputVariables the variables the action produces, by name; not null
     * @return this request
     * @throws IllegalArgumentException if the operation's request has no {@code outputVariables}
     */
    public CodePipelineRequest outputVariables(Map<String, String> outputVariables) {
        return member("outputVariables", outputVariables);
    }

    /**
     * The request's {@code failureDetails} (failure results); an example failure when left unset.
     *
     * @param failureDetails the failure the worker reports; not null
     * @return this request
     * @throws IllegalArgumentException if the operation's request has no {@code failureDetails}
     */
    public CodePipelineRequest failureDetails(FailureDetails failureDetails) {
        return member("failureDetails", failureDetails);
    }

    // ---------------------------------------------------------------- answers

    /**
     * CodePipeline's usual answer, from the given jobs: a poll lists them (third-party polls as
     * {@code {clientId, jobId}}), details answer the job's details, an acknowledge answers {@code InProgress}, a
     * result answers {@code {}}.
     *
     * @return the interaction
     * @throws IllegalArgumentException if the request or the answer breaks the operation's schemas
     * @throws IllegalStateException if a job details answer has no given job to describe
     */
    public CodePipelineInteraction willRespondWith() {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        switch (operation) {
            case POLL_FOR_THIRD_PARTY_JOBS, POLL_FOR_JOBS ->
                    body.putArray("jobs").addAll(jobs.stream().map(GivenJob::pollEntry).toList());
            case GET_THIRD_PARTY_JOB_DETAILS, GET_JOB_DETAILS -> body.set("jobDetails", firstJob().details());
            case ACKNOWLEDGE_THIRD_PARTY_JOB, ACKNOWLEDGE_JOB -> body.put("status", JobStatus.IN_PROGRESS.wire());
            default -> { }
        }
        return answer(200, null, body);
    }

    /**
     * The answer of an acknowledge: {@code {"status": ...}}.
     *
     * @param status the job status the acknowledge answers, e.g. {@code JobStatus.IN_PROGRESS}; not null
     * @return the interaction
     * @throws IllegalArgumentException if the operation is not an acknowledge, or the request breaks its schema
     */
    public CodePipelineInteraction willRespondWithStatus(JobStatus status) {
        Objects.requireNonNull(status, "status");
        if (!inputIsAcknowledge()) {
            throw new IllegalArgumentException("only AcknowledgeJob and AcknowledgeThirdPartyJob answer a status, but"
                    + " this is " + operation.operationName() + "; use willRespondWith()");
        }
        return answer(200, null, JsonNodeFactory.instance.objectNode().put("status", status.wire()));
    }

    /**
     * A success answer with this body (a wire-format record, map or JSON tree of the whole answer, e.g.
     * {@code Map.of("jobs", List.of())}); checked against the operation's output schema.
     *
     * @param body the whole answer body, a JSON object; not null
     * @return the interaction
     * @throws IllegalArgumentException if the body is not a JSON object, or the request or the body breaks the
     *     operation's schemas
     */
    public CodePipelineInteraction willRespondWith(Object body) {
        JsonNode tree = WireFormat.toTree(Objects.requireNonNull(body, "body"));
        if (!tree.isObject()) {
            throw new IllegalArgumentException("an answer body is a JSON object, but was " + tree);
        }
        return answer(200, null, (ObjectNode) tree);
    }

    /**
     * An error answer: the error's HTTP status, {@code x-amzn-ErrorType} and {@code {"__type", "message"}} (the
     * message matched by type). The error must be one this operation can give (modelled for it, or service-wide).
     *
     * @param error the error, e.g. {@code AwsError.JOB_NOT_FOUND}; not null
     * @return the interaction, with an example message as AWS words it
     * @throws IllegalArgumentException if the operation cannot answer that error
     */
    public CodePipelineInteraction willRespondWithError(AwsError error) {
        Objects.requireNonNull(error, "error");
        return willRespondWithError(error, FakeJobs.withSeed(CodePipelinePact.EXAMPLE_SEED)
                .error(operation, error).message());
    }

    /**
     * An error answer with an example message of your own (still matched by type only).
     *
     * @param error the error, e.g. {@code AwsError.INVALID_NONCE}; not null
     * @param message the example message the pact file shows; not null
     * @return the interaction
     * @throws IllegalArgumentException if the operation cannot answer that error
     */
    public CodePipelineInteraction willRespondWithError(AwsError error, String message) {
        FakeError fake = FakeJobs.withSeed(CodePipelinePact.EXAMPLE_SEED).error(operation, error);
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("__type", fake.type());
        body.put("message", Objects.requireNonNull(message, "message"));
        return answer(fake.httpStatus(), error, body);
    }

    private CodePipelineInteraction answer(int status, AwsError error, ObjectNode responseBody) {
        ObjectNode requestBody = requestBody();
        String name = description != null ? description : defaultDescription(requestBody, error);
        List<String> problems = new ArrayList<>(BodyCheck.problems("request body", operation.inputSchema(),
                requestBody, false));
        problems.addAll(BodyCheck.problems("response body",
                error == null ? operation.outputSchema() : SchemaDocument.error(),
                responseBody, true));
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("interaction '" + name + "' breaks the " + operation.operationName()
                    + " schemas: " + String.join("; ", problems));
        }
        return new CodePipelineInteraction(operation, name, states, requestBody, status, error, responseBody);
    }

    // ---------------------------------------------------------------- request body

    private ObjectNode requestBody() {
        ObjectNode body = members.deepCopy();
        if (!jobs.isEmpty()) {
            jobs.get(0).requestValues().forEach((name, value) -> setIfAbsent(body, name, value));
        }
        Map<String, Object> examples = exampleValues();
        for (String required : inputSchema().required()) {
            if (!body.has(required) && examples.containsKey(required)) {
                body.set(required, WireFormat.toTree(examples.get(required)));
            }
        }
        return body;
    }

    private Map<String, Object> requestValues(String jobId, String clientToken, String nonce, ActionTypeId type) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("jobId", jobId);
        if (clientToken != null) {
            values.put("clientToken", clientToken);
        }
        values.put("nonce", nonce);
        values.put("actionTypeId", type);
        return values;
    }

    private Map<String, Object> exampleValues() {
        Map<String, Object> values;
        if (operation.family() == Family.THIRD_PARTY) {
            FakeThirdPartyJob example = FakeJobs.withSeed(CodePipelinePact.EXAMPLE_SEED).thirdParty().build();
            values = requestValues(example.jobId(), example.clientToken(), example.details().nonce(),
                    example.actionTypeId());
        } else {
            FakeCustomJob example = FakeJobs.withSeed(CodePipelinePact.EXAMPLE_SEED).custom().build();
            values = requestValues(example.jobId(), null, example.job().nonce(), example.actionTypeId());
        }
        values.put("failureDetails", new FailureDetails(FailureType.JOB_FAILED,
                "The job failed: 3 of 120 tests failed.", null));
        return values;
    }

    private void setIfAbsent(String name, Object value) {
        setIfAbsent(members, name, value);
    }

    private void setIfAbsent(ObjectNode body, String name, Object value) {
        if (!body.has(name) && inputSchema().members().contains(name)) {
            body.set(name, WireFormat.toTree(value));
        }
    }

    // ---------------------------------------------------------------- naming and checks

    private String defaultDescription(ObjectNode requestBody, AwsError error) {
        StringBuilder name = new StringBuilder(operation.operationName());
        if (requestBody.has("jobId")) {
            name.append(" for job ").append(requestBody.get("jobId").asText());
        } else if (requestBody.has("actionTypeId")) {
            JsonNode type = requestBody.get("actionTypeId");
            name.append(" for ").append(type.path("provider").asText()).append(" version ")
                    .append(type.path("version").asText());
        }
        if (jobs.size() == 1 || !operation.operationName().startsWith("PollFor")) {
            jobs.stream().findFirst().ifPresent(job -> name.append(" (").append(job.status().wire()).append(')'));
        } else {
            name.append(" (").append(jobs.isEmpty() ? "none" : Integer.toString(jobs.size())).append(" queued)");
        }
        if (error != null) {
            name.append(" answered with ").append(error.type());
        }
        return name.toString();
    }

    private GivenJob firstJob() {
        if (jobs.isEmpty()) {
            throw new IllegalStateException("willRespondWith() answers " + operation.operationName() + " with the"
                    + " given job's details, but no job was given; call givenJob(job) first, or pass the answer to"
                    + " willRespondWith(body)");
        }
        return jobs.get(0);
    }

    private JobStatus usualStatus() {
        return switch (operation) {
            case POLL_FOR_THIRD_PARTY_JOBS, POLL_FOR_JOBS -> JobStatus.QUEUED;
            case GET_THIRD_PARTY_JOB_DETAILS, ACKNOWLEDGE_THIRD_PARTY_JOB, ACKNOWLEDGE_JOB -> JobStatus.DISPATCHED;
            default -> JobStatus.IN_PROGRESS;
        };
    }

    private boolean inputIsAcknowledge() {
        return operation == Operation.ACKNOWLEDGE_JOB || operation == Operation.ACKNOWLEDGE_THIRD_PARTY_JOB;
    }

    private void requireFamily(Family family, String given, String instead) {
        if (operation.family() != family) {
            throw new IllegalArgumentException(operation.operationName() + " works on "
                    + (operation.family() == Family.THIRD_PARTY ? "third-party" : "custom-action") + " jobs, but was"
                    + " given a " + given + "; use " + instead);
        }
    }

    private static String stateName(JobStatus status, String queued) {
        return switch (status) {
            case QUEUED -> queued;
            case DISPATCHED -> ProviderStates.JOB_DISPATCHED;
            case IN_PROGRESS -> ProviderStates.JOB_IN_PROGRESS;
            case SUCCEEDED -> ProviderStates.JOB_SUCCEEDED;
            case FAILED -> ProviderStates.JOB_FAILED;
            case TIMED_OUT -> ProviderStates.JOB_TIMED_OUT;
            case CREATED -> throw new IllegalArgumentException("a job given to a pact is Queued, Dispatched,"
                    + " InProgress, Succeeded, Failed or TimedOut; Created jobs are not visible to workers");
        };
    }

    private MemberSchema inputSchema() {
        return SchemaValidator.shared().memberSchema(operation.inputSchema(), "").orElseThrow();
    }
}
