package io.github.cptestkit.wire;

import java.util.Objects;

/**
 * Where an artifact lies in the pipeline's artifact bucket.
 *
 * <pre>{@code new S3ArtifactLocation("codepipeline-eu-west-1-123456789012", "payments/SourceOutp/Ab3dE9x");}</pre>
 */
public record S3ArtifactLocation(String bucketName, String objectKey) {
    public S3ArtifactLocation {
        Objects.requireNonNull(bucketName, "bucketName");
        Objects.requireNonNull(objectKey, "objectKey");
    }
}
