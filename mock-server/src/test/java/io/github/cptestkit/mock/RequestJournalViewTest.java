package io.github.cptestkit.mock;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.github.cptestkit.wire.FakeCustomJob;
import io.github.cptestkit.fixtures.FakeJobs;
import io.github.cptestkit.wire.Preset;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.codepipeline.CodePipelineClient;
import software.amazon.awssdk.services.codepipeline.model.Artifact;
import software.amazon.awssdk.services.codepipeline.model.Job;
import software.amazon.awssdk.services.codepipeline.model.JobData;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.PresignedPutObjectRequest;

/**
 * What WireMock's request journal holds of artifact-bucket traffic: every request and its answer, without their
 * bodies: an upload is journaled with the size and SHA-256 of the body as it arrived (aws-chunked framing
 * included), a download with its answer's Content-Length and ETag. Seen through WireMock's Java API and through its admin API, for uploads above and below
 * the spill threshold.
 */
class RequestJournalViewTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theJournalHoldsArtifactRequestsWithTheSizeAndHashOfTheirBodiesButNotTheBodies() throws Exception {
        try (CodePipelineMock mock = CodePipelineMock.builder().build().start()) {
            FakeCustomJob fake = FakeJobs.withSeed(21).custom().preset(Preset.DEPLOY_WITH_KMS).outputArtifacts(1)
                    .build();
            mock.enqueue(fake);
            byte[] large = bytes(3 << 20); // above the 1 MiB spill threshold
            byte[] small = bytes(1000);
            try (CodePipelineClient codePipeline = SdkClients.defaultRetries(mock)) {
                Job job = codePipeline.pollForJobs(r -> r.actionTypeId(SdkClients.sdk(fake.actionTypeId()))).jobs()
                        .get(0);
                JobData data = job.data();
                Artifact output = data.outputArtifacts().get(0);
                String bucket = output.location().s3Location().bucketName();
                String key = output.location().s3Location().objectKey();
                try (S3Client s3 = SdkClients.s3(mock, data.artifactCredentials())) {
                    for (byte[] body : List.of(large, small)) {
                        s3.putObject(r -> r.bucket(bucket).key(key).serverSideEncryption("aws:kms")
                                .ssekmsKeyId(data.encryptionKey().id()), RequestBody.fromBytes(body));
                    }
                }
                presignedPut(mock.endpoint(), data, bucket, key, large); // the body as it is, unframed
                try (S3Client s3 = SdkClients.s3(mock, data.artifactCredentials())) {
                    assertThat(s3.getObjectAsBytes(r -> r.bucket(bucket).key(key)).asByteArray()).isEqualTo(large);
                }
            }

            List<ServeEvent> events = mock.wireMock().getAllServeEvents();
            List<ServeEvent> uploads = events.stream().filter(e -> e.getRequest().getMethod().getName().equals("PUT"))
                    .toList();
            assertThat(uploads).hasSize(3);
            for (ServeEvent event : events) {
                assertThat(event.getResponseDefinition().getOriginalRequest()).as("journal entries keep no live"
                        + " request (it holds the connection's buffers)").isNull();
            }
            for (ServeEvent upload : uploads) {
                assertThat(upload.getRequest().getBody()).isEmpty();
                assertThat(upload.getResponse().getStatus()).isEqualTo(200);
            }
            for (ServeEvent upload : uploads) { // the SDK frames its bodies (aws-chunked): as many bytes as sent
                assertThat(upload.getRequest().getHeader("X-Cptestkit-Body-Bytes"))
                        .isEqualTo(upload.getRequest().getHeader("Content-Length"));
                assertThat(upload.getRequest().getHeader("X-Cptestkit-Body-Sha256")).matches("[0-9a-f]{64}");
            }
            ServeEvent presigned = uploads.stream().filter(e -> e.getRequest().getUrl().contains("X-Amz-Signature="))
                    .findFirst().orElseThrow();
            assertThat(presigned.getRequest().getHeader("X-Cptestkit-Body-Bytes")).isEqualTo("3145728");
            assertThat(presigned.getRequest().getHeader("X-Cptestkit-Body-Sha256")).isEqualTo(sha256(large));
            ServeEvent download = events.stream().filter(e -> e.getRequest().getMethod().getName().equals("GET"))
                    .findFirst().orElseThrow();
            assertThat(download.getResponse().getBody()).isNullOrEmpty();
            assertThat(download.getResponseDefinition().getByteBody()).isNullOrEmpty();
            assertThat(download.getResponse().getHeaders().getHeader("Content-Length").firstValue())
                    .isEqualTo("3145728");
            assertThat(download.getResponse().getHeaders().getHeader("ETag").firstValue())
                    .isEqualTo("\"" + hex("MD5", large) + "\"");

            JsonNode journal = JSON.readTree(HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(mock.endpoint() + "/__admin/requests")).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            List<JsonNode> bucketEntries = StreamSupport.stream(journal.path("requests").spliterator(), false)
                    .filter(entry -> !entry.path("request").path("url").asText().equals("/")).toList();
            assertThat(bucketEntries).hasSize(4);
            for (JsonNode entry : bucketEntries) {
                assertThat(entry.path("request").path("bodyAsBase64").asText()).isEmpty();
                assertThat(entry.path("response").path("bodyAsBase64").asText()).isEmpty();
                assertThat(entry.path("responseDefinition").path("base64Body").asText()).isEmpty();
            }
        }
    }

    /** A PutObject through a presigned URL, the body sent as it is (no aws-chunked framing). */
    private static void presignedPut(URI endpoint, JobData data, String bucket, String key, byte[] body)
            throws Exception {
        try (S3Presigner presigner = S3Presigner.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build())
                .credentialsProvider(StaticCredentialsProvider.create(AwsSessionCredentials.create(
                        data.artifactCredentials().accessKeyId(), data.artifactCredentials().secretAccessKey(),
                        data.artifactCredentials().sessionToken())))
                .build()) {
            PresignedPutObjectRequest put = presigner.presignPutObject(r -> r.signatureDuration(Duration.ofMinutes(5))
                    .putObjectRequest(p -> p.bucket(bucket).key(key).serverSideEncryption("aws:kms")
                            .ssekmsKeyId(data.encryptionKey().id())));
            HttpRequest.Builder request = HttpRequest.newBuilder(put.url().toURI())
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(body));
            put.signedHeaders().forEach((name, values) -> {
                if (!name.equalsIgnoreCase("host")) {
                    values.forEach(value -> request.header(name, value));
                }
            });
            HttpResponse<String> answer = HttpClient.newHttpClient().send(request.build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        }
    }

    private static byte[] bytes(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }

    private static String sha256(byte[] bytes) throws Exception {
        return hex("SHA-256", bytes);
    }

    private static String hex(String algorithm, byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(bytes));
    }
}
