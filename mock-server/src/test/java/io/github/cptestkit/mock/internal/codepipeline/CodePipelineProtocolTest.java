package io.github.cptestkit.mock.internal.codepipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cptestkit.wire.ActionCategory;
import io.github.cptestkit.wire.FakeCustomJob;
import io.github.cptestkit.fixtures.FakeJobs;
import io.github.cptestkit.wire.FakeThirdPartyJob;
import io.github.cptestkit.wire.Job;
import io.github.cptestkit.wire.JobData;
import io.github.cptestkit.wire.PipelineContext;
import io.github.cptestkit.wire.Preset;
import io.github.cptestkit.mock.MockClock;
import io.github.cptestkit.schemas.Operation;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CodePipelineProtocolTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final byte[] POLL_CUSTOM = ("{\"actionTypeId\": {\"category\": \"Deploy\", \"owner\": \"Custom\","
            + " \"provider\": \"MyDeployer\", \"version\": \"1\"}}").getBytes(StandardCharsets.UTF_8);

    final JobStore store =
            new JobStore(JobStore.Settings.defaults(MockClock.at(Instant.parse("2026-01-01T00:00:00Z"))));

    static final FakeCustomJob JOB = FakeJobs.withSeed(5).custom().category(ActionCategory.DEPLOY)
            .provider("MyDeployer").version("1").build();

    /** A custom job whose pipeline name breaks its pattern: only a non-strict enqueue lets it in. */
    static FakeCustomJob jobWithABadPipelineName() {
        Job job = JOB.job();
        JobData data = job.data();
        PipelineContext context = data.pipelineContext();
        JobData broken = new JobData(data.actionTypeId(), data.actionConfiguration(), new PipelineContext("pay ments",
                context.stage(), context.action(), context.pipelineArn(), context.pipelineExecutionId()),
                data.inputArtifacts(), data.outputArtifacts(), data.artifactCredentials(), data.continuationToken(),
                data.encryptionKey());
        return new FakeCustomJob(new Job(job.id(), broken, job.nonce(), job.accountId()), List.of());
    }

    static JsonNode body(AwsResponse response) throws Exception {
        return JSON.readTree(response.body());
    }

    @Test
    void inStrictModeAnAnswerThatBreaksItsSchemaIsInternalFailureAndAProblem() throws Exception {
        CodePipelineProtocol protocol = new CodePipelineProtocol(store, true);
        store.enqueueCustom(jobWithABadPipelineName());
        AwsResponse answer = protocol.answer(Operation.POLL_FOR_JOBS.target(), POLL_CUSTOM);
        assertThat(answer.status()).isEqualTo(500);
        assertThat(body(answer).get("__type").asText()).isEqualTo("InternalFailure");
        assertThat(body(answer).get("message").asText()).contains("jobs.1.member.data.pipelineContext.pipelineName",
                "strict mode");
        assertThat(protocol.problems()).singleElement().asString()
                .contains("PollForJobs", "'pay ments'")
                .doesNotContain(JOB.job().data().artifactCredentials().secretAccessKey(),
                        JOB.job().data().artifactCredentials().sessionToken());
        protocol.clearProblems();
        assertThat(protocol.problems()).isEmpty();
    }

    @Test
    void withStrictModeOffTheBrokenAnswerIsSentAsItIs() throws Exception {
        CodePipelineProtocol protocol = new CodePipelineProtocol(store, false);
        store.enqueueCustom(jobWithABadPipelineName());
        AwsResponse answer = protocol.answer(Operation.POLL_FOR_JOBS.target(), POLL_CUSTOM);
        assertThat(answer.status()).isEqualTo(200);
        assertThat(body(answer).at("/jobs/0/data/pipelineContext/pipelineName").asText()).isEqualTo("pay ments");
        assertThat(protocol.problems()).isEmpty();
    }

    @Test
    void anInternalFailureNeverShowsAStackTraceAndIsRecorded() throws Exception {
        JobStore broken = new JobStore(new JobStore.Settings(MockClock.at(Instant.EPOCH),
                JobStore.DEFAULT_DISPATCH_TIMEOUT, null, JobStore.OUTPUT_VARIABLES_LIMIT_BYTES,
                JobStore.DEFAULT_ARTIFACT_CREDENTIALS_LIFETIME, () -> {
                    throw new IllegalStateException("id source exhausted");
                }));
        CodePipelineProtocol protocol = new CodePipelineProtocol(broken, true);
        String jobId = broken.enqueueCustom(FakeJobs.withSeed(5).custom().preset(Preset.LAMBDA_INVOKE).build());
        AwsResponse answer = protocol.answer(Operation.PUT_JOB_SUCCESS_RESULT.target(),
                ("{\"jobId\": \"" + jobId + "\", \"continuationToken\": \"t\"}")
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(answer.status()).isEqualTo(500);
        assertThat(body(answer).get("message").asText())
                .isEqualTo("An internal error occurred in the mock while answering PutJobSuccessResult");
        assertThat(protocol.problems()).singleElement().asString().contains("IllegalStateException");
    }

    @Test
    void detailsFetchedAgainAfterTheJobIsDispatchedAgainCarryTheNewNonce() throws Exception {
        MockClock clock = MockClock.at(Instant.parse("2026-01-01T00:00:00Z"));
        JobStore partnerStore = new JobStore(JobStore.Settings.defaults(clock));
        CodePipelineProtocol protocol = new CodePipelineProtocol(partnerStore, true);
        FakeThirdPartyJob job = FakeJobs.withSeed(5).thirdParty().index(4).build();
        partnerStore.enqueueThirdParty(job);
        byte[] poll = JSON.writeValueAsBytes(Map.of("actionTypeId", JSON.valueToTree(job.actionTypeId())));
        byte[] details = JSON.writeValueAsBytes(Map.of("jobId", job.jobId(), "clientToken", job.clientToken()));
        String target = Operation.GET_THIRD_PARTY_JOB_DETAILS.target();

        protocol.answer(Operation.POLL_FOR_THIRD_PARTY_JOBS.target(), poll);
        AwsResponse first = protocol.answer(target, details);
        AwsResponse again = protocol.answer(target, details);
        clock.advance(JobStore.DEFAULT_DISPATCH_TIMEOUT);
        protocol.answer(Operation.POLL_FOR_THIRD_PARTY_JOBS.target(), poll);
        AwsResponse redispatched = protocol.answer(target, details);

        JsonNode firstData = body(first).at("/jobDetails/data").deepCopy();
        JsonNode againData = body(again).at("/jobDetails/data").deepCopy();
        assertThat(againData.get("artifactCredentials")).as("fetched again: new credentials")
                .isNotEqualTo(firstData.get("artifactCredentials"));
        ((com.fasterxml.jackson.databind.node.ObjectNode) firstData).remove("artifactCredentials");
        ((com.fasterxml.jackson.databind.node.ObjectNode) againData).remove("artifactCredentials");
        assertThat(againData).as("the rest unchanged").isEqualTo(firstData);
        assertThat(body(again).at("/jobDetails/nonce")).isEqualTo(body(first).at("/jobDetails/nonce"));
        assertThat(again.headers().get(CodePipelineProtocol.REQUEST_ID_HEADER))
                .isNotEqualTo(first.headers().get(CodePipelineProtocol.REQUEST_ID_HEADER))
                .matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        String nonce = body(redispatched).at("/jobDetails/nonce").asText();
        assertThat(nonce).isNotEqualTo(body(first).at("/jobDetails/nonce").asText())
                .isEqualTo(partnerStore.snapshot(job.jobId()).orElseThrow().nonce());
    }

    @Test
    void detailsAnsweredFromTheKeptTextCarryEachTimeTheSetTheStoreHandedOutAndAreOtherwiseTheRenderedAnswer()
            throws Exception {
        JobStore partnerStore = new JobStore(JobStore.Settings.defaults(MockClock.at(Instant.parse("2026-01-01T00:00:00Z"))));
        CodePipelineProtocol protocol = new CodePipelineProtocol(partnerStore, true);
        FakeThirdPartyJob job = FakeJobs.withSeed(8).thirdParty().index(2).build();
        partnerStore.enqueueThirdParty(job);
        protocol.answer(Operation.POLL_FOR_THIRD_PARTY_JOBS.target(),
                JSON.writeValueAsBytes(Map.of("actionTypeId", JSON.valueToTree(job.actionTypeId()))));
        byte[] details = JSON.writeValueAsBytes(Map.of("jobId", job.jobId(), "clientToken", job.clientToken()));

        java.util.Set<String> keys = new java.util.HashSet<>();
        for (int call = 1; call <= 4; call++) {
            JsonNode answer = body(protocol.answer(Operation.GET_THIRD_PARTY_JOB_DETAILS.target(), details));
            JsonNode credentials = answer.at("/jobDetails/data/artifactCredentials");
            String key = credentials.get("accessKeyId").asText();
            assertThat(keys.add(key)).as("call %d hands out a set of its own", call).isTrue();
            var grant = partnerStore.grantFor(key).orElseThrow();
            assertThat(List.of(credentials.get("secretAccessKey").asText(), credentials.get("sessionToken").asText()))
                    .as("call %d: the set the store handed out", call)
                    .containsExactly(grant.secretAccessKey(), grant.sessionToken());
            var served = new io.github.cptestkit.wire.ThirdPartyJobDetails(job.jobId(), job.details().data()
                    .withArtifactCredentials(new io.github.cptestkit.wire.AwsSessionCredentials(key,
                            grant.secretAccessKey(), grant.sessionToken())), answer.at("/jobDetails/nonce").asText());
            assertThat(answer.get("jobDetails")).as("call %d: the answer rendered afresh", call)
                    .isEqualTo(JobOperations.thirdPartyJobDetails(served).get("jobDetails"));
        }
    }

    @Test
    void aJobQueuedUnderAReusedIdAfterAResetIsAnsweredWithItsOwnData() throws Exception {
        CodePipelineProtocol protocol = new CodePipelineProtocol(store, true);
        byte[] details = JSON.writeValueAsBytes(Map.of("jobId", JOB.jobId()));
        store.enqueueCustom(JOB);
        AwsResponse before = protocol.answer(Operation.GET_JOB_DETAILS.target(), details);
        store.reset();
        Job job = JOB.job();
        store.enqueueCustom(new FakeCustomJob(new Job(job.id(), job.data().withContinuationToken("next-step"),
                job.nonce(), job.accountId()), List.of()));
        AwsResponse after = protocol.answer(Operation.GET_JOB_DETAILS.target(), details);

        assertThat(body(before).at("/jobDetails/data").has("continuationToken")).isFalse();
        assertThat(body(after).at("/jobDetails/data/continuationToken").asText()).isEqualTo("next-step");
    }

    @Test
    void responsesServingAJobAreTheOnesItsWorkerWillSee() {
        FakeThirdPartyJob partnerJob = FakeJobs.withSeed(5).thirdParty().index(3).build();
        Map<Operation, JsonNode> responses = JobOperations.responsesServing(partnerJob);
        assertThat(responses).containsOnlyKeys(Operation.POLL_FOR_THIRD_PARTY_JOBS,
                Operation.GET_THIRD_PARTY_JOB_DETAILS);
        assertThat(responses.get(Operation.POLL_FOR_THIRD_PARTY_JOBS).toString())
                .isEqualTo("{\"jobs\":[{\"clientId\":\""
                + partnerJob.clientId() + "\",\"jobId\":\"" + partnerJob.jobId() + "\"}]}");
        assertThat(JobOperations.responsesServing(JOB).get(Operation.GET_JOB_DETAILS)
                .at("/jobDetails").has("nonce")).as("GetJobDetails answers no nonce").isFalse();
    }
}
