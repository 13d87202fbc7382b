package io.github.cptestkit.mock.internal;

/**
 * The largest request body each side of the mock takes, in bytes; a larger one is refused before it is read
 * ({@link RequestGuard}).
 *
 * <pre>{@code RequestLimits limits = RequestLimits.defaults().withUploadBytes(64L << 20);}</pre>
 *
 * @param codePipelineBytes a CodePipeline call (its largest valid body, a success with 122,880 bytes of output
 *                          variables, is far below)
 * @param adminBytes        an admin API request (job documents may carry artifacts in base64)
 * @param uploadBytes       an artifact-bucket request (an artifact or one part of it)
 */
public record RequestLimits(long codePipelineBytes, long adminBytes, long uploadBytes) {

    /** 1 MiB for a CodePipeline call. */
    public static final long CODEPIPELINE_BYTES = 1L << 20;
    /** 64 MiB for an admin API request. */
    public static final long ADMIN_BYTES = 64L << 20;
    /** 256 MiB for an upload to the artifact bucket, unless the builder says otherwise. */
    public static final long DEFAULT_UPLOAD_BYTES = 256L << 20;
    /** The most any body can be: the mock holds it in one array. */
    public static final long MAX_BYTES = Integer.MAX_VALUE - 16;

    public RequestLimits {
        for (long limit : new long[] {codePipelineBytes, adminBytes, uploadBytes}) {
            if (limit < 0 || limit > MAX_BYTES) {
                throw new IllegalArgumentException("a request body limit must be 0 to " + MAX_BYTES + " bytes, but"
                        + " was " + limit);
            }
        }
    }

    /** The limits above. */
    public static RequestLimits defaults() {
        return new RequestLimits(CODEPIPELINE_BYTES, ADMIN_BYTES, DEFAULT_UPLOAD_BYTES);
    }

    /** These limits with another one for uploads. */
    public RequestLimits withUploadBytes(long bytes) {
        return new RequestLimits(codePipelineBytes, adminBytes, bytes);
    }

    /** The limit of a side. */
    public long bytesFor(MockSide side) {
        return switch (side) {
            case CODEPIPELINE -> codePipelineBytes;
            case ADMIN_API -> adminBytes;
            case ARTIFACT_BUCKET -> uploadBytes;
        };
    }
}
