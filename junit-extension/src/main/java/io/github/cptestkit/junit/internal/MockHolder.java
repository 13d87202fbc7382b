package io.github.cptestkit.junit.internal;

import io.github.cptestkit.junit.JobS3Clients;
import io.github.cptestkit.mock.CodePipelineMock;
import io.github.cptestkit.mock.MockClock;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicReference;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.codepipeline.CodePipelineClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A started mock and the clients pointed at it, kept in the JUnit Store of the context it belongs to (a class,
 * or a test when the extension sits in an instance field); JUnit closes it when that context ends: clients
 * first, then the mock.
 *
 * <pre>{@code MockHolder holder = MockHolder.start(options);   // ... holder.close();}</pre>
 */
public final class MockHolder implements AutoCloseable {

    private final MockOptions options;
    private final CodePipelineMock mock;
    private final MockClock mockClock;
    private final Instant clockStart;
    private final CodePipelineClient codePipeline;
    private final S3Client s3;
    private final JobS3Clients jobS3Clients;
    /** The display name of the test using the mock now, or {@code null}: guards against concurrent tests. */
    private final AtomicReference<String> runningTest = new AtomicReference<>();

    private MockHolder(MockOptions options, CodePipelineMock mock, MockClock mockClock) {
        this.options = options;
        this.mock = mock;
        this.mockClock = mockClock;
        this.clockStart = mockClock == null ? null : mockClock.instant();
        Region region = Region.of(options.region());
        this.codePipeline = SdkClients.codePipeline(mock.endpoint(), region, options.maxAttempts());
        this.jobS3Clients = JobS3Clients.forMock(mock, region, options.maxAttempts());
        this.s3 = jobS3Clients.create(SdkClients.FAKE_CREDENTIALS);
    }

    /** Builds and starts a mock with these options, and its clients. */
    public static MockHolder start(MockOptions options) {
        Clock clock = options.clock();
        if (clock == null && options.mockClock()) {
            clock = MockClock.at(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        }
        CodePipelineMock.Builder builder = CodePipelineMock.builder().port(options.port()).strict(options.strict());
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

    /** The mock's clock when it is a {@link MockClock}, else {@code null}. */
    public MockClock mockClock() {
        return mockClock;
    }

    public CodePipelineClient codePipeline() {
        return codePipeline;
    }

    public S3Client s3() {
        return s3;
    }

    public JobS3Clients jobS3Clients() {
        return jobS3Clients;
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
    public void close() {
        try (mock; s3; codePipeline) {
            // closed in reverse order: the clients, then the mock
        }
    }
}
