package io.github.cptestkit.mock.internal.s3;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What an upload says about an object besides its bytes.
 *
 * <pre>{@code
 * ObjectAttributes attributes = ObjectAttributes.of("application/zip")
 *         .withEncryption("aws:kms", Optional.of("arn:aws:kms:us-east-1:123456789012:key/abcd"));
 * }</pre>
 *
 * @param contentType          the Content-Type (S3's default is {@code binary/octet-stream})
 * @param serverSideEncryption x-amz-server-side-encryption: {@code AES256} (S3's default), {@code aws:kms}, ...
 * @param kmsKeyId             x-amz-server-side-encryption-aws-kms-key-id, when sent
 * @param userMetadata         the x-amz-meta-* headers, names in lower case without the prefix
 * @param checksum             the flexible checksum sent with a single-part upload
 */
public record ObjectAttributes(String contentType, String serverSideEncryption, Optional<String> kmsKeyId,
        Map<String, String> userMetadata, Optional<ObjectChecksum> checksum) {

    /** S3's Content-Type for objects uploaded without one. */
    public static final String DEFAULT_CONTENT_TYPE = "binary/octet-stream";
    /** S3's default encryption (SSE-S3) since January 2023. */
    public static final String DEFAULT_ENCRYPTION = "AES256";

    public ObjectAttributes {
        contentType = contentType == null ? DEFAULT_CONTENT_TYPE : contentType;
        serverSideEncryption = serverSideEncryption == null ? DEFAULT_ENCRYPTION : serverSideEncryption;
        Objects.requireNonNull(kmsKeyId, "kmsKeyId");
        userMetadata = userMetadata == null ? Map.of() : Map.copyOf(new TreeMap<>(userMetadata));
        Objects.requireNonNull(checksum, "checksum");
    }

    /** An object of this content type, SSE-S3 encrypted, without metadata. */
    public static ObjectAttributes of(String contentType) {
        return new ObjectAttributes(contentType, null, Optional.empty(), Map.of(), Optional.empty());
    }

    /** The same attributes with this encryption. */
    public ObjectAttributes withEncryption(String serverSideEncryption, Optional<String> kmsKeyId) {
        return new ObjectAttributes(contentType, serverSideEncryption, kmsKeyId, userMetadata, checksum);
    }

    /** The same attributes with this checksum. */
    public ObjectAttributes withChecksum(Optional<ObjectChecksum> checksum) {
        return new ObjectAttributes(contentType, serverSideEncryption, kmsKeyId, userMetadata, checksum);
    }
}
