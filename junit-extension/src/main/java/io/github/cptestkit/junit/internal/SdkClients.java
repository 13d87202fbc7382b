package io.github.cptestkit.junit.internal;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.codepipeline.CodePipelineClient;

/**
 * The one place SDK clients for a mock are configured: its endpoint, a region, a retry strategy of a given number
 * of attempts and the URL-connection HTTP client.
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
        return CodePipelineClient.builder()
                .endpointOverride(endpoint)
                .region(region)
                .credentialsProvider(StaticCredentialsProvider.create(FAKE_CREDENTIALS))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .overrideConfiguration(overrides(maxAttempts))
                .build();
    }

    /** Client settings for {@code maxAttempts} attempts per call (1: no retries; more: the standard strategy). */
    public static ClientOverrideConfiguration overrides(int maxAttempts) {
        RetryStrategy retries = maxAttempts == 1 ? AwsRetryStrategy.doNotRetry()
                : AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(maxAttempts).build();
        return ClientOverrideConfiguration.builder().retryStrategy(retries).build();
    }
}
