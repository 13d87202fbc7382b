package io.github.cptestkit.mock.internal.s3;

import io.github.cptestkit.mock.internal.sigv4.SigV4;

/**
 * The S3 error answers for requests the artifact bucket refuses before its protocol edge reads them: a body over
 * the upload limit, a request the mock cannot take apart, a failure inside the server. Same XML, headers and
 * request ids as every other answer of the bucket.
 *
 * <pre>{@code
 * S3Response tooLarge = S3Refusals.entityTooLarge("PUT", "/bucket/key", 300_000_000L, 268_435_456L);
 * tooLarge.status();   // 400, <Code>EntityTooLarge</Code>
 * }</pre>
 */
public final class S3Refusals {

    private S3Refusals() {}

    /**
     * EntityTooLarge (400), as S3 answers an upload over its size limit, with {@code <ProposedSize>} (when known)
     * and {@code <MaxSizeAllowed>}.
     *
     * @param proposedSize the declared or counted size, or -1 when unknown
     */
    public static S3Response entityTooLarge(String method, String path, long proposedSize, long maxSize) {
        S3Error error = S3ErrorCode.ENTITY_TOO_LARGE.error("Your proposed upload exceeds the maximum allowed size:"
                + " the mock's artifact bucket takes request bodies of up to " + maxSize + " bytes (the builder's"
                + " maxUploadBytes)").with("ProposedSize", proposedSize < 0 ? null : proposedSize)
                .with("MaxSizeAllowed", maxSize);
        return answer(error, method, path);
    }

    /** IncompleteBody (400): the body could not be read to its end. */
    public static S3Response incompleteBody(String method, String path, String why) {
        return answer(S3ErrorCode.INCOMPLETE_BODY.error("The request body could not be read: " + why), method, path);
    }

    /** NotImplemented (501), for a request the mock's bucket does not take. */
    public static S3Response notImplemented(String method, String path, String what) {
        return answer(S3ErrorCode.NOT_IMPLEMENTED.error("The mock's artifact store does not implement " + what
                + "; see docs/fidelity.md for the operations it has."), method, path);
    }

    /** AccessDenied (403), for a request the mock serves no one ({@code why} says what it carried and the fix). */
    public static S3Response accessDenied(String method, String path, String why) {
        return answer(S3ErrorCode.ACCESS_DENIED.error(why), method, path);
    }

    /** InternalError (500), for a failure inside the mock; the message shows nothing of it. */
    public static S3Response internalError(String method, String path) {
        return answer(S3ErrorCode.INTERNAL_ERROR.error(), method, path);
    }

    private static S3Response answer(S3Error error, String method, String path) {
        return S3Protocol.error(error, SigV4.percentDecode(path), S3Protocol.requestId(), "HEAD".equals(method));
    }
}
