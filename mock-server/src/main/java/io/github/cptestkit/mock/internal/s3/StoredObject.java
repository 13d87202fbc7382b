package io.github.cptestkit.mock.internal.s3;

import java.time.Instant;
import java.util.Objects;

/**
 * The description of an object in the {@link ArtifactStore} (its bytes are read through the store).
 *
 * <pre>{@code store.find("bucket", "key").map(StoredObject::etag);   // Optional["\"9e107d9d372bb6826bd81d3542a419d6\""]}</pre>
 *
 * @param bucket       the bucket
 * @param key          the key
 * @param size         the size in bytes
 * @param etag         the entity tag as S3 sends it, quoted: the MD5 in hex, or {@code "<md5 of part md5s>-<parts>"}
 * @param lastModified when it was written, on the store's clock
 * @param attributes   content type, encryption, metadata and checksum
 * @param partCount    the number of parts of a multipart upload; 0 for a single-part upload
 */
public record StoredObject(String bucket, String key, long size, String etag, Instant lastModified,
        ObjectAttributes attributes, int partCount) {
    public StoredObject {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(etag, "etag");
        Objects.requireNonNull(lastModified, "lastModified");
        Objects.requireNonNull(attributes, "attributes");
    }
}
