package io.github.cptestkit.examples.worker;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.codepipeline.CodePipelineClient;
import software.amazon.awssdk.services.codepipeline.model.ActionTypeId;
import software.amazon.awssdk.services.codepipeline.model.Artifact;
import software.amazon.awssdk.services.codepipeline.model.FailureType;
import software.amazon.awssdk.services.codepipeline.model.JobStatus;
import software.amazon.awssdk.services.codepipeline.model.S3ArtifactLocation;
import software.amazon.awssdk.services.codepipeline.model.ThirdPartyJob;
import software.amazon.awssdk.services.codepipeline.model.ThirdPartyJobData;
import software.amazon.awssdk.services.codepipeline.model.ThirdPartyJobDetails;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/**
 * A third-party (partner) action worker: it polls CodePipeline for jobs of its action type, and for each one gets
 * the details, acknowledges it (going on only when the job is InProgress), downloads and unzips the input artifacts
 * with the job's credentials, writes a report of their text files (lines and words), uploads it zipped as the
 * output artifact (SSE-KMS with the job's key when it has one) and reports success with execution details. Missing
 * configuration is a ConfigurationError, a failing task a JobFailed. With {@code Mode=long} the work takes two
 * jobs: the first reports success with a continuation token, the second (which carries it) finishes.
 *
 * <p>Configuration: {@code ProjectName} (required, the report's title), {@code MaxLines} (optional: more lines
 * fail the job), {@code Mode} ({@code long} for the two-job run).
 *
 * <pre>{@code
 * SampleWorker worker = new SampleWorker(CodePipelineClient.create(),
 *         credentials -> S3Client.builder().credentialsProvider(StaticCredentialsProvider.create(credentials)).build(),
 *         ActionTypeId.builder().category("Build").owner("ThirdParty").provider("ReportBuilder").version("1").build(),
 *         Map.of(clientId, clientToken));
 * worker.run(Integer.MAX_VALUE);   // poll forever, backing off while there is nothing to do
 * }</pre>
 */
public final class SampleWorker {

    /** The first wait after an empty poll or an error; it doubles up to {@link #MAX_BACKOFF}. */
    public static final Duration INITIAL_BACKOFF = Duration.ofSeconds(1);
    /** The longest wait between polls. */
    public static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    /** How many jobs one poll asks for. */
    public static final int BATCH_SIZE = 5;

    private static final System.Logger LOG = System.getLogger(SampleWorker.class.getName());
    private static final String TOKEN_PREFIX = "files=";

    private final CodePipelineClient codePipeline;
    private final S3ClientFactory s3Clients;
    private final ActionTypeId actionType;
    private final Map<String, String> clientTokens;
    private final Sleeper sleeper;

    /** A worker that sleeps for real between polls. */
    public SampleWorker(CodePipelineClient codePipeline, S3ClientFactory s3Clients, ActionTypeId actionType,
            Map<String, String> clientTokens) {
        this(codePipeline, s3Clients, actionType, clientTokens, duration -> Thread.sleep(duration.toMillis()));
    }

    /**
     * @param codePipeline its CodePipeline client (its retry policy retries throttling)
     * @param s3Clients    makes an S3 client from a job's artifact credentials
     * @param actionType   the action type it serves
     * @param clientTokens the clientToken of each clientId registered for the action type
     * @param sleeper      how it waits between polls
     */
    public SampleWorker(CodePipelineClient codePipeline, S3ClientFactory s3Clients, ActionTypeId actionType,
            Map<String, String> clientTokens, Sleeper sleeper) {
        this.codePipeline = Objects.requireNonNull(codePipeline, "codePipeline");
        this.s3Clients = Objects.requireNonNull(s3Clients, "s3Clients");
        this.actionType = Objects.requireNonNull(actionType, "actionType");
        this.clientTokens = Map.copyOf(clientTokens);
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    }

    /**
     * Polls once and works on every job it gets; returns how many jobs it got. A failing poll is an
     * {@link SdkException} (after the client's own retries).
     */
    public int runOnce() {
        List<ThirdPartyJob> jobs = codePipeline.pollForThirdPartyJobs(r -> r.actionTypeId(actionType)
                .maxBatchSize(BATCH_SIZE)).jobs();
        for (ThirdPartyJob job : jobs) {
            try {
                work(job);
            } catch (SdkException e) {
                // The job comes back after its dispatch timeout; another poll will pick it up.
                LOG.log(System.Logger.Level.WARNING, "job {0} left for a later poll: {1}", job.jobId(),
                        e.getMessage());
            }
        }
        return jobs.size();
    }

    /**
     * Polls {@code polls} times, waiting after a poll that got no job or failed: {@link #INITIAL_BACKOFF}, doubled
     * after each such poll up to {@link #MAX_BACKOFF}, back to the start after a poll that got jobs. Returns how
     * many jobs it got.
     */
    public int run(int polls) throws InterruptedException {
        int total = 0;
        Duration backoff = INITIAL_BACKOFF;
        for (int i = 0; i < polls; i++) {
            int got;
            try {
                got = runOnce();
            } catch (SdkException e) {
                LOG.log(System.Logger.Level.WARNING, "poll failed: {0}", e.getMessage());
                got = 0;
            }
            total += got;
            if (got > 0) {
                backoff = INITIAL_BACKOFF;
            } else if (i < polls - 1) {
                sleeper.sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
        return total;
    }

    private void work(ThirdPartyJob job) {
        String clientToken = clientTokens.get(job.clientId());
        if (clientToken == null) {
            LOG.log(System.Logger.Level.WARNING, "job {0}: no client token for client {1}; skipped", job.jobId(),
                    job.clientId());
            return;
        }
        ThirdPartyJobDetails details = codePipeline.getThirdPartyJobDetails(r -> r.jobId(job.jobId())
                .clientToken(clientToken)).jobDetails();
        JobStatus status = codePipeline.acknowledgeThirdPartyJob(r -> r.jobId(job.jobId()).nonce(details.nonce())
                .clientToken(clientToken)).status();
        if (status != JobStatus.IN_PROGRESS) {
            LOG.log(System.Logger.Level.INFO, "job {0} is {1}, not InProgress; left alone", job.jobId(), status);
            return;
        }
        try {
            Outcome outcome = perform(details.data());
            codePipeline.putThirdPartyJobSuccessResult(r -> r.jobId(job.jobId()).clientToken(clientToken)
                    .continuationToken(outcome.continuationToken())
                    .executionDetails(d -> d.summary(outcome.summary()).percentComplete(outcome.percentComplete())
                            .externalExecutionId(job.jobId())));
        } catch (ConfigurationProblem e) {
            fail(job.jobId(), clientToken, FailureType.CONFIGURATION_ERROR, e.getMessage());
        } catch (IOException | TaskFailure | SdkException e) {
            fail(job.jobId(), clientToken, FailureType.JOB_FAILED, e.getMessage());
        }
    }

    private void fail(String jobId, String clientToken, FailureType type, String message) {
        String bounded = message == null || message.isEmpty() ? type.toString()
                : message.length() > 5000 ? message.substring(0, 5000) : message;
        codePipeline.putThirdPartyJobFailureResult(r -> r.jobId(jobId).clientToken(clientToken)
                .failureDetails(f -> f.type(type).message(bounded)));
    }

    private record Outcome(String summary, int percentComplete, String continuationToken) {}

    private Outcome perform(ThirdPartyJobData data) throws IOException, ConfigurationProblem, TaskFailure {
        Map<String, String> configuration = data.actionConfiguration() == null ? Map.of()
                : data.actionConfiguration().configuration();
        String title = configuration.get("ProjectName");
        if (title == null || title.isBlank()) {
            throw new ConfigurationProblem("Configuration property ProjectName is missing; set it to the name of"
                    + " the project the report is about");
        }
        Long maxLines = maxLines(configuration.get("MaxLines"));
        if (data.inputArtifacts().isEmpty() || data.outputArtifacts().isEmpty()) {
            throw new ConfigurationProblem("The action needs at least one input and one output artifact; it has "
                    + data.inputArtifacts().size() + " and " + data.outputArtifacts().size());
        }
        var credentials = data.artifactCredentials();
        try (S3Client s3 = s3Clients.create(AwsSessionCredentials.create(credentials.accessKeyId(),
                credentials.secretAccessKey(), credentials.sessionToken()))) {
            List<byte[]> zips = new ArrayList<>();
            for (Artifact input : data.inputArtifacts()) {
                S3ArtifactLocation location = input.location().s3Location();
                zips.add(s3.getObjectAsBytes(r -> r.bucket(location.bucketName()).key(location.objectKey()))
                        .asByteArray());
            }
            Report report = Report.of(title, zips);
            if (maxLines != null && report.lines() > maxLines) {
                throw new TaskFailure("The input has " + report.lines() + " lines, more than MaxLines ("
                        + maxLines + ")");
            }
            boolean longMode = "long".equals(configuration.get("Mode"));
            if (longMode && data.continuationToken() == null) {
                return new Outcome("Counted " + report.files().size() + " files; the report follows", 50,
                        TOKEN_PREFIX + report.files().size());
            }
            if (longMode && !data.continuationToken().equals(TOKEN_PREFIX + report.files().size())) {
                throw new TaskFailure("The input changed between the two jobs of the action: continuation token "
                        + data.continuationToken() + ", now " + TOKEN_PREFIX + report.files().size());
            }
            upload(s3, data, report.toZip());
            return new Outcome(report.summary(), 100, null);
        }
    }

    private static void upload(S3Client s3, ThirdPartyJobData data, byte[] zip) {
        S3ArtifactLocation output = data.outputArtifacts().get(0).location().s3Location();
        PutObjectRequest.Builder put = PutObjectRequest.builder().bucket(output.bucketName())
                .key(output.objectKey()).contentType("application/zip");
        if (data.encryptionKey() != null) {
            put.serverSideEncryption(ServerSideEncryption.AWS_KMS).ssekmsKeyId(data.encryptionKey().id());
        }
        s3.putObject(put.build(), RequestBody.fromBytes(zip));
    }

    private static Long maxLines(String value) throws ConfigurationProblem {
        if (value == null) {
            return null;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new ConfigurationProblem("Configuration property MaxLines must be a whole number, but is '"
                    + value + "'");
        }
    }

    /** The action is configured wrongly: reported as ConfigurationError. */
    private static final class ConfigurationProblem extends Exception {
        ConfigurationProblem(String message) {
            super(message);
        }
    }

    /** The task itself failed: reported as JobFailed. */
    private static final class TaskFailure extends Exception {
        TaskFailure(String message) {
            super(message);
        }
    }
}
