package io.github.cptestkit.junit.internal.lambda;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Points the AWS SDK for Java 2.x at the mock for as long as it is open, through the JVM system properties the SDK
 * reads when a client is built: {@code aws.endpointUrlCodePipeline} and {@code aws.endpointUrlS3} (the
 * service-specific endpoint settings, which win over {@code AWS_ENDPOINT_URL_*} environment variables),
 * {@code aws.region}, and the execution role's credentials as {@code aws.accessKeyId}, {@code aws.secretAccessKey}
 * and {@code aws.sessionToken}. Closing puts back what was there. System properties belong to the whole JVM, so
 * scopes are taken one at a time (a second waits for the first to close).
 *
 * <pre>{@code
 * try (SdkEndpointScope scope = SdkEndpointScope.open(mock.endpoint(), "us-east-1", "AKID", "SECRET", null)) {
 *     CodePipelineClient client = CodePipelineClient.create();   // reaches the mock
 * }
 * }</pre>
 */
public final class SdkEndpointScope implements AutoCloseable {

    static final String CODEPIPELINE_ENDPOINT = "aws.endpointUrlCodePipeline";
    static final String S3_ENDPOINT = "aws.endpointUrlS3";
    static final String REGION = "aws.region";
    static final String ACCESS_KEY_ID = "aws.accessKeyId";
    static final String SECRET_ACCESS_KEY = "aws.secretAccessKey";
    static final String SESSION_TOKEN = "aws.sessionToken";

    private static final ReentrantLock ONE_AT_A_TIME = new ReentrantLock();

    private final Map<String, String> previous = new LinkedHashMap<>();
    private boolean closed;

    private SdkEndpointScope() {}

    /**
     * Sets the properties, waiting for any other open scope to close first.
     *
     * @param sessionToken the role's session token, or {@code null} for long-term credentials (the property is
     *                     then cleared for the scope)
     */
    public static SdkEndpointScope open(URI endpoint, String region, String accessKeyId, String secretAccessKey,
            String sessionToken) {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(secretAccessKey, "secretAccessKey");
        ONE_AT_A_TIME.lock();
        SdkEndpointScope scope = new SdkEndpointScope();
        try {
            scope.set(CODEPIPELINE_ENDPOINT, endpoint.toString());
            scope.set(S3_ENDPOINT, endpoint.toString());
            scope.set(REGION, region);
            scope.set(ACCESS_KEY_ID, accessKeyId);
            scope.set(SECRET_ACCESS_KEY, secretAccessKey);
            scope.set(SESSION_TOKEN, sessionToken);
            return scope;
        } catch (RuntimeException e) {
            scope.close();
            throw e;
        }
    }

    private void set(String key, String value) {
        previous.put(key, System.getProperty(key));
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }

    /** Puts every property back as it was. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            previous.forEach((key, value) -> {
                if (value == null) {
                    System.clearProperty(key);
                } else {
                    System.setProperty(key, value);
                }
            });
        } finally {
            ONE_AT_A_TIME.unlock();
        }
    }
}
