package io.github.cptestkit.mock.internal;

import io.github.cptestkit.fixtures.Artifact;
import io.github.cptestkit.fixtures.ArtifactObject;
import io.github.cptestkit.fixtures.AwsSessionCredentials;
import io.github.cptestkit.fixtures.EncryptionKey;
import io.github.cptestkit.fixtures.JobStatus;
import io.github.cptestkit.fixtures.S3ArtifactLocation;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a job lets its worker do in the artifact store: the temporary credentials it hands out, the objects it may
 * read (input artifacts) and write (output artifacts), and the KMS key outputs must be encrypted with. Built from
 * the job's data by {@link JobStore#artifactGrant(String)}; the S3 emulator checks requests against it.
 *
 * <pre>{@code
 * ArtifactGrant grant = jobStore.artifactGrantForAccessKey(accessKeyId).orElseThrow();
 * boolean ok = grant.allowsRead(bucket, key) && grant.status() == JobStatus.IN_PROGRESS;
 * }</pre>
 *
 * @param jobId         the job
 * @param status        the job's status when the grant was read
 * @param credentials   the job's {@code artifactCredentials}, or {@code null} when it has none
 * @param encryptionKey the job's {@code encryptionKey}, or {@code null} when artifacts are not KMS-encrypted
 * @param inputs        where the input artifacts lie
 * @param outputs       where the output artifacts go
 * @param inputObjects  the bytes enqueued with the job for its input artifacts
 */
public record ArtifactGrant(String jobId, JobStatus status, AwsSessionCredentials credentials,
        EncryptionKey encryptionKey, List<S3ArtifactLocation> inputs, List<S3ArtifactLocation> outputs,
        List<ArtifactObject> inputObjects) {

    public ArtifactGrant {
        Objects.requireNonNull(jobId, "jobId");
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        inputObjects = List.copyOf(inputObjects);
    }

    /** Whether the job lets its worker read {@code bucket/key} (one of its input artifacts). */
    public boolean allowsRead(String bucket, String key) {
        return inputs.contains(new S3ArtifactLocation(bucket, key));
    }

    /** Whether the job lets its worker write {@code bucket/key} (one of its output artifacts). */
    public boolean allowsWrite(String bucket, String key) {
        return outputs.contains(new S3ArtifactLocation(bucket, key));
    }

    /** Every bucket the job's artifacts lie in. */
    public Set<String> buckets() {
        Set<String> buckets = new LinkedHashSet<>();
        inputs.forEach(l -> buckets.add(l.bucketName()));
        outputs.forEach(l -> buckets.add(l.bucketName()));
        return buckets;
    }

    static List<S3ArtifactLocation> locations(List<Artifact> artifacts) {
        List<S3ArtifactLocation> locations = new ArrayList<>();
        if (artifacts != null) {
            for (Artifact artifact : artifacts) {
                if (artifact.location() != null && artifact.location().s3Location() != null) {
                    locations.add(artifact.location().s3Location());
                }
            }
        }
        return locations;
    }

    /** Never shows the credentials. */
    @Override
    public String toString() {
        return "ArtifactGrant[jobId=" + jobId + ", status=" + status + ", encryptionKey=" + encryptionKey
                + ", inputs=" + inputs + ", outputs=" + outputs + ", inputObjects=" + inputObjects.size() + "]";
    }
}
