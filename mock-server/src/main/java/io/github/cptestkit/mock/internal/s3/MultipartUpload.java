package io.github.cptestkit.mock.internal.s3;

import java.time.Instant;

/**
 * A multipart upload in progress in the {@link ArtifactStore}.
 *
 * <pre>{@code MultipartUpload upload = store.createMultipartUpload("bucket", "key", ObjectAttributes.of(null));}</pre>
 *
 * @param uploadId   the id S3 clients send back with every part
 * @param bucket     the bucket
 * @param key        the key the object will have
 * @param attributes the attributes the object will have (from CreateMultipartUpload)
 * @param initiated  when it was created, on the store's clock
 */
public record MultipartUpload(String uploadId, String bucket, String key, ObjectAttributes attributes,
        Instant initiated) {}
