package io.github.cptestkit.mock.internal.grants;

import io.github.cptestkit.wire.Artifact;
import io.github.cptestkit.wire.AwsSessionCredentials;
import io.github.cptestkit.wire.EncryptionKey;
import io.github.cptestkit.wire.JobData;
import io.github.cptestkit.wire.S3ArtifactLocation;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What one job's artifact credentials may do in the emulated artifact bucket: read its input artifacts, write its
 * output artifacts, until they expire, with the job's KMS key when it has one. {@link #toString()} hides the secret
 * and the session token.
 *
 * <pre>{@code
 * ArtifactGrant grant = ArtifactGrant.forJob(job.jobId(), job.details().data(), clock.instant().plus(Duration.ofHours(1)))
 *         .orElseThrow();
 * grant.canWrite("pipeline/BuildOutpu/Xy12AbC");
 * }</pre>
 *
 * @param accessKeyId     the access key id of the job's artifactCredentials
 * @param secretAccessKey their secret
 * @param sessionToken    their session token, which every request must carry
 * @param expiresAt       when they stop working (on the mock's clock): ExpiredToken from then on
 * @param bucket          the artifact bucket
 * @param readableKeys    keys of the input artifacts
 * @param writableKeys    keys of the output artifacts
 * @param kmsKeyId        the job's encryptionKey id, when artifacts must be SSE-KMS encrypted with it
 * @param jobId           the job the credentials belong to
 */
public record ArtifactGrant(String accessKeyId, String secretAccessKey, String sessionToken, Instant expiresAt,
        String bucket, Set<String> readableKeys, Set<String> writableKeys, Optional<String> kmsKeyId, String jobId) {

    public ArtifactGrant {
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(secretAccessKey, "secretAccessKey");
        Objects.requireNonNull(sessionToken, "sessionToken");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(bucket, "bucket");
        readableKeys = Set.copyOf(readableKeys);
        writableKeys = Set.copyOf(writableKeys);
        Objects.requireNonNull(kmsKeyId, "kmsKeyId");
        Objects.requireNonNull(jobId, "jobId");
    }

    /**
     * The grant a job's data implies: its artifactCredentials, the bucket of its artifacts, its input artifacts'
     * keys to read, its output artifacts' keys to write, and its encryptionKey.
     *
     * @return empty when the job has no artifactCredentials or no artifacts
     * @throws IllegalArgumentException when the job's artifacts lie in more than one bucket
     */
    public static Optional<ArtifactGrant> forJob(String jobId, JobData data, Instant expiresAt) {
        AwsSessionCredentials credentials = data.artifactCredentials();
        List<S3ArtifactLocation> inputs = locations(data.inputArtifacts());
        List<S3ArtifactLocation> outputs = locations(data.outputArtifacts());
        if (credentials == null || (inputs.isEmpty() && outputs.isEmpty())) {
            return Optional.empty();
        }
        Set<String> buckets = new LinkedHashSet<>();
        Stream.concat(inputs.stream(), outputs.stream()).forEach(location -> buckets.add(location.bucketName()));
        if (buckets.size() > 1) {
            throw new IllegalArgumentException("job " + jobId + ": artifacts must lie in one artifact bucket, as a"
                    + " pipeline's do in a region; they lie in " + buckets + ". Put them in one bucket.");
        }
        return Optional.of(new ArtifactGrant(credentials.accessKeyId(), credentials.secretAccessKey(),
                credentials.sessionToken(), expiresAt, buckets.iterator().next(), keys(inputs), keys(outputs),
                Optional.ofNullable(data.encryptionKey()).map(EncryptionKey::id), jobId));
    }

    /** Whether the key may be read (an input or an output artifact). */
    public boolean canRead(String key) {
        return readableKeys.contains(key) || writableKeys.contains(key);
    }

    /** Whether the key may be written (an output artifact). */
    public boolean canWrite(String key) {
        return writableKeys.contains(key);
    }

    private static List<S3ArtifactLocation> locations(List<Artifact> artifacts) {
        return artifacts == null ? List.of() : artifacts.stream()
                .filter(artifact -> artifact.location() != null && artifact.location().s3Location() != null)
                .map(artifact -> artifact.location().s3Location())
                .toList();
    }

    private static Set<String> keys(List<S3ArtifactLocation> locations) {
        Set<String> keys = new LinkedHashSet<>();
        locations.forEach(location -> keys.add(location.objectKey()));
        return keys;
    }

    @Override
    public String toString() {
        return "ArtifactGrant[jobId=" + jobId + ", accessKeyId=" + accessKeyId + ", expiresAt=" + expiresAt
                + ", bucket=" + bucket + ", readableKeys=" + readableKeys + ", writableKeys=" + writableKeys
                + ", kmsKeyId=" + kmsKeyId.orElse("none") + ", secretAccessKey=*** Sensitive Data Redacted ***,"
                + " sessionToken=*** Sensitive Data Redacted ***]";
    }
}
