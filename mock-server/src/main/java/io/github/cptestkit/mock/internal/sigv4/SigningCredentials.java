package io.github.cptestkit.mock.internal.sigv4;

import java.util.Objects;
import java.util.Optional;

/**
 * What a server knows of an access key to check a signature: its secret and, for temporary credentials, the session
 * token the request must carry. {@link #toString()} never shows them.
 *
 * <pre>{@code
 * CredentialsLookup lookup = id -> id.equals("AKIDEXAMPLE")
 *         ? Optional.of(SigningCredentials.permanent("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"))
 *         : Optional.empty();
 * }</pre>
 *
 * @param secretAccessKey the secret the signing key derives from
 * @param sessionToken    the session token of temporary credentials; empty for long-term keys
 */
public record SigningCredentials(String secretAccessKey, Optional<String> sessionToken) {

    public SigningCredentials {
        Objects.requireNonNull(secretAccessKey, "secretAccessKey");
        Objects.requireNonNull(sessionToken, "sessionToken");
    }

    /** Long-term credentials: requests must carry no session token. */
    public static SigningCredentials permanent(String secretAccessKey) {
        return new SigningCredentials(secretAccessKey, Optional.empty());
    }

    /** Temporary credentials: requests must carry this session token. */
    public static SigningCredentials temporary(String secretAccessKey, String sessionToken) {
        return new SigningCredentials(secretAccessKey, Optional.of(sessionToken));
    }

    @Override
    public String toString() {
        return "SigningCredentials[*** Sensitive Data Redacted ***]";
    }
}
