package io.github.cptestkit.mock.internal.grants;

import io.github.cptestkit.mock.internal.grants.ArtifactGrant;
import java.util.Optional;

/**
 * How the job side tells the artifact store who may access what: the grant of the job whose artifactCredentials
 * carry this access key id. The job store implements it; the S3 edge asks it on every request.
 *
 * <pre>{@code
 * ArtifactBucketService s3 = ArtifactBucketService.builder().grants(jobStore).clock(clock).build();
 * ArtifactGrants fixed = accessKeyId -> ArtifactGrant.forJob(job.jobId(), job.details().data(), expiry)
 *         .filter(grant -> grant.accessKeyId().equals(accessKeyId));
 * }</pre>
 */
@FunctionalInterface
public interface ArtifactGrants {

    /** The grant of this access key id, or empty when no job has it. */
    Optional<ArtifactGrant> grantFor(String accessKeyId);
}
