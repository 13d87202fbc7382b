package io.github.cptestkit.mock.internal.s3;

/**
 * A part of a multipart upload, as UploadPart answers it and CompleteMultipartUpload names it.
 *
 * <pre>{@code new UploadedPart(1, "\"b1946ac92492d2347c6235b4d2611184\"", 5_242_880)}</pre>
 *
 * @param partNumber 1 to 10,000
 * @param etag       the part's quoted MD5 in hex
 * @param size       its size in bytes (unknown, -1, when it names a part in a CompleteMultipartUpload request)
 */
public record UploadedPart(int partNumber, String etag, long size) {}
