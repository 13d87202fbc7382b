package io.github.cptestkit.mock.internal;

import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * The three services one mock serves on its port, and which of them a request is for: the admin API under
 * {@code /__admin/} (WireMock's own admin API included), the CodePipeline job operations (any request with an
 * {@code X-Amz-Target}, and {@code POST /} unless it is signed for S3), and the artifact bucket (everything else).
 * Each side answers a request it refuses in its own protocol: AWS JSON for the first two, S3's XML for the bucket.
 *
 * <pre>{@code
 * MockSide side = MockSide.of("POST", "/", request::getHeader);   // CODEPIPELINE
 * MockSide.of("GET", "/bucket/key", name -> null);                 // ARTIFACT_BUCKET
 * }</pre>
 */
public enum MockSide {
    CODEPIPELINE,
    ARTIFACT_BUCKET,
    ADMIN_API;

    /** The path prefix of the admin APIs, WireMock's and the mock's. */
    public static final String ADMIN_PREFIX = "/__admin";

    /**
     * The side of a request.
     *
     * @param method the HTTP method
     * @param path   the path, without the query
     * @param header a header's first value by name, or {@code null}
     */
    public static MockSide of(String method, String path, UnaryOperator<String> header) {
        if (path.equals(ADMIN_PREFIX) || path.startsWith(ADMIN_PREFIX + "/")) {
            return ADMIN_API;
        }
        if (header.apply(AwsJsonProtocol.TARGET_HEADER) != null) {
            return CODEPIPELINE;
        }
        String authorization = header.apply("Authorization");
        boolean signedForS3 = authorization != null && (authorization.contains("/s3/aws4_request")
                || authorization.startsWith("AWS "));
        return "POST".equals(method.toUpperCase(Locale.ROOT)) && path.equals("/") && !signedForS3
                ? CODEPIPELINE : ARTIFACT_BUCKET;
    }
}
