package io.github.cptestkit.mock;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.github.cptestkit.mock.SdkClients.sdk;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cptestkit.wire.ActionCategory;
import io.github.cptestkit.wire.ActionTypeId;
import io.github.cptestkit.wire.FakeCustomJob;
import io.github.cptestkit.wire.JobStatus;
import io.github.cptestkit.schemas.Operation;
import io.github.cptestkit.schemas.SchemaValidator;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The AWS JSON 1.1 wire as bytes (what SDKs cannot be made to send) and the WireMock features the emulator keeps:
 * user stubs that win, the request journal, {@code verify}, and reset.
 */
class WireProtocolTest extends SharedMockTest {

    static final ObjectMapper JSON = new ObjectMapper();
    /** A job of the action type the raw requests below name: Deploy, Custom, MyDeployer, 1. */
    static final FakeCustomJob JOB = FAKES.custom().category(ActionCategory.DEPLOY).provider("MyDeployer")
            .version("1").build();
    static final ActionTypeId CUSTOM_TYPE = JOB.actionTypeId();
    static final String JOB_ID = JOB.jobId();
    static final HttpClient HTTP = HttpClient.newHttpClient();

    record Answer(int status, HttpResponse<String> response, JsonNode body) {
        String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }
    }

    static Answer send(String target, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(mock.endpoint() + "/"))
                .header("Content-Type", "application/x-amz-json-1.1")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (target != null) {
            request.header("x-amz-target", target); // lower case, as the JavaScript SDK sends it
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode json = response.body().isEmpty() ? null : JSON.readTree(response.body());
        return new Answer(response.statusCode(), response, json);
    }

    static void assertAwsError(Answer answer, int status, String type) {
        assertThat(answer.status()).isEqualTo(status);
        assertThat(answer.body().get("__type").asText()).isEqualTo(type);
        assertThat(answer.body().get("message").asText()).isNotBlank().doesNotContain("Exception:", "\tat ");
        assertThat(answer.header("x-amzn-ErrorType")).isEqualTo(type);
        assertThat(answer.header("x-amzn-RequestId")).matches("[0-9a-f-]{36}");
        assertThat(answer.header("Content-Type")).isEqualTo("application/x-amz-json-1.1");
        assertThat(SchemaValidator.shared().validateError(answer.body())).isEmpty();
    }

    @Test
    void anUnknownTargetIsUnknownOperationException() throws Exception {
        Answer answer = send("CodePipeline_20150709.PutWebhook", "{}");
        assertAwsError(answer, 400, "UnknownOperationException");
        assertThat(answer.body().get("message").asText()).contains("CodePipeline_20150709.PutWebhook");
        assertAwsError(send("DynamoDB_20120810.GetItem", "{}"), 400, "UnknownOperationException");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            not JSON                | {"jobId":
            trailing garbage        | {"jobId": "x"} x
            an array, not an object | ["jobId"]
            a string, not an object | `"jobId"`
            """)
    void malformedJsonIsSerializationException(String what, String body) throws Exception {
        assertAwsError(send(Operation.GET_JOB_DETAILS.target(), body), 400, "SerializationException");
    }

    @Test
    void aMemberOfTheWrongJsonTypeIsSerializationExceptionNamingIt() throws Exception {
        Answer answer = send(Operation.POLL_FOR_JOBS.target(), "{\"actionTypeId\": {\"category\": \"Deploy\","
                + " \"owner\": \"Custom\", \"provider\": \"MyDeployer\", \"version\": \"1\"},"
                + " \"maxBatchSize\": \"5\"}");
        assertAwsError(answer, 400, "SerializationException");
        assertThat(answer.body().get("message").asText())
                .isEqualTo("Value '5' at 'maxBatchSize' cannot be deserialized: Member must be of JSON type integer");
    }

    @Test
    void aNullMemberIsTreatedAsAbsent() throws Exception {
        mock.enqueue(JOB);
        Answer answer = send(Operation.POLL_FOR_JOBS.target(), "{\"actionTypeId\": {\"category\": \"Deploy\","
                + " \"owner\": \"Custom\", \"provider\": \"MyDeployer\", \"version\": \"1\"}, \"maxBatchSize\": null,"
                + " \"queryParam\": null}");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().at("/jobs/0/id").asText()).isEqualTo(JOB_ID);
        Answer missing = send(Operation.GET_JOB_DETAILS.target(), "{\"jobId\": null}");
        assertAwsError(missing, 400, "ValidationException");
        assertThat(missing.body().get("message").asText()).isEqualTo("1 validation error detected: Value null at"
                + " 'jobId' failed to satisfy constraint: Member must not be null");
    }

    @Test
    void anEmptyBodyReadsAsAnEmptyObject() throws Exception {
        Answer answer = send(Operation.GET_JOB_DETAILS.target(), "");
        assertAwsError(answer, 400, "ValidationException");
        assertThat(answer.body().get("message").asText()).contains("at 'jobId'", "Member must not be null");
    }

    @Test
    void successesCarryTheJsonContentTypeAndARequestId() throws Exception {
        mock.registerActionType(CUSTOM_TYPE);
        Answer answer = send(Operation.POLL_FOR_JOBS.target(), "{\"actionTypeId\": {\"category\": \"Deploy\","
                + " \"owner\": \"Custom\", \"provider\": \"MyDeployer\", \"version\": \"1\"}}");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo(JSON.readTree("{\"jobs\": []}"));
        assertThat(answer.header("Content-Type")).isEqualTo("application/x-amz-json-1.1");
        assertThat(answer.header("x-amzn-RequestId")).matches("[0-9a-f-]{36}");
        assertThat(answer.header("x-amzn-ErrorType")).isNull();
    }

    @Test
    void aUserStubOfDefaultPriorityWinsOverTheEmulator() {
        mock.enqueue(JOB);
        mock.wireMock().stubFor(post(urlEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo(Operation.POLL_FOR_JOBS.target()))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.1")
                        .withBody("{\"jobs\": []}")));
        assertThat(client.pollForJobs(r -> r.actionTypeId(sdk(CUSTOM_TYPE))).jobs()).isEmpty();
        assertThat(mock.job(JOB_ID).status()).as("the emulator never saw the poll").isEqualTo(JobStatus.QUEUED);
        assertThat(client.getJobDetails(r -> r.jobId(JOB_ID)).jobDetails().id())
                .as("other operations still reach the emulator").isEqualTo(JOB_ID);
    }

    @Test
    void theRequestJournalAndVerifySeeEveryCall() {
        mock.enqueue(JOB);
        client.pollForJobs(r -> r.actionTypeId(sdk(CUSTOM_TYPE)).maxBatchSize(3));
        client.acknowledgeJob(r -> r.jobId(JOB_ID).nonce(JOB.job().nonce()));
        mock.wireMock().verify(exactly(1), postRequestedFor(urlEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo(Operation.ACKNOWLEDGE_JOB.target()))
                .withRequestBody(equalToJson("{\"jobId\": \"" + JOB_ID + "\", \"nonce\": \"" + JOB.job().nonce()
                        + "\"}")));
        assertThat(mock.wireMock().getAllServeEvents()).hasSize(2);
    }

    @Test
    void resetForgetsJobsAndUserStubsButKeepsTheEmulatorAnswering() throws Exception {
        mock.enqueue(JOB);
        mock.wireMock().stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(418)));
        mock.reset();
        assertThat(mock.jobs()).isEmpty();
        assertThat(mock.wireMock().getAllServeEvents()).isEmpty();
        assertAwsError(send(Operation.GET_JOB_DETAILS.target(), "{\"jobId\": \"" + JOB_ID + "\"}"), 400,
                "JobNotFoundException");
    }
}
