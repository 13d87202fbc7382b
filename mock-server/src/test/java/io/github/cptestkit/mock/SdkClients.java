package io.github.cptestkit.mock;

import io.github.cptestkit.wire.FakeCustomJob;
import io.github.cptestkit.wire.FakeThirdPartyJob;
import io.github.cptestkit.schemas.AwsError;
import io.github.cptestkit.schemas.Operation;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.codepipeline.CodePipelineClient;
import software.amazon.awssdk.services.codepipeline.CodePipelineClientBuilder;
import software.amazon.awssdk.services.codepipeline.model.AWSSessionCredentials;
import software.amazon.awssdk.services.codepipeline.model.ActionTypeId;
import software.amazon.awssdk.services.codepipeline.model.ActionTypeNotFoundException;
import software.amazon.awssdk.services.codepipeline.model.CodePipelineException;
import software.amazon.awssdk.services.codepipeline.model.FailureType;
import software.amazon.awssdk.services.codepipeline.model.InvalidClientTokenException;
import software.amazon.awssdk.services.codepipeline.model.InvalidJobException;
import software.amazon.awssdk.services.codepipeline.model.InvalidJobStateException;
import software.amazon.awssdk.services.codepipeline.model.InvalidNonceException;
import software.amazon.awssdk.services.codepipeline.model.JobNotFoundException;
import software.amazon.awssdk.services.codepipeline.model.OutputVariablesSizeExceededException;
import software.amazon.awssdk.services.codepipeline.model.ValidationException;
import software.amazon.awssdk.services.s3.S3Client;

/** The real AWS SDK for Java v2 clients, pointed at a mock, and one valid call of each operation. */
final class SdkClients {

    private SdkClients() {}

    /** A client that gives up after one attempt: for calls that are expected to fail. */
    static CodePipelineClient oneAttempt(CodePipelineMock mock) {
        return builder(mock).overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry())).build();
    }

    /** A client with the SDK's default retry policy. */
    static CodePipelineClient defaultRetries(CodePipelineMock mock) {
        return builder(mock).build();
    }

    /** A client builder for the mock's endpoint, with fake credentials and the URL-connection HTTP client. */
    static CodePipelineClientBuilder builder(CodePipelineMock mock) {
        return CodePipelineClient.builder()
                .endpointOverride(mock.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create("AKIAFAKEFAKEFAKE", "fake-secret-key")))
                .httpClientBuilder(UrlConnectionHttpClient.builder());
    }

    /**
     * The real S3 client a worker builds from a job's {@code artifactCredentials}, pointed at the mock (path-style,
     * no retries).
     */
    static S3Client s3(CodePipelineMock mock, AWSSessionCredentials credentials) {
        return S3Client.builder()
                .endpointOverride(mock.endpoint())
                .region(Region.US_EAST_1)
                .forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsSessionCredentials.create(
                        credentials.accessKeyId(), credentials.secretAccessKey(), credentials.sessionToken())))
                .httpClientBuilder(ApacheHttpClient.builder())
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    /** The SDK's action type id for one of ours. */
    static ActionTypeId sdk(io.github.cptestkit.wire.ActionTypeId type) {
        return ActionTypeId.builder().category(type.category().wire()).owner(type.owner().wire())
                .provider(type.provider()).version(type.version()).build();
    }

    /** The SDK exception class a modelled error arrives as; the base class for service-wide errors. */
    static Class<? extends CodePipelineException> exceptionClass(AwsError error) {
        return switch (error) {
            case ACTION_TYPE_NOT_FOUND -> ActionTypeNotFoundException.class;
            case INVALID_CLIENT_TOKEN -> InvalidClientTokenException.class;
            case INVALID_JOB -> InvalidJobException.class;
            case INVALID_JOB_STATE -> InvalidJobStateException.class;
            case INVALID_NONCE -> InvalidNonceException.class;
            case JOB_NOT_FOUND -> JobNotFoundException.class;
            case OUTPUT_VARIABLES_SIZE_EXCEEDED -> OutputVariablesSizeExceededException.class;
            case VALIDATION -> ValidationException.class;
            default -> CodePipelineException.class;
        };
    }

    /** One schema-valid call of {@code operation} about {@code partner} or {@code custom}, by its family. */
    static void call(CodePipelineClient client, Operation operation, FakeThirdPartyJob partner,
            FakeCustomJob custom) {
        String partnerId = partner.jobId();
        String token = partner.clientToken();
        String jobId = custom.jobId();
        switch (operation) {
            case POLL_FOR_THIRD_PARTY_JOBS -> client.pollForThirdPartyJobs(r -> r
                    .actionTypeId(sdk(partner.actionTypeId())).maxBatchSize(1));
            case GET_THIRD_PARTY_JOB_DETAILS -> client.getThirdPartyJobDetails(r -> r
                    .jobId(partnerId).clientToken(token));
            case ACKNOWLEDGE_THIRD_PARTY_JOB -> client.acknowledgeThirdPartyJob(r -> r
                    .jobId(partnerId).nonce(partner.details().nonce()).clientToken(token));
            case PUT_THIRD_PARTY_JOB_SUCCESS_RESULT -> client.putThirdPartyJobSuccessResult(r -> r
                    .jobId(partnerId).clientToken(token)
                    .currentRevision(c -> c.revision("r-1").changeIdentifier("c-1").created(Instant.EPOCH)));
            case PUT_THIRD_PARTY_JOB_FAILURE_RESULT -> client.putThirdPartyJobFailureResult(r -> r
                    .jobId(partnerId).clientToken(token)
                    .failureDetails(f -> f.type(FailureType.JOB_FAILED).message("failed")));
            case POLL_FOR_JOBS -> client.pollForJobs(r -> r.actionTypeId(sdk(custom.actionTypeId())).maxBatchSize(1));
            case ACKNOWLEDGE_JOB -> client.acknowledgeJob(r -> r.jobId(jobId).nonce(custom.job().nonce()));
            case GET_JOB_DETAILS -> client.getJobDetails(r -> r.jobId(jobId));
            case PUT_JOB_SUCCESS_RESULT -> client.putJobSuccessResult(r -> r
                    .jobId(jobId).outputVariables(Map.of("IMAGE_TAG", "1.2.3")));
            case PUT_JOB_FAILURE_RESULT -> client.putJobFailureResult(r -> r
                    .jobId(jobId).failureDetails(f -> f.type(FailureType.CONFIGURATION_ERROR).message("bad")));
        }
    }
}
