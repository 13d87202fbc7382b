package io.github.cptestkit.junit;

import io.github.cptestkit.junit.internal.SdkClients;
import io.github.cptestkit.mock.CodePipelineMock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.codepipeline.model.AWSSessionCredentials;
import software.amazon.awssdk.services.s3.S3AsyncClient;

/**
 * The async variant of {@link JobS3Clients}: makes {@link S3AsyncClient}s pointed at the mock's artifact store with
 * the credentials a worker is given, typically a job's {@code artifactCredentials}, with the same region and
 * attempts per call as the injected clients (one by default). The clients share one Netty HTTP client. Inject it
 * as a test parameter: the extension closes it, and every client it made, when the test class ends; a worker may
 * close a client earlier.
 *
 * <pre>{@code
 * @Test
 * void uploadsTheReport(CodePipelineAsyncClient codePipeline, JobS3AsyncClients s3,
 *         @FakeJob FakeThirdPartyJob job) {
 *     AsyncWorker worker = new AsyncWorker(codePipeline, s3::create, TYPE,
 *             Map.of(job.clientId(), job.clientToken()));
 *     ...
 * }
 * }</pre>
 */
public final class JobS3AsyncClients implements AutoCloseable {

    private final JobS3Clients settings;
    /** The HTTP client the S3 clients share, made with the first of them. */
    private SdkClients.AsyncHttp http;
    private final List<S3AsyncClient> made = new ArrayList<>();
    private boolean closed;

    private JobS3AsyncClients(JobS3Clients settings) {
        this.settings = settings;
    }

    /**
     * Clients for the artifact store of {@code mock} (which must be running), in {@code region}; close it when
     * done (the injected one is closed by the extension).
     *
     * @param mock        a running mock
     * @param region      the clients' region
     * @param maxAttempts attempts per call: 1 for none of the SDK's retries
     * @return a factory of async S3 clients for that mock
     */
    public static JobS3AsyncClients forMock(CodePipelineMock mock, Region region, int maxAttempts) {
        return new JobS3AsyncClients(JobS3Clients.forMock(mock, region, maxAttempts));
    }

    /**
     * As {@link #forMock}, over the mock's HTTPS port (a mock built with {@code httpsPort}), trusting its CA.
     *
     * <pre>{@code JobS3AsyncClients s3 = JobS3AsyncClients.forMockOverHttps(mock, Region.US_EAST_1, 1);}</pre>
     *
     * @param mock a running mock that serves HTTPS
     * @param region the clients' region
     * @param maxAttempts attempts per call: 1 for none of the SDK's retries
     * @return a factory of async S3 clients for that mock's HTTPS port; close it when done
     * @throws IllegalArgumentException if {@code maxAttempts} is below 1
     */
    public static JobS3AsyncClients forMockOverHttps(CodePipelineMock mock, Region region, int maxAttempts) {
        return new JobS3AsyncClients(JobS3Clients.forMockOverHttps(mock, region, maxAttempts));
    }

    /**
     * A new path-style async S3 client signing with {@code credentials} (session credentials carry their token).
     *
     * @param credentials the SDK's credentials, e.g. {@code AwsSessionCredentials.create(id, secret, token)}
     * @return a new client, closed with this factory if the caller does not close it first
     */
    public synchronized S3AsyncClient create(AwsCredentials credentials) {
        Objects.requireNonNull(credentials, "credentials");
        if (closed) {
            throw new IllegalStateException("JobS3AsyncClients for " + settings.endpoint() + " is closed (its test"
                    + " class ended), so it makes no more clients; inject JobS3AsyncClients into the test that"
                    + " needs one");
        }
        if (http == null) {
            http = new SdkClients.AsyncHttp(settings.trust());
        }
        S3AsyncClient client = S3AsyncClient.builder()
                .endpointOverride(settings.endpoint())
                .region(settings.region())
                .forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(credentials))
                .httpClient(http.client())
                .overrideConfiguration(SdkClients.overrides(settings.maxAttempts()))
                .build();
        made.add(client);
        return client;
    }

    /**
     * A new path-style async S3 client signing with a job's {@code artifactCredentials} as the CodePipeline client
     * returned them ({@code jobDetails().data().artifactCredentials()}).
     *
     * @param credentials the job's artifact credentials: access key id, secret access key and session token
     * @return a new client, closed with this factory if the caller does not close it first
     */
    public S3AsyncClient create(AWSSessionCredentials credentials) {
        return create(JobS3Clients.sessionCredentials(credentials));
    }

    /** Closes every client this factory made, then their HTTP client; it makes no more clients after. */
    @Override
    public synchronized void close() {
        closed = true;
        made.forEach(S3AsyncClient::close);
        made.clear();
        if (http != null) {
            http.close();
            http = null;
        }
    }

    @Override
    public String toString() {
        return "JobS3AsyncClients[" + settings.endpoint() + ", " + settings.region() + ", maxAttempts="
                + settings.maxAttempts() + "]";
    }
}
