package io.github.cptestkit.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The benchmark run (what {@code benchmarks/run.sh} starts): the load scenarios with wrk, the start-up scenarios,
 * then the JMH benchmarks, each in rounds; prints the Markdown of docs/benchmarks.md's results and writes it to
 * {@code --out}.
 *
 * <pre>{@code
 * java -cp "$(cat benchmarks/target/run-classpath.txt):benchmarks/target/classes" \
 *     io.github.cptestkit.benchmarks.LoadHarness --rounds 3 --seconds 10 --out benchmarks/target/results.md
 * java ... LoadHarness --only load --rounds 1 --seconds 2 --warmup 1     # a quick smoke run of one part
 * }</pre>
 *
 * <p>Options: {@code --rounds N} (3), {@code --seconds S} a load run (10), {@code --warmup S} per server (30),
 * {@code --threads T} and {@code --connections C} of wrk (2, 16), {@code --jobs N} queued for L3 each round
 * (30000), {@code --only load,startup,jmh} (all), {@code --dir DIR} for logs and files (benchmarks/target/bench),
 * {@code --out FILE} (benchmarks/target/results.md), {@code --standalone-jar} and {@code --wiremock-jar} for the
 * jar launches (found under the module targets by run.sh), {@code --jmh-args "..."} (short iterations).
 */
public final class LoadHarness {

    /** What the run does; see the class comment for each option. */
    record Options(int rounds, Duration duration, Duration warmup, int threads, int connections, int jobs,
            Set<String> parts, Path dir, Path out, Path standaloneJar, Path wireMockJar, String jmhArgs) {

        static Options parse(String... args) {
            int rounds = 3;
            int seconds = 10;
            int warmup = 30;
            int threads = 2;
            int connections = 16;
            int jobs = 30_000;
            Set<String> parts = new TreeSet<>(Set.of("load", "startup", "jmh"));
            Path dir = Path.of("benchmarks/target/bench");
            Path out = Path.of("benchmarks/target/results.md");
            Path standaloneJar = null;
            Path wireMockJar = null;
            String jmhArgs = "-wi 3 -w 1s -i 4 -r 1s";
            for (int i = 0; i < args.length; i += 2) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("option " + args[i] + " needs a value");
                }
                String value = args[i + 1];
                switch (args[i]) {
                    case "--rounds" -> rounds = Integer.parseInt(value);
                    case "--seconds" -> seconds = Integer.parseInt(value);
                    case "--warmup" -> warmup = Integer.parseInt(value);
                    case "--threads" -> threads = Integer.parseInt(value);
                    case "--connections" -> connections = Integer.parseInt(value);
                    case "--jobs" -> jobs = Integer.parseInt(value);
                    case "--only" -> parts = new TreeSet<>(Arrays.asList(value.split(",")));
                    case "--dir" -> dir = Path.of(value);
                    case "--out" -> out = Path.of(value);
                    case "--standalone-jar" -> standaloneJar = value.isEmpty() ? null : Path.of(value);
                    case "--wiremock-jar" -> wireMockJar = value.isEmpty() ? null : Path.of(value);
                    case "--jmh-args" -> jmhArgs = value;
                    default -> throw new IllegalArgumentException("unknown option " + args[i] + "; see the"
                            + " javadoc of LoadHarness or docs/benchmarks.md");
                }
            }
            if (rounds < 1) {
                throw new IllegalArgumentException("--rounds must be 1 or more, but was " + rounds);
            }
            return new Options(rounds, Duration.ofSeconds(seconds), Duration.ofSeconds(warmup), threads, connections,
                    jobs, parts, dir, out, standaloneJar, wireMockJar, jmhArgs);
        }
    }

    private LoadHarness() {}

    static final String USAGE = """
            benchmarks/run.sh [options]   (the options of LoadHarness)
              --rounds N            rounds of every group (3)
              --seconds S           length of a load run (10)
              --warmup S            warm-up of each server under load, before the rounds (30)
              --threads T           wrk threads (2)
              --connections C       wrk connections (16)
              --jobs N              jobs queued for L3 before each of its runs (30000)
              --only PARTS          some of load,startup,jmh (all)
              --dir DIR             logs and working files (benchmarks/target/bench)
              --out FILE            the results' Markdown (benchmarks/target/results.md)
              --jmh-args "..."      JMH iterations ("-wi 3 -w 1s -i 4 -r 1s")
              --standalone-jar JAR, --wiremock-jar JAR   the jars of the launch comparison (run.sh finds them)
            """;

    public static void main(String[] args) throws Exception {
        if (Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")) {
            System.out.print(USAGE);
            return;
        }
        long start = System.nanoTime();
        Options options = Options.parse(args);
        Files.createDirectories(options.dir());
        Report report = new Report();
        report.section("Machine", machine());
        if (options.parts().contains("load")) {
            new LoadScenarios(options, report).run();
        }
        if (options.parts().contains("startup")) {
            new StartupScenarios(options, report).run();
        }
        if (options.parts().contains("jmh")) {
            new JmhRounds(options, report).run();
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        report.text(String.format(Locale.ROOT, "Load average at the end: %s. The whole run took %d min %02d s.",
                loadAverage(), elapsed.toMinutes(), elapsed.toSecondsPart()));
        report.write(options.out());
        System.out.println();
        System.out.println(report.markdown());
        System.out.printf(Locale.ROOT, "%nWritten to %s; elapsed %d min %02d s%n", options.out(), elapsed.toMinutes(),
                elapsed.toSecondsPart());
    }

    private static String machine() {
        return String.format(Locale.ROOT, "%s; %d processors; load average at the start %s; Java %s (%s); %s.",
                Instant.now().truncatedTo(ChronoUnit.SECONDS), Runtime.getRuntime().availableProcessors(),
                loadAverage(), System.getProperty("java.version"), System.getProperty("java.vm.name"),
                ManagementFactory.getOperatingSystemMXBean().getName() + " "
                        + ManagementFactory.getOperatingSystemMXBean().getArch());
    }

    /** The 1, 5 and 15 minute load averages, as {@code uptime} prints them. */
    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + ", " + parts[1] + ", " + parts[2];
        } catch (IOException e) {
            return String.format(Locale.ROOT, "%.2f (1 min)",
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }
}
