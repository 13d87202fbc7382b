package io.github.cptestkit.mock;

import com.fasterxml.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cptestkit.wire.ActionCategory;
import io.github.cptestkit.fixtures.FakeJobs;
import io.github.cptestkit.wire.FakeThirdPartyJob;
import io.github.cptestkit.wire.JobStatus;
import io.github.cptestkit.wire.Preset;
import io.github.cptestkit.wire.WireFormat;
import io.github.cptestkit.mock.jobs.JobDocument;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.codepipeline.CodePipelineClient;
import software.amazon.awssdk.services.codepipeline.model.CodePipelineException;
import software.amazon.awssdk.services.codepipeline.model.Job;
import software.amazon.awssdk.services.codepipeline.model.ThirdPartyJob;

/** The admin API over HTTP, as a test in another language drives it, checked against the mock's Java view. */
class AdminApiTest {

    private static final MockClock CLOCK = MockClock.at(Instant.parse("2026-01-01T00:00:00Z"));
    private static final long SEED = 42;
    private static final String MY_CI = "{\"category\": \"Build\", \"provider\": \"MyCi\", \"version\": \"1\"}";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static CodePipelineMock mock;
    private static CodePipelineClient sdk;
    private static AdminHttp admin;
    private long uploads;

    @BeforeAll
    static void start() {
        mock = CodePipelineMock.builder().clock(CLOCK).fakeJobSeed(SEED).build().start();
        sdk = SdkClients.oneAttempt(mock);
        admin = new AdminHttp(mock.endpoint());
    }

    @AfterAll
    static void stop() {
        sdk.close();
        mock.stop();
    }

    @BeforeEach
    void reset() {
        mock.reset();
    }

    @AfterEach
    void noProblems() {
        assertThat(mock.problems()).isEmpty();
    }

    @Test
    void aPresetOrderQueuesJobsOfOneActionTypeAndAnswersTheirClientPairs() {
        AdminHttp.Answer answer = admin.post("jobs", "{\"preset\": \"build-with-source-zip\", \"count\": 2,"
                + " \"actionTypeId\": " + MY_CI + "}");

        assertThat(answer.status()).isEqualTo(200);
        List<FakeThirdPartyJob> expected = FakeJobs.withSeed(SEED).thirdParty().preset(Preset.BUILD_WITH_SOURCE_ZIP)
                .category(ActionCategory.BUILD).provider("MyCi").version("1").buildList(2);
        JsonNode jobs = answer.body().get("jobs");
        assertThat(jobs).hasSize(2);
        for (int i = 0; i < 2; i++) {
            assertThat(jobs.get(i).get("jobId").asText()).isEqualTo(expected.get(i).jobId());
            assertThat(jobs.get(i).get("kind").asText()).isEqualTo("third-party");
            assertThat(jobs.get(i).get("clientId").asText()).isEqualTo(expected.get(i).clientId());
            assertThat(jobs.get(i).get("clientToken").asText()).isEqualTo(expected.get(i).clientToken());
        }
        List<ThirdPartyJob> polled = sdk.pollForThirdPartyJobs(r -> r.maxBatchSize(5)
                .actionTypeId(SdkClients.sdk(expected.get(0).actionTypeId()))).jobs();
        assertThat(polled).extracting(ThirdPartyJob::jobId).containsExactly(expected.get(0).jobId(),
                expected.get(1).jobId());
        assertThat(sdk.getThirdPartyJobDetails(r -> r.jobId(expected.get(1).jobId())
                .clientToken(jobs.get(1).get("clientToken").asText())).jobDetails().id())
                .isEqualTo(expected.get(1).jobId());
    }

    @Test
    void theNthJobQueuedIsJobNOfTheSeedSoTheSameRequestsGiveTheSameJobsAfterAReset() {
        String first = admin.post("jobs", "{\"kind\": \"custom\", \"count\": 3}").body().toString();
        assertThat(admin.post("jobs", "{}").body().at("/jobs/0/jobId").asText())
                .isEqualTo(FakeJobs.withSeed(SEED).thirdParty().index(3).build().jobId());

        admin.post("reset", "");

        assertThat(admin.get("jobs").body().get("jobs")).isEmpty();
        assertThat(admin.post("jobs", "{\"kind\": \"CUSTOM\", \"count\": 3}").body().toString()).isEqualTo(first);
    }

    @Test
    void jobDocumentsInTheApisOwnShapesAreQueuedAsGiven() throws Exception {
        JsonNode thirdParty = JSON.readTree(Files.readString(Path.of("../fixtures/examples/third-party-job.json")));
        JsonNode custom = JSON.readTree(Files.readString(Path.of("../fixtures/examples/custom-job.json")));

        AdminHttp.Answer answer = admin.post("jobs", "{\"jobs\": [" + thirdParty + ", " + custom + "]}");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().at("/jobs/0/clientId")).isEqualTo(thirdParty.get("clientId"));
        assertThat(answer.body().at("/jobs/0").has("clientToken")).as("a token the caller gave is not echoed")
                .isFalse();
        AdminHttp.Answer shown = admin.get("jobs/" + thirdParty.at("/jobDetails/id").asText());
        assertThat(shown.body().get("status").asText()).isEqualTo("Queued");
        ObjectNode shownData = (ObjectNode) shown.body().get("data");
        assertThat(shownData.get("artifactCredentials").findValuesAsText("secretAccessKey"))
                .containsExactly("*** Sensitive Data Redacted ***");
        ObjectNode given = thirdParty.at("/jobDetails/data").deepCopy();
        for (ObjectNode data : List.of(shownData, given)) {
            data.remove(List.of("artifactCredentials", "actionConfiguration"));
        }
        assertThat(shownData).as("the data as given, but for credentials and configuration values").isEqualTo(given);
        Job polled = sdk.pollForJobs(r -> r.actionTypeId(a -> a.category(custom.at("/data/actionTypeId/category")
                .asText()).owner("Custom").provider(custom.at("/data/actionTypeId/provider").asText())
                .version(custom.at("/data/actionTypeId/version").asText()))).jobs().get(0);
        assertThat(polled.id()).isEqualTo(custom.get("id").asText());
        assertThat(polled.nonce()).isEqualTo(custom.get("nonce").asText());

        AdminHttp.Answer again = admin.post("jobs", "{\"jobs\": [" + thirdParty + "]}");
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.message()).isEqualTo("job id " + thirdParty.at("/jobDetails/id").asText() + " is already"
                + " in this mock or twice in the request; give each job its own id, or POST reset first");
        assertThat(mock.jobs()).hasSize(2);
    }

    @Test
    void aJobShowsItsCallsAndItsResult() {
        String jobId = admin.post("jobs", "{\"kind\": \"custom\", \"actionTypeId\": " + MY_CI + "}").body()
                .at("/jobs/0/jobId").asText();
        Job job = sdk.pollForJobs(r -> r.actionTypeId(a -> a.category("Build").owner("Custom").provider("MyCi")
                .version("1"))).jobs().get(0);
        sdk.acknowledgeJob(r -> r.jobId(jobId).nonce(job.nonce()));
        CLOCK.advance(Duration.ofSeconds(5));
        sdk.putJobSuccessResult(r -> r.jobId(jobId).outputVariables(Map.of("IMAGE_TAG", "1.2.3")));

        JsonNode shown = admin.get("jobs/" + jobId).body();

        assertThat(shown.get("status").asText()).isEqualTo(JobStatus.SUCCEEDED.wire());
        assertThat(shown.get("kind").asText()).isEqualTo("custom");
        assertThat(shown.get("calls")).extracting(call -> call.get("operation").asText())
                .containsExactly("PollForJobs", "AcknowledgeJob", "PutJobSuccessResult");
        assertThat(shown.at("/calls/2/at").asText()).isEqualTo(CLOCK.instant().toString());
        assertThat(shown.at("/result/type").asText()).isEqualTo("success");
        assertThat(shown.at("/result/outputVariables/IMAGE_TAG").asText()).isEqualTo("1.2.3");
        assertThat(admin.get("jobs").body().at("/jobs/0/status").asText()).isEqualTo("Succeeded");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            jobs          | {"count": 0, "preset": "nope"}                                   | 2 validation errors detected: Value '0' at 'count' failed to satisfy constraint: Member must have value greater than or equal to 1; Value 'nope' at 'preset' failed to satisfy constraint: Member must satisfy enum value set: [minimal, maximal, build-with-source-zip, deploy-with-kms, secret-configuration, continuation, unicode, lambda-invoke]
            jobs          | {"actionTypeId": {"category": "Build", "provider": "My Ci"}}     | 2 validation errors detected: Value 'My Ci' at 'actionTypeId.provider' failed to satisfy constraint: Member must satisfy regular expression pattern: [0-9A-Za-z_-]+; Value null at 'actionTypeId.version' failed to satisfy constraint: Member must not be null
            jobs          | {"preset": "lambda-invoke", "kind": "third-party"}               | 1 validation error detected: Value 'third-party' at 'kind' failed to satisfy constraint: Member must be custom for preset lambda-invoke (Lambda invoke jobs are custom-action jobs of owner AWS)
            action-types  | {"actionTypeId": {"category": "Build", "owner": "Custom", "provider": "MyCi", "version": "1"}, "jobTimeoutSeconds": 30} | 1 validation error detected: Value '30' at 'jobTimeoutSeconds' failed to satisfy constraint: Member must have value greater than or equal to 60
            clients       | {"clientId": "not-a-uuid"}                                       | 2 validation errors detected: Value 'not-a-uuid' at 'clientId' failed to satisfy constraint: Member must satisfy regular expression pattern: [0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}; Value null at 'clientToken' failed to satisfy constraint: Member must not be null
            faults        | {"times": "2"}                                                   | 2 validation errors detected: Value null at 'error' failed to satisfy constraint: Exactly one of error, delayMillis and socketFault must be given, but none was; Value '2' at 'times' failed to satisfy constraint: Member must be of JSON type number
            clock/advance | {"seconds": -1}                                                  | 1 validation error detected: Value '-1' at 'seconds' failed to satisfy constraint: Member must have value greater than or equal to 0
            """)
    void invalidInputsAreValidationExceptionsNamingEveryMemberAndTheServerKeepsServing(String path, String body,
            String message) {
        AdminHttp.Answer answer = admin.post(path, body);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().get("__type").asText()).isEqualTo("ValidationException");
        assertThat(answer.errorType()).isEqualTo("ValidationException");
        assertThat(answer.contentType()).isEqualTo("application/json");
        assertThat(answer.message()).isEqualTo(message);
        assertThat(admin.get("jobs").status()).isEqualTo(200);
    }

    @Test
    void aBodyThatIsNotAJsonObjectIsSerializationException() {
        AdminHttp.Answer answer = admin.post("jobs", "[\"job\"]");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.errorType()).isEqualTo("SerializationException");
        assertThat(answer.message()).isEqualTo("The request body must be a JSON object, but was a JSON array");
        assertThat(admin.post("clients", "{\"clientId\":").errorType()).isEqualTo("SerializationException");
    }

    @Test
    void anUnknownJobIsJobNotFoundExceptionWithStatus404() {
        AdminHttp.Answer answer = admin.get("jobs/11111111-2222-3333-4444-555555555555");
        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.errorType()).isEqualTo("JobNotFoundException");
        assertThat(answer.message()).startsWith("Job 11111111-2222-3333-4444-555555555555 is not in this mock");
    }

    @Test
    void aBrokenJobDocumentIsRefusedNamingItsMembersWithoutShowingSecrets() {
        AdminHttp.Answer answer = admin.post("jobs", "{\"job\": {\"clientId\": \"c11e0000-0000-4000-8000-"
                + "000000000001\", \"clientToken\": \"" + "s".repeat(300) + "\", \"jobDetails\": {\"id\": \"j-1\","
                + " \"data\": {\"actionTypeId\": {\"category\": \"Build\", \"owner\": \"Custom\", \"provider\":"
                + " \"MyCi\", \"version\": \"1\"}, \"actionConfiguration\": {\"configuration\": {\"ApiToken\": \""
                + "t".repeat(1001) + "\"}}}}}}");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.message()).startsWith("4 validation errors detected: ")
                .contains("at 'job.clientToken' failed to satisfy constraint: Member must have length less than"
                        + " or equal to 256",
                        "at 'job.jobDetails.data.actionConfiguration.configuration.ApiToken' failed",
                        "Value 'Custom' at 'job.jobDetails.data.actionTypeId.owner' failed to satisfy constraint:"
                        + " Member must be ThirdParty in a third-party job",
                        "Value 'j-1' at 'job.jobDetails.id' failed")
                .doesNotContain("sss", "ttt");
        assertThat(mock.jobs()).isEmpty();
    }

    @Test
    void registeredActionTypesAndClientsAreKnownToTheSdkCalls() {
        assertThat(admin.post("action-types", "{\"actionTypeId\": {\"category\": \"Build\", \"owner\":"
                + " \"ThirdParty\", \"provider\": \"MyCi\", \"version\": \"1\"}, \"jobTimeoutSeconds\": 600}")
                .status()).isEqualTo(200);
        assertThat(sdk.pollForThirdPartyJobs(r -> r.actionTypeId(a -> a.category("Build").owner("ThirdParty")
                .provider("MyCi").version("1"))).jobs()).isEmpty();

        String client = "{\"clientId\": \"c11e0000-0000-4000-8000-000000000001\", \"clientToken\": \"token-alpha\"}";
        assertThat(admin.post("clients", client).status()).isEqualTo(200);
        AdminHttp.Answer again = admin.post("clients", client.replace("token-alpha", "token-beta"));
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.message()).contains("already registered with another clientToken").doesNotContain("token-");
    }

    @Test
    void aSuccessWithoutOutputVariablesShowsNone() {
        String jobId = admin.post("jobs", "{\"kind\": \"custom\", \"actionTypeId\": " + MY_CI + "}").body()
                .at("/jobs/0/jobId").asText();
        Job job = sdk.pollForJobs(r -> r.actionTypeId(a -> a.category("Build").owner("Custom").provider("MyCi")
                .version("1"))).jobs().get(0);
        sdk.acknowledgeJob(r -> r.jobId(jobId).nonce(job.nonce()));
        sdk.putJobSuccessResult(r -> r.jobId(jobId));

        JsonNode result = admin.get("jobs/" + jobId).body().get("result");

        assertThat(result.get("type").asText()).isEqualTo("success");
        assertThat(result.has("outputVariables")).as("no outputVariables were sent: %s", result).isFalse();
    }

    @Test
    void aFaultTheOperationCannotAnswerIsRefusedUnlessAnyErrorIsSaid() {
        AdminHttp.Answer refused = admin.post("faults", "{\"operation\": \"PollForJobs\", \"error\":"
                + " \"InvalidNonceException\"}");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorType()).isEqualTo("ValidationException");
        assertThat(refused.message()).startsWith("PollForJobs cannot answer InvalidNonceException: it answers"
                + " [ValidationException, ActionTypeNotFoundException,").contains("\"anyError\": true");

        AdminHttp.Answer allowed = admin.post("faults", "{\"operation\": \"PollForJobs\", \"error\":"
                + " \"InvalidNonceException\", \"anyError\": true}");
        assertThat(allowed.status()).isEqualTo(200);
        assertThatThrownBy(() -> sdk.pollForJobs(r -> r.actionTypeId(a -> a.category("Build").owner("Custom")
                .provider("MyCi").version("1")))).isInstanceOfSatisfying(CodePipelineException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidNonceException"));
        assertThat(admin.post("faults", "{\"delayMillis\": 1, \"anyError\": true}").message())
                .contains("'anyError'", "Member must be absent unless error is given");
    }

    @Test
    void anInjectedFaultReachesTheSdkAndIsUsedUp() {
        admin.post("jobs", "{\"kind\": \"custom\", \"actionTypeId\": " + MY_CI + "}");
        AdminHttp.Answer answer = admin.post("faults", "{\"operation\": \"PollForJobs\", \"error\":"
                + " \"ThrottlingException\"}");
        assertThat(answer.body().toString()).isEqualTo("{\"operation\":\"PollForJobs\",\"times\":1}");

        assertThatThrownBy(() -> sdk.pollForJobs(r -> r.actionTypeId(a -> a.category("Build").owner("Custom")
                .provider("MyCi").version("1")))).isInstanceOfSatisfying(CodePipelineException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ThrottlingException");
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Rate exceeded");
                });
        assertThat(sdk.pollForJobs(r -> r.actionTypeId(a -> a.category("Build").owner("Custom").provider("MyCi")
                .version("1"))).jobs()).hasSize(1);
    }

    @Test
    void advancingTheClockAppliesTheDispatchTimeout() {
        String jobId = admin.post("jobs", "{\"actionTypeId\": " + MY_CI + "}").body().at("/jobs/0/jobId").asText();
        sdk.pollForThirdPartyJobs(r -> r.actionTypeId(a -> a.category("Build").owner("ThirdParty").provider("MyCi")
                .version("1")));
        Instant before = CLOCK.instant();
        assertThat(admin.get("jobs/" + jobId).body().get("status").asText()).isEqualTo("Dispatched");

        assertThat(admin.post("clock/advance", "{\"seconds\": 30.5}").body().get("now").asText())
                .isEqualTo(before.plusMillis(30_500).toString());
        assertThat(admin.post("clock/advance", "{\"duration\": \"PT30S\"}").status()).isEqualTo(200);

        assertThat(CLOCK.instant()).isEqualTo(before.plusSeconds(60).plusMillis(500));
        assertThat(admin.get("clock").body().get("now").asText()).isEqualTo(CLOCK.instant().toString());
        assertThat(admin.get("jobs/" + jobId).body().get("status").asText()).isEqualTo("Queued");
    }

    @Test
    void anUploadedOutputArtifactIsReadAsBytesOrAsZipEntriesAndAnUnencryptedUploadIsAKmsViolation()
            throws Exception {
        JobDocument encrypted = new JobDocument.Custom(FakeJobs.withSeed(SEED).custom()
                .preset(Preset.BUILD_WITH_SOURCE_ZIP).encrypted().provider("MyCi").version("1").build());
        String jobId = admin.post("jobs", "{\"job\": " + encrypted.toJson() + "}").body().at("/jobs/0/jobId")
                .asText();
        Job job = sdk.pollForJobs(r -> r.actionTypeId(SdkClients.sdk(encrypted.actionTypeId()))).jobs().get(0);
        var output = job.data().outputArtifacts().get(0);
        String key = job.data().encryptionKey().id();
        byte[] zip = Zips.zip(Map.of("result.json", "{\"ok\":true}"));
        try (var s3 = SdkClients.s3(mock, job.data().artifactCredentials())) {
            var location = output.location().s3Location();
            PutObjectRequest.Builder put = PutObjectRequest.builder().bucket(location.bucketName())
                    .key(location.objectKey());
            assertThatThrownBy(() -> s3.putObject(put.build(), RequestBody.fromBytes(zip)))
                    .hasMessageContaining("Access Denied");
            s3.putObject(put.serverSideEncryption(ServerSideEncryption.AWS_KMS).ssekmsKeyId(key).build(),
                    RequestBody.fromBytes(zip));
        }
        String path = "jobs/" + jobId + "/artifacts/" + output.name();

        JsonNode entries = admin.get(path + "?format=entries").body();
        assertThat(entries.at("/entries/0/name").asText()).isEqualTo("result.json");
        assertThat(entries.at("/entries/0/text").asText()).isEqualTo("{\"ok\":true}");
        assertThat(entries.get("serverSideEncryption").asText()).isEqualTo("aws:kms");
        assertThat(entries.get("kmsKeyId").asText()).isEqualTo(key);
        HttpResponse<byte[]> bytes = HttpClient.newHttpClient().send(HttpRequest.newBuilder(mock.endpoint()
                .resolve("/__admin/codepipeline/" + path)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(bytes.body()).isEqualTo(zip);
        JsonNode violations = admin.get("kms-violations").body().get("kmsViolations");
        assertThat(violations).hasSize(1);
        assertThat(violations.at("/0/jobId").asText()).isEqualTo(jobId);
        assertThat(violations.at("/0/rejected").asBoolean()).isTrue();
    }

    @Test
    void theEntriesViewShowsContentUpToOneMebibyteAnEntryAndFourAViewAndListsTheRestWithTheirSizes() {
        String mebibyte = "x".repeat(1 << 20);
        String path = uploadedOutput(Zips.zip(Map.of("a.txt", "alpha", "b.txt", mebibyte + "y", "c1.txt", mebibyte,
                "c2.txt", mebibyte, "c3.txt", mebibyte, "c4.txt", mebibyte)));

        JsonNode entries = admin.get(path + "?format=entries").body().get("entries");

        assertThat(entries).extracting(entry -> entry.get("name").asText())
                .containsExactly("a.txt", "b.txt", "c1.txt", "c2.txt", "c3.txt", "c4.txt");
        assertThat(entries).extracting(entry -> entry.get("size").asLong())
                .containsExactly(5L, (1L << 20) + 1, 1L << 20, 1L << 20, 1L << 20, 1L << 20);
        assertThat(entries.at("/0/text").asText()).isEqualTo("alpha");
        assertThat(entries.get(1).has("text")).isFalse();
        assertThat(entries.at("/1/contentOmitted").asText()).isEqualTo("the entry is larger than 1048576 bytes;"
                + " read the artifact's bytes without ?format=entries");
        assertThat(entries.at("/2/text").asText()).isEqualTo(mebibyte);
        assertThat(entries.at("/4/text").asText()).isEqualTo(mebibyte);
        assertThat(entries.get(5).has("text")).isFalse();
        assertThat(entries.at("/5/contentOmitted").asText()).isEqualTo("the view shows at most 4194304 bytes of"
                + " entry content; read the artifact's bytes without ?format=entries");
    }

    @Test
    void anArtifactThatIsNotAZipOrABrokenOneReadAsEntriesIsA400NamingTheBytesAnswer() throws Exception {
        byte[] zip = Zips.zip(Map.of("result.json", "{\"ok\":true}".repeat(100)));
        byte[] broken = java.util.Arrays.copyOf(zip, zip.length / 2);
        String text = uploadedOutput("not a zip".getBytes(StandardCharsets.UTF_8));
        String cut = uploadedOutput(broken);

        AdminHttp.Answer notZip = admin.get(text + "?format=entries");
        AdminHttp.Answer unreadable = admin.get(cut + "?format=entries");

        assertThat(notZip.status()).isEqualTo(400);
        assertThat(notZip.errorType()).isEqualTo("ValidationException");
        assertThat(notZip.message()).endsWith(" is not a zip file (9 bytes); read its bytes without ?format=entries");
        assertThat(unreadable.status()).isEqualTo(400);
        assertThat(unreadable.errorType()).isEqualTo("ValidationException");
        assertThat(unreadable.message()).contains(" is not a readable zip file (" + broken.length + " bytes: ")
                .endsWith("; read its bytes without ?format=entries");
        HttpResponse<byte[]> bytes = HttpClient.newHttpClient().send(HttpRequest.newBuilder(mock.endpoint()
                .resolve("/__admin/codepipeline/" + cut)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(bytes.statusCode()).isEqualTo(200);
        assertThat(bytes.body()).isEqualTo(broken);
    }

    /**
     * Queues an encrypted custom job (the next of the seed's, counted by {@code uploads}), uploads its output artifact
     * as the worker would; its admin API path.
     */
    private String uploadedOutput(byte[] content) {
        JobDocument encrypted = new JobDocument.Custom(FakeJobs.withSeed(SEED).custom().index(uploads++)
                .preset(Preset.BUILD_WITH_SOURCE_ZIP).encrypted().provider("MyCi").version("1").build());
        String jobId = admin.post("jobs", "{\"job\": " + encrypted.toJson() + "}").body().at("/jobs/0/jobId")
                .asText();
        Job job = sdk.pollForJobs(r -> r.actionTypeId(SdkClients.sdk(encrypted.actionTypeId()))).jobs().get(0);
        var output = job.data().outputArtifacts().get(0);
        try (var s3 = SdkClients.s3(mock, job.data().artifactCredentials())) {
            s3.putObject(PutObjectRequest.builder().bucket(output.location().s3Location().bucketName())
                    .key(output.location().s3Location().objectKey()).serverSideEncryption(ServerSideEncryption.AWS_KMS)
                    .ssekmsKeyId(job.data().encryptionKey().id()).build(), RequestBody.fromBytes(content));
        }
        return "jobs/" + jobId + "/artifacts/" + output.name();
    }

    @Test
    void anArtifactNotYetUploadedOrNotTheJobsIsArtifactNotFoundWithStatus404() {
        String jobId = admin.post("jobs", "{\"preset\": \"build-with-source-zip\"}").body().at("/jobs/0/jobId")
                .asText();
        String output = mock.job(jobId).data().outputArtifacts().get(0).name();

        AdminHttp.Answer notYet = admin.get("jobs/" + jobId + "/artifacts/" + output);
        AdminHttp.Answer noSuch = admin.get("jobs/" + jobId + "/artifacts/Nope");

        assertThat(notYet.status()).isEqualTo(404);
        assertThat(notYet.errorType()).isEqualTo("ArtifactNotFoundException");
        assertThat(notYet.message()).isEqualTo("Output artifact " + output + " of job " + jobId + " is not uploaded"
                + " yet; the worker puts it at its S3 location with the job's credentials");
        assertThat(noSuch.status()).isEqualTo(404);
        assertThat(noSuch.message()).contains("has no output artifact named 'Nope'", output);
        assertThat(admin.get("jobs/" + jobId + "/artifacts/" + output + "?format=xml").message())
                .contains("Value 'xml' at 'format' failed to satisfy constraint");
    }

    @Test
    void aLambdaInvokeOrderQueuesCustomJobsOfOwnerAwsInProgress() {
        JsonNode job = admin.post("jobs", "{\"preset\": \"LAMBDA_INVOKE\"}").body().at("/jobs/0");
        assertThat(job.get("kind").asText()).isEqualTo("custom");
        assertThat(job.get("actionTypeId")).isEqualTo(WireFormat.toTree(FakeJobs.withSeed(SEED).custom()
                .preset(Preset.LAMBDA_INVOKE).build().actionTypeId()));
        assertThat(mock.job(job.get("jobId").asText()).status()).isEqualTo(JobStatus.IN_PROGRESS);
    }
}
