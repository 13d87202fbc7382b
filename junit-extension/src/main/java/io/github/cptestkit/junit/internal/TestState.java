package io.github.cptestkit.junit.internal;

import io.github.cptestkit.fixtures.FakeJobGenerator;
import io.github.cptestkit.fixtures.FakeJobs;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the extension keeps about one test: its seed and fake-job generator, the index of the next fake job,
 * whether the mock was prepared for it, and whether it holds the mock (so that only a test that entered it leaves
 * it). Kept in the test's Store.
 *
 * <pre>{@code long index = state.nextJobIndices(3);   // jobs index .. index + 2 of the test's seed}</pre>
 */
public final class TestState {

    private final long seed;
    private final FakeJobGenerator generator;
    private final AtomicLong nextJobIndex = new AtomicLong();
    private final AtomicBoolean prepared = new AtomicBoolean();
    private final AtomicBoolean holdsMock = new AtomicBoolean();

    public TestState(long seed) {
        this.seed = seed;
        this.generator = FakeJobs.withSeed(seed);
    }

    public long seed() {
        return seed;
    }

    public FakeJobGenerator generator() {
        return generator;
    }

    /** Reserves {@code count} job indices of the test's seed and returns the first. */
    public long nextJobIndices(int count) {
        return nextJobIndex.getAndAdd(count);
    }

    /** True the first time only: the caller prepares the mock for the test. */
    public boolean startPreparing() {
        return prepared.compareAndSet(false, true);
    }

    /** Records that the test holds the mock. */
    public void holdMock() {
        holdsMock.set(true);
    }

    /** Records that the test left the mock; false when it did not hold it. */
    public boolean releaseMock() {
        return holdsMock.compareAndSet(true, false);
    }
}
