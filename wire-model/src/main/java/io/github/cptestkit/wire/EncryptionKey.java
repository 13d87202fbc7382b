package io.github.cptestkit.wire;

import java.util.Objects;

/**
 * The KMS key that encrypts a pipeline's artifacts; present on a job only when artifacts are KMS-encrypted.
 *
 * <pre>{@code EncryptionKey.kms("arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab");}</pre>
 *
 * @param id   the key's id, ARN or alias ARN (1 to 400 characters)
 * @param type the key type, {@value #KMS}
 */
public record EncryptionKey(String id, String type) {

    /** The only key type AWS has. */
    public static final String KMS = "KMS";

    /**
     * Checks both are given (the model requires them).
     *
     * @param id   the key's id or ARN, not null
     * @param type the key type, not null
     * @throws NullPointerException if either is null
     */
    public EncryptionKey {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
    }

    /**
     * A KMS key.
     *
     * @param id the key's id or ARN, not null
     * @return a key of type {@value #KMS}
     * @throws NullPointerException if {@code id} is null
     */
    public static EncryptionKey kms(String id) {
        return new EncryptionKey(id, KMS);
    }
}
