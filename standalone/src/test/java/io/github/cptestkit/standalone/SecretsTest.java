package io.github.cptestkit.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.common.ConsoleNotifier;
import io.github.cptestkit.wire.ActionConfiguration;
import io.github.cptestkit.wire.AwsSessionCredentials;
import io.github.cptestkit.wire.FakeCustomJob;
import io.github.cptestkit.fixtures.FakeJobs;
import io.github.cptestkit.wire.FakeThirdPartyJob;
import io.github.cptestkit.wire.Job;
import io.github.cptestkit.wire.JobData;
import io.github.cptestkit.wire.Preset;
import io.github.cptestkit.wire.ThirdPartyJobDetails;
import io.github.cptestkit.mock.AdminHttp;
import io.github.cptestkit.mock.CodePipelineMock;
import io.github.cptestkit.mock.jobs.JobDocument;
import io.github.cptestkit.schemas.Violation;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.codepipeline.CodePipelineClient;
import software.amazon.awssdk.services.codepipeline.model.FailureType;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Secrets the mock hands out (artifact credentials, client tokens, secret configuration values) never come back in
 * what the toolkit prints or answers about them: the standalone mock's stdout and stderr at {@code --verbose}, the
 * library's log, WireMock's notifier at its most verbose, System.out and System.err, exception and assertion
 * messages, {@code problems()}, the admin API's views and refusals. Generated secrets, worker traffic with
 * failures and validation errors against both a library mock and the standalone one, then a scan of everything.
 */
class SecretsTest {

    static final ObjectMapper JSON = new ObjectMapper();
    final String run = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    final String clientToken = "CLIENT-TOKEN-" + run;
    final String secretAccessKey = "SECRET-ACCESS-KEY-" + run;
    final String sessionToken = "SESSION-TOKEN-" + run;
    final String configurationSecret = "CONFIG-SECRET-" + run;
    final List<String> printed = new ArrayList<>();

    @Test
    void noGeneratedSecretAppearsInAnythingTheToolkitPrintsOrAnswers(@TempDir Path folder) throws Exception {
        FakeThirdPartyJob partner = withSecrets(FakeJobs.withSeed(61).thirdParty().preset(Preset.SECRET_CONFIGURATION)
                .build());
        FakeCustomJob custom = withSecrets(FakeJobs.withSeed(62).custom().preset(Preset.SECRET_CONFIGURATION).build());
        Path jobsFile = folder.resolve("jobs.json");
        Files.writeString(jobsFile, "[" + new JobDocument.ThirdParty(partner).toJson() + ", "
                + new JobDocument.Custom(custom).toJson() + "]");

        ByteArrayOutputStream systemOut = new ByteArrayOutputStream();
        ByteArrayOutputStream systemErr = new ByteArrayOutputStream();
        List<LogRecord> logged = new ArrayList<>();
        Handler logCapture = capture(logged);
        Logger root = Logger.getLogger("");
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        System.setOut(new PrintStream(tee(originalOut, systemOut), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(tee(originalErr, systemErr), true, StandardCharsets.UTF_8));
        root.addHandler(logCapture);
        ByteArrayOutputStream standaloneOut = new ByteArrayOutputStream();
        ByteArrayOutputStream standaloneErr = new ByteArrayOutputStream();
        MockServerCommand standalone = new MockServerCommand(new PrintStream(standaloneOut, true,
                StandardCharsets.UTF_8), new PrintStream(standaloneErr, true, StandardCharsets.UTF_8));
        try (CodePipelineMock library = CodePipelineMock.builder()
                .wireMockOptions(options -> options.notifier(new ConsoleNotifier(true))).build().start()) {
            library.enqueue(partner);
            library.enqueue(custom);
            assertThat(standalone.execute("--port", "0", "--verbose", "--jobs", jobsFile.toString())).isZero();
            for (CodePipelineMock mock : List.of(library, standalone.running())) {
                workAndFail(mock, partner, custom);
                String journal = journal(mock);
                assertThat(journal).as("the journal saw the calls, redacted").contains("GetThirdPartyJobDetails",
                        "artifactCredentials", Violation.REDACTED);
                printed.add(journal);
            }
            printed.add(library.problems().toString());
            printed.add(library.jobs().toString());
            printed.add(library.job(partner.jobId()).toString());
            printed.add(partner.toString() + custom + partner.details() + custom.job());
            printed.add(message(() -> library.enqueue(brokenCopy(partner))));
            printed.add(message(() -> library.registerClient(partner.clientId(), "another-token")));
            printed.add(message(() -> JobDocument.parse(new JobDocument.ThirdParty(brokenCopy(partner)).toJson()
                    .replace("\"clientId\"", "\"clientId\": 5, \"ignored\""))));
        } finally {
            if (standalone.running() != null) {
                standalone.running().close();
            }
            root.removeHandler(logCapture);
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
        printed.add(standaloneOut.toString(StandardCharsets.UTF_8));
        printed.add(standaloneErr.toString(StandardCharsets.UTF_8));
        printed.add(systemOut.toString(StandardCharsets.UTF_8));
        printed.add(systemErr.toString(StandardCharsets.UTF_8));
        logged.forEach(record -> printed.add(record.getMessage()));

        assertThat(standaloneErr.toString(StandardCharsets.UTF_8)).as("the --verbose log saw the calls")
                .contains("GetThirdPartyJobDetails", "PutJobFailureResult", "GET /");
        for (String secret : List.of(clientToken, secretAccessKey, sessionToken, configurationSecret)) {
            assertThat(String.join("\n", printed)).as("what the toolkit printed or answered").doesNotContain(secret);
        }
    }

    @Test
    void theRequestJournalShowsTheRawTrafficOnlyWhenAskedTo() throws Exception {
        FakeCustomJob custom = withSecrets(FakeJobs.withSeed(63).custom().preset(Preset.SECRET_CONFIGURATION).build());
        FakeThirdPartyJob partner = withSecrets(FakeJobs.withSeed(64).thirdParty()
                .preset(Preset.SECRET_CONFIGURATION).build());
        try (CodePipelineMock raw = CodePipelineMock.builder().redactRequestJournal(false).build().start()) {
            raw.enqueue(partner);
            raw.enqueue(custom);
            workAndFail(raw, partner, custom);

            String journal = journal(raw);

            assertThat(journal).as("the opted-out journal holds the traffic as sent").contains(clientToken,
                    secretAccessKey, sessionToken, configurationSecret);
            assertThat(journal).doesNotContain(Violation.REDACTED);
        }
    }

    /** WireMock's request journal as its Java API gives it and as its admin API serves it. */
    static String journal(CodePipelineMock mock) throws Exception {
        String api = com.github.tomakehurst.wiremock.common.Json.write(mock.wireMock().getAllServeEvents());
        HttpResponse<String> served = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(mock.endpoint() + "/__admin/requests")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(served.statusCode()).isEqualTo(200);
        return api + "\n" + served.body();
    }

    /** A worker's traffic with secrets in it: its loop, refused calls, downloads, admin reads and refusals. */
    void workAndFail(CodePipelineMock mock, FakeThirdPartyJob partner, FakeCustomJob custom) throws Exception {
        try (CodePipelineClient client = CodePipelineClient.builder().endpointOverride(mock.endpoint())
                .region(Region.US_EAST_1).credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())).build()) {
            var type = software.amazon.awssdk.services.codepipeline.model.ActionTypeId.builder()
                    .category(partner.actionTypeId().category().wire()).owner("ThirdParty")
                    .provider(partner.actionTypeId().provider()).version(partner.actionTypeId().version()).build();
            client.pollForThirdPartyJobs(r -> r.actionTypeId(type));
            var details = client.getThirdPartyJobDetails(r -> r.jobId(partner.jobId()).clientToken(clientToken))
                    .jobDetails();
            assertThat(details.data().artifactCredentials().secretAccessKey()).as("the worker is served its secrets")
                    .isEqualTo(secretAccessKey);
            printed.add(message(() -> client.getThirdPartyJobDetails(r -> r.jobId(partner.jobId())
                    .clientToken(clientToken + "-wrong"))));
            printed.add(message(() -> client.acknowledgeThirdPartyJob(r -> r.jobId(partner.jobId()).nonce("nope")
                    .clientToken(clientToken))));
            printed.add(message(() -> client.acknowledgeThirdPartyJob(r -> r.jobId("").nonce("")
                    .clientToken(clientToken))));
            client.acknowledgeThirdPartyJob(r -> r.jobId(partner.jobId()).nonce(details.nonce())
                    .clientToken(clientToken));
            client.putThirdPartyJobFailureResult(r -> r.jobId(partner.jobId()).clientToken(clientToken)
                    .failureDetails(f -> f.type(FailureType.JOB_FAILED).message("the worker failed")));
            printed.add(message(() -> client.putThirdPartyJobSuccessResult(r -> r.jobId(partner.jobId())
                    .clientToken(clientToken))));

            AwsSessionCredentials credentials = custom.job().data().artifactCredentials();
            var input = custom.job().data().inputArtifacts().get(0).location().s3Location();
            try (S3Client s3 = S3Client.builder().endpointOverride(mock.endpoint()).region(Region.US_EAST_1)
                    .forcePathStyle(true).httpClientBuilder(UrlConnectionHttpClient.builder())
                    .credentialsProvider(StaticCredentialsProvider.create(software.amazon.awssdk.auth.credentials
                            .AwsSessionCredentials.create(credentials.accessKeyId(), credentials.secretAccessKey(),
                                    credentials.sessionToken())))
                    .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())).build();
                    S3Presigner presigner = S3Presigner.builder().endpointOverride(mock.endpoint())
                            .region(Region.US_EAST_1).serviceConfiguration(software.amazon.awssdk.services.s3.S3Configuration.builder()
                                    .pathStyleAccessEnabled(true).build())
                            .credentialsProvider(StaticCredentialsProvider.create(software.amazon.awssdk.auth
                                    .credentials.AwsSessionCredentials.create(credentials.accessKeyId(),
                                            credentials.secretAccessKey(), credentials.sessionToken()))).build()) {
                s3.getObjectAsBytes(r -> r.bucket(input.bucketName()).key(input.objectKey()));
                printed.add(message(() -> s3.getObjectAsBytes(r -> r.bucket(input.bucketName()).key("not-yours"))));
                URI presigned = URI.create(presigner.presignGetObject(r -> r.signatureDuration(Duration.ofMinutes(5))
                        .getObjectRequest(g -> g.bucket(input.bucketName()).key(input.objectKey()))).url().toString());
                HttpClient http = HttpClient.newHttpClient();
                http.send(HttpRequest.newBuilder(presigned).GET().build(), HttpResponse.BodyHandlers.discarding());
                printed.add(http.send(HttpRequest.newBuilder(URI.create(presigned.toString().replace(
                        "X-Amz-Signature=", "X-Amz-Signature=0"))).GET().build(),
                        HttpResponse.BodyHandlers.ofString()).body());
            }
            var customType = software.amazon.awssdk.services.codepipeline.model.ActionTypeId.builder()
                    .category(custom.actionTypeId().category().wire()).owner("Custom")
                    .provider(custom.actionTypeId().provider()).version(custom.actionTypeId().version()).build();
            var polled = client.pollForJobs(r -> r.actionTypeId(customType)).jobs().get(0);
            client.acknowledgeJob(r -> r.jobId(polled.id()).nonce(polled.nonce()));
            client.putJobFailureResult(r -> r.jobId(polled.id()).failureDetails(f -> f
                    .type(FailureType.CONFIGURATION_ERROR).message("bad configuration")));
        }
        AdminHttp admin = new AdminHttp(mock.endpoint());
        printed.add(admin.get("jobs").body().toString());
        printed.add(admin.get("jobs/" + partner.jobId()).body().toString());
        printed.add(admin.get("jobs/" + custom.jobId()).body().toString());
        printed.add(admin.post("jobs", "{\"job\": " + new JobDocument.ThirdParty(partner).toJson() + "}").body()
                .toString());
        ObjectNode broken = (ObjectNode) JSON.readTree(new JobDocument.ThirdParty(brokenCopy(partner)).toJson());
        printed.add(admin.post("jobs", "{\"jobs\": [" + broken + "]}").body().toString());
        printed.add(admin.post("clients", "{\"clientId\": \"" + partner.clientId() + "\", \"clientToken\": \""
                + clientToken + "-other\"}").body().toString());
        printed.add(admin.post("clients", "{\"clientId\": \"not-a-uuid\", \"clientToken\": \"" + clientToken
                + "\"}").body().toString());
    }

    // ---------------------------------------------------------------- secrets in jobs

    FakeThirdPartyJob withSecrets(FakeThirdPartyJob job) {
        return new FakeThirdPartyJob(job.clientId(), clientToken, new ThirdPartyJobDetails(job.jobId(),
                secretData(job.details().data()), job.details().nonce()), job.artifacts());
    }

    FakeCustomJob withSecrets(FakeCustomJob job) {
        return new FakeCustomJob(new Job(job.jobId(), secretData(job.job().data()), job.job().nonce(),
                job.job().accountId()), job.artifacts());
    }

    JobData secretData(JobData data) {
        Map<String, String> configuration = new LinkedHashMap<>();
        data.actionConfiguration().configuration().keySet().forEach(key -> configuration.put(key,
                configurationSecret));
        return new JobData(data.actionTypeId(), new ActionConfiguration(configuration), data.pipelineContext(),
                data.inputArtifacts(), data.outputArtifacts(), new AwsSessionCredentials(
                        data.artifactCredentials().accessKeyId(), secretAccessKey, sessionToken),
                data.continuationToken(), data.encryptionKey());
    }

    /** The job with a configuration value too long for the wire format, and a new id. */
    FakeThirdPartyJob brokenCopy(FakeThirdPartyJob job) {
        JobData data = job.details().data();
        Map<String, String> configuration = new LinkedHashMap<>(data.actionConfiguration().configuration());
        configuration.replaceAll((key, value) -> configurationSecret.repeat(100));
        return new FakeThirdPartyJob(job.clientId(), clientToken, new ThirdPartyJobDetails(
                UUID.randomUUID().toString(), new JobData(data.actionTypeId(), new ActionConfiguration(configuration),
                        data.pipelineContext(), data.inputArtifacts(), data.outputArtifacts(),
                        data.artifactCredentials(), data.continuationToken(), data.encryptionKey()), null),
                job.artifacts());
    }

    // ---------------------------------------------------------------- capture

    static String message(Runnable call) {
        Throwable thrown = catchThrowable(call::run);
        assertThat(thrown).as("the call is refused").isNotNull();
        return thrown + " " + String.valueOf(thrown.getCause());
    }

    static Handler capture(List<LogRecord> into) {
        return new Handler() {
            @Override
            public void publish(LogRecord record) {
                into.add(record);
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
    }

    static OutputStream tee(OutputStream first, OutputStream second) {
        return new OutputStream() {
            @Override
            public void write(int b) throws java.io.IOException {
                first.write(b);
                second.write(b);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) throws java.io.IOException {
                first.write(bytes, offset, length);
                second.write(bytes, offset, length);
            }
        };
    }
}
