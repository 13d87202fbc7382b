package io.github.cptestkit.mock.internal.s3;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import io.github.cptestkit.fixtures.EncryptionKey;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The emulator's own API: registration on WireMock, seeding, reset, options. */
class S3EmulatorTest {

    @Test
    void registeringAgainReplacesTheLowPriorityStubs() {
        S3Emulator s3 = S3Emulator.builder().grants(new GrantRegistry()).build();
        WireMockServer server = new WireMockServer(options().dynamicPort().extensions(s3.extension()));
        server.start();
        try {
            s3.register(server);
            s3.register(server);

            List<StubMapping> stubs = server.getStubMappings();
            assertThat(stubs).hasSize(4).allSatisfy(stub -> assertThat(stub.getPriority())
                    .isEqualTo(S3Emulator.STUB_PRIORITY).isGreaterThan(5));
            assertThat(stubs).extracting(StubMapping::getId).containsExactlyInAnyOrder(
                    S3Emulator.HEADER_SIGNED_STUB_ID, S3Emulator.PRESIGNED_STUB_ID, S3Emulator.SIGV2_HEADER_STUB_ID,
                    S3Emulator.SIGV2_PRESIGNED_STUB_ID);
        } finally {
            server.stop();
            s3.close();
        }
    }

    @Test
    void aJobsInputsAreSeededAsZipsEncryptedWithItsKeyAndItsOutputBucketExists() {
        try (S3Emulator s3 = S3Emulator.builder().grants(new GrantRegistry()).build()) {
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
        try (S3Emulator s3 = S3Emulator.builder().grants(new GrantRegistry()).build()) {
            s3.seed(TestArtifacts.job("reset", null, List.of()).artifacts());

            s3.reset();

            assertThat(s3.store().list(TestArtifacts.BUCKET)).isEmpty();
            assertThat(s3.kmsViolations()).isEmpty();
        }
    }

    @Test
    void anEmulatorWithoutGrantsIsRefusedWithTheFix() {
        assertThatThrownBy(() -> S3Emulator.builder().build()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("grants(...)");
    }

    @Test
    void aRequestThatIsNotSignedForS3IsAnsweredAsAccessDeniedNeverAsAServerError() {
        try (S3Emulator s3 = S3Emulator.builder().grants(new GrantRegistry()).build()) {
            S3Response response = s3.handle(SignedRequest.of("GET", "/bucket/key", Map.of("Host",
                    List.of("localhost")), null));

            assertThat(response.status()).isEqualTo(403);
            assertThat(response.bodyText()).contains("<Code>AccessDenied</Code>");
            assertThat(response.headers()).containsKey("x-amz-request-id");
        }
    }
}
