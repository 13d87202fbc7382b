package io.github.cptestkit.pact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import au.com.dius.pact.consumer.ConsumerPactBuilder;
import au.com.dius.pact.core.model.DefaultPactWriter;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.ProviderState;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cptestkit.wire.CurrentRevision;
import io.github.cptestkit.wire.FakeCustomJob;
import io.github.cptestkit.fixtures.FakeJobs;
import io.github.cptestkit.wire.FakeThirdPartyJob;
import io.github.cptestkit.wire.JobStatus;
import io.github.cptestkit.schemas.AwsError;
import io.github.cptestkit.schemas.Operation;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CodePipelineRequestTest {

    static final FakeThirdPartyJob PARTNER = FakeJobs.withSeed(3).thirdParty().provider("DslCi").build();
    static final FakeCustomJob CUSTOM = FakeJobs.withSeed(3).custom().provider("DslDeployer").build();
    static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    /** The interaction as the pact file holds it. */
    static JsonNode written(CodePipelineInteraction interaction) throws IOException {
        StringWriter out = new StringWriter();
        DefaultPactWriter.INSTANCE.writePact(interaction.toPact(ConsumerPactBuilder.consumer("dsl-test")
                .hasPactWith(CodePipelinePact.PROVIDER)), new PrintWriter(out), PactSpecVersion.V3);
        return new ObjectMapper().readTree(out.toString()).path("interactions").path(0);
    }

    static CodePipelineRequest givenItsJob(Operation operation) {
        CodePipelineRequest request = CodePipelinePact.request(operation);
        return operation.family() == Operation.Family.THIRD_PARTY ? request.givenJob(PARTNER)
                : request.givenJob(CUSTOM);
    }

    static String regexAt(JsonNode part, String path) {
        return part.path("matchingRules").path("body").path(path).path("matchers").path(0).path("regex").asText(null);
    }

    static String matchAt(JsonNode part, String path) {
        return part.path("matchingRules").path("body").path(path).path("matchers").path(0).path("match").asText(null);
    }

    static List<Operation> jobOperations() {
        return Operation.jobOperations();
    }

    @Test
    void aControlPlaneOperationIsRefusedNamingTheJobOperations() {
        assertThatThrownBy(() -> CodePipelinePact.request(Operation.CREATE_PIPELINE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("CreatePipeline is a control-plane operation").hasMessageContaining("PollForJobs");
    }

    @ParameterizedTest
    @MethodSource("jobOperations")
    void everyOperationIsAPostToTheRootWithItsTargetAndJsonBodiesOfTheAmzJsonContentType(Operation operation)
            throws IOException {
        JsonNode interaction = written(givenItsJob(operation).willRespondWith());

        JsonNode request = interaction.path("request");
        assertThat(request.path("method").asText()).isEqualTo("POST");
        assertThat(request.path("path").asText()).isEqualTo("/");
        assertThat(request.path("headers").path("X-Amz-Target").asText()).isEqualTo(operation.target());
        assertThat(request.path("headers").path("Content-Type").asText()).isEqualTo("application/x-amz-json-1.1");
        assertThat(request.path("body").isObject()).as("a JSON body, not base64").isTrue();
        assertThat(request.path("body").path("jobId").asText(null) != null
                || request.path("body").has("actionTypeId")).isTrue();
        JsonNode response = interaction.path("response");
        assertThat(response.path("status").asInt()).isEqualTo(200);
        assertThat(response.path("headers").path("Content-Type").asText()).isEqualTo("application/x-amz-json-1.1");
        assertThat(response.path("matchingRules").path("header").path("x-amzn-RequestId").path("matchers").path(0)
                .path("regex").asText()).isEqualTo(UUID);
        assertThat(response.path("body").isObject()).isTrue();
    }

    @Test
    void requestMatchersComeFromTheSchemas() throws IOException {
        JsonNode details = written(CodePipelinePact.getJobDetails().givenJob(CUSTOM).willRespondWith())
                .path("request");
        assertThat(regexAt(details, "$.jobId")).isEqualTo(UUID);

        JsonNode partner = written(CodePipelinePact.getThirdPartyJobDetails().givenJob(PARTNER).willRespondWith())
                .path("request");
        assertThat(regexAt(partner, "$.clientToken")).as("a length-only string").isEqualTo("[\\s\\S]{1,256}");

        JsonNode poll = written(CodePipelinePact.pollForThirdPartyJobs().givenJob(PARTNER).maxBatchSize(2)
                .willRespondWith()).path("request");
        assertThat(regexAt(poll, "$.actionTypeId.category"))
                .isEqualTo("Source|Build|Deploy|Test|Invoke|Approval|Compute");
        assertThat(regexAt(poll, "$.actionTypeId.provider")).as("pattern and lengths")
                .isEqualTo("[0-9A-Za-z_-]{1,35}");
        assertThat(matchAt(poll, "$.maxBatchSize")).isEqualTo("integer");

        JsonNode success = written(CodePipelinePact.putJobSuccessResult().givenJob(CUSTOM)
                .currentRevision(new CurrentRevision("r-1", "c-1", Instant.parse("2026-01-01T00:00:00.5Z"), null))
                .outputVariables(Map.of("IMAGE_TAG", "1.2.3")).willRespondWith()).path("request");
        assertThat(matchAt(success, "$.currentRevision.created")).as("epoch seconds").isEqualTo("number");
        assertThat(success.path("body").path("currentRevision").path("created").asDouble()).isEqualTo(1767225600.5);
        assertThat(matchAt(success, "$.outputVariables.IMAGE_TAG")).isEqualTo("type");
    }

    @Test
    void answerMatchersComeFromTheSchemas() throws IOException {
        JsonNode acknowledge = written(CodePipelinePact.acknowledgeJob().givenJob(CUSTOM).willRespondWith())
                .path("response");
        assertThat(acknowledge.path("body").path("status").asText()).isEqualTo("InProgress");
        assertThat(regexAt(acknowledge, "$.status"))
                .isEqualTo("Created|Queued|Dispatched|InProgress|TimedOut|Succeeded|Failed");

        JsonNode poll = written(CodePipelinePact.pollForJobs().givenJob(CUSTOM).willRespondWith()).path("response");
        assertThat(regexAt(poll, "$.jobs[0].accountId")).isEqualTo("[0-9]{12}");
        assertThat(regexAt(poll, "$.jobs[0].data.pipelineContext.pipelineArn"))
                .isEqualTo("arn:aws(-[\\w]+)*:codepipeline:.+:[0-9]{12}:.+");
        assertThat(matchAt(poll, "$.jobs[0].data.artifactCredentials.secretAccessKey")).isEqualTo("type");
        assertThat(poll.path("body").path("jobs").path(0).path("id").asText()).isEqualTo(CUSTOM.jobId());
    }

    @Test
    void givenJobNamesTheStateTheOperationNeedsAndTheJobsValues() {
        CodePipelineInteraction details = CodePipelinePact.getThirdPartyJobDetails().givenJob(PARTNER)
                .willRespondWith();
        ProviderState state = details.providerStates().get(0);
        assertThat(state.getName()).isEqualTo(ProviderStates.JOB_DISPATCHED);
        assertThat(state.getParams()).containsEntry("jobId", PARTNER.jobId())
                .containsEntry("clientId", PARTNER.clientId())
                .containsEntry("clientToken", PARTNER.clientToken())
                .containsEntry("nonce", PARTNER.details().nonce())
                .containsEntry("actionTypeId", Map.of("category", "Build", "owner", "ThirdParty", "provider", "DslCi",
                        "version", "1"));
        assertThat(details.requestBody().path("clientToken").asText()).isEqualTo(PARTNER.clientToken());
        assertThat(details.responseBody().path("jobDetails").path("nonce").asText())
                .isEqualTo(PARTNER.details().nonce());

        assertThat(CodePipelinePact.pollForThirdPartyJobs().givenJob(PARTNER).willRespondWith().providerStates())
                .extracting(ProviderState::getName).containsExactly(ProviderStates.THIRD_PARTY_JOB_QUEUED);
        assertThat(CodePipelinePact.putJobSuccessResult().givenJob(CUSTOM).willRespondWith().providerStates())
                .extracting(ProviderState::getName).containsExactly(ProviderStates.JOB_IN_PROGRESS);
        assertThat(CodePipelinePact.putJobSuccessResult().givenJob(CUSTOM, JobStatus.SUCCEEDED)
                .willRespondWithError(AwsError.INVALID_JOB_STATE).providerStates())
                .extracting(ProviderState::getName).containsExactly(ProviderStates.JOB_SUCCEEDED);
    }

    @Test
    void aPollForTwoJobsListsBothUnderTwoStates() {
        FakeThirdPartyJob second = FakeJobs.withSeed(3).thirdParty().provider("DslCi").index(1).build();

        CodePipelineInteraction poll = CodePipelinePact.pollForThirdPartyJobs().givenJob(PARTNER).givenJob(second)
                .maxBatchSize(2).willRespondWith();

        assertThat(poll.providerStates()).hasSize(2);
        assertThat(poll.responseBody().path("jobs").findValuesAsText("jobId"))
                .containsExactly(PARTNER.jobId(), second.jobId());
        assertThat(poll.description()).isEqualTo("PollForThirdPartyJobs for DslCi version 1 (2 queued)");
    }

    @Test
    void anErrorAnswerHasItsStatusTypeAndHeaderExactlyAndItsMessageByType() throws IOException {
        JsonNode response = written(CodePipelinePact.putThirdPartyJobSuccessResult()
                .givenJob(PARTNER, JobStatus.TIMED_OUT).willRespondWithError(AwsError.INVALID_JOB_STATE))
                .path("response");

        assertThat(response.path("status").asInt()).isEqualTo(400);
        assertThat(response.path("headers").path("x-amzn-ErrorType").asText()).isEqualTo("InvalidJobStateException");
        assertThat(response.path("body").path("__type").asText()).isEqualTo("InvalidJobStateException");
        assertThat(response.path("matchingRules").path("body").has("$.__type")).isFalse();
        assertThat(matchAt(response, "$.message")).isEqualTo("type");
        assertThat(CodePipelinePact.getJobDetails().willRespondWithError(AwsError.INTERNAL_FAILURE).status())
                .isEqualTo(500);
    }

    @Test
    void requiredMembersLeftUnsetTakeTheExampleJobsValues() {
        CodePipelineInteraction notFound = CodePipelinePact.getJobDetails()
                .willRespondWithError(AwsError.JOB_NOT_FOUND);

        assertThat(notFound.requestBody().path("jobId").asText())
                .isEqualTo(FakeJobs.withSeed(CodePipelinePact.EXAMPLE_SEED).custom().build().jobId());
        assertThat(notFound.providerStates()).isEmpty();
        assertThat(notFound.description()).startsWith("GetJobDetails for job ").endsWith(" answered with"
                + " JobNotFoundException");
    }

    @Test
    void aMemberTheRequestDoesNotHaveIsRefusedNamingTheMembersItHas() {
        assertThatThrownBy(() -> CodePipelinePact.getJobDetails().maxBatchSize(1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxBatchSize is not a member of the GetJobDetails request; its members are [jobId]");
    }

    @Test
    void aRequestOrAnswerCodePipelineCouldNotTakePartInIsRefusedNamingTheMember() {
        assertThatThrownBy(() -> CodePipelinePact.acknowledgeJob().givenJob(CUSTOM).nonce("").willRespondWith())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("request body /nonce: Member must have length greater than or equal to 1,"
                        + " but was ''");
        assertThatThrownBy(() -> CodePipelinePact.pollForThirdPartyJobs().givenJob(PARTNER)
                .willRespondWith(Map.of("jobs", List.of(Map.of("clientId", PARTNER.clientId(), "jobId", "job-1")))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("response body /jobs/0/jobId: Member must satisfy regular expression pattern");
        assertThatThrownBy(() -> CodePipelinePact.getJobDetails().willRespondWithError(AwsError.INVALID_CLIENT_TOKEN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("InvalidClientTokenException");
        assertThatThrownBy(() -> CodePipelinePact.getJobDetails().givenJob(CUSTOM)
                .willRespondWithStatus(JobStatus.IN_PROGRESS))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("only AcknowledgeJob");
    }

    @Test
    void aJobOfTheOtherFamilyIsRefused() {
        assertThatThrownBy(() -> CodePipelinePact.getJobDetails().givenJob(PARTNER))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("GetJobDetails works on custom-action jobs, but was given a FakeThirdPartyJob; use"
                        + " FakeJobs.custom() and FakeCustomJob");
        assertThatThrownBy(() -> CodePipelinePact.getThirdPartyJobDetails().willRespondWith())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("call givenJob(job) first");
    }
}
