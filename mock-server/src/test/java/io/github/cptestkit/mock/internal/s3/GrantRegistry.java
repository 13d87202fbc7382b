package io.github.cptestkit.mock.internal.s3;

import io.github.cptestkit.mock.internal.grants.ArtifactGrant;
import io.github.cptestkit.mock.internal.grants.ArtifactGrants;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A thread-safe set of {@link ArtifactGrant}s by access key id: the simplest {@link ArtifactGrants}, for the artifact
 * store's own tests, which run it without a job store.
 *
 * <pre>{@code
 * GrantRegistry grants = new GrantRegistry();
 * ArtifactGrant.forJob(job.jobId(), job.details().data(), expiry).ifPresent(grants::grant);
 * ArtifactBucketService s3 = ArtifactBucketService.builder().grants(grants).build();
 * }</pre>
 */
final class GrantRegistry implements ArtifactGrants {

    private final Map<String, ArtifactGrant> byAccessKeyId = new ConcurrentHashMap<>();

    /** Adds a grant, replacing any grant of the same access key id. */
    public void grant(ArtifactGrant grant) {
        byAccessKeyId.put(grant.accessKeyId(), grant);
    }

    /** Removes the grant of an access key id. */
    public void revoke(String accessKeyId) {
        byAccessKeyId.remove(accessKeyId);
    }

    /** Removes every grant of a job. */
    public void revokeJob(String jobId) {
        byAccessKeyId.values().removeIf(grant -> grant.jobId().equals(jobId));
    }

    /** Removes every grant. */
    public void clear() {
        byAccessKeyId.clear();
    }

    /** Every grant, in no particular order. */
    public List<ArtifactGrant> grants() {
        return List.copyOf(byAccessKeyId.values());
    }

    @Override
    public Optional<ArtifactGrant> grantFor(String accessKeyId) {
        return Optional.ofNullable(byAccessKeyId.get(accessKeyId));
    }
}
