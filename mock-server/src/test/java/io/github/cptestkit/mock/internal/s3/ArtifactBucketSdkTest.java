package io.github.cptestkit.mock.internal.s3;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.github.cptestkit.mock.internal.s3.TestArtifacts.BUCKET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import io.github.cptestkit.wire.FakeThirdPartyJob;
import io.github.cptestkit.mock.Zips;
import io.github.cptestkit.mock.internal.sigv4.SigV4;
import io.github.cptestkit.mock.s3.StoredArtifact;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * The real S3Client of the AWS SDK for Java v2, with its default settings (flexible checksums, aws-chunked signed
 * uploads over http), against the emulated artifact bucket: downloads, uploads, ranges, listings, presigned URLs and
 * both addressing styles.
 */
class ArtifactBucketSdkTest {

    private static final String OUTPUT = "payments/BuildArtif/plain-out.zip";
    private static final String ODD_OUTPUT = "payments/BuildArtif/out put+ü~(1)&=.zip";
    private static final String DIRECTORY_OUTPUT = "payments/BuildArtif/reports/summary.zip";

    private static EmulatedBucket bucket;
    private static FakeThirdPartyJob job;
    private static FakeThirdPartyJob otherJob;
    private static S3Client s3;

    @BeforeAll
    static void start() {
        bucket = new EmulatedBucket(false);
        job = TestArtifacts.job("plain", null, List.of(OUTPUT, ODD_OUTPUT, DIRECTORY_OUTPUT));
        otherJob = TestArtifacts.job("other", null, List.of("payments/BuildArtif/other-out.zip"));
        bucket.enqueue(job);
        bucket.enqueue(otherJob);
        s3 = bucket.client(TestArtifacts.credentials(job));
    }

    @AfterEach
    void resetClock() {
        bucket.rewindClock();
    }

    @AfterAll
    static void stop() {
        s3.close();
        bucket.close();
    }

    @Test
    void anInputArtifactDownloadsAndUnzips() {
        ResponseBytes<GetObjectResponse> object = s3.getObjectAsBytes(r -> r.bucket(BUCKET)
                .key(TestArtifacts.inputKey(job)));

        assertThat(Zips.unzip(object.asByteArray())).containsKey("buildspec.yml")
                .isEqualTo(Zips.unzip(job.artifacts().get(0).content()));
        assertThat(object.response().contentType()).isEqualTo("application/zip");
        assertThat(object.response().eTag()).matches("\"[0-9a-f]{32}\"");
        assertThat(object.response().contentLength()).isEqualTo(job.artifacts().get(0).size());
    }

    @Test
    void anOutputArtifactUploadedWithTheClientsDefaultsIsStoredByteForByte() {
        byte[] zip = Zips.zip(Map.of("result.json", "{\"ok\":true}"));

        PutObjectResponse put = s3.putObject(r -> r.bucket(BUCKET).key(OUTPUT).metadata(Map.of("build", "42")),
                RequestBody.fromBytes(zip));

        StoredArtifact stored = bucket.s3.artifact(BUCKET, OUTPUT).orElseThrow();
        assertThat(stored.content()).isEqualTo(zip);
        assertThat(stored.zipEntryText("result.json")).isEqualTo("{\"ok\":true}");
        assertThat(stored.userMetadata()).containsEntry("build", "42");
        assertThat(put.eTag()).isEqualTo(stored.etag()).isEqualTo("\"" + SigV4.hex(
                SigV4.digest("MD5").digest(zip)) + "\"");
        assertThat(put.checksumCRC32()).isNotBlank();
        assertThat(put.serverSideEncryption()).isEqualTo(ServerSideEncryption.AES256);
    }

    @Test
    void anUploadWithChecksumsOnlyWhenRequiredIsStoredByteForByte() {
        byte[] zip = Zips.zip(Map.of("when-required.txt", "x".repeat(70_000)));
        try (S3Client plain = S3Client.builder().endpointOverride(bucket.endpoint())
                .region(Region.US_EAST_1).forcePathStyle(true)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .credentialsProvider(StaticCredentialsProvider.create(sdkCredentials(job)))
                .build()) {
            plain.putObject(r -> r.bucket(BUCKET).key(OUTPUT), RequestBody.fromBytes(zip));
        }

        assertThat(bucket.s3.artifact(BUCKET, OUTPUT).orElseThrow().content()).isEqualTo(zip);
    }

    @Test
    void aChecksumSentWithAnUploadIsReturnedWithTheObject() {
        byte[] zip = Zips.zip(Map.of("a.txt", "checksummed"));
        PutObjectResponse put = s3.putObject(r -> r.bucket(BUCKET).key(OUTPUT), RequestBody.fromBytes(zip));

        ResponseBytes<GetObjectResponse> got = s3.getObjectAsBytes(r -> r.bucket(BUCKET).key(OUTPUT)
                .checksumMode("ENABLED"));

        assertThat(got.response().checksumCRC32()).isEqualTo(put.checksumCRC32());
        assertThat(got.asByteArray()).isEqualTo(zip);
    }

    @Test
    void anUploadOverHttpsWithUnsignedChunksAndAChecksumTrailerIsStoredByteForByte() {
        byte[] zip = Zips.zip(Map.of("https.txt", "y".repeat(200_000)));
        try (S3Client https = bucket.httpsClient(TestArtifacts.credentials(job))) {
            https.putObject(r -> r.bucket(BUCKET).key(OUTPUT), RequestBody.fromBytes(zip));
        }

        assertThat(bucket.s3.artifact(BUCKET, OUTPUT).orElseThrow().content()).isEqualTo(zip);
        assertThat(bucket.server.findAll(com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor(
                urlPathEqualTo("/" + BUCKET + "/" + OUTPUT)))).last()
                .satisfies(request -> assertThat(request.getHeader("x-amz-content-sha256"))
                        .isEqualTo("STREAMING-UNSIGNED-PAYLOAD-TRAILER"));
    }

    @Test
    void headObjectReportsSizeEtagTypeAndEncryption() {
        HeadObjectResponse head = s3.headObject(r -> r.bucket(BUCKET).key(TestArtifacts.inputKey(job)));

        StoredArtifact input = bucket.s3.artifact(BUCKET, TestArtifacts.inputKey(job)).orElseThrow();
        assertThat(head.contentLength()).isEqualTo(input.size());
        assertThat(head.eTag()).isEqualTo(input.etag());
        assertThat(head.contentType()).isEqualTo("application/zip");
        assertThat(head.acceptRanges()).isEqualTo("bytes");
        assertThat(head.serverSideEncryption()).isEqualTo(ServerSideEncryption.AES256);
        assertThat(head.lastModified()).isEqualTo(input.lastModified());
    }

    @Test
    void aRangeGetAnswersPartialContentWithContentRange() {
        byte[] whole = job.artifacts().get(0).content();

        ResponseBytes<GetObjectResponse> part = s3.getObjectAsBytes(r -> r.bucket(BUCKET)
                .key(TestArtifacts.inputKey(job)).range("bytes=10-19"));
        ResponseBytes<GetObjectResponse> suffix = s3.getObjectAsBytes(r -> r.bucket(BUCKET)
                .key(TestArtifacts.inputKey(job)).range("bytes=-4"));

        assertThat(part.asByteArray()).isEqualTo(java.util.Arrays.copyOfRange(whole, 10, 20));
        assertThat(part.response().contentRange()).isEqualTo("bytes 10-19/" + whole.length);
        assertThat(part.response().contentLength()).isEqualTo(10);
        assertThat(suffix.asByteArray()).isEqualTo(java.util.Arrays.copyOfRange(whole, whole.length - 4,
                whole.length));
    }

    @Test
    void aRangePastTheEndIsInvalidRange() {
        assertThatThrownBy(() -> s3.getObjectAsBytes(r -> r.bucket(BUCKET).key(TestArtifacts.inputKey(job))
                .range("bytes=100000-")))
                .isInstanceOfSatisfying(S3Exception.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(416);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidRange");
                });
    }

    @Test
    void listObjectsV2ShowsOnlyTheJobsOwnArtifacts() {
        s3.putObject(r -> r.bucket(BUCKET).key(DIRECTORY_OUTPUT), RequestBody.fromString("zip"));
        try (S3Client other = bucket.client(TestArtifacts.credentials(otherJob))) {
            other.putObject(r -> r.bucket(BUCKET).key("payments/BuildArtif/other-out.zip"),
                    RequestBody.fromString("not yours"));
        }

        ListObjectsV2Response all = s3.listObjectsV2(r -> r.bucket(BUCKET).prefix("payments/"));
        ListObjectsV2Response folders = s3.listObjectsV2(r -> r.bucket(BUCKET).prefix("payments/BuildArtif/")
                .delimiter("/"));

        assertThat(all.contents()).extracting(S3Object::key).contains(TestArtifacts.inputKey(job), DIRECTORY_OUTPUT)
                .doesNotContain(TestArtifacts.inputKey(otherJob), "payments/BuildArtif/other-out.zip")
                .isSorted();
        assertThat(all.keyCount()).isEqualTo(all.contents().size());
        assertThat(folders.commonPrefixes()).extracting(p -> p.prefix())
                .containsExactly("payments/BuildArtif/reports/");
    }

    @Test
    void listObjectsV2PagesWithContinuationTokens() {
        s3.putObject(r -> r.bucket(BUCKET).key(OUTPUT), RequestBody.fromString("1"));
        s3.putObject(r -> r.bucket(BUCKET).key(DIRECTORY_OUTPUT), RequestBody.fromString("2"));

        List<String> paged = s3.listObjectsV2Paginator(r -> r.bucket(BUCKET).maxKeys(1)).contents().stream()
                .map(S3Object::key).toList();
        ListObjectsV2Response firstPage = s3.listObjectsV2(r -> r.bucket(BUCKET).maxKeys(1));

        assertThat(paged).containsExactlyElementsOf(s3.listObjectsV2(r -> r.bucket(BUCKET)).contents().stream()
                .map(S3Object::key).toList()).hasSizeGreaterThanOrEqualTo(3);
        assertThat(firstPage.isTruncated()).isTrue();
        assertThat(firstPage.nextContinuationToken()).isNotBlank();
    }

    @Test
    void aPresignedGetDownloadsWithAPlainHttpClient() throws Exception {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(presignedGet(Duration.ofMinutes(5))).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(job.artifacts().get(0).content());
    }

    @Test
    void anObjectIsSentAsStoredEvenToAClientThatAcceptsGzip() throws Exception {
        s3.putObject(r -> r.bucket(BUCKET).key(OUTPUT).contentType("application/xml"),
                RequestBody.fromString("<a/>".repeat(1000)));
        String etag = bucket.s3.artifact(BUCKET, OUTPUT).orElseThrow().etag();

        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                presignedGet(OUTPUT, Duration.ofMinutes(5))).header("Accept-Encoding", "gzip").build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertThat(response.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(response.headers().firstValue("ETag")).hasValue(etag);
        assertThat(response.body()).hasSize(4000);
    }

    @Test
    void aPresignedGetPastItsExpiryIsAccessDenied() throws Exception {
        URI url = presignedGet(Duration.ofMinutes(1));
        bucket.clock.advance(Duration.ofMinutes(2));

        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(url).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("<Code>AccessDenied</Code>").contains("Request has expired");
    }

    @Test
    void virtualHostedStyleRequestsFindTheBucketInTheHostHeader() {
        byte[] zip = Zips.zip(Map.of("virtual.txt", "hosted"));
        try (S3Client virtual = bucket.client(sdkCredentials(job), false)) {
            virtual.putObject(r -> r.bucket(BUCKET).key(OUTPUT), RequestBody.fromBytes(zip));
            byte[] read = virtual.getObjectAsBytes(r -> r.bucket(BUCKET).key(OUTPUT)).asByteArray();

            assertThat(read).isEqualTo(zip);
        }
        assertThat(bucket.server.getAllServeEvents()).anySatisfy(event -> {
            assertThat(event.getRequest().getHeader("Host")).startsWith(BUCKET + ".localhost:");
            assertThat(event.getRequest().getUrl()).startsWith("/" + OUTPUT);
        });
    }

    @Test
    void keysWithSpacesPlusSignsAndNonAsciiLettersAreSignedAndStoredAsNamed() {
        s3.putObject(r -> r.bucket(BUCKET).key(ODD_OUTPUT), RequestBody.fromString("odd"));

        assertThat(bucket.s3.artifact(BUCKET, ODD_OUTPUT)).map(StoredArtifact::content)
                .hasValue("odd".getBytes(StandardCharsets.UTF_8));
        assertThat(s3.getObjectAsBytes(r -> r.bucket(BUCKET).key(ODD_OUTPUT)).asUtf8String()).isEqualTo("odd");
        assertThat(s3.listObjectsV2(r -> r.bucket(BUCKET).prefix("payments/BuildArtif/out ")).contents())
                .extracting(S3Object::key).containsExactly(ODD_OUTPUT);
    }

    @Test
    void aUserStubAtDefaultPriorityWinsOverTheArtifactStore() {
        StubMapping userStub = bucket.server.stubFor(get(urlPathEqualTo("/" + BUCKET + "/" + OUTPUT))
                .willReturn(ok("from the user's stub")));
        try {
            assertThat(s3.getObjectAsBytes(r -> r.bucket(BUCKET).key(OUTPUT)).asUtf8String())
                    .isEqualTo("from the user's stub");
        } finally {
            bucket.server.removeStub(userStub);
        }
    }

    @Test
    void aCodePipelineCallIsLeftToOtherStubs() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        bucket.endpoint().resolve("/"))
                .header("X-Amz-Target", "CodePipeline_20150709.PollForThirdPartyJobs")
                .header("Content-Type", "application/x-amz-json-1.1")
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20250601/us-east-1/codepipeline/"
                        + "aws4_request, SignedHeaders=host;x-amz-date;x-amz-target, Signature=abc")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).doesNotContain("<Error>");
    }

    private static URI presignedGet(Duration lifetime) {
        return presignedGet(TestArtifacts.inputKey(job), lifetime);
    }

    private static URI presignedGet(String key, Duration lifetime) {
        try (S3Presigner presigner = S3Presigner.builder()
                .endpointOverride(bucket.endpoint())
                .region(Region.US_EAST_1)
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build())
                .credentialsProvider(StaticCredentialsProvider.create(sdkCredentials(job)))
                .build()) {
            return URI.create(presigner.presignGetObject(r -> r.signatureDuration(lifetime)
                    .getObjectRequest(g -> g.bucket(BUCKET).key(key))).url().toString());
        }
    }

    static software.amazon.awssdk.auth.credentials.AwsSessionCredentials sdkCredentials(FakeThirdPartyJob job) {
        var credentials = TestArtifacts.credentials(job);
        return software.amazon.awssdk.auth.credentials.AwsSessionCredentials.create(credentials.accessKeyId(),
                credentials.secretAccessKey(), credentials.sessionToken());
    }
}
