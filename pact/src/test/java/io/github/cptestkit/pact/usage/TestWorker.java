package io.github.cptestkit.pact.usage;

import java.net.URI;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.codepipeline.CodePipelineClient;
import software.amazon.awssdk.services.codepipeline.model.ActionTypeId;
import software.amazon.awssdk.services.codepipeline.model.FailureType;
import software.amazon.awssdk.services.codepipeline.model.Job;
import software.amazon.awssdk.services.codepipeline.model.JobStatus;
import software.amazon.awssdk.services.codepipeline.model.ThirdPartyJob;
import software.amazon.awssdk.services.codepipeline.model.ThirdPartyJobDetails;

/**
 * A small job worker on the AWS SDK for Java v2, written the way AWS's sample workers are: what the consumer tests
 * run against Pact's mock server. It polls one job at a time, reads its details, acknowledges it, and reports a
 * result.
 */
final class TestWorker {

    private final CodePipelineClient client;
    private final Map<String, String> clientTokens;

    /** A worker for {@code endpoint} that knows these clientId → clientToken registrations. */
    TestWorker(String endpoint, Map<String, String> clientTokens) {
        this.client = CodePipelineClient.builder()
                .endpointOverride(URI.create(endpoint))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create("AKIAFAKEFAKEFAKE", "fake-secret-key")))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
        this.clientTokens = Map.copyOf(clientTokens);
    }

    /** Runs the next partner job of {@code type}: details, acknowledge, success; the job id, or null if none. */
    String runThirdPartyJob(io.github.cptestkit.wire.ActionTypeId type) {
        List<ThirdPartyJob> jobs = client.pollForThirdPartyJobs(r -> r.actionTypeId(sdk(type)).maxBatchSize(1))
                .jobs();
        if (jobs.isEmpty()) {
            return null;
        }
        String jobId = jobs.get(0).jobId();
        String token = clientTokens.get(jobs.get(0).clientId());
        ThirdPartyJobDetails details = client.getThirdPartyJobDetails(r -> r.jobId(jobId).clientToken(token))
                .jobDetails();
        JobStatus status = client.acknowledgeThirdPartyJob(r -> r.jobId(jobId).nonce(details.nonce())
                .clientToken(token)).status();
        if (status != JobStatus.IN_PROGRESS) {
            return null;
        }
        String provider = details.data().actionTypeId().provider();
        client.putThirdPartyJobSuccessResult(r -> r.jobId(jobId).clientToken(token)
                .executionDetails(e -> e.summary("Built by " + provider).percentComplete(100)));
        return jobId;
    }

    /** Takes the next custom-action job of {@code type} and fails it as a configuration error; its id, or null. */
    String failCustomJob(io.github.cptestkit.wire.ActionTypeId type, String message) {
        List<Job> jobs = client.pollForJobs(r -> r.actionTypeId(sdk(type)).maxBatchSize(1)).jobs();
        if (jobs.isEmpty()) {
            return null;
        }
        Job job = jobs.get(0);
        client.acknowledgeJob(r -> r.jobId(job.id()).nonce(job.nonce()));
        client.putJobFailureResult(r -> r.jobId(job.id())
                .failureDetails(f -> f.type(FailureType.CONFIGURATION_ERROR).message(message)));
        return job.id();
    }

    /** Reports a late success on a partner job (what a worker that lost track of time does). */
    void reportSuccess(String jobId, String clientToken) {
        client.putThirdPartyJobSuccessResult(r -> r.jobId(jobId).clientToken(clientToken));
    }

    private static ActionTypeId sdk(io.github.cptestkit.wire.ActionTypeId type) {
        return ActionTypeId.builder().category(type.category().wire()).owner(type.owner().wire())
                .provider(type.provider()).version(type.version()).build();
    }
}
