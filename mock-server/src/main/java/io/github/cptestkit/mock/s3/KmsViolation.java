package io.github.cptestkit.mock.s3;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An upload of a job that should have been SSE-KMS encrypted with the job's encryptionKey and was not: no
 * {@code x-amz-server-side-encryption: aws:kms}, or not the job's key in
 * {@code x-amz-server-side-encryption-aws-kms-key-id}. Recorded in every mode; rejected with AccessDenied in strict
 * mode.
 *
 * <pre>{@code
 * assertThat(mock.kmsViolations()).isEmpty();
 * // or: violation.problem() -> "x-amz-server-side-encryption was absent; the job's artifacts must use aws:kms"
 * }</pre>
 *
 * @param jobId              the job whose credentials signed the upload
 * @param operation          {@code PutObject} or {@code CreateMultipartUpload}
 * @param bucket             the bucket
 * @param key                the key
 * @param expectedKmsKeyId   the job's encryptionKey id
 * @param sentEncryption     the x-amz-server-side-encryption sent, if any
 * @param sentKmsKeyId       the x-amz-server-side-encryption-aws-kms-key-id sent, if any
 * @param problem            what was wrong, in words
 * @param rejected           whether the upload was refused (strict mode) or accepted anyway
 * @param at                 when, on the mock's clock
 */
public record KmsViolation(String jobId, String operation, String bucket, String key, String expectedKmsKeyId,
        Optional<String> sentEncryption, Optional<String> sentKmsKeyId, String problem, boolean rejected,
        Instant at) {

    /**
     * Every component is required (an absent header is an empty {@link Optional}, not {@code null}).
     *
     * @param jobId              the job whose credentials signed the upload
     * @param operation          {@code PutObject} or {@code CreateMultipartUpload}
     * @param bucket             the bucket
     * @param key                the key
     * @param expectedKmsKeyId   the job's encryptionKey id
     * @param sentEncryption     the x-amz-server-side-encryption sent, if any
     * @param sentKmsKeyId       the x-amz-server-side-encryption-aws-kms-key-id sent, if any
     * @param problem            what was wrong, in words
     * @param rejected           whether the upload was refused (strict mode) or accepted anyway
     * @param at                 when, on the mock's clock
     */
    public KmsViolation {
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(expectedKmsKeyId, "expectedKmsKeyId");
        Objects.requireNonNull(sentEncryption, "sentEncryption");
        Objects.requireNonNull(sentKmsKeyId, "sentKmsKeyId");
        Objects.requireNonNull(problem, "problem");
        Objects.requireNonNull(at, "at");
    }
}
