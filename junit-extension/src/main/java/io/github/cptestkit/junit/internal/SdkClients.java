package io.github.cptestkit.junit.internal;

import java.net.URI;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.TlsTrustManagersProvider;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.http.nio.netty.SdkEventLoopGroup;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.codepipeline.CodePipelineAsyncClient;
import software.amazon.awssdk.services.codepipeline.CodePipelineClient;

/**
 * The one place SDK clients for a mock are configured: its endpoint, a region, a retry strategy of a given number
 * of attempts and the URL-connection HTTP client (the SDK's Netty client for async clients).
 *
 * <pre>{@code CodePipelineClient client = SdkClients.codePipeline(mock.endpoint(), Region.US_EAST_1, 1);}</pre>
 */
public final class SdkClients {

    /**
     * The credentials of the injected clients: well formed and obviously fake. The mock's CodePipeline side does
     * not check them; its artifact store refuses them, as S3 refuses a worker's own credentials for a pipeline's
     * artifact bucket.
     */
    public static final AwsBasicCredentials FAKE_CREDENTIALS =
            AwsBasicCredentials.create("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");

    private SdkClients() {}

    /** A CodePipeline client for the mock at {@code endpoint}. */
    public static CodePipelineClient codePipeline(URI endpoint, Region region, int maxAttempts) {
        return codePipeline(endpoint, region, maxAttempts, null);
    }

    /** A CodePipeline client for the mock at {@code endpoint}, trusting {@code trust} over HTTPS ({@code null}: none). */
    public static CodePipelineClient codePipeline(URI endpoint, Region region, int maxAttempts,
            TlsTrustManagersProvider trust) {
        return CodePipelineClient.builder()
                .endpointOverride(endpoint)
                .region(region)
                .credentialsProvider(StaticCredentialsProvider.create(FAKE_CREDENTIALS))
                .httpClientBuilder(urlConnection(trust))
                .overrideConfiguration(overrides(maxAttempts))
                .build();
    }

    /** The URL-connection HTTP client, trusting {@code trust} for HTTPS when given (the mock's CA). */
    public static UrlConnectionHttpClient.Builder urlConnection(TlsTrustManagersProvider trust) {
        UrlConnectionHttpClient.Builder builder = UrlConnectionHttpClient.builder();
        return trust == null ? builder : builder.tlsTrustManagersProvider(trust);
    }

    /** An async CodePipeline client for the mock at {@code endpoint} on {@code http}, which outlives it. */
    public static CodePipelineAsyncClient codePipelineAsync(URI endpoint, Region region, int maxAttempts,
            AsyncHttp http) {
        return CodePipelineAsyncClient.builder()
                .endpointOverride(endpoint)
                .region(region)
                .credentialsProvider(StaticCredentialsProvider.create(FAKE_CREDENTIALS))
                .httpClient(http.client())
                .overrideConfiguration(overrides(maxAttempts))
                .build();
    }

    /**
     * The SDK's Netty HTTP client on an event loop group of its own, for async clients to share; closed after
     * them, at once: a Netty client that made its own group waits out Netty's quiet period of two seconds.
     *
     * <pre>{@code try (AsyncHttp http = new AsyncHttp()) { S3AsyncClient.builder().httpClient(http.client()) ... }}</pre>
     */
    public static final class AsyncHttp implements AutoCloseable {
        private final SdkEventLoopGroup group = SdkEventLoopGroup.builder().numberOfThreads(2).build();
        private final SdkAsyncHttpClient client;

        /** Plain HTTP, or HTTPS with the system's trust. */
        public AsyncHttp() {
            this(null);
        }

        /** Trusting {@code trust} for HTTPS when given (the mock's CA), else the system's trust. */
        public AsyncHttp(TlsTrustManagersProvider trust) {
            NettyNioAsyncHttpClient.Builder builder = NettyNioAsyncHttpClient.builder().eventLoopGroup(group);
            client = (trust == null ? builder : builder.tlsTrustManagersProvider(trust)).build();
        }

        /** The shared HTTP client; closing a client built on it leaves it open. */
        public SdkAsyncHttpClient client() {
            return client;
        }

        @Override
        public void close() {
            client.close();
            group.eventLoopGroup().shutdownGracefully(0, 5, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    /** Client settings for {@code maxAttempts} attempts per call (1: no retries; more: the standard strategy). */
    public static ClientOverrideConfiguration overrides(int maxAttempts) {
        RetryStrategy retries = maxAttempts == 1 ? AwsRetryStrategy.doNotRetry()
                : AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(maxAttempts).build();
        return ClientOverrideConfiguration.builder().retryStrategy(retries).build();
    }
}
