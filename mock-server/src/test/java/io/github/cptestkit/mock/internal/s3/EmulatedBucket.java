package io.github.cptestkit.mock.internal.s3;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.github.cptestkit.wire.AwsSessionCredentials;
import io.github.cptestkit.wire.FakeThirdPartyJob;
import io.github.cptestkit.mock.MockClock;
import io.github.cptestkit.mock.internal.codepipeline.JobStore;
import io.github.cptestkit.mock.internal.grants.ArtifactGrant;
import io.github.cptestkit.mock.internal.server.StubDispatcher;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.SdkHttpConfigurationOption;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.utils.AttributeMap;

/**
 * A WireMock server with the S3 emulator registered, a hand-moved clock and a grant registry: what the SDK tests
 * run against.
 */
final class EmulatedBucket implements AutoCloseable {

    static final Duration CREDENTIALS_LIFETIME = JobStore.DEFAULT_ARTIFACT_CREDENTIALS_LIFETIME;

    final MockClock clock = MockClock.at(Instant.now());
    private final Instant created = clock.instant();
    final GrantRegistry grants = new GrantRegistry();
    final ArtifactBucketService s3;
    final WireMockServer server;

    EmulatedBucket(boolean strictKms) {
        s3 = ArtifactBucketService.builder().grants(grants).clock(clock).strictKms(strictKms).build();
        StubDispatcher dispatcher = new StubDispatcher(s3.routes());
        server = new WireMockServer(dispatcher.configure(s3.configured(options().dynamicPort().dynamicHttpsPort()))
                .maxRequestJournalEntries(50).containerThreads(16));
        server.start();
        dispatcher.install(server);
    }

    /** Sets the clock back to when the bucket was created (tests that move it call this afterwards). */
    void rewindClock() {
        clock.set(created);
    }

    /** The plain-http endpoint (WireMock's baseUrl() is the https one once https is on). */
    URI endpoint() {
        return URI.create("http://localhost:" + server.port());
    }

    /** Seeds the job's inputs and grants its credentials for an hour from the clock's now. */
    ArtifactGrant enqueue(FakeThirdPartyJob job) {
        s3.seed(job);
        ArtifactGrant grant = ArtifactGrant.forJob(job.jobId(), job.details().data(),
                clock.instant().plus(CREDENTIALS_LIFETIME)).orElseThrow();
        grants.grant(grant);
        return grant;
    }

    /** The real S3 client, path-style, with the job's session credentials and no retries. */
    S3Client client(AwsSessionCredentials credentials) {
        return client(software.amazon.awssdk.auth.credentials.AwsSessionCredentials.create(
                credentials.accessKeyId(), credentials.secretAccessKey(), credentials.sessionToken()), true);
    }

    S3Client client(AwsCredentials credentials, boolean pathStyle) {
        return S3Client.builder()
                .endpointOverride(endpoint())
                .region(Region.US_EAST_1)
                .forcePathStyle(pathStyle)
                .credentialsProvider(StaticCredentialsProvider.create(credentials))
                // Virtual-hosted style sends to <bucket>.localhost: resolve every name to the loopback address.
                .httpClientBuilder(ApacheHttpClient.builder()
                        .dnsResolver(host -> new InetAddress[] {InetAddress.getLoopbackAddress()}))
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    /**
     * The real S3 client over HTTPS (WireMock's self-signed certificate trusted), path-style, with the job's session
     * credentials: over HTTPS the SDK sends unsigned aws-chunked payloads with a checksum trailer.
     */
    S3Client httpsClient(AwsSessionCredentials credentials) {
        return S3Client.builder()
                .endpointOverride(URI.create("https://localhost:" + server.httpsPort()))
                .region(Region.US_EAST_1)
                .forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(
                        software.amazon.awssdk.auth.credentials.AwsSessionCredentials.create(
                                credentials.accessKeyId(), credentials.secretAccessKey(), credentials.sessionToken())))
                .httpClient(ApacheHttpClient.builder().buildWithDefaults(AttributeMap.builder()
                        .put(SdkHttpConfigurationOption.TRUST_ALL_CERTIFICATES, Boolean.TRUE).build()))
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    @Override
    public void close() {
        server.stop();
        s3.close();
    }
}
