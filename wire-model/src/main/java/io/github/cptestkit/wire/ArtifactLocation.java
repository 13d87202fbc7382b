package io.github.cptestkit.wire;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The location of an artifact: always of type {@code S3} today.
 *
 * <pre>{@code ArtifactLocation.s3("my-bucket", "pipeline/Artifact/AbC123x");}</pre>
 *
 * @param type       the location type, {@value #S3}
 * @param s3Location the bucket and key of the artifact
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ArtifactLocation(String type, S3ArtifactLocation s3Location) {

    /** The only location type AWS has. */
    public static final String S3 = "S3";

    /**
     * An S3 location.
     *
     * @param bucketName the artifact bucket, not null
     * @param objectKey  the object's key in it, not null
     * @return a location of type {@value #S3}
     * @throws NullPointerException if either is null
     */
    public static ArtifactLocation s3(String bucketName, String objectKey) {
        return new ArtifactLocation(S3, new S3ArtifactLocation(bucketName, objectKey));
    }
}
