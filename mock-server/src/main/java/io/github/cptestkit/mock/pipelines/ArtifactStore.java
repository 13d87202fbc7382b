package io.github.cptestkit.mock.pipelines;

import io.github.cptestkit.wire.EncryptionKey;
import java.util.Objects;

/**
 * Where a pipeline keeps its artifacts: an S3 bucket (the only store type AWS has), optionally encrypted with a KMS
 * key.
 *
 * <pre>{@code
 * ArtifactStore store = ArtifactStore.s3("codepipeline-us-east-1-1234567890")
 *         .withEncryptionKey(EncryptionKey.kms("arn:aws:kms:us-east-1:123456789012:key/1234abcd"));
 * }</pre>
 *
 * @param location      the bucket name
 * @param encryptionKey the KMS key of the artifacts, or {@code null} for the bucket's default encryption
 */
public record ArtifactStore(String location, EncryptionKey encryptionKey) {

    /** The store type of every artifact store. */
    public static final String TYPE = "S3";

    /**
     * The bucket is required.
     *
     * @param location      the bucket name
     * @param encryptionKey the KMS key of the artifacts, or {@code null} for the bucket's default encryption
     */
    public ArtifactStore {
        Objects.requireNonNull(location, "location");
    }

    /**
     * A store in bucket {@code location}, without a key of its own.
     *
     * @param location the bucket's name; not {@code null}
     * @return a store whose artifacts get the bucket's default encryption
     */
    public static ArtifactStore s3(String location) {
        return new ArtifactStore(location, null);
    }

    /**
     * The same store, its artifacts encrypted with {@code key}.
     *
     * @param key the KMS key its jobs' uploads must use, or {@code null} for the bucket's default encryption
     * @return a new store; this one is unchanged
     */
    public ArtifactStore withEncryptionKey(EncryptionKey key) {
        return new ArtifactStore(location, key);
    }

    /**
     * The store's type, as the wire's {@code artifactStore.type} says.
     *
     * @return always {@value #TYPE}
     */
    public String type() {
        return TYPE;
    }
}
