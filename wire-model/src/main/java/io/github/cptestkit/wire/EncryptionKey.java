package io.github.cptestkit.wire;

import java.util.Objects;

/**
 * The KMS key that encrypts a pipeline's artifacts; present on a job only when artifacts are KMS-encrypted.
 *
 * <pre>{@code EncryptionKey.kms("arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab");}</pre>
 */
public record EncryptionKey(String id, String type) {

    /** The only key type AWS has. */
    public static final String KMS = "KMS";

    public EncryptionKey {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
    }

    /** A KMS key. */
    public static EncryptionKey kms(String id) {
        return new EncryptionKey(id, KMS);
    }
}
