package io.github.cptestkit.mock.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cptestkit.fixtures.FakeCustomJob;
import io.github.cptestkit.fixtures.Job;
import io.github.cptestkit.mock.MockClock;
import io.github.cptestkit.mock.TestJobs;
import io.github.cptestkit.schemas.Operation;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AwsJsonProtocolTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final byte[] POLL_CUSTOM = ("{\"actionTypeId\": {\"category\": \"Deploy\", \"owner\": \"Custom\","
            + " \"provider\": \"MyDeployer\", \"version\": \"1\"}}").getBytes(StandardCharsets.UTF_8);

    final JobStore store =
            new JobStore(JobStore.Settings.defaults(MockClock.at(Instant.parse("2026-01-01T00:00:00Z"))));

    /** Custom job 1 whose pipeline name breaks its pattern: only a non-strict enqueue lets it in. */
    static FakeCustomJob jobWithABadPipelineName() {
        Job job = TestJobs.custom(1).job();
        return new FakeCustomJob(new Job(job.id(), TestJobs.withPipelineName(job.data(), "pay ments"), job.nonce(),
                job.accountId()), List.of());
    }

    static JsonNode body(AwsResponse response) throws Exception {
        return JSON.readTree(response.body());
    }

    @Test
    void inStrictModeAnAnswerThatBreaksItsSchemaIsInternalFailureAndAProblem() throws Exception {
        AwsJsonProtocol protocol = new AwsJsonProtocol(store, true);
        store.enqueueCustom(jobWithABadPipelineName());
        AwsResponse answer = protocol.answer(Operation.POLL_FOR_JOBS.target(), POLL_CUSTOM);
        assertThat(answer.status()).isEqualTo(500);
        assertThat(body(answer).get("__type").asText()).isEqualTo("InternalFailure");
        assertThat(body(answer).get("message").asText()).contains("jobs.0.data.pipelineContext.pipelineName",
                "strict mode");
        assertThat(protocol.problems()).singleElement().asString()
                .contains("PollForJobs", "'pay ments'")
                .doesNotContain(TestJobs.SECRET_ACCESS_KEY, TestJobs.SESSION_TOKEN);
        protocol.clearProblems();
        assertThat(protocol.problems()).isEmpty();
    }

    @Test
    void withStrictModeOffTheBrokenAnswerIsSentAsItIs() throws Exception {
        AwsJsonProtocol protocol = new AwsJsonProtocol(store, false);
        store.enqueueCustom(jobWithABadPipelineName());
        AwsResponse answer = protocol.answer(Operation.POLL_FOR_JOBS.target(), POLL_CUSTOM);
        assertThat(answer.status()).isEqualTo(200);
        assertThat(body(answer).at("/jobs/0/data/pipelineContext/pipelineName").asText()).isEqualTo("pay ments");
        assertThat(protocol.problems()).isEmpty();
    }

    @Test
    void anInternalFailureNeverShowsAStackTraceAndIsRecorded() throws Exception {
        JobStore broken = new JobStore(new JobStore.Settings(MockClock.at(Instant.EPOCH),
                JobStore.DEFAULT_DISPATCH_TIMEOUT, null, JobStore.OUTPUT_VARIABLES_LIMIT_BYTES, () -> {
                    throw new IllegalStateException("id source exhausted");
                }));
        AwsJsonProtocol protocol = new AwsJsonProtocol(broken, true);
        broken.enqueueCustom(TestJobs.lambda(1));
        AwsResponse answer = protocol.answer(Operation.PUT_JOB_SUCCESS_RESULT.target(),
                ("{\"jobId\": \"" + TestJobs.jobId(1) + "\", \"continuationToken\": \"t\"}")
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(answer.status()).isEqualTo(500);
        assertThat(body(answer).get("message").asText())
                .isEqualTo("An internal error occurred in the mock while answering PutJobSuccessResult");
        assertThat(protocol.problems()).singleElement().asString().contains("IllegalStateException");
    }

    @Test
    void responsesServingAJobAreTheOnesItsWorkerWillSee() {
        Map<Operation, JsonNode> responses = JobOperations.responsesServing(TestJobs.thirdParty(3));
        assertThat(responses).containsOnlyKeys(Operation.POLL_FOR_THIRD_PARTY_JOBS,
                Operation.GET_THIRD_PARTY_JOB_DETAILS);
        assertThat(responses.get(Operation.POLL_FOR_THIRD_PARTY_JOBS).toString())
                .isEqualTo("{\"jobs\":[{\"clientId\":\""
                + TestJobs.CLIENT_ID + "\",\"jobId\":\"" + TestJobs.jobId(3) + "\"}]}");
        assertThat(JobOperations.responsesServing(TestJobs.custom(3)).get(Operation.GET_JOB_DETAILS)
                .at("/jobDetails").has("nonce")).as("GetJobDetails answers no nonce").isFalse();
    }
}
