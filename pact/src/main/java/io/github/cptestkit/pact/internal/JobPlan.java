package io.github.cptestkit.pact.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cptestkit.wire.ActionOwner;
import io.github.cptestkit.wire.ActionTypeId;
import io.github.cptestkit.wire.FakeCustomJob;
import io.github.cptestkit.fixtures.FakeJobGenerator;
import io.github.cptestkit.fixtures.FakeJobs;
import io.github.cptestkit.wire.FakeThirdPartyJob;
import io.github.cptestkit.wire.FailureType;
import io.github.cptestkit.wire.Job;
import io.github.cptestkit.wire.JobData;
import io.github.cptestkit.wire.JobStatus;
import io.github.cptestkit.wire.Preset;
import io.github.cptestkit.wire.ThirdPartyJobDetails;
import io.github.cptestkit.wire.WireFormat;
import io.github.cptestkit.mock.CodePipelineMock;
import io.github.cptestkit.mock.MockClock;
import io.github.cptestkit.schemas.Operation;
import io.github.cptestkit.schemas.Operation.Family;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The jobs the provider states of one interaction ask for, resolved when each state is announced and set up in the
 * mock just before the interaction is replayed. Values a state's parameters leave out come from the interaction's
 * request, then from its expected answer, then from a fake job of fixed seed. Jobs are set up through the mock's own
 * wire protocol (poll, acknowledge, result), those that must time out first (the clock then moves past every job
 * timeout), then the others that must leave the queue, one at a time so each poll dispatches exactly its job, then
 * the queued ones. Problems are recorded on the interaction, never thrown.
 *
 * <pre>{@code
 * JobPlan plan = new JobPlan(interaction, seed);
 * plan.add(StateKind.JOB_IN_PROGRESS, Map.of("jobId", "0c5e...", "clientId", "6f1d..."));
 * plan.apply(mock, clock);
 * }</pre>
 */
public final class JobPlan {

    /** Past every job timeout an action type can set (43200 s) and the default ones (24 hours). */
    private static final Duration PAST_EVERY_TIMEOUT = Duration.ofHours(24).plusMinutes(1);

    private static final class PlannedJob {
        final String id;
        final Family family;
        final String state;
        JobStatus status;
        String clientId;
        String clientToken;
        String nonce;
        String accountId;
        JobData data;

        PlannedJob(String id, Family family, String state) {
            this.id = id;
            this.family = family;
            this.state = state;
        }

        Map<String, Object> params() {
            Map<String, Object> params = new LinkedHashMap<>();
            params.put("jobId", id);
            if (family == Family.THIRD_PARTY) {
                params.put("clientId", clientId);
                params.put("clientToken", clientToken);
            } else {
                params.put("accountId", accountId);
            }
            params.put("nonce", nonce);
            return params;
        }
    }

    private final PactInteraction interaction;
    private final FakeJobGenerator fakes;
    private final Map<String, PlannedJob> jobs = new LinkedHashMap<>();
    private final Map<String, String> absent = new LinkedHashMap<>();
    private final Set<ActionTypeId> knownTypes = new LinkedHashSet<>();

    public JobPlan(PactInteraction interaction, long seed) {
        this.interaction = interaction;
        this.fakes = FakeJobs.withSeed(seed);
    }

    /**
     * Records what a state asks for; returns the values it resolved (the job's id, client, token, nonce, account),
     * which Pact offers to {@code fromProviderState} expressions.
     */
    public Map<String, Object> add(StateKind kind, Map<String, ?> rawParams) {
        JsonNode params = WireFormat.mapper().valueToTree(rawParams == null ? Map.of() : rawParams);
        if (kind == StateKind.NO_JOBS_QUEUED) {
            JsonNode type = params.has("actionTypeId") ? params.get("actionTypeId")
                    : interaction.requestBody().path("actionTypeId");
            ActionTypeId actionType = read(kind.stateName(), "actionTypeId", type, ActionTypeId.class);
            if (actionType != null) {
                knownTypes.add(actionType);
            }
            return Map.of();
        }
        String jobId = text(params, "jobId");
        if (jobId == null) {
            interaction.problem("provider state '" + kind.stateName() + "': needs the parameter jobId (the id of"
                    + " the job it is about), but its parameters are " + params);
            return Map.of();
        }
        if (kind == StateKind.NO_JOB) {
            absent.put(jobId, kind.stateName());
            return Map.of("jobId", jobId);
        }
        PlannedJob job = jobs.get(jobId);
        if (job == null) {
            job = resolve(kind, jobId, params);
            jobs.put(jobId, job);
        } else if (kind.family() != null && kind.family() != job.family) {
            interaction.problem("provider state '" + kind.stateName() + "' (jobId '" + jobId + "'): an earlier"
                    + " state made it a " + familyName(job.family) + " job");
        }
        job.status = kind.status();
        return job.params();
    }

    /** Sets the planned jobs and action types up in {@code mock}; the interaction records what went wrong. */
    public void apply(CodePipelineMock mock, MockClock clock) {
        for (Map.Entry<String, String> none : absent.entrySet()) {
            if (jobs.containsKey(none.getKey())) {
                interaction.problem("provider state '" + none.getValue() + "' (jobId '" + none.getKey() + "'):"
                        + " contradicts state '" + jobs.get(none.getKey()).state + "', which sets that job up");
            }
        }
        knownTypes.forEach(mock::registerActionType);
        WireCalls wire = new WireCalls(mock.endpoint());
        List<PlannedJob> timingOut = jobs.values().stream().filter(j -> j.status == JobStatus.TIMED_OUT).toList();
        timingOut.forEach(job -> setUp(mock, wire, job, JobStatus.IN_PROGRESS));
        if (!timingOut.isEmpty()) {
            clock.advance(PAST_EVERY_TIMEOUT);
            for (PlannedJob job : timingOut) {
                JobStatus now = mock.job(job.id).status();
                if (now != JobStatus.TIMED_OUT) {
                    problem(job, "the job is " + now.wire() + " a day after it started; the mock's job timeout"
                            + " must be shorter than " + PAST_EVERY_TIMEOUT.toHours() + " hours for this state");
                }
            }
        }
        jobs.values().stream().filter(j -> j.status != JobStatus.TIMED_OUT && j.status != JobStatus.QUEUED)
                .forEach(job -> setUp(mock, wire, job, job.status));
        jobs.values().stream().filter(j -> j.status == JobStatus.QUEUED)
                .forEach(job -> setUp(mock, wire, job, JobStatus.QUEUED));
    }

    // ---------------------------------------------------------------- resolving a job

    private PlannedJob resolve(StateKind kind, String jobId, JsonNode params) {
        Family family = kind.family() != null ? kind.family()
                : params.has("clientId") ? Family.THIRD_PARTY
                : interaction.operation().map(Operation::family).orElse(Family.CUSTOM);
        PlannedJob job = new PlannedJob(jobId, family, kind.stateName());
        JsonNode request = interaction.requestBody();
        boolean requestNamesJob = jobId.equals(request.path("jobId").asText(null));
        JsonNode answered = answeredJob(jobId);
        JsonNode type = params.has("actionTypeId") ? params.get("actionTypeId") : request.path("actionTypeId");
        ActionTypeId actionType = type.isMissingNode() ? null : read(kind.stateName(), "actionTypeId", type,
                ActionTypeId.class);
        JobData data = answered.has("data")
                ? read(kind.stateName(), "data", answered.get("data"), JobData.class) : null;
        if (family == Family.THIRD_PARTY) {
            FakeThirdPartyJob fake = fakes.thirdParty().index(jobs.size()).build();
            job.clientId = first(text(params, "clientId"), text(answered, "clientId"), fake.clientId());
            job.clientToken = first(text(params, "clientToken"),
                    requestNamesJob || !request.has("jobId") ? text(request, "clientToken") : null, fake.clientToken());
            job.nonce = first(text(params, "nonce"), requestNamesJob ? text(request, "nonce") : null,
                    text(answered, "nonce"), fake.details().nonce());
            job.data = data != null ? data : fake.details().data();
        } else {
            boolean lambda = actionType != null && actionType.owner() == ActionOwner.AWS;
            FakeCustomJob fake = (lambda ? fakes.custom().preset(Preset.LAMBDA_INVOKE) : fakes.custom())
                    .index(jobs.size()).build();
            job.accountId = first(text(params, "accountId"), text(answered, "accountId"), fake.job().accountId());
            job.nonce = first(text(params, "nonce"), requestNamesJob ? text(request, "nonce") : null,
                    text(answered, "nonce"), fake.job().nonce());
            job.data = data != null ? data : fake.job().data();
        }
        if (actionType != null && job.data != null) {
            job.data = new JobData(actionType, job.data.actionConfiguration(), job.data.pipelineContext(),
                    job.data.inputArtifacts(), job.data.outputArtifacts(), job.data.artifactCredentials(),
                    job.data.continuationToken(), job.data.encryptionKey());
        }
        return job;
    }

    /** The job with this id in the expected answer: {@code jobDetails}, or an entry of {@code jobs}. */
    private JsonNode answeredJob(String jobId) {
        JsonNode answer = interaction.responseBody();
        JsonNode details = answer.path("jobDetails");
        if (jobId.equals(details.path("id").asText(null))) {
            return details;
        }
        for (JsonNode entry : answer.path("jobs")) {
            if (jobId.equals(entry.path("id").asText(null)) || jobId.equals(entry.path("jobId").asText(null))) {
                return entry;
            }
        }
        return JsonNodeFactory.instance.objectNode();
    }

    private <T> T read(String state, String parameter, JsonNode json, Class<T> type) {
        try {
            return WireFormat.mapper().treeToValue(json, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            String reason = e instanceof JsonProcessingException p ? p.getOriginalMessage() : e.getMessage();
            interaction.problem("provider state '" + state + "': " + parameter + " " + json + " is not a "
                    + type.getSimpleName() + " (" + reason + ")");
            return null;
        }
    }

    // ---------------------------------------------------------------- setting a job up

    private void setUp(CodePipelineMock mock, WireCalls wire, PlannedJob job, JobStatus target) {
        if (job.data == null || job.data.actionTypeId() == null) {
            return;   // its state's problem is recorded already
        }
        try {
            if (job.family == Family.THIRD_PARTY) {
                mock.enqueue(new FakeThirdPartyJob(job.clientId, job.clientToken,
                        new ThirdPartyJobDetails(job.id, job.data, job.nonce), List.of()));
            } else {
                mock.enqueue(new FakeCustomJob(new Job(job.id, job.data, job.nonce, job.accountId), List.of()));
            }
            advance(wire, job, target);
        } catch (RuntimeException e) {
            problem(job, "the mock could not set it up: " + e.getMessage());
        }
    }

    private void advance(WireCalls wire, PlannedJob job, JobStatus target) {
        if (target == JobStatus.QUEUED) {
            return;
        }
        boolean thirdParty = job.family == Family.THIRD_PARTY;
        if (job.data.actionTypeId().owner() == ActionOwner.AWS) {
            if (target == JobStatus.DISPATCHED) {
                problem(job, "a Lambda invoke job (owner AWS) is never dispatched: it is InProgress at once");
                return;
            }
        } else {
            ObjectNode poll = body(null);
            poll.set("actionTypeId", WireFormat.toTree(job.data.actionTypeId()));
            poll.put("maxBatchSize", 1);
            Operation pollFor = thirdParty ? Operation.POLL_FOR_THIRD_PARTY_JOBS : Operation.POLL_FOR_JOBS;
            JsonNode polled = wire.call(pollFor, poll).path("jobs").path(0);
            String got = polled.path(thirdParty ? "jobId" : "id").asText(null);
            if (!job.id.equals(got)) {
                problem(job, "a poll for its action type dispatched " + (got == null ? "no job" : "job " + got)
                        + " instead; a job queued by another state or by your own @State method comes first");
                return;
            }
            if (target == JobStatus.DISPATCHED) {
                return;
            }
            ObjectNode acknowledge = body(job).put("nonce", job.nonce);
            wire.call(thirdParty ? Operation.ACKNOWLEDGE_THIRD_PARTY_JOB : Operation.ACKNOWLEDGE_JOB, acknowledge);
        }
        if (target == JobStatus.SUCCEEDED) {
            wire.call(thirdParty ? Operation.PUT_THIRD_PARTY_JOB_SUCCESS_RESULT : Operation.PUT_JOB_SUCCESS_RESULT,
                    body(job));
        } else if (target == JobStatus.FAILED) {
            ObjectNode failure = body(job);
            failure.putObject("failureDetails").put("type", FailureType.JOB_FAILED.wire())
                    .put("message", "Failed by the provider state '" + job.state + "'");
            wire.call(thirdParty ? Operation.PUT_THIRD_PARTY_JOB_FAILURE_RESULT : Operation.PUT_JOB_FAILURE_RESULT,
                    failure);
        }
    }

    private static ObjectNode body(PlannedJob job) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        if (job != null) {
            body.put("jobId", job.id);
            if (job.family == Family.THIRD_PARTY) {
                body.put("clientToken", job.clientToken);
            }
        }
        return body;
    }

    private void problem(PlannedJob job, String problem) {
        interaction.problem("provider state '" + job.state + "' (jobId '" + job.id + "'): " + problem);
    }

    private static String familyName(Family family) {
        return family == Family.THIRD_PARTY ? "third-party" : "custom";
    }

    private static String text(JsonNode node, String member) {
        JsonNode value = node.path(member);
        return value.isValueNode() && !value.isNull() ? value.asText() : null;
    }

    private static String first(String... candidates) {
        for (String candidate : candidates) {
            if (candidate != null) {
                return candidate;
            }
        }
        return null;
    }
}
