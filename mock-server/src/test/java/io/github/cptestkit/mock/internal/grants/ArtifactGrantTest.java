package io.github.cptestkit.mock.internal.grants;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cptestkit.wire.Artifact;
import io.github.cptestkit.wire.ArtifactLocation;
import io.github.cptestkit.wire.AwsSessionCredentials;
import io.github.cptestkit.wire.EncryptionKey;
import io.github.cptestkit.wire.JobData;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArtifactGrantTest {

    private static final Instant EXPIRY = Instant.parse("2025-06-01T11:00:00Z");
    private static final AwsSessionCredentials CREDENTIALS =
            new AwsSessionCredentials("ASIAJOB", "the-secret", "the-session-token");

    @Test
    void aJobsGrantReadsItsInputsWritesItsOutputsAndNamesItsKmsKey() {
        JobData data = data(List.of(artifact("bucket", "in/a"), artifact("bucket", "in/b")),
                List.of(artifact("bucket", "out/c")), CREDENTIALS, EncryptionKey.kms("key-arn"));

        ArtifactGrant grant = ArtifactGrant.forJob("job-1", data, EXPIRY).orElseThrow();

        assertThat(grant.bucket()).isEqualTo("bucket");
        assertThat(grant.readableKeys()).containsExactlyInAnyOrder("in/a", "in/b");
        assertThat(grant.writableKeys()).containsExactly("out/c");
        assertThat(grant.kmsKeyId()).hasValue("key-arn");
        assertThat(grant.canRead("out/c")).as("outputs may be read back").isTrue();
        assertThat(grant.canWrite("in/a")).as("inputs may not be overwritten").isFalse();
        assertThat(grant.sessionToken()).isEqualTo("the-session-token");
    }

    @Test
    void aJobWithoutCredentialsOrArtifactsGrantsNothing() {
        assertThat(ArtifactGrant.forJob("j", data(List.of(artifact("b", "k")), List.of(), null, null), EXPIRY))
                .isEmpty();
        assertThat(ArtifactGrant.forJob("j", data(null, null, CREDENTIALS, null), EXPIRY)).isEmpty();
    }

    @Test
    void artifactsInTwoBucketsAreRefusedWithBothNames() {
        JobData data = data(List.of(artifact("one", "k")), List.of(artifact("two", "k")), CREDENTIALS, null);

        assertThatThrownBy(() -> ArtifactGrant.forJob("job-2", data, EXPIRY))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("job-2")
                .hasMessageContaining("one").hasMessageContaining("two");
    }

    @Test
    void toStringHidesTheSecretAndTheSessionToken() {
        ArtifactGrant grant = ArtifactGrant.forJob("j", data(List.of(artifact("b", "k")), null, CREDENTIALS, null),
                EXPIRY).orElseThrow();

        assertThat(grant.toString()).contains("ASIAJOB").doesNotContain("the-secret")
                .doesNotContain("the-session-token");
    }

    private static Artifact artifact(String bucket, String key) {
        return new Artifact("A", null, ArtifactLocation.s3(bucket, key));
    }

    private static JobData data(List<Artifact> inputs, List<Artifact> outputs, AwsSessionCredentials credentials,
            EncryptionKey key) {
        return new JobData(null, null, null, inputs, outputs, credentials, null, key);
    }
}
