package io.github.cptestkit.mock.internal.s3;

import java.util.List;

/**
 * One page of a ListObjectsV2 answer, its names already encoded as the request's encoding-type asked.
 *
 * <pre>{@code S3Xml.listBucketResult(listing)}</pre>
 */
record ObjectListing(String bucket, String prefix, String delimiter, int maxKeys, String encodingType,
        String continuationToken, String nextContinuationToken, String startAfter, List<Entry> contents,
        List<String> commonPrefixes) {

    /** A listed object. */
    record Entry(String key, String lastModified, String etag, long size) {}
}
