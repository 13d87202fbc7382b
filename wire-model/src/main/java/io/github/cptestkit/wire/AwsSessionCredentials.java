package io.github.cptestkit.wire;

import java.util.Objects;

/**
 * The temporary credentials a job grants for its artifact bucket. {@link #toString()} never shows them.
 *
 * <pre>{@code
 * AwsSessionCredentials c = job.data().artifactCredentials();
 * AwsSessionCredentials.create(c.accessKeyId(), c.secretAccessKey(), c.sessionToken()); // the SDK's type
 * }</pre>
 *
 * @param accessKeyId     the access key id of the temporary credentials
 * @param secretAccessKey the secret access key; sensitive
 * @param sessionToken    the session token; sensitive
 */
public record AwsSessionCredentials(String accessKeyId, String secretAccessKey, String sessionToken) {

    /**
     * Checks all three are given (the model requires them).
     *
     * @param accessKeyId     the access key id, not null
     * @param secretAccessKey the secret access key, not null
     * @param sessionToken    the session token, not null
     * @throws NullPointerException if one is null (the message names the member, never a value)
     */
    public AwsSessionCredentials {
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(secretAccessKey, "secretAccessKey");
        Objects.requireNonNull(sessionToken, "sessionToken");
    }

    /**
     * Redacted, as the AWS SDK prints sensitive members.
     *
     * @return the member names, each with the value {@code *** Sensitive Data Redacted ***}
     */
    @Override
    public String toString() {
        return "AwsSessionCredentials[accessKeyId=*** Sensitive Data Redacted ***, secretAccessKey=*** Sensitive Data"
                + " Redacted ***, sessionToken=*** Sensitive Data Redacted ***]";
    }
}
