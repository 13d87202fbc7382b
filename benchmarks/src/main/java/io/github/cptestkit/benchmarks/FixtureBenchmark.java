package io.github.cptestkit.benchmarks;

import io.github.cptestkit.wire.FakeThirdPartyJob;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Fixture generation: a new benchmark job a call from the fixtures ({@code FakeJobs}, every call another index, so
 * nothing is reused but the zips the fixtures cache by design), against {@link PlainJobGenerator}.
 *
 * <pre>{@code
 * java -cp "$(cat benchmarks/target/run-classpath.txt):benchmarks/target/classes" org.openjdk.jmh.Main FixtureBenchmark
 * }</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class FixtureBenchmark {

    private long index;

    @Benchmark
    public FakeThirdPartyJob fakeJobs() {
        return BenchJobs.job(index++);
    }

    @Benchmark
    public FakeThirdPartyJob plainJdk() {
        return PlainJobGenerator.job(index++);
    }
}
