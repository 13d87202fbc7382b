package io.github.cptestkit.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** The documents of the control-plane operations: action types, pipelines, executions and tags. */
class ControlPlaneSchemasTest {

    static final SchemaValidator VALIDATOR = SchemaValidator.shared();
    static final ObjectMapper JSON = new ObjectMapper();
    static final String EXECUTION_ID = "2f1ee1d4-8c43-4a5e-9a3b-0b6f8f6b2c11";

    static ObjectNode tutorialPipeline() {
        try (InputStream in = ControlPlaneSchemasTest.class.getResourceAsStream(
                "/examples/GetPipeline.tutorial-response.json")) {
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static ObjectNode createPipelineRequest() {
        ObjectNode request = JSON.createObjectNode();
        request.set("pipeline", tutorialPipeline().get("pipeline").deepCopy());
        request.putArray("tags").addObject().put("key", "team").put("value", "payments");
        return request;
    }

    static Violation only(List<Violation> violations) {
        assertThat(violations).hasSize(1);
        return violations.get(0);
    }

    @ParameterizedTest
    @EnumSource(value = Operation.Family.class, names = {"ACTION_TYPES", "PIPELINES", "EXECUTIONS", "TAGS"})
    void everyControlPlaneOperationHasBothDocumentsAndThoseWithoutOutputAcceptTheEmptyObject(Operation.Family family) {
        for (Operation op : Operation.values()) {
            if (op.family() != family) {
                continue;
            }
            assertThat(SchemaDocument.all()).contains(op.inputSchema(), op.outputSchema());
            if (!op.hasOutput()) {
                assertThat(VALIDATOR.schemaJson(op.outputSchema()).path("type").asText()).isEqualTo("object");
                assertThat(VALIDATOR.validateResponse(op, "{}")).as(op.operationName()).isEmpty();
            }
        }
    }

    @Test
    void getPipelineOutputOfTheTutorialPipelineValidatesAndItsDeclarationIsACreatePipelineRequest() {
        assertThat(VALIDATOR.validateResponse(Operation.GET_PIPELINE, tutorialPipeline())).isEmpty();
        assertThat(VALIDATOR.validateRequest(Operation.CREATE_PIPELINE, createPipelineRequest())).isEmpty();
        ObjectNode update = JSON.createObjectNode();
        update.set("pipeline", tutorialPipeline().get("pipeline"));
        assertThat(VALIDATOR.validateRequest(Operation.UPDATE_PIPELINE, update)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        CreateCustomActionType | {"category":"Build","provider":"MyJenkinsProviderName","version":"1","settings":{"entityUrlTemplate":"https://ci.example.com/job/{Config:ProjectName}/","executionUrlTemplate":"https://ci.example.com/job/{Config:ProjectName}/{ExternalExecutionId}/"},"configurationProperties":[{"name":"ProjectName","required":true,"key":true,"secret":false,"queryable":true,"description":"The project","type":"String"},{"name":"Token","required":false,"key":false,"secret":true}],"inputArtifactDetails":{"minimumCount":0,"maximumCount":5},"outputArtifactDetails":{"minimumCount":0,"maximumCount":5},"tags":[{"key":"team","value":""}]}
        DeleteCustomActionType | {"category": "Build", "provider": "MyJenkinsProviderName", "version": "1"}
        ListActionTypes | {}
        ListActionTypes | {"actionOwnerFilter":"Custom","regionFilter":"eu-west-1","nextToken":"t"}
        GetActionType | {"category":"Deploy","owner":"ThirdParty","provider":"MyDeployer","version":"1"}
        GetPipeline | {"name":"MyFirstPipeline","version":3}
        DeletePipeline | {"name":"MyFirstPipeline"}
        ListPipelines | {"maxResults":1000,"nextToken":"t"}
        StartPipelineExecution | {"name":"MyFirstPipeline","clientRequestToken":"c6d1d5f0-1111-4222-8333-944445555666","variables":[{"name":"Env","value":"prod"}]}
        StopPipelineExecution | {"pipelineName":"MyFirstPipeline","pipelineExecutionId":"2f1ee1d4-8c43-4a5e-9a3b-0b6f8f6b2c11","abandon":true,"reason":"superseded by a fix"}
        GetPipelineState | {"name":"MyFirstPipeline"}
        GetPipelineExecution | {"pipelineName":"MyFirstPipeline","pipelineExecutionId":"2f1ee1d4-8c43-4a5e-9a3b-0b6f8f6b2c11"}
        ListPipelineExecutions | {"pipelineName":"MyFirstPipeline","maxResults":100}
        ListActionExecutions | {"pipelineName":"MyFirstPipeline","filter":{"pipelineExecutionId":"2f1ee1d4-8c43-4a5e-9a3b-0b6f8f6b2c11"}}
        RetryStageExecution | {"pipelineName":"MyFirstPipeline","stageName":"Build","pipelineExecutionId":"2f1ee1d4-8c43-4a5e-9a3b-0b6f8f6b2c11","retryMode":"FAILED_ACTIONS"}
        PutApprovalResult | {"pipelineName":"MyFirstPipeline","stageName":"Approve","actionName":"Manual","result":{"summary":"looks good","status":"Approved"},"token":"2f1ee1d4-8c43-4a5e-9a3b-0b6f8f6b2c11"}
        DisableStageTransition | {"pipelineName":"MyFirstPipeline","stageName":"Build","transitionType":"Inbound","reason":"Waiting for the fix (ticket 42)"}
        EnableStageTransition | {"pipelineName":"MyFirstPipeline","stageName":"Build","transitionType":"Outbound"}
        TagResource | {"resourceArn":"arn:aws:codepipeline:us-east-1:111122223333:MyFirstPipeline","tags":[{"key":"k","value":"v"}]}
        UntagResource | {"resourceArn":"arn:aws:codepipeline:us-east-1:111122223333:actiontype:Custom/Build/MyJenkinsProviderName/1","tagKeys":["k"]}
        ListTagsForResource | {"resourceArn":"arn:aws:codepipeline:us-east-1:111122223333:MyFirstPipeline"}
        """)
    void requestBodiesTheSdksSendValidate(String operation, String body) {
        assertThat(VALIDATOR.validateRequest(Operation.fromName(operation).orElseThrow(), body)).isEmpty();
    }

    @Test
    void aBrokenStageNameIsReportedAtItsListPositionAsAwsWritesIt() {
        ObjectNode request = createPipelineRequest();
        ((ObjectNode) request.at("/pipeline/stages/1")).put("name", "Build stage");
        Violation v = only(VALIDATOR.validateRequest(Operation.CREATE_PIPELINE, request));
        assertThat(v.path()).isEqualTo("/pipeline/stages/1/name");
        assertThat(v.constraint()).isEqualTo(Constraint.PATTERN);
        assertThat(v.awsMessage()).isEqualTo("Value 'Build stage' at 'pipeline.stages.2.member.name' failed to"
                + " satisfy constraint: Member must satisfy regular expression pattern: [A-Za-z0-9.@\\-_]+");
    }

    @Test
    void aRunOrderOutsideOneTo999IsRejectedAtTheAction() {
        ObjectNode request = createPipelineRequest();
        ((ObjectNode) request.at("/pipeline/stages/0/actions/0")).put("runOrder", 0);
        ((ObjectNode) request.at("/pipeline/stages/2/actions/0")).put("runOrder", 1000);
        List<Violation> violations = VALIDATOR.validateRequest(Operation.CREATE_PIPELINE, request);
        assertThat(violations).extracting(Violation::awsPath, Violation::constraint).containsExactly(
                org.assertj.core.groups.Tuple.tuple("pipeline.stages.1.member.actions.1.member.runOrder",
                        Constraint.MINIMUM),
                org.assertj.core.groups.Tuple.tuple("pipeline.stages.3.member.actions.1.member.runOrder",
                        Constraint.MAXIMUM));
    }

    @Test
    void aMissingRoleArnAndAMissingActionTypeIdAreEachNamed() {
        ObjectNode request = createPipelineRequest();
        ((ObjectNode) request.get("pipeline")).remove("roleArn");
        ((ObjectNode) request.at("/pipeline/stages/1/actions/0")).remove("actionTypeId");
        assertThat(VALIDATOR.validateRequest(Operation.CREATE_PIPELINE, request))
                .extracting(Violation::awsMessage).containsExactly(
                        "Value null at 'pipeline.roleArn' failed to satisfy constraint: Member must not be null",
                        "Value null at 'pipeline.stages.2.member.actions.1.member.actionTypeId' failed to satisfy"
                                + " constraint: Member must not be null");
    }

    @Test
    void anExecutionModeAndAPipelineTypeOutsideTheirSetsAreRejected() {
        ObjectNode request = createPipelineRequest();
        ((ObjectNode) request.get("pipeline")).put("executionMode", "PARALLEL_ISH").put("pipelineType", "V3");
        assertThat(VALIDATOR.validateRequest(Operation.CREATE_PIPELINE, request))
                .extracting(Violation::path, Violation::requirement).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("/pipeline/executionMode",
                                "Member must satisfy enum value set: [QUEUED, SUPERSEDED, PARALLEL]"),
                        org.assertj.core.groups.Tuple.tuple("/pipeline/pipelineType",
                                "Member must satisfy enum value set: [V1, V2]"));
    }

    @Test
    void anArtifactStoreBucketNameOutsideThreeTo63CharactersIsRejected() {
        ObjectNode request = createPipelineRequest();
        ((ObjectNode) request.at("/pipeline/artifactStore")).put("location", "ab");
        Violation v = only(VALIDATOR.validateRequest(Operation.CREATE_PIPELINE, request));
        assertThat(v.awsPath()).isEqualTo("pipeline.artifactStore.location");
        assertThat(v.constraint()).isEqualTo(Constraint.MIN_LENGTH);
    }

    @Test
    void aCustomActionTypeWithElevenConfigurationPropertiesOrSixArtifactsIsRejected() {
        ObjectNode request = JSON.createObjectNode().put("category", "Build").put("provider", "P").put("version", "1");
        ArrayNode properties = request.putArray("configurationProperties");
        for (int i = 0; i < 11; i++) {
            properties.addObject().put("name", "P" + i).put("required", false).put("key", false).put("secret", false);
        }
        request.putObject("inputArtifactDetails").put("minimumCount", 0).put("maximumCount", 6);
        request.putObject("outputArtifactDetails").put("minimumCount", 0).put("maximumCount", 0);
        assertThat(VALIDATOR.validateRequest(Operation.CREATE_CUSTOM_ACTION_TYPE, request))
                .extracting(Violation::path, Violation::constraint).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("/configurationProperties", Constraint.MAX_ITEMS),
                        org.assertj.core.groups.Tuple.tuple("/inputArtifactDetails/maximumCount", Constraint.MAXIMUM));
    }

    @Test
    void aConfigurationPropertyWithoutItsFourRequiredMembersIsRejected() {
        String body = "{\"category\":\"Build\",\"provider\":\"P\",\"version\":\"1\","
                + "\"configurationProperties\":[{\"name\":\"ProjectName\"}],"
                + "\"inputArtifactDetails\":{\"minimumCount\":0,\"maximumCount\":1},"
                + "\"outputArtifactDetails\":{\"minimumCount\":0,\"maximumCount\":1}}";
        assertThat(VALIDATOR.validateRequest(Operation.CREATE_CUSTOM_ACTION_TYPE, body))
                .extracting(Violation::awsPath).containsExactly(
                        "configurationProperties.1.member.key", "configurationProperties.1.member.required",
                        "configurationProperties.1.member.secret");
    }

    @Test
    void getActionTypeAcceptsOnlyTheOwnersAwsAndThirdPartyAsTheModelSays() {
        Violation v = only(VALIDATOR.validateRequest(Operation.GET_ACTION_TYPE,
                "{\"category\":\"Build\",\"owner\":\"Custom\",\"provider\":\"P\",\"version\":\"1\"}"));
        assertThat(v.awsMessage()).isEqualTo("Value 'Custom' at 'owner' failed to satisfy constraint: Member must"
                + " satisfy regular expression pattern: AWS|ThirdParty");
    }

    @ParameterizedTest(name = "{0}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
        ListPipelines | {"maxResults":0} | /maxResults
        ListPipelines | {"maxResults":1001} | /maxResults
        GetPipeline | {"name":"p","version":0} | /version
        StopPipelineExecution | {"pipelineName":"p","pipelineExecutionId":"not-an-id"} | /pipelineExecutionId
        PutApprovalResult | {"pipelineName":"p","stageName":"s","actionName":"a","result":{"summary":"s","status":"Maybe"},"token":"2f1ee1d4-8c43-4a5e-9a3b-0b6f8f6b2c11"} | /result/status
        DisableStageTransition | {"pipelineName":"p","stageName":"s","transitionType":"Sideways","reason":"r"} | /transitionType
        RetryStageExecution | {"pipelineName":"p","stageName":"s","pipelineExecutionId":"2f1ee1d4-8c43-4a5e-9a3b-0b6f8f6b2c11"} | /retryMode
        TagResource | {"resourceArn":"arn:aws:s3:::bucket","tags":[]} | /resourceArn
        ListTagsForResource | {"resourceArn":"arn:aws:codepipeline:us-east-1:111122223333:p","maxResults":101} | /maxResults
        ListActionTypes | {"actionOwnerFilter":"Nobody"} | /actionOwnerFilter
        """)
    void eachControlPlaneConstraintIsCaughtAtItsMember(String operation, String body, String path) {
        Violation v = only(VALIDATOR.validateRequest(Operation.fromName(operation).orElseThrow(), body));
        assertThat(v.path()).isEqualTo(path);
    }

    @Test
    void aStartedExecutionsIdMustBeALowercaseUuidInTheAnswer() {
        assertThat(VALIDATOR.validateResponse(Operation.START_PIPELINE_EXECUTION,
                "{\"pipelineExecutionId\":\"" + EXECUTION_ID + "\"}")).isEmpty();
        JsonNode upper = JSON.createObjectNode().put("pipelineExecutionId", EXECUTION_ID.toUpperCase(java.util.Locale.ROOT));
        assertThat(VALIDATOR.validateResponse(Operation.START_PIPELINE_EXECUTION, upper))
                .extracting(Violation::constraint).containsExactly(Constraint.PATTERN);
    }
}
