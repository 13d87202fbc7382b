package io.github.cptestkit.junit;

import io.github.cptestkit.junit.internal.SdkClients;
import io.github.cptestkit.mock.CodePipelineMock;
import java.net.URI;
import java.util.Objects;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.TlsTrustManagersProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.codepipeline.model.AWSSessionCredentials;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Makes S3 clients pointed at the mock's artifact store with the credentials a worker is given, typically a job's
 * {@code artifactCredentials}: what a worker's "S3 client for these credentials" function does in production,
 * apart from the endpoint. Inject it as a test parameter; each client it makes is the caller's to close.
 *
 * <pre>{@code
 * @Test
 * void uploadsTheReport(CodePipelineClient codePipeline, JobS3Clients s3, @FakeJob FakeThirdPartyJob job) {
 *     SampleWorker worker = new SampleWorker(codePipeline, s3::create, TYPE,
 *             Map.of(job.clientId(), job.clientToken()));
 *     ...
 * }
 * }</pre>
 */
public final class JobS3Clients {

    private final URI endpoint;
    private final Region region;
    private final int maxAttempts;
    /** The mock's trust managers over HTTPS, or {@code null} over HTTP. */
    private final TlsTrustManagersProvider trust;

    private JobS3Clients(URI endpoint, Region region, int maxAttempts, TlsTrustManagersProvider trust) {
        this.endpoint = endpoint;
        this.region = region;
        this.maxAttempts = maxAttempts;
        this.trust = trust;
    }

    /**
     * Clients for the artifact store of {@code mock} (which must be running), in {@code region}.
     *
     * @param mock a running mock
     * @param region the clients' region, e.g. {@code Region.US_EAST_1}
     * @param maxAttempts attempts per call: 1 for none of the SDK's retries
     * @return a factory of S3 clients for that mock
     * @throws IllegalArgumentException if {@code maxAttempts} is below 1
     */
    public static JobS3Clients forMock(CodePipelineMock mock, Region region, int maxAttempts) {
        checked(mock, region, maxAttempts);
        return new JobS3Clients(mock.endpoint(), region, maxAttempts, null);
    }

    /**
     * Clients for the artifact store of {@code mock} over its HTTPS port (a mock built with {@code httpsPort}),
     * trusting the mock's CA and nothing else.
     *
     * <pre>{@code JobS3Clients s3 = JobS3Clients.forMockOverHttps(mock, Region.US_EAST_1, 1);}</pre>
     *
     * @param mock a running mock that serves HTTPS
     * @param region the clients' region, e.g. {@code Region.US_EAST_1}
     * @param maxAttempts attempts per call: 1 for none of the SDK's retries
     * @return a factory of S3 clients for that mock's HTTPS port
     * @throws IllegalArgumentException if {@code maxAttempts} is below 1
     */
    public static JobS3Clients forMockOverHttps(CodePipelineMock mock, Region region, int maxAttempts) {
        checked(mock, region, maxAttempts);
        return new JobS3Clients(mock.httpsEndpoint(), region, maxAttempts, mock.https()::trustManagers);
    }

    private static void checked(CodePipelineMock mock, Region region, int maxAttempts) {
        Objects.requireNonNull(mock, "mock");
        Objects.requireNonNull(region, "region");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be 1 (no retries) or more, but was " + maxAttempts);
        }
    }

    /**
     * A new path-style S3 client signing with {@code credentials} (session credentials carry their token);
     * close it when done.
     *
     * @param credentials the SDK's credentials, e.g. {@code AwsSessionCredentials.create(id, secret, token)}
     * @return a new client, the caller's to close
     */
    public S3Client create(AwsCredentials credentials) {
        Objects.requireNonNull(credentials, "credentials");
        return S3Client.builder()
                .endpointOverride(endpoint)
                .region(region)
                .forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(credentials))
                .httpClientBuilder(SdkClients.urlConnection(trust))
                .overrideConfiguration(SdkClients.overrides(maxAttempts))
                .build();
    }

    /**
     * A new path-style S3 client signing with a job's {@code artifactCredentials} as the CodePipeline client
     * returned them ({@code jobDetails().data().artifactCredentials()}); close it when done.
     *
     * <pre>{@code
     * AWSSessionCredentials credentials = codePipeline.getThirdPartyJobDetails(request).jobDetails().data()
     *         .artifactCredentials();
     * try (S3Client s3 = jobS3Clients.create(credentials)) { ... }
     * }</pre>
     *
     * @param credentials the job's artifact credentials: access key id, secret access key and session token
     * @return a new client, the caller's to close
     */
    public S3Client create(AWSSessionCredentials credentials) {
        return create(sessionCredentials(credentials));
    }

    /** The SDK's credentials type for a job's {@code artifactCredentials}. */
    static AwsSessionCredentials sessionCredentials(AWSSessionCredentials credentials) {
        Objects.requireNonNull(credentials, "credentials");
        return AwsSessionCredentials.create(credentials.accessKeyId(), credentials.secretAccessKey(),
                credentials.sessionToken());
    }

    URI endpoint() {
        return endpoint;
    }

    Region region() {
        return region;
    }

    TlsTrustManagersProvider trust() {
        return trust;
    }

    int maxAttempts() {
        return maxAttempts;
    }

    @Override
    public String toString() {
        return "JobS3Clients[" + endpoint + ", " + region + ", maxAttempts=" + maxAttempts + "]";
    }
}
