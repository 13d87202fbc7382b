package io.github.cptestkit.mock.internal.s3;

/**
 * Whether two ways of naming a KMS key name the same key: a key id ({@code 1234abcd-...}), a key ARN
 * ({@code arn:aws:kms:us-east-1:123456789012:key/1234abcd-...}), an alias ({@code alias/my-key}) or an alias ARN.
 * An id matches an ARN that ends in it; two ARNs must be equal.
 *
 * <pre>{@code KmsKeys.same("arn:aws:kms:us-east-1:123456789012:key/abcd", "abcd");   // true}</pre>
 */
final class KmsKeys {

    private KmsKeys() {}

    static boolean same(String expected, String sent) {
        if (expected.equals(sent)) {
            return true;
        }
        if (isArn(expected) && isArn(sent)) {
            return false;
        }
        return resource(expected).equals(resource(sent));
    }

    private static boolean isArn(String key) {
        return key.startsWith("arn:");
    }

    /** {@code key/<id>} or {@code alias/<name>}. */
    private static String resource(String key) {
        if (isArn(key)) {
            String[] parts = key.split(":", 6);
            return parts.length == 6 ? parts[5] : key;
        }
        return key.startsWith("alias/") ? key : "key/" + key;
    }
}
