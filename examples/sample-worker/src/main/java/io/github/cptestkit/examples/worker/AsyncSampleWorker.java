package io.github.cptestkit.examples.worker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.core.async.AsyncResponseTransformer;
import software.amazon.awssdk.services.codepipeline.CodePipelineAsyncClient;
import software.amazon.awssdk.services.codepipeline.model.AWSSessionCredentials;
import software.amazon.awssdk.services.codepipeline.model.ActionTypeId;
import software.amazon.awssdk.services.codepipeline.model.FailureType;
import software.amazon.awssdk.services.codepipeline.model.JobStatus;
import software.amazon.awssdk.services.codepipeline.model.S3ArtifactLocation;
import software.amazon.awssdk.services.codepipeline.model.ThirdPartyJob;
import software.amazon.awssdk.services.codepipeline.model.ThirdPartyJobData;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/**
 * The {@link SampleWorker}'s report task on the AWS SDK's async clients, as a worker built on
 * {@link CodePipelineAsyncClient} and {@link S3AsyncClient} (Netty) does it: poll, details, acknowledge, download the
 * inputs with the job's credentials, upload the report (SSE-KMS with the job's key when it has one) and report
 * success; {@code ConfigurationError} without {@code ProjectName}. No call blocks a thread: each step runs when the
 * previous one's future completes.
 *
 * <pre>{@code
 * AsyncSampleWorker worker = new AsyncSampleWorker(CodePipelineAsyncClient.create(),
 *         credentials -> S3AsyncClient.builder().credentialsProvider(StaticCredentialsProvider.create(
 *                 AwsSessionCredentials.create(credentials.accessKeyId(), credentials.secretAccessKey(),
 *                         credentials.sessionToken()))).build(),
 *         reportBuilderType, Map.of(clientId, clientToken));
 * int jobs = worker.runOnce().join();
 * }</pre>
 */
public final class AsyncSampleWorker {

    private final CodePipelineAsyncClient codePipeline;
    private final Function<AWSSessionCredentials, S3AsyncClient> s3Clients;
    private final ActionTypeId actionType;
    private final Map<String, String> clientTokens;

    /**
     * @param codePipeline its async CodePipeline client
     * @param s3Clients    makes an async S3 client from a job's artifact credentials (closed when the job is done)
     * @param actionType   the action type it serves
     * @param clientTokens the clientToken of each clientId registered for the action type
     */
    public AsyncSampleWorker(CodePipelineAsyncClient codePipeline,
            Function<AWSSessionCredentials, S3AsyncClient> s3Clients, ActionTypeId actionType,
            Map<String, String> clientTokens) {
        this.codePipeline = Objects.requireNonNull(codePipeline, "codePipeline");
        this.s3Clients = Objects.requireNonNull(s3Clients, "s3Clients");
        this.actionType = Objects.requireNonNull(actionType, "actionType");
        this.clientTokens = Map.copyOf(clientTokens);
    }

    /**
     * Polls once and works on every job it got, all at once; completes with the number of jobs once each has its
     * result, or exceptionally when a call fails.
     *
     * @return the number of jobs the poll got, when they are all done
     */
    public CompletableFuture<Integer> runOnce() {
        return codePipeline.pollForThirdPartyJobs(r -> r.actionTypeId(actionType).maxBatchSize(SampleWorker.BATCH_SIZE))
                .thenCompose(polled -> {
                    List<ThirdPartyJob> jobs = polled.jobs();
                    return CompletableFuture.allOf(jobs.stream().map(this::work).toArray(CompletableFuture[]::new))
                            .thenApply(done -> jobs.size());
                });
    }

    private CompletableFuture<Void> work(ThirdPartyJob job) {
        String clientToken = clientTokens.get(job.clientId());
        if (clientToken == null) {
            return CompletableFuture.completedFuture(null);
        }
        return codePipeline.getThirdPartyJobDetails(r -> r.jobId(job.jobId()).clientToken(clientToken))
                .thenCompose(details -> codePipeline.acknowledgeThirdPartyJob(r -> r.jobId(job.jobId())
                                .nonce(details.jobDetails().nonce()).clientToken(clientToken))
                        .thenCompose(ack -> ack.status() != JobStatus.IN_PROGRESS
                                ? CompletableFuture.completedFuture(null)
                                : perform(job.jobId(), clientToken, details.jobDetails().data())));
    }

    private CompletableFuture<Void> perform(String jobId, String clientToken, ThirdPartyJobData data) {
        String title = data.actionConfiguration() == null ? null
                : data.actionConfiguration().configuration().get("ProjectName");
        if (title == null || title.isBlank() || data.outputArtifacts().isEmpty()) {
            return codePipeline.putThirdPartyJobFailureResult(r -> r.jobId(jobId).clientToken(clientToken)
                    .failureDetails(f -> f.type(FailureType.CONFIGURATION_ERROR).message("Configuration property"
                            + " ProjectName is missing, or the action has no output artifact")))
                    .thenApply(done -> null);
        }
        S3AsyncClient s3 = s3Clients.apply(data.artifactCredentials());
        List<CompletableFuture<byte[]>> downloads = data.inputArtifacts().stream().map(input -> {
            S3ArtifactLocation location = input.location().s3Location();
            return s3.getObject(r -> r.bucket(location.bucketName()).key(location.objectKey()),
                    AsyncResponseTransformer.toBytes()).thenApply(bytes -> bytes.asByteArray());
        }).toList();
        return CompletableFuture.allOf(downloads.toArray(CompletableFuture[]::new))
                .thenApply(done -> report(title, downloads.stream().map(CompletableFuture::join).toList()))
                .thenCompose(report -> upload(s3, data, report.toZip()).thenApply(put -> report))
                .thenCompose(report -> codePipeline.putThirdPartyJobSuccessResult(r -> r.jobId(jobId)
                        .clientToken(clientToken).executionDetails(d -> d.summary(report.summary())
                                .percentComplete(100).externalExecutionId(jobId))))
                .whenComplete((result, error) -> s3.close())
                .thenApply(done -> null);
    }

    private static Report report(String title, List<byte[]> zips) {
        try {
            return Report.of(title, zips);
        } catch (IOException e) {
            throw new CompletionException(new UncheckedIOException(e));
        }
    }

    private static CompletableFuture<?> upload(S3AsyncClient s3, ThirdPartyJobData data, byte[] zip) {
        S3ArtifactLocation output = data.outputArtifacts().get(0).location().s3Location();
        return s3.putObject(r -> {
            r.bucket(output.bucketName()).key(output.objectKey()).contentType("application/zip");
            if (data.encryptionKey() != null) {
                r.serverSideEncryption(ServerSideEncryption.AWS_KMS).ssekmsKeyId(data.encryptionKey().id());
            }
        }, AsyncRequestBody.fromBytes(zip));
    }
}
