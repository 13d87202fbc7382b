package io.github.cptestkit.junit.internal;

import io.github.cptestkit.junit.JobS3AsyncClients;
import io.github.cptestkit.junit.JobS3Clients;
import io.github.cptestkit.junit.LambdaHarness;
import io.github.cptestkit.mock.CodePipelineMock;
import io.github.cptestkit.mock.MockClock;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicReference;
import software.amazon.awssdk.http.TlsTrustManagersProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.codepipeline.CodePipelineAsyncClient;
import software.amazon.awssdk.services.codepipeline.CodePipelineClient;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A started mock and the clients pointed at it (made when a test first asks for one), kept in the JUnit Store of
 * the context it belongs to (a class, or a test when the extension sits in an instance field); JUnit closes it when
 * that context ends: clients first, then the mock.
 *
 * <pre>{@code MockHolder holder = MockHolder.start(options);   // ... holder.close();}</pre>
 */
public final class MockHolder implements AutoCloseable {

    private final MockOptions options;
    private final CodePipelineMock mock;
    private final MockClock mockClock;
    private final Instant clockStart;
    private final Region region;
    private final JobS3Clients jobS3Clients;
    /** Made on first use: building an SDK client costs a class that never asks for one a third of a second. */
    private CodePipelineClient codePipeline;
    private S3Client s3;
    private CodePipelineAsyncClient codePipelineAsync;
    private SdkClients.AsyncHttp codePipelineAsyncHttp;
    /** Makes the async S3 clients, the injected one among them, and closes them with itself. */
    private JobS3AsyncClients jobS3AsyncClients;
    private S3AsyncClient s3Async;
    private LambdaHarness lambda;
    /** The display name of the test using the mock now, or {@code null}: guards against concurrent tests. */
    private final AtomicReference<String> runningTest = new AtomicReference<>();

    private MockHolder(MockOptions options, CodePipelineMock mock, MockClock mockClock) {
        this.options = options;
        this.mock = mock;
        this.mockClock = mockClock;
        this.clockStart = mockClock == null ? null : mockClock.instant();
        this.region = Region.of(options.region());
        this.jobS3Clients = options.https() ? JobS3Clients.forMockOverHttps(mock, region, options.maxAttempts())
                : JobS3Clients.forMock(mock, region, options.maxAttempts());
    }

    /** Builds and starts a mock with these options, and its clients. */
    public static MockHolder start(MockOptions options) {
        Clock clock = options.clock();
        if (clock == null && options.mockClock()) {
            clock = MockClock.at(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        }
        CodePipelineMock.Builder builder = CodePipelineMock.builder().port(options.port()).strict(options.strict());
        if (options.https()) {
            builder.httpsPort(0);
        }
        if (clock != null) {
            builder.clock(clock);
        }
        options.configureMock().accept(builder);
        CodePipelineMock mock = builder.build().start();
        try {
            return new MockHolder(options, mock, mock.clock() instanceof MockClock m ? m : null);
        } catch (RuntimeException e) {
            mock.close();
            throw e;
        }
    }

    public MockOptions options() {
        return options;
    }

    public CodePipelineMock mock() {
        return mock;
    }

    /** Where the injected clients go: the mock's HTTPS endpoint with the {@code https} option, else its HTTP one. */
    private URI endpoint() {
        return options.https() ? mock.httpsEndpoint() : mock.endpoint();
    }

    /** The mock's trust managers with the {@code https} option, else {@code null}. */
    private TlsTrustManagersProvider trust() {
        return options.https() ? mock.https()::trustManagers : null;
    }

    /** The mock's clock when it is a {@link MockClock}, else {@code null}. */
    public MockClock mockClock() {
        return mockClock;
    }

    /** The CodePipeline client pointed at the mock, made on first use. */
    public synchronized CodePipelineClient codePipeline() {
        if (codePipeline == null) {
            codePipeline = SdkClients.codePipeline(endpoint(), region, options.maxAttempts(), trust());
        }
        return codePipeline;
    }

    /** The S3 client with the fake credentials, made on first use. */
    public synchronized S3Client s3() {
        if (s3 == null) {
            s3 = jobS3Clients.create(SdkClients.FAKE_CREDENTIALS);
        }
        return s3;
    }

    /** The JVM harness for Lambda handlers, made on first use. */
    public synchronized LambdaHarness lambda() {
        if (lambda == null) {
            lambda = LambdaHarness.forMock(mock);
        }
        return lambda;
    }

    public JobS3Clients jobS3Clients() {
        return jobS3Clients;
    }

    /** The async CodePipeline client pointed at the mock, made on first use. */
    public synchronized CodePipelineAsyncClient codePipelineAsync() {
        if (codePipelineAsync == null) {
            codePipelineAsyncHttp = new SdkClients.AsyncHttp(trust());
            codePipelineAsync = SdkClients.codePipelineAsync(endpoint(), region, options.maxAttempts(),
                    codePipelineAsyncHttp);
        }
        return codePipelineAsync;
    }

    /** The async S3 client with the fake credentials, made on first use. */
    public synchronized S3AsyncClient s3Async() {
        if (s3Async == null) {
            s3Async = jobS3AsyncClients().create(SdkClients.FAKE_CREDENTIALS);
        }
        return s3Async;
    }

    /** The factory of async S3 clients, made on first use; it closes the clients it made with the holder. */
    public synchronized JobS3AsyncClients jobS3AsyncClients() {
        if (jobS3AsyncClients == null) {
            jobS3AsyncClients = options.https()
                    ? JobS3AsyncClients.forMockOverHttps(mock, region, options.maxAttempts())
                    : JobS3AsyncClients.forMock(mock, region, options.maxAttempts());
        }
        return jobS3AsyncClients;
    }

    /** Forgets everything of the previous test and puts a mock clock back to its start. */
    public void reset() {
        mock.reset();
        if (mockClock != null && options.mockClock()) {
            mockClock.set(clockStart);
        }
    }

    /** Marks {@code test} as using the mock; returns the test already using it, or {@code null}. */
    public String enter(String test) {
        return runningTest.compareAndExchange(null, test);
    }

    /** Marks the mock as free again. */
    public void leave() {
        runningTest.set(null);
    }

    @Override
    public synchronized void close() {
        try (mock; S3Client s3Client = s3; CodePipelineClient codePipelineClient = codePipeline;
                JobS3AsyncClients asyncS3 = jobS3AsyncClients; SdkClients.AsyncHttp asyncHttp = codePipelineAsyncHttp;
                CodePipelineAsyncClient asyncCodePipeline = codePipelineAsync) {
            // closed in reverse order: the clients that were made (the async S3 ones with their factory), then
            // the mock
        }
    }
}
