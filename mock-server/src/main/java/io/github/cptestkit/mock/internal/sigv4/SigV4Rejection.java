package io.github.cptestkit.mock.internal.sigv4;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Why {@link SigV4Verifier} refused a request. Each protocol edge turns the {@link Reason} into its own error: S3's
 * {@code SignatureDoesNotMatch}, the JSON protocol's {@code InvalidSignatureException}, and so on. The message never
 * contains a secret.
 *
 * <pre>{@code
 * try {
 *     verifier.verify(request, "codepipeline", lookup);
 * } catch (SigV4Rejection rejection) {
 *     if (rejection.reason() == SigV4Rejection.Reason.SIGNATURE_MISMATCH) { ... }
 * }
 * }</pre>
 */
public final class SigV4Rejection extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What is wrong with the request's authentication. */
    public enum Reason {
        /** Neither an Authorization header nor presigned query parameters. */
        MISSING_AUTHENTICATION,
        /** The Authorization header or the X-Amz-* query parameters cannot be read, or name another service. */
        MALFORMED_AUTHORIZATION,
        /** Signature Version 2 ({@code Authorization: AWS id:sig} or {@code ?AWSAccessKeyId=...&Signature=...}). */
        UNSUPPORTED_SIGNATURE_VERSION,
        /** The access key id is not known. */
        UNKNOWN_ACCESS_KEY,
        /** The session token is missing, unexpected or not the one of the access key. */
        INVALID_TOKEN,
        /** S3 only: x-amz-* headers were sent that the signature does not cover. */
        HEADERS_NOT_SIGNED,
        /** S3 only: header authentication without an x-amz-content-sha256 header. */
        MISSING_CONTENT_SHA256,
        /** A presigned request past its X-Amz-Expires. */
        REQUEST_EXPIRED,
        /** The signature is not the one the secret gives for this request. */
        SIGNATURE_MISMATCH,
        /** The body's SHA-256 is not the x-amz-content-sha256 the request declares. */
        PAYLOAD_HASH_MISMATCH
    }

    private final Reason reason;
    private final boolean presigned;
    private final transient Map<String, String> details;

    SigV4Rejection(Reason reason, boolean presigned, String message, Map<String, String> details) {
        super(message, null, false, false);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.presigned = presigned;
        this.details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    SigV4Rejection(Reason reason, boolean presigned, String message) {
        this(reason, presigned, message, Map.of());
    }

    public Reason reason() {
        return reason;
    }

    /** Whether the request used presigned query parameters rather than an Authorization header. */
    public boolean presigned() {
        return presigned;
    }

    /** Diagnostic values S3 returns with the error, such as {@code StringToSign} and {@code CanonicalRequest}. */
    public Map<String, String> details() {
        return details;
    }
}
