package io.github.cptestkit.wire;

import java.util.Objects;

/**
 * Where an artifact lies in the pipeline's artifact bucket.
 *
 * <pre>{@code new S3ArtifactLocation("codepipeline-eu-west-1-123456789012", "payments/SourceOutp/Ab3dE9x");}</pre>
 *
 * @param bucketName the artifact bucket's name
 * @param objectKey  the object's key in the bucket; CodePipeline writes {@code <pipeline>/<artifact>/<random>},
 *                   the first two parts cut to 20 and 10 characters
 */
public record S3ArtifactLocation(String bucketName, String objectKey) {
    /**
     * Checks both are given (the model requires them).
     *
     * @param bucketName the bucket's name, not null
     * @param objectKey  the object's key, not null
     * @throws NullPointerException if either is null
     */
    public S3ArtifactLocation {
        Objects.requireNonNull(bucketName, "bucketName");
        Objects.requireNonNull(objectKey, "objectKey");
    }
}
