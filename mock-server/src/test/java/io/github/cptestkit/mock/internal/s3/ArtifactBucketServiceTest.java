package io.github.cptestkit.mock.internal.s3;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.ImmutableRequest;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import io.github.cptestkit.wire.EncryptionKey;
import io.github.cptestkit.mock.internal.server.StubDispatcher;
import io.github.cptestkit.mock.internal.sigv4.SignedRequest;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The emulator's own API: registration on WireMock, seeding, reset, options. */
class ArtifactBucketServiceTest {

    @Test
    void registeringAgainReplacesTheLowPriorityStub() {
        ArtifactBucketService s3 = ArtifactBucketService.builder().grants(new GrantRegistry()).build();
        StubDispatcher dispatcher = new StubDispatcher(s3.routes());
        WireMockServer server = new WireMockServer(dispatcher.configure(s3.configured(options().dynamicPort())));
        server.start();
        try {
            dispatcher.install(server);
            dispatcher.install(server);

            List<StubMapping> stubs = server.getStubMappings();
            assertThat(stubs).singleElement().satisfies(stub -> {
                assertThat(stub.getId()).isEqualTo(ArtifactBucketService.STUB_ID);
                assertThat(stub.getPriority()).isEqualTo(ArtifactBucketService.STUB_PRIORITY).isGreaterThan(5);
                assertThat(stub.getRequest().getCustomMatcher().getName()).isEqualTo(ArtifactBucketService.MATCHER_NAME);
            });
        } finally {
            server.stop();
            s3.close();
        }
    }

    @Test
    void theStubTakesEverySignatureFormOfS3AndLeavesOtherRequestsAlone() {
        String scope = "/20260101/us-east-1/s3/aws4_request";
        assertThat(ArtifactBucketService.isForTheBucket(request("/b/k", "AWS4-HMAC-SHA256 Credential=ASIAKEY" + scope
                + ", SignedHeaders=host, Signature=abc"))).as("SigV4 header").isTrue();
        assertThat(ArtifactBucketService.isForTheBucket(request("/b/k?X-Amz-Credential=ASIAKEY"
                + scope.replace("/", "%2F") + "&X-Amz-Signature=abc", null))).as("SigV4 presigned").isTrue();
        assertThat(ArtifactBucketService.isForTheBucket(request("/b/k", "AWS ASIAKEY:c2lnbmF0dXJl")))
                .as("Signature Version 2 header").isTrue();
        assertThat(ArtifactBucketService.isForTheBucket(request("/b/k?AWSAccessKeyId=ASIAKEY&Signature=abc", null)))
                .as("Signature Version 2 presigned").isTrue();

        assertThat(ArtifactBucketService.isForTheBucket(request("/", "AWS4-HMAC-SHA256 Credential=AKIAKEY"
                + "/20260101/us-east-1/codepipeline/aws4_request, SignedHeaders=host, Signature=abc")))
                .as("a CodePipeline call").isFalse();
        assertThat(ArtifactBucketService.isForTheBucket(request("/b/k", "AWS4-HMAC-SHA256 Credential=ASIAKEY "
                + scope))).as("a scope that is not the credential's").isFalse();
        assertThat(ArtifactBucketService.isForTheBucket(request("/b/k?X-Amz-Credential=ASIAKEY%2Fcodepipeline%2Faws4_request",
                null))).as("presigned for another service").isFalse();
        assertThat(ArtifactBucketService.isForTheBucket(request("/b/k?AWSAccessKeyId=ASIAKEY", null)))
                .as("Signature Version 2 presigned without its signature").isFalse();
        assertThat(ArtifactBucketService.isForTheBucket(request("/b/k", null))).as("unsigned").isFalse();
    }

    @Test
    void theCredentialScopeCheckAgreesWithItsRegularExpression() {
        Pattern regex = Pattern.compile("Credential=\\S*?/s3/aws4_request");
        String[] parts = {"Credential=", "/s3/aws4_request", "/codepipeline/aws4_request", "AKID", " ", "\t", ",",
            "/s3", "/aws4_request", "Credential", "=", "s3/"};
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder header = new StringBuilder();
            for (int n = random.nextInt(8); n > 0; n--) {
                header.append(parts[random.nextInt(parts.length)]);
            }
            String value = header.toString();
            assertThat(ArtifactBucketService.credentialScopedToS3(value)).as(value).isEqualTo(regex.matcher(value).find());
        }
    }

    private static Request request(String pathAndQuery, String authorization) {
        ImmutableRequest.Builder request = ImmutableRequest.create()
                .withAbsoluteUrl("http://localhost:8080" + pathAndQuery)
                .withMethod(RequestMethod.GET);
        if (authorization != null) {
            request.withHeader("Authorization", authorization);
        }
        return request.build();
    }

    @Test
    void aJobsInputsAreSeededAsZipsEncryptedWithItsKeyAndItsOutputBucketExists() {
        try (ArtifactBucketService s3 = ArtifactBucketService.builder().grants(new GrantRegistry()).build()) {
            var job = TestArtifacts.job("seeded", EncryptionKey.kms(TestArtifacts.KMS_KEY_ARN),
                    List.of("payments/BuildArtif/seeded-out.zip"));

            s3.seed(job);

            var input = s3.artifact(job.artifacts().get(0).location()).orElseThrow();
            assertThat(input.contentType()).isEqualTo("application/zip");
            assertThat(input.kmsKeyId()).hasValue(TestArtifacts.KMS_KEY_ARN);
            assertThat(input.zipEntries()).containsKey("buildspec.yml");
            assertThat(s3.store().bucketExists(TestArtifacts.BUCKET)).isTrue();
        }
    }

    @Test
    void resetForgetsObjectsAndViolations() {
        try (ArtifactBucketService s3 = ArtifactBucketService.builder().grants(new GrantRegistry()).build()) {
            s3.seed(TestArtifacts.job("reset", null, List.of()).artifacts());

            s3.reset();

            assertThat(s3.store().list(TestArtifacts.BUCKET)).isEmpty();
            assertThat(s3.kmsViolations()).isEmpty();
        }
    }

    @Test
    void anEmulatorWithoutGrantsIsRefusedWithTheFix() {
        assertThatThrownBy(() -> ArtifactBucketService.builder().build()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("grants(...)");
    }

    @Test
    void aRequestThatIsNotSignedForS3IsAnsweredAsAccessDeniedNeverAsAServerError() {
        try (ArtifactBucketService s3 = ArtifactBucketService.builder().grants(new GrantRegistry()).build()) {
            S3Response response = s3.handle(SignedRequest.of("GET", "/bucket/key", Map.of("Host",
                    List.of("localhost")), null));

            assertThat(response.status()).isEqualTo(403);
            assertThat(response.bodyText()).contains("<Code>AccessDenied</Code>");
            assertThat(response.headers()).containsKey("x-amz-request-id");
        }
    }
}
