package io.github.cptestkit.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class OperationModelAgreementTest {

    static final JsonNode MODEL = read();

    static JsonNode read() {
        try {
            return new ObjectMapper().readTree(GeneratedSchemasGoldenTest.MODEL.toFile());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void theEnumListsExactlyTheModelsOperations() {
        List<String> modelOperations = new ArrayList<>();
        MODEL.path("operations").fieldNames().forEachRemaining(modelOperations::add);
        assertThat(Operation.values()).extracting(Operation::operationName)
                .containsExactlyInAnyOrderElementsOf(modelOperations);
    }

    @ParameterizedTest
    @EnumSource(Operation.class)
    void errorsAndOutputAgreeWithTheModel(Operation operation) {
        JsonNode definition = MODEL.path("operations").path(operation.operationName());
        List<String> modelErrors = new ArrayList<>();
        definition.path("errors").forEach(e -> modelErrors.add(e.path("shape").asText()));
        assertThat(operation.errors()).extracting(AwsError::type).containsExactlyElementsOf(modelErrors);
        assertThat(operation.hasOutput()).isEqualTo(definition.has("output"));
        assertThat(operation.target()).isEqualTo(
                MODEL.path("metadata").path("targetPrefix").asText() + "." + operation.operationName());
        assertThat(operation.errors()).allMatch(AwsError::modeled);
    }

    @Test
    void theJobOperationsAreTheTenOfTheJobFamiliesAndTheRestIsTheControlPlane() {
        assertThat(Operation.jobOperations()).hasSize(10)
                .allMatch(op -> op.family() == Operation.Family.THIRD_PARTY || op.family() == Operation.Family.CUSTOM)
                .contains(Operation.POLL_FOR_JOBS, Operation.PUT_THIRD_PARTY_JOB_FAILURE_RESULT);
        assertThat(Operation.values()).filteredOn(op -> !op.family().jobs()).hasSize(22)
                .contains(Operation.CREATE_PIPELINE, Operation.PUT_APPROVAL_RESULT, Operation.LIST_TAGS_FOR_RESOURCE);
        assertThat(Operation.CREATE_CUSTOM_ACTION_TYPE.family()).isEqualTo(Operation.Family.ACTION_TYPES);
        assertThat(Operation.UPDATE_PIPELINE.family()).isEqualTo(Operation.Family.PIPELINES);
        assertThat(Operation.ENABLE_STAGE_TRANSITION.family()).isEqualTo(Operation.Family.EXECUTIONS);
        assertThat(Operation.UNTAG_RESOURCE.family()).isEqualTo(Operation.Family.TAGS);
    }

    @Test
    void everyModelledErrorOfTheTrimmedModelIsAModelledAwsErrorAndEveryModelledAwsErrorIsUsed() {
        java.util.Set<String> modelErrors = new java.util.TreeSet<>();
        MODEL.path("operations").forEach(op -> op.path("errors").forEach(e -> modelErrors.add(e.path("shape").asText())));
        assertThat(java.util.Arrays.stream(AwsError.values()).filter(AwsError::modeled).map(AwsError::type))
                .containsExactlyInAnyOrderElementsOf(modelErrors);
        assertThat(modelErrors).allSatisfy(type -> assertThat(MODEL.path("shapes").path(type).path("exception")
                .asBoolean()).as("%s is an exception shape", type).isTrue());
    }

    @Test
    void targetsAreMatchedExactly() {
        assertThat(Operation.fromTarget("CodePipeline_20150709.PollForJobs")).contains(Operation.POLL_FOR_JOBS);
        assertThat(Operation.fromTarget("CodePipeline_20150709.pollForJobs")).isEmpty();
        assertThat(Operation.fromTarget("CodePipeline_20150709.ListPipelines")).contains(Operation.LIST_PIPELINES);
        assertThat(Operation.fromTarget("CodePipeline_20150709.ListWebhooks")).as("not in the trimmed model").isEmpty();
        assertThat(Operation.fromTarget("PollForJobs")).isEmpty();
        assertThat(Operation.fromTarget(null)).isEmpty();
    }

    @Test
    void errorTypesAreFoundInTheFormsClientsAccept() {
        assertThat(AwsError.fromType("JobNotFoundException")).contains(AwsError.JOB_NOT_FOUND);
        assertThat(AwsError.fromType("com.amazonaws.codepipeline#JobNotFoundException"))
                .contains(AwsError.JOB_NOT_FOUND);
        assertThat(AwsError.fromType("ThrottlingException:http://internal.amazon.com/coral/"))
                .contains(AwsError.THROTTLING);
        assertThat(AwsError.fromType("NoSuchThing")).isEmpty();
        assertThat(AwsError.SERVICE_UNAVAILABLE.httpStatus()).isEqualTo(503);
        assertThat(AwsError.INTERNAL_FAILURE.httpStatus()).isEqualTo(500);
        assertThat(AwsError.THROTTLING.modeled()).isFalse();
    }
}
