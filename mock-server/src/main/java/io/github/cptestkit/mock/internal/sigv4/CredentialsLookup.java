package io.github.cptestkit.mock.internal.sigv4;

import java.util.Optional;

/**
 * Finds the signing credentials of an access key id, for {@link SigV4Verifier}.
 *
 * <pre>{@code CredentialsLookup lookup = id -> Optional.ofNullable(workerCredentials.get(id));}</pre>
 */
@FunctionalInterface
public interface CredentialsLookup {

    /** The credentials of this access key id, or empty when the key is unknown. */
    Optional<SigningCredentials> find(String accessKeyId);
}
