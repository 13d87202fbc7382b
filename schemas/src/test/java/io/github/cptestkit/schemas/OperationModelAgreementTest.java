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
    void targetsAreMatchedExactly() {
        assertThat(Operation.fromTarget("CodePipeline_20150709.PollForJobs")).contains(Operation.POLL_FOR_JOBS);
        assertThat(Operation.fromTarget("CodePipeline_20150709.pollForJobs")).isEmpty();
        assertThat(Operation.fromTarget("CodePipeline_20150709.ListPipelines")).isEmpty();
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
