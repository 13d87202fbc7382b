package io.github.cptestkit.junit.internal;

import io.github.cptestkit.mock.CodePipelineMock;
import java.time.Clock;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The options of one {@code CodePipelineMockExtension}: from {@code @CodePipelineMockTest} or from the builder.
 *
 * <pre>{@code new MockOptions("us-east-1", 1, true, false, null, 0, true, null, false, builder -> { })}</pre>
 *
 * @param region              the region of the injected clients
 * @param maxAttempts         attempts per call of the injected clients (1: no retries)
 * @param strict              the mock's strict mode
 * @param mockClock           whether to stand the mock on a MockClock put back before each test
 * @param clock               a clock of the user's, or {@code null}
 * @param port                the port, 0 for a free one
 * @param resetBeforeEachTest whether a shared mock is reset before each test
 * @param seed                the class seed, or {@code null} to take it from {@code @Seed} or the class name
 * @param https               whether the mock serves HTTPS too and the injected clients use it, trusting its CA
 * @param configureMock       further settings of the mock's builder
 */
public record MockOptions(String region, int maxAttempts, boolean strict, boolean mockClock, Clock clock, int port,
        boolean resetBeforeEachTest, Long seed, boolean https, Consumer<CodePipelineMock.Builder> configureMock) {

    public MockOptions {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(configureMock, "configureMock");
        if (region.isBlank()) {
            throw new IllegalArgumentException("region must name an AWS region such as us-east-1, but was blank");
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be 1 (no retries) or more, but was " + maxAttempts);
        }
    }

    /** The options of {@code @CodePipelineMockTest} with its defaults. */
    public static MockOptions defaults() {
        return new MockOptions("us-east-1", 1, true, false, null, 0, true, null, false, builder -> { });
    }
}
