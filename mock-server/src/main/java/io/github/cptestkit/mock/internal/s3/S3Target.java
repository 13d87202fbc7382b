package io.github.cptestkit.mock.internal.s3;

import io.github.cptestkit.mock.internal.sigv4.SigV4;
import io.github.cptestkit.mock.internal.sigv4.SignedRequest;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The bucket and key a request addresses, path-style ({@code http://host/bucket/key}) or virtual-hosted style
 * ({@code http://bucket.host/key}).
 *
 * <p>A Host of the form {@code <bucket>.localhost} is always virtual-hosted. Any other Host whose leading labels
 * name a bucket the store knows (longest match first, so buckets with dots work) is virtual-hosted too. IP
 * addresses and every other host are path-style.
 *
 * <pre>{@code S3Target.resolve(request, store::bucketExists).bucket();}</pre>
 *
 * @param bucket        the bucket, or null for a request to the service root ({@code GET /})
 * @param key           the decoded key, empty for a bucket-level request
 * @param virtualHosted whether the bucket came from the Host header
 */
record S3Target(String bucket, String key, boolean virtualHosted) {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final String LOCALHOST_SUFFIX = ".localhost";

    static S3Target resolve(SignedRequest request, Predicate<String> knownBucket) {
        String path = SigV4.percentDecode(request.rawPath());
        String rest = path.startsWith("/") ? path.substring(1) : path;
        String bucket = virtualHostBucket(hostName(request.header("host").orElse("")), knownBucket);
        if (bucket != null) {
            return new S3Target(bucket, rest, true);
        }
        if (rest.isEmpty()) {
            return new S3Target(null, "", false);
        }
        int slash = rest.indexOf('/');
        return slash < 0 ? new S3Target(rest, "", false)
                : new S3Target(rest.substring(0, slash), rest.substring(slash + 1), false);
    }

    /** The resource as S3 names it in errors: {@code /bucket/key}. */
    String resource() {
        return bucket == null ? "/" : "/" + bucket + (key.isEmpty() ? "" : "/" + key);
    }

    private static String hostName(String host) {
        if (host.startsWith("[")) {
            return "";   // IPv6 literal: path-style
        }
        int colon = host.lastIndexOf(':');
        return (colon < 0 ? host : host.substring(0, colon)).toLowerCase(Locale.ROOT);
    }

    private static String virtualHostBucket(String host, Predicate<String> knownBucket) {
        if (host.isEmpty() || IPV4.matcher(host).matches()) {
            return null;
        }
        if (host.endsWith(LOCALHOST_SUFFIX) && host.length() > LOCALHOST_SUFFIX.length()) {
            return host.substring(0, host.length() - LOCALHOST_SUFFIX.length());
        }
        for (int dot = host.lastIndexOf('.'); dot > 0; dot = host.lastIndexOf('.', dot - 1)) {
            String candidate = host.substring(0, dot);
            if (knownBucket.test(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
