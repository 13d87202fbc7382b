package io.github.cptestkit.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SchemaValidatorTest {

    static final SchemaValidator VALIDATOR = SchemaValidator.shared();
    static final ObjectMapper JSON = new ObjectMapper();
    static final String JOB_ID = "7b0ad4a2-33f4-4a1c-9a4e-2f3c3b0e9d11";

    static JsonNode fullThirdPartyJobDetails() {
        try (InputStream in = SchemaValidatorTest.class.getResourceAsStream(
                "/examples/GetThirdPartyJobDetails.full-response.json")) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static Violation only(List<Violation> violations) {
        assertThat(violations).hasSize(1);
        return violations.get(0);
    }

    @Nested
    class ValidDocuments {

        @Test
        void theFullResponseSyntaxOfGetThirdPartyJobDetailsValidates() {
            JsonNode response = fullThirdPartyJobDetails();
            assertThat(response.at("/jobDetails/data").size()).as("every JobData member present").isEqualTo(8);
            assertThat(VALIDATOR.validateResponse(Operation.GET_THIRD_PARTY_JOB_DETAILS, response)).isEmpty();
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', textBlock = """
            PollForThirdPartyJobs | {"actionTypeId":{"category":"Build","owner":"ThirdParty","provider":"MyCi","version":"1"},"maxBatchSize":5}
            PollForThirdPartyJobs | {"actionTypeId": {"category": "Deploy", "owner": "ThirdParty", "provider": "My-Deployer_2", "version": "v10"}}
            GetThirdPartyJobDetails | {"jobId":"7b0ad4a2-33f4-4a1c-9a4e-2f3c3b0e9d11","clientToken":"a-client-token"}
            GetThirdPartyJobDetails | {"jobId": "any third-party id up to 512 chars", "clientToken": "t"}
            AcknowledgeThirdPartyJob | {"jobId":"7b0ad4a2-33f4-4a1c-9a4e-2f3c3b0e9d11","nonce":"3","clientToken":"a-client-token"}
            PutThirdPartyJobSuccessResult | {"jobId":"j","clientToken":"t","currentRevision":{"revision":"r1","changeIdentifier":"c1","created":1.700000000123E9,"revisionSummary":"s"},"continuationToken":"ct","executionDetails":{"summary":"ok","externalExecutionId":"ext-1","percentComplete":100}}
            PutThirdPartyJobSuccessResult | {"jobId": "j", "clientToken": "t", "currentRevision": {"revision": "r1", "changeIdentifier": "c1", "created": 1700000000.123}}
            PutThirdPartyJobFailureResult | {"jobId":"j","clientToken":"t","failureDetails":{"type":"JobFailed","message":"boom","externalExecutionId":"ext-1"}}
            PollForJobs | {"actionTypeId":{"category":"Test","owner":"Custom","provider":"MyTester","version":"1"},"maxBatchSize":10,"queryParam":{"ProjectName":"payments_service-1"}}
            PollForJobs | {"actionTypeId":{"category":"Compute","owner":"Custom","provider":"X","version":"1"},"queryParam":{}}
            AcknowledgeJob | {"jobId":"7b0ad4a2-33f4-4a1c-9a4e-2f3c3b0e9d11","nonce":"12345"}
            GetJobDetails | {"jobId":"7b0ad4a2-33f4-4a1c-9a4e-2f3c3b0e9d11"}
            PutJobSuccessResult | {"jobId":"7b0ad4a2-33f4-4a1c-9a4e-2f3c3b0e9d11","executionDetails":{"percentComplete":0},"outputVariables":{"IMAGE_TAG":"1.2.3","build@id":"b-1"}}
            PutJobFailureResult | {"jobId":"7b0ad4a2-33f4-4a1c-9a4e-2f3c3b0e9d11","failureDetails":{"type":"ConfigurationError","message":"bad config"}}
            """)
        void requestBodiesTheSdksSendValidate(String operation, String body) {
            assertThat(VALIDATOR.validateRequest(Operation.fromName(operation).orElseThrow(), body)).isEmpty();
        }

        @Test
        void operationsWithoutOutputAcceptTheEmptyObjectAndOthersTheirOutput() {
            assertThat(VALIDATOR.validateResponse(Operation.PUT_JOB_SUCCESS_RESULT, "{}")).isEmpty();
            assertThat(VALIDATOR.validateResponse(Operation.ACKNOWLEDGE_JOB, "{\"status\":\"InProgress\"}")).isEmpty();
            assertThat(VALIDATOR.validateResponse(Operation.POLL_FOR_THIRD_PARTY_JOBS,
                    "{\"jobs\":[{\"clientId\":\"" + JOB_ID + "\",\"jobId\":\"" + JOB_ID + "\"}]}")).isEmpty();
        }

        @Test
        void unknownMembersAreAllowedInResponsesAndRequests() {
            ObjectNode response = (ObjectNode) fullThirdPartyJobDetails();
            response.put("someFutureMember", 1);
            ((ObjectNode) response.at("/jobDetails/data")).putObject("anotherNewMember").put("x", true);
            assertThat(VALIDATOR.validateResponse(Operation.GET_THIRD_PARTY_JOB_DETAILS, response)).isEmpty();
            assertThat(VALIDATOR.validateRequest(Operation.GET_JOB_DETAILS,
                    "{\"jobId\":\"" + JOB_ID + "\",\"newMember\":1}")).isEmpty();
        }

        @Test
        void errorBodiesValidateInEitherCapitalisation() {
            assertThat(VALIDATOR.validateError("{\"__type\":\"JobNotFoundException\",\"message\":\"m\"}")).isEmpty();
            assertThat(VALIDATOR.validateError(
                    "{\"__type\":\"com.amazonaws.codepipeline#JobNotFoundException\",\"Message\":\"m\"}")).isEmpty();
        }
    }

    @Nested
    class EachConstraintKind {

        @Test
        void aMissingRequiredMemberIsReportedAtItsOwnPath() {
            Violation v = only(VALIDATOR.validateRequest(Operation.ACKNOWLEDGE_JOB, "{\"jobId\":\"" + JOB_ID + "\"}"));
            assertThat(v.path()).isEqualTo("/nonce");
            assertThat(v.constraint()).isEqualTo(Constraint.REQUIRED);
            assertThat(v.value()).isNull();
            assertThat(v.awsMessage())
                    .isEqualTo("Value null at 'nonce' failed to satisfy constraint: Member must not be null");
        }

        @Test
        void aNestedMissingRequiredMemberHasTheFullPath() {
            Violation v = only(VALIDATOR.validateRequest(Operation.POLL_FOR_JOBS,
                    "{\"actionTypeId\":{\"category\":\"Build\",\"owner\":\"Custom\",\"provider\":\"P\"}}"));
            assertThat(v.path()).isEqualTo("/actionTypeId/version");
            assertThat(v.awsPath()).isEqualTo("actionTypeId.version");
        }

        @Test
        void aTooLongValueIsRejected() {
            String id = "j".repeat(513);
            Violation v = only(VALIDATOR.validateRequest(Operation.GET_THIRD_PARTY_JOB_DETAILS,
                    "{\"jobId\":\"" + id + "\",\"clientToken\":\"t\"}"));
            assertThat(v.path()).isEqualTo("/jobId");
            assertThat(v.constraint()).isEqualTo(Constraint.MAX_LENGTH);
            assertThat(v.requirement()).isEqualTo("Member must have length less than or equal to 512");
            assertThat(v.value()).isEqualTo(id);
        }

        @Test
        void aTooShortValueIsRejected() {
            Violation v = only(VALIDATOR.validateRequest(Operation.GET_THIRD_PARTY_JOB_DETAILS,
                    "{\"jobId\":\"j\",\"clientToken\":\"\"}"));
            assertThat(v.path()).isEqualTo("/clientToken");
            assertThat(v.constraint()).isEqualTo(Constraint.MIN_LENGTH);
            assertThat(v.awsMessage()).isEqualTo(
                    "Value '' at 'clientToken' failed to satisfy constraint: Member must have length greater than or equal to 1");
        }

        @Test
        void aValueOutsideItsPatternIsRejectedInAwsWords() {
            Violation v = only(VALIDATOR.validateRequest(Operation.GET_JOB_DETAILS, "{\"jobId\":\"x\"}"));
            assertThat(v.constraint()).isEqualTo(Constraint.PATTERN);
            assertThat(v.awsMessage()).isEqualTo("Value 'x' at 'jobId' failed to satisfy constraint: Member must"
                    + " satisfy regular expression pattern: [0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        }

        @Test
        void patternsMatchTheWholeValueSoPrefixesSuffixesAndTrailingNewlinesFail() {
            for (String id : List.of(JOB_ID + "0", "0" + JOB_ID, JOB_ID + "\n", JOB_ID.toUpperCase(java.util.Locale.ROOT))) {
                assertThat(VALIDATOR.validateRequest(Operation.GET_JOB_DETAILS, JSON.createObjectNode().put("jobId", id)))
                        .as("jobId %s", id).extracting(Violation::constraint).containsExactly(Constraint.PATTERN);
            }
        }

        @Test
        void aValueOutsideItsEnumIsRejectedWithTheValueSet() {
            Violation v = only(VALIDATOR.validateRequest(Operation.POLL_FOR_THIRD_PARTY_JOBS,
                    "{\"actionTypeId\":{\"category\":\"Compile\",\"owner\":\"ThirdParty\",\"provider\":\"P\",\"version\":\"1\"}}"));
            assertThat(v.path()).isEqualTo("/actionTypeId/category");
            assertThat(v.constraint()).isEqualTo(Constraint.ENUM);
            assertThat(v.requirement()).isEqualTo(
                    "Member must satisfy enum value set: [Source, Build, Deploy, Test, Invoke, Approval, Compute]");
        }

        @Test
        void aWrongJsonTypeIsRejected() {
            Violation v = only(VALIDATOR.validateRequest(Operation.POLL_FOR_JOBS,
                    "{\"actionTypeId\":{\"category\":\"Build\",\"owner\":\"Custom\",\"provider\":\"P\",\"version\":\"1\"},"
                            + "\"maxBatchSize\":\"5\"}"));
            assertThat(v.path()).isEqualTo("/maxBatchSize");
            assertThat(v.constraint()).isEqualTo(Constraint.TYPE);
            assertThat(v.value()).isEqualTo("5");
        }

        @ParameterizedTest(name = "maxBatchSize {0}")
        @CsvSource({"0", "-1"})
        void anIntegerBelowItsMinimumIsRejected(int size) {
            Violation v = only(VALIDATOR.validateRequest(Operation.POLL_FOR_THIRD_PARTY_JOBS,
                    "{\"actionTypeId\":{\"category\":\"Build\",\"owner\":\"ThirdParty\",\"provider\":\"P\",\"version\":\"1\"},"
                            + "\"maxBatchSize\":" + size + "}"));
            assertThat(v.constraint()).isEqualTo(Constraint.MINIMUM);
            assertThat(v.awsMessage()).isEqualTo("Value '" + size + "' at 'maxBatchSize' failed to satisfy"
                    + " constraint: Member must have value greater than or equal to 1");
        }

        @Test
        void anIntegerAboveItsMaximumIsRejected() {
            Violation v = only(VALIDATOR.validateRequest(Operation.PUT_JOB_SUCCESS_RESULT,
                    "{\"jobId\":\"" + JOB_ID + "\",\"executionDetails\":{\"percentComplete\":101}}"));
            assertThat(v.path()).isEqualTo("/executionDetails/percentComplete");
            assertThat(v.constraint()).isEqualTo(Constraint.MAXIMUM);
            assertThat(v.requirement()).isEqualTo("Member must have value less than or equal to 100");
        }

        @Test
        void aFractionWhereAnIntegerBelongsIsATypeViolation() {
            Violation v = only(VALIDATOR.validateRequest(Operation.PUT_JOB_SUCCESS_RESULT,
                    "{\"jobId\":\"" + JOB_ID + "\",\"executionDetails\":{\"percentComplete\":50.5}}"));
            assertThat(v.constraint()).isEqualTo(Constraint.TYPE);
        }

        @Test
        void aMapKeyOutsideTheKeyPatternIsRejectedAtTheKey() {
            Violation v = only(VALIDATOR.validateRequest(Operation.PUT_JOB_SUCCESS_RESULT,
                    "{\"jobId\":\"" + JOB_ID + "\",\"outputVariables\":{\"bad key\":\"v\"}}"));
            assertThat(v.path()).isEqualTo("/outputVariables/bad key");
            assertThat(v.constraint()).isEqualTo(Constraint.MAP_KEY);
            assertThat(v.value()).isEqualTo("bad key");
            assertThat(v.requirement()).isEqualTo("Map keys must satisfy constraint: [Member must satisfy regular"
                    + " expression pattern: [A-Za-z0-9@\\-_]+]");
        }

        @Test
        void aMapKeyLongerThanItsShapeIsRejected() {
            ObjectNode response = (ObjectNode) fullThirdPartyJobDetails();
            ((ObjectNode) response.at("/jobDetails/data/actionConfiguration/configuration")).put("K".repeat(51), "v");
            Violation v = only(VALIDATOR.validateResponse(Operation.GET_THIRD_PARTY_JOB_DETAILS, response));
            assertThat(v.path()).isEqualTo("/jobDetails/data/actionConfiguration/configuration/" + "K".repeat(51));
            assertThat(v.requirement()).isEqualTo(
                    "Map keys must satisfy constraint: [Member must have length less than or equal to 50]");
        }

        @Test
        void aMapWithTooManyEntriesIsRejected() {
            Violation v = only(VALIDATOR.validateRequest(Operation.POLL_FOR_JOBS,
                    "{\"actionTypeId\":{\"category\":\"Build\",\"owner\":\"Custom\",\"provider\":\"P\",\"version\":\"1\"},"
                            + "\"queryParam\":{\"a\":\"1\",\"b\":\"2\"}}"));
            assertThat(v.path()).isEqualTo("/queryParam");
            assertThat(v.constraint()).isEqualTo(Constraint.MAX_ENTRIES);
            assertThat(v.requirement()).isEqualTo("Member must have length less than or equal to 1");
        }

        @Test
        void aListItemIsReportedByItsIndexInThePointerAndAsAwsWritesItInTheMessage() {
            Violation v = only(VALIDATOR.validateResponse(Operation.POLL_FOR_THIRD_PARTY_JOBS,
                    "{\"jobs\":[{\"clientId\":\"" + JOB_ID + "\",\"jobId\":\"" + JOB_ID + "\"},{\"clientId\":\"nope\"}]}"));
            assertThat(v.path()).isEqualTo("/jobs/1/clientId");
            assertThat(v.awsPath()).isEqualTo("jobs.2.member.clientId");
            assertThat(v.awsMessage()).startsWith("Value 'nope' at 'jobs.2.member.clientId' failed to satisfy");
        }

        @Test
        void textThatIsNotJsonIsOneMalformedJsonViolation() {
            Violation v = only(VALIDATOR.validateRequest(Operation.GET_JOB_DETAILS, "{\"jobId\": "));
            assertThat(v.constraint()).isEqualTo(Constraint.MALFORMED_JSON);
            assertThat(v.path()).isEmpty();
            assertThat(only(VALIDATOR.validateRequest(Operation.GET_JOB_DETAILS, "")).constraint())
                    .isEqualTo(Constraint.MALFORMED_JSON);
        }

        @Test
        void aBodyThatIsNotAnObjectIsATypeViolationAtTheRoot() {
            Violation v = only(VALIDATOR.validateRequest(Operation.GET_JOB_DETAILS, "[1]"));
            assertThat(v.path()).isEmpty();
            assertThat(v.constraint()).isEqualTo(Constraint.TYPE);
        }

        @Test
        void anErrorBodyWithoutTypeIsRejected() {
            assertThat(VALIDATOR.validateError("{\"message\":\"m\"}")).extracting(Violation::path)
                    .containsExactly("/__type");
        }

        @Test
        void severalViolationsComeSortedByPath() {
            List<Violation> violations = VALIDATOR.validateRequest(Operation.PUT_THIRD_PARTY_JOB_FAILURE_RESULT,
                    "{\"jobId\":\"\",\"failureDetails\":{\"type\":\"Oops\",\"message\":\"\"}}");
            assertThat(violations).extracting(Violation::path)
                    .containsExactly("/clientToken", "/failureDetails/message", "/failureDetails/type", "/jobId");
        }
    }

    @Nested
    class SensitiveMembers {

        @Test
        void aViolationInsideTheCredentialsNeverShowsTheValue() {
            ObjectNode response = (ObjectNode) fullThirdPartyJobDetails();
            ((ObjectNode) response.at("/jobDetails/data/artifactCredentials")).put("secretAccessKey", 12345);
            Violation v = only(VALIDATOR.validateResponse(Operation.GET_THIRD_PARTY_JOB_DETAILS, response));
            assertThat(v.path()).isEqualTo("/jobDetails/data/artifactCredentials/secretAccessKey");
            assertThat(v.redacted()).isTrue();
            assertThat(v.awsMessage()).doesNotContain("12345").contains(Violation.REDACTED);
        }

        @Test
        void redactReplacesEveryCredentialAndKeepsTheRest() {
            JsonNode response = fullThirdPartyJobDetails();
            JsonNode redacted = VALIDATOR.redact(Operation.GET_THIRD_PARTY_JOB_DETAILS.outputSchema(), response);
            assertThat(redacted.at("/jobDetails/data/artifactCredentials").toString())
                    .doesNotContain("ASIAFAKE", "fakeSecretKey", "FakeSessionToken");
            assertThat(redacted.at("/jobDetails/data/artifactCredentials/accessKeyId").asText())
                    .isEqualTo(Violation.REDACTED);
            assertThat(redacted.at("/jobDetails/nonce").asText()).isEqualTo("3");
            assertThat(response.at("/jobDetails/data/artifactCredentials/accessKeyId").asText())
                    .as("the input is left alone").isEqualTo("ASIAFAKEFAKEFAKEFAKE");
        }

        @Test
        void sensitivityIsKnownByPointer() {
            SchemaDocument output = Operation.GET_JOB_DETAILS.outputSchema();
            assertThat(VALIDATOR.isSensitive(output, "/jobDetails/data/artifactCredentials/sessionToken")).isTrue();
            assertThat(VALIDATOR.isSensitive(output, "/jobDetails/data/artifactCredentials")).isTrue();
            assertThat(VALIDATOR.isSensitive(output, "/jobDetails/data/continuationToken")).isFalse();
            assertThat(VALIDATOR.isSensitive(output, "/jobDetails/accountId")).isFalse();
        }
    }

    @Nested
    class MemberSchemas {

        @Test
        void aPatternedMemberHasTheModelsUnanchoredPattern() {
            MemberSchema jobId = VALIDATOR.memberSchema(Operation.GET_JOB_DETAILS.inputSchema(), "/jobId")
                    .orElseThrow();
            assertThat(jobId.type()).isEqualTo("string");
            assertThat(jobId.pattern())
                    .isEqualTo("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
            assertThat(jobId.enumValues()).isEmpty();
            assertThat(jobId.sensitive()).isFalse();
        }

        @Test
        void lengthsEnumsAndObjectMembersAreReadThroughReferences() {
            SchemaDocument output = Operation.GET_THIRD_PARTY_JOB_DETAILS.outputSchema();
            MemberSchema name = VALIDATOR.memberSchema(output,
                    "/jobDetails/data/inputArtifacts/3/name").orElseThrow();
            assertThat(name.minLength()).isEqualTo(1);
            assertThat(name.maxLength()).isEqualTo(100);
            assertThat(name.pattern()).isEqualTo("[a-zA-Z0-9_\\-]+");
            assertThat(VALIDATOR.memberSchema(output, "/jobDetails/data/actionTypeId/owner").orElseThrow()
                    .enumValues()).containsExactly("AWS", "ThirdParty", "Custom");
            MemberSchema failure = VALIDATOR.memberSchema(Operation.PUT_JOB_FAILURE_RESULT.inputSchema(),
                    "/failureDetails").orElseThrow();
            assertThat(failure.type()).isEqualTo("object");
            assertThat(failure.members()).containsExactly("externalExecutionId", "message", "type");
            assertThat(failure.required()).containsExactly("type", "message");
            assertThat(VALIDATOR.memberSchema(Operation.PUT_JOB_SUCCESS_RESULT.inputSchema(),
                    "/outputVariables/ANY_NAME").orElseThrow().type()).isEqualTo("string");
        }

        @Test
        void membersTheModelDoesNotListHaveNoSchemaAndCredentialsAreSensitive() {
            SchemaDocument output = Operation.GET_JOB_DETAILS.outputSchema();
            assertThat(VALIDATOR.memberSchema(output, "/jobDetails/unknownMember")).isEmpty();
            assertThat(VALIDATOR.memberSchema(output, "/jobDetails/data/artifactCredentials/secretAccessKey")
                    .orElseThrow().sensitive()).isTrue();
        }
    }

    @Test
    void aValidationExceptionMessageCountsItsViolationsAndJoinsThemWithSemicolons() {
        List<Violation> two = VALIDATOR.validateRequest(Operation.PUT_JOB_FAILURE_RESULT,
                "{\"jobId\":\"x\",\"failureDetails\":{\"type\":\"Oops\",\"message\":\"m\"}}");
        assertThat(Violation.validationExceptionMessage(two)).isEqualTo("2 validation errors detected: "
                + two.get(0).awsMessage() + "; " + two.get(1).awsMessage());
        assertThat(Violation.validationExceptionMessage(two.subList(0, 1)))
                .isEqualTo("1 validation error detected: " + two.get(0).awsMessage());
        assertThatThrownBy(() -> Violation.validationExceptionMessage(List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one");
    }

    @Test
    void concurrentValidationGivesTheSameAnswersAsSequential() throws Exception {
        String bad = "{\"jobId\":\"x\",\"failureDetails\":{\"type\":\"Oops\",\"message\":\"m\"}}";
        List<Violation> expected = VALIDATOR.validateRequest(Operation.PUT_JOB_FAILURE_RESULT, bad);
        JsonNode good = fullThirdPartyJobDetails();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                results.add(pool.submit(() ->
                        VALIDATOR.validateRequest(Operation.PUT_JOB_FAILURE_RESULT, bad).equals(expected)
                                && VALIDATOR.validateResponse(Operation.GET_THIRD_PARTY_JOB_DETAILS, good).isEmpty()));
            }
            for (Future<Boolean> result : results) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(expected).hasSize(2);
    }
}
