package io.github.cptestkit.mock.internal.sigv4;

/**
 * The scope of a SigV4 signature, {@code <yyyyMMdd>/<region>/<service>/aws4_request}.
 *
 * <pre>{@code CredentialScope.parse("20240101/us-east-1/s3/aws4_request").service();   // "s3"}</pre>
 */
public record CredentialScope(String date, String region, String service) {

    static final String TERMINATOR = "aws4_request";

    /** The scope of a credential string without its access key id, or null when it is not one. */
    public static CredentialScope parse(String scope) {
        String[] parts = scope.split("/", -1);
        if (parts.length != 4 || !parts[0].matches("\\d{8}") || parts[1].isEmpty() || parts[2].isEmpty()
                || !TERMINATOR.equals(parts[3])) {
            return null;
        }
        return new CredentialScope(parts[0], parts[1], parts[2]);
    }

    /** The scope as it appears in the string to sign. */
    public String value() {
        return date + "/" + region + "/" + service + "/" + TERMINATOR;
    }
}
