package io.github.cptestkit.mock.internal.sigv4;

/**
 * A request whose SigV4 signature checked out: who signed it, and what a streaming (aws-chunked) body needs to check
 * its chunk signatures. {@link #toString()} hides the signing key.
 *
 * <pre>{@code
 * VerifiedSignature signature = verifier.verify(request, "s3", lookup);
 * signature.accessKeyId();
 * }</pre>
 *
 * @param accessKeyId the access key id that signed the request
 * @param scope       the credential scope of the signature
 * @param amzDate     the request time as signed ({@code yyyyMMdd'T'HHmmss'Z'})
 * @param signature   the request's signature (the seed of chunk signatures)
 * @param signingKey  the derived key for the scope (not the secret)
 * @param payloadHash the x-amz-content-sha256 value the signature covers
 * @param presigned   whether the signature came in the query string
 */
public record VerifiedSignature(String accessKeyId, CredentialScope scope, String amzDate, String signature,
        byte[] signingKey, String payloadHash, boolean presigned) {

    @Override
    public String toString() {
        return "VerifiedSignature[accessKeyId=" + accessKeyId + ", scope=" + scope.value() + ", presigned="
                + presigned + "]";
    }
}
