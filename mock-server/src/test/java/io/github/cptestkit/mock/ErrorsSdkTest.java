package io.github.cptestkit.mock;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.github.cptestkit.mock.SdkClients.sdk;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.cptestkit.wire.ActionCategory;
import io.github.cptestkit.wire.ActionTypeId;
import io.github.cptestkit.wire.FakeCustomJob;
import io.github.cptestkit.wire.FakeThirdPartyJob;
import io.github.cptestkit.wire.JobStatus;
import io.github.cptestkit.mock.faults.InjectedFault;
import io.github.cptestkit.schemas.AwsError;
import io.github.cptestkit.schemas.Operation;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.codepipeline.CodePipelineClient;
import software.amazon.awssdk.services.codepipeline.model.ActionTypeNotFoundException;
import software.amazon.awssdk.services.codepipeline.model.CodePipelineException;
import software.amazon.awssdk.services.codepipeline.model.InvalidClientTokenException;
import software.amazon.awssdk.services.codepipeline.model.InvalidJobException;
import software.amazon.awssdk.services.codepipeline.model.InvalidJobStateException;
import software.amazon.awssdk.services.codepipeline.model.InvalidNonceException;
import software.amazon.awssdk.services.codepipeline.model.JobNotFoundException;
import software.amazon.awssdk.services.codepipeline.model.OutputVariablesSizeExceededException;
import software.amazon.awssdk.services.codepipeline.model.ValidationException;

/** Every error of the table reaches the real AWS SDK for Java v2 as its own exception class, with its message. */
class ErrorsSdkTest extends SharedMockTest {

    static final FakeThirdPartyJob PARTNER_JOB = FAKES.thirdParty().category(ActionCategory.BUILD).provider("MyCi")
            .version("1").build();
    static final FakeCustomJob CUSTOM_JOB = FAKES.custom().build();
    static final ActionTypeId THIRD_PARTY_TYPE = PARTNER_JOB.actionTypeId();
    static final ActionTypeId CUSTOM_TYPE = CUSTOM_JOB.actionTypeId();
    static final String JOB_ID = CUSTOM_JOB.jobId();

    /** The exception the SDK throws, checked to be exactly {@code type} with the AWS error code and HTTP 400. */
    static <T extends CodePipelineException> T thrown(Class<T> type, ThrowingCallable call) {
        T exception = catchThrowableOfType(type, call);
        assertThat(exception).as("the SDK throws %s", type.getSimpleName()).isNotNull();
        assertThat(exception).isExactlyInstanceOf(type);
        assertThat(exception.statusCode()).isEqualTo(400);
        assertThat(exception.requestId()).as("x-amzn-RequestId").isNotBlank();
        return exception;
    }

    static String message(CodePipelineException exception) {
        return exception.awsErrorDetails().errorMessage();
    }

    void dispatchCustomJob() {
        mock.enqueue(CUSTOM_JOB);
        client.pollForJobs(r -> r.actionTypeId(sdk(CUSTOM_TYPE)));
    }

    @Test
    void pollingAnUnknownActionTypeIsActionTypeNotFoundException() {
        var partner = thrown(ActionTypeNotFoundException.class,
                () -> client.pollForThirdPartyJobs(r -> r.actionTypeId(sdk(THIRD_PARTY_TYPE))));
        assertThat(message(partner)).as("AWS's wording (quoted in the Jenkins plugin's issue #14), then the mock's fix")
                .startsWith("ActionType (Category: 'Build', Owner: 'ThirdParty', Provider: 'MyCi', Version: '1') is"
                        + " not available. ")
                .contains("registerActionType");
        thrown(ActionTypeNotFoundException.class, () -> client.pollForJobs(r -> r.actionTypeId(sdk(CUSTOM_TYPE))));
    }

    @Test
    void aMalformedJobIdIsAValidationExceptionInAwsWords() {
        var exception = thrown(ValidationException.class, () -> client.getJobDetails(r -> r.jobId("not-a-uuid")));
        assertThat(message(exception)).isEqualTo("1 validation error detected: Value 'not-a-uuid' at 'jobId' failed"
                + " to satisfy constraint: Member must satisfy regular expression pattern:"
                + " [0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    }

    @Test
    void severalViolationsAreCountedAndJoinedInOneValidationException() {
        var exception = thrown(ValidationException.class,
                () -> client.acknowledgeThirdPartyJob(r -> r.jobId("").nonce("n".repeat(51)).clientToken("t")));
        assertThat(message(exception)).isEqualTo("2 validation errors detected: Value '' at 'jobId' failed to"
                + " satisfy constraint: Member must have length greater than or equal to 1; Value '" + "n".repeat(51)
                + "' at 'nonce' failed to satisfy constraint: Member must have length less than or equal to 50");
    }

    @Test
    void aMissingRequiredMemberIsAValidationException() {
        var exception = thrown(ValidationException.class,
                () -> client.putJobFailureResult(r -> r.jobId(JOB_ID)));
        assertThat(message(exception)).isEqualTo("1 validation error detected: Value null at 'failureDetails'"
                + " failed to satisfy constraint: Member must not be null");
    }

    @Test
    void aWrongNonceIsInvalidNonceException() {
        dispatchCustomJob();
        var exception = thrown(InvalidNonceException.class,
                () -> client.acknowledgeJob(r -> r.jobId(JOB_ID).nonce("42")));
        assertThat(message(exception)).contains("Nonce 42 is not valid for job " + JOB_ID);
        assertThat(mock.job(JOB_ID).status()).isEqualTo(JobStatus.DISPATCHED);
    }

    @Test
    void everyCallOnAnUnknownJobIsJobNotFoundException() {
        mock.registerClient(PARTNER_JOB.clientId(), PARTNER_JOB.clientToken());
        for (Operation operation : Operation.jobOperations()) {
            if (operation.errors().contains(AwsError.JOB_NOT_FOUND)) {
                var exception = thrown(JobNotFoundException.class,
                        () -> SdkClients.call(client, operation, PARTNER_JOB, CUSTOM_JOB));
                String jobId = operation.family() == Operation.Family.THIRD_PARTY ? PARTNER_JOB.jobId() : JOB_ID;
                assertThat(message(exception)).as(operation.operationName())
                        .isEqualTo("Job " + jobId + " not found");
            }
        }
    }

    @Test
    void aWrongClientTokenIsInvalidClientTokenExceptionAndNeverEchoed() {
        String jobId = mock.enqueue(PARTNER_JOB);
        client.pollForThirdPartyJobs(r -> r.actionTypeId(sdk(THIRD_PARTY_TYPE)));
        var exception = thrown(InvalidClientTokenException.class,
                () -> client.getThirdPartyJobDetails(r -> r.jobId(jobId).clientToken("stolen-t0ken")));
        assertThat(message(exception)).isEqualTo("The client token is not valid for job " + jobId)
                .doesNotContain("stolen-t0ken", PARTNER_JOB.clientToken());
    }

    @Test
    void detailsOfAPartnerJobNotYetPolledAreInvalidJobException() {
        String jobId = mock.enqueue(PARTNER_JOB);
        var exception = thrown(InvalidJobException.class,
                () -> client.getThirdPartyJobDetails(r -> r.jobId(jobId).clientToken(PARTNER_JOB.clientToken())));
        assertThat(message(exception)).contains("is not dispatched to a job worker");
    }

    @Test
    void aResultOnAJobNotInProgressIsInvalidJobStateException() {
        dispatchCustomJob();
        var exception = thrown(InvalidJobStateException.class,
                () -> client.putJobSuccessResult(r -> r.jobId(JOB_ID)));
        assertThat(message(exception)).isEqualTo("Job " + JOB_ID + " is Dispatched; a result can be put only on a"
                + " job that is InProgress");
    }

    @Test
    void tooLargeOutputVariablesAreOutputVariablesSizeExceededException() {
        dispatchCustomJob();
        client.acknowledgeJob(r -> r.jobId(JOB_ID).nonce(CUSTOM_JOB.job().nonce()));
        var exception = thrown(OutputVariablesSizeExceededException.class, () -> client.putJobSuccessResult(r -> r
                .jobId(JOB_ID).outputVariables(Map.of("A", "x".repeat(61_440), "B", "y".repeat(61_440)))));
        assertThat(message(exception)).contains("total 122882 bytes", "122880 bytes");
        assertThat(mock.job(JOB_ID).status()).isEqualTo(JobStatus.IN_PROGRESS);
    }

    static Stream<Arguments> everyErrorOfTheTable() {
        return Operation.jobOperations().stream()
                .flatMap(operation -> operation.errors().stream().map(error -> Arguments.of(operation, error)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyErrorOfTheTable")
    void everyErrorOfTheTableReachesTheSdkAsItsOwnExceptionClass(Operation operation, AwsError error) {
        mock.failNext(operation, 1, InjectedFault.error(error, "injected " + error.type()));
        var exception = thrown(SdkClients.exceptionClass(error),
                () -> SdkClients.call(client, operation, PARTNER_JOB, CUSTOM_JOB));
        assertThat(exception.awsErrorDetails().errorCode()).isEqualTo(error.type());
        assertThat(message(exception)).isEqualTo("injected " + error.type());
    }

    @ParameterizedTest
    @EnumSource(value = AwsError.class, names = {"THROTTLING", "INTERNAL_FAILURE", "SERVICE_UNAVAILABLE",
            "UNKNOWN_OPERATION"})
    void injectedServiceWideErrorsCarryAwssWordingWherePublic(AwsError error) {
        mock.failNext(Operation.GET_JOB_DETAILS, 1, InjectedFault.error(error));
        CodePipelineException exception = catchThrowableOfType(CodePipelineException.class,
                () -> client.getJobDetails(r -> r.jobId(JOB_ID)));
        assertThat(message(exception)).isEqualTo(switch (error) {
            case INTERNAL_FAILURE -> "The request processing has failed because of an unknown error, exception or"
                    + " failure.";
            case SERVICE_UNAVAILABLE -> "The request has failed due to a temporary failure of the server.";
            case UNKNOWN_OPERATION -> "The action or operation requested is invalid. Verify that the action is"
                    + " typed correctly.";
            default -> "Rate exceeded";
        });
    }

    @Test
    void aFaultTheOperationCannotAnswerIsRefusedNamingTheErrorsItCanAnswer() {
        assertThatThrownBy(() -> mock.failNext(Operation.POLL_FOR_JOBS, 1,
                InjectedFault.error(AwsError.INVALID_NONCE)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("PollForJobs cannot answer InvalidNonceException: it answers"
                        + " [ValidationException, ActionTypeNotFoundException, ThrottlingException, InternalFailure,")
                .hasMessageContaining("InjectedFault.anyError(...)");
        assertThatThrownBy(() -> mock.failNext(1, InjectedFault.error(AwsError.JOB_NOT_FOUND)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("A fault for any operation cannot be JobNotFoundException");
        assertThatCode(() -> mock.failNext(1, InjectedFault.error(AwsError.THROTTLING)))
                .as("service-wide: every operation answers it").doesNotThrowAnyException();
    }

    @Test
    void anyErrorInjectsAnErrorTheOperationsModelDoesNotList() {
        mock.failNext(Operation.POLL_FOR_JOBS, 1, InjectedFault.anyError(AwsError.INVALID_NONCE));
        var exception = thrown(InvalidNonceException.class, () -> client.pollForJobs(r -> r
                .actionTypeId(sdk(CUSTOM_TYPE))));
        assertThat(message(exception)).isEqualTo("InvalidNonceException injected by the mock");
    }

    @ParameterizedTest
    @EnumSource(value = AwsError.class, names = {"THROTTLING", "INTERNAL_FAILURE", "SERVICE_UNAVAILABLE",
            "ACCESS_DENIED", "UNKNOWN_OPERATION", "SERIALIZATION"})
    void serviceWideErrorsReachTheSdkWithTheirCodeAndStatus(AwsError error) {
        mock.failNext(Operation.GET_JOB_DETAILS, 1, InjectedFault.error(error));
        CodePipelineException exception = catchThrowableOfType(CodePipelineException.class,
                () -> client.getJobDetails(r -> r.jobId(JOB_ID)));
        assertThat(exception.statusCode()).isEqualTo(error.httpStatus());
        assertThat(exception.awsErrorDetails().errorCode()).isEqualTo(error.type());
        assertThat(message(exception)).isNotBlank();
    }

    @Test
    void throttlingFollowedBySuccessIsRetriedByTheSdksDefaultPolicy() {
        String jobId = mock.enqueue(CUSTOM_JOB);
        mock.failNext(Operation.POLL_FOR_JOBS, 1, InjectedFault.error(AwsError.THROTTLING));
        try (CodePipelineClient retrying = SdkClients.defaultRetries(mock)) {
            var jobs = retrying.pollForJobs(r -> r.actionTypeId(sdk(CUSTOM_TYPE))).jobs();
            assertThat(jobs).singleElement().satisfies(job -> assertThat(job.id()).isEqualTo(jobId));
        }
        List<LoggedRequest> polls = mock.wireMock().findAll(postRequestedFor(urlEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo(Operation.POLL_FOR_JOBS.target())));
        assertThat(polls).hasSize(2);
        assertThat(polls).extracting(request -> request.getHeader("amz-sdk-request"))
                .allSatisfy(header -> assertThat(header).startsWith("attempt="))
                .last().asString().startsWith("attempt=2");
        assertThat(mock.job(jobId).operations()).containsExactly(Operation.POLL_FOR_JOBS);
    }

    @Test
    void aSocketFaultBreaksTheConnectionAndTheNextCallIsServed() {
        mock.registerActionType(CUSTOM_TYPE);
        mock.failNext(1, InjectedFault.socket(Fault.CONNECTION_RESET_BY_PEER));
        assertThatThrownBy(() -> client.pollForJobs(r -> r.actionTypeId(sdk(CUSTOM_TYPE))))
                .isInstanceOf(SdkClientException.class);
        assertThat(client.pollForJobs(r -> r.actionTypeId(sdk(CUSTOM_TYPE))).jobs()).isEmpty();
    }

    @Test
    void aDelayedAnswerOutlastsAShortAttemptTimeout() {
        mock.registerActionType(CUSTOM_TYPE);
        mock.failNext(Operation.POLL_FOR_JOBS, 1, InjectedFault.delay(Duration.ofMillis(1_500)));
        try (CodePipelineClient impatient = SdkClients.builder(mock)
                .overrideConfiguration(c -> c.apiCallAttemptTimeout(Duration.ofMillis(200))
                        .retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build()) {
            assertThatThrownBy(() -> impatient.pollForJobs(r -> r.actionTypeId(sdk(CUSTOM_TYPE))))
                    .isInstanceOf(ApiCallAttemptTimeoutException.class);
            assertThat(impatient.pollForJobs(r -> r.actionTypeId(sdk(CUSTOM_TYPE))).jobs()).isEmpty();
        }
    }

    @Test
    void faultsForAnyOperationAnswerTheNextCallsWhateverTheyAre() {
        mock.registerActionType(CUSTOM_TYPE);
        mock.failNext(2, InjectedFault.error(AwsError.SERVICE_UNAVAILABLE));
        assertThat(catchThrowableOfType(CodePipelineException.class,
                () -> client.pollForJobs(r -> r.actionTypeId(sdk(CUSTOM_TYPE)))).statusCode()).isEqualTo(503);
        assertThat(catchThrowableOfType(CodePipelineException.class,
                () -> client.getJobDetails(r -> r.jobId(JOB_ID))).statusCode()).isEqualTo(503);
        assertThat(client.pollForJobs(r -> r.actionTypeId(sdk(CUSTOM_TYPE))).jobs()).isEmpty();
    }
}
