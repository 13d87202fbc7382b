package io.github.cptestkit.wire;

import java.util.Objects;

/**
 * The temporary credentials a job grants for its artifact bucket. {@link #toString()} never shows them.
 *
 * <pre>{@code
 * AwsSessionCredentials c = job.data().artifactCredentials();
 * AwsSessionCredentials.create(c.accessKeyId(), c.secretAccessKey(), c.sessionToken()); // the SDK's type
 * }</pre>
 */
public record AwsSessionCredentials(String accessKeyId, String secretAccessKey, String sessionToken) {

    public AwsSessionCredentials {
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(secretAccessKey, "secretAccessKey");
        Objects.requireNonNull(sessionToken, "sessionToken");
    }

    /** Redacted, as the AWS SDK prints sensitive members. */
    @Override
    public String toString() {
        return "AwsSessionCredentials[accessKeyId=*** Sensitive Data Redacted ***, secretAccessKey=*** Sensitive Data"
                + " Redacted ***, sessionToken=*** Sensitive Data Redacted ***]";
    }
}
