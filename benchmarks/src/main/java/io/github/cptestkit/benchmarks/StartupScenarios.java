package io.github.cptestkit.benchmarks;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.github.cptestkit.mock.CodePipelineMock;
import io.github.cptestkit.wire.FakeThirdPartyJob;
import io.github.cptestkit.wire.WireFormat;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

/**
 * Start-up against plain WireMock: a cold start in a fresh JVM to the first answered call (both in turn, several
 * pairs a round), the per-test reset in this JVM (both in turn, many times a round), and the launch of the
 * standalone jar to the first 200 against the raw WireMock standalone jar answering the same call from a mapping
 * file.
 *
 * <pre>{@code
 * new StartupScenarios(options, report).run();
 * }</pre>
 */
record StartupScenarios(LoadHarness.Options options, Report report) {

    private static final int COLD_PAIRS = 4;
    private static final int JAR_PAIRS = 3;
    private static final int RESET_WARMUP = 300;
    private static final int RESETS = 400;

    void run() throws Exception {
        coldStarts();
        suites();
        resets();
        jarLaunches();
    }

    // ---------------------------------------------------------------- measuring in turn

    /** One measurement, e.g. a launch to its first answer. */
    @FunctionalInterface
    private interface Measurement<T> {
        T take() throws Exception;
    }

    /** One round's measurements of ours (A) and the yardstick (B), taken in turn. */
    private record Round<T>(List<T> ours, List<T> theirs) {
        double ours(ToDoubleFunction<T> figure) {
            return Spread.over(ours, figure).median();
        }

        double theirs(ToDoubleFunction<T> figure) {
            return Spread.over(theirs, figure).median();
        }

        /** The ratio of the round's medians. */
        double ratio(ToDoubleFunction<T> figure) {
            return ours(figure) / theirs(figure);
        }
    }

    /** {@code pairs} measurements of each a round, in turn, the one that goes first alternating. */
    private <T> List<Round<T>> inTurn(int pairs, Measurement<T> ours, Measurement<T> theirs) throws Exception {
        List<Round<T>> rounds = new ArrayList<>();
        for (int round = 0; round < options.rounds(); round++) {
            List<T> a = new ArrayList<>();
            List<T> b = new ArrayList<>();
            for (int pair = 0; pair < pairs; pair++) {
                if ((pair + round) % 2 == 0) {
                    a.add(ours.take());
                    b.add(theirs.take());
                } else {
                    b.add(theirs.take());
                    a.add(ours.take());
                }
            }
            rounds.add(new Round<>(a, b));
        }
        return rounds;
    }

    /** The row of a comparison: the ratio's median (range), then the medians of each side in milliseconds. */
    private static <T> List<String> row(String what, List<Round<T>> rounds, ToDoubleFunction<T> nanos, String unit) {
        return List.of(what, Spread.over(rounds, r -> r.ratio(nanos)).format(),
                String.format(Locale.ROOT, unit, Spread.over(rounds, r -> r.ours(nanos)).median() / 1e6),
                String.format(Locale.ROOT, unit, Spread.over(rounds, r -> r.theirs(nanos)).median() / 1e6));
    }

    // ---------------------------------------------------------------- cold start

    /** Nanoseconds inside the JVM (main to first answer) and from the process start to that answer. */
    private record Launch(long insideNanos, long wallNanos) {}

    private void coldStarts() throws Exception {
        coldStart("extension");
        coldStart("wiremock"); // a warm-up pair: the jars in the page cache, as for every later launch
        List<Round<Launch>> rounds = inTurn(COLD_PAIRS, () -> coldStart("extension"), () -> coldStart("wiremock"));
        report.section("Start-up", String.format(Locale.ROOT, "Cold start: a fresh JVM (default options) runs one"
                + " test class through JUnit's launcher, to the answer of its first call (one PollForThirdPartyJobs"
                + " over a plain HttpURLConnection): `@CodePipelineMockTest` (the extension starts the mock; the test"
                + " registers an action type) against a plain `WireMockServer` started in `@BeforeAll` (the test"
                + " stubs the same call). %d pairs a round, in turn, %d rounds; a round's ratio is of its medians."
                + " Measured from the start of `main` (what a test run pays) and from the process start (JVM boot"
                + " included).", COLD_PAIRS, rounds.size()));
        report.table(List.of("", "extension / WireMockServer", "alongside: extension", "alongside: WireMock"), List.of(
                row("cold start to the first answer, from main", rounds, Launch::insideNanos, "%.0f ms"),
                row("the same, from the process start", rounds, Launch::wallNanos, "%.0f ms")));
        Spread inside = Spread.over(rounds, r -> r.ratio(Launch::insideNanos));
        report.target("extension cold start / plain WireMockServer, from main", "<= 1.0x", inside.format(),
                inside.median() <= 1.0);
    }

    private Launch coldStart(String which) throws Exception {
        long start = System.nanoTime();
        try (ChildJvm child = ChildJvm.start(List.of(), ColdStart.class, List.of(which),
                options.dir().resolve("coldstart.log"))) {
            long inside = Long.parseLong(child.awaitLine(ColdStart.PRINTED, Duration.ofMinutes(2)));
            return new Launch(inside, System.nanoTime() - start);
        }
    }

    // ---------------------------------------------------------------- a suite

    private static final int SUITE_PAIRS = 2;

    private void suites() throws Exception {
        List<Round<Long>> rounds = inTurn(SUITE_PAIRS, () -> suite("extension"), () -> suite("wiremock"));
        report.text(String.format(Locale.ROOT, "A suite: a fresh JVM runs %d test classes of %d tests each through"
                + " JUnit's launcher, every test answered one PollForThirdPartyJobs: `@CodePipelineMockTest` (a mock"
                + " a class, reset before each test) against WireMock's `@WireMockTest` (a server a class, a stub a"
                + " test); from the start of `main` to the end of the suite. %d pairs a round, in turn, %d rounds.",
                SuiteStart.CLASSES, SuiteStart.TESTS_PER_CLASS, SUITE_PAIRS, rounds.size()));
        report.table(List.of("", "extension / @WireMockTest", "alongside: extension", "alongside: WireMock"),
                List.of(row(SuiteStart.CLASSES + " classes x " + SuiteStart.TESTS_PER_CLASS + " tests", rounds,
                        Long::doubleValue, "%.0f ms")));
        Spread ratio = Spread.over(rounds, r -> r.ratio(Long::doubleValue));
        report.target("suite of 20 classes x 5 tests / @WireMockTest", "<= 1.05x", ratio.format(),
                ratio.median() <= 1.05);
    }

    private long suite(String which) throws Exception {
        try (ChildJvm child = ChildJvm.start(List.of(), SuiteStart.class, List.of(which),
                options.dir().resolve("suite.log"))) {
            return Long.parseLong(child.awaitLine(SuiteStart.PRINTED, Duration.ofMinutes(5)));
        }
    }

    // ---------------------------------------------------------------- reset

    private void resets() throws Exception {
        List<FakeThirdPartyJob> jobs = List.of(BenchJobs.job(1), BenchJobs.job(2), BenchJobs.job(3));
        try (CodePipelineMock mock = CodePipelineMock.builder().build().start()) {
            WireMockServer plain = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
            plain.start();
            try {
                for (int i = 0; i < RESET_WARMUP; i++) {
                    resetMock(mock, jobs);
                    resetPlain(plain);
                }
                List<Round<Long>> rounds = inTurn(RESETS, () -> resetMock(mock, jobs), () -> resetPlain(plain));
                report.text(String.format(Locale.ROOT, "Per-test reset, in the harness's JVM: `mock.reset()` after a"
                        + " test that queued 3 jobs and added a stub of its own, against `resetAll()` of a plain"
                        + " WireMockServer holding 4 stubs; %d resets of each a round, in turn, after %d of each to"
                        + " warm up; a round's ratio is of its medians.", RESETS, RESET_WARMUP));
                report.table(List.of("", "mock.reset() / WireMockServer.resetAll()", "alongside: mock",
                        "alongside: WireMock"), List.of(row("per-test reset", rounds, Long::doubleValue, "%.3f ms")));
                Spread ms = Spread.over(rounds, r -> r.ours(Long::doubleValue) / 1e6);
                report.target("per-test reset (median)", "< 5 ms", ms.format("%.3f") + " ms", ms.median() < 5);
            } finally {
                plain.stop();
            }
        }
    }

    private static long resetMock(CodePipelineMock mock, List<FakeThirdPartyJob> jobs) {
        jobs.forEach(mock::enqueue);
        mock.wireMock().stubFor(post(urlPathEqualTo("/")).withHeader("X-Amz-Target",
                equalTo(ColdStart.POLL_TARGET)).willReturn(aResponse().withStatus(503)));
        long start = System.nanoTime();
        mock.reset();
        return System.nanoTime() - start;
    }

    private static long resetPlain(WireMockServer plain) {
        for (int i = 0; i < 4; i++) {
            plain.stubFor(post(urlPathEqualTo("/" + i)).willReturn(aResponse().withBody("{}")));
        }
        long start = System.nanoTime();
        plain.resetAll();
        return System.nanoTime() - start;
    }

    // ---------------------------------------------------------------- standalone jars

    private void jarLaunches() throws Exception {
        Path ours = options.standaloneJar();
        Path theirs = options.wireMockJar();
        if (ours == null || !Files.isRegularFile(ours) || theirs == null || !Files.isRegularFile(theirs)) {
            String missing = ours == null || !Files.isRegularFile(ours)
                    ? "the mock's standalone jar (standalone/target/codepipeline-testkit-standalone-*.jar, built by"
                    + " `mvn -B -pl standalone -am package -DskipTests`)"
                    : "the WireMock standalone jar (" + theirs + ")";
            report.text("Standalone jar launch: **skipped**, " + missing + " is absent.");
            report.measured("standalone jar launch / raw WireMock jar", "skipped");
            log("standalone jar launch skipped: " + missing + " absent");
            return;
        }
        Path root = wireMockRoot();
        List<String> mockCommand = List.of(ChildJvm.javaExecutable(), "-jar", ours.toString(), "--bind", "127.0.0.1",
                "--kind", "third-party", "--action-type", "Build/Bench/1", "--count", "1", "--port");
        List<String> wireMockCommand = List.of(ChildJvm.javaExecutable(), "-jar", theirs.toString(),
                "--bind-address", "127.0.0.1", "--root-dir", root.toString(), "--port");
        launchTo200(mockCommand);
        launchTo200(wireMockCommand);
        List<Round<Long>> rounds = inTurn(JAR_PAIRS, () -> launchTo200(mockCommand),
                () -> launchTo200(wireMockCommand));
        report.text(String.format(Locale.ROOT, "Standalone jar launch: `java -jar` to the first 200 for"
                + " PollForThirdPartyJobs, polled every 5 ms: the mock's standalone jar queuing one fake job of that"
                + " type (`--kind third-party --action-type Build/Bench/1 --count 1`), against"
                + " `wiremock-standalone-3.13.2.jar` with a mapping file answering the same call; %d pairs a round,"
                + " in turn; a round's ratio is of its medians.", JAR_PAIRS));
        report.table(List.of("", "mock jar / WireMock jar", "alongside: mock", "alongside: WireMock"),
                List.of(row("launch to the first 200", rounds, Long::doubleValue, "%.0f ms")));
        report.measured("standalone jar launch / raw WireMock jar",
                Spread.over(rounds, r -> r.ratio(Long::doubleValue)).format());
    }

    /** A root directory for the WireMock jar with one mapping: the poll answered with one job. */
    private Path wireMockRoot() throws IOException {
        Path root = options.dir().resolve("wiremock-root");
        Files.createDirectories(root.resolve("mappings"));
        FakeThirdPartyJob job = BenchJobs.job(0);
        ObjectNode mapping = WireFormat.mapper().createObjectNode();
        ObjectNode request = mapping.putObject("request").put("method", "POST").put("urlPath", "/");
        request.putObject("headers").putObject("X-Amz-Target").put("equalTo", ColdStart.POLL_TARGET);
        ObjectNode response = mapping.putObject("response").put("status", 200);
        response.putObject("headers").put("Content-Type", Answer.CONTENT_TYPE);
        response.put("body", WireFormat.toJson(java.util.Map.of("jobs", List.of(job.pollEntry()))));
        Files.writeString(root.resolve("mappings").resolve("poll.json"), mapping.toString());
        return root;
    }

    /** Starts {@code command} with a free port appended and polls it until it answers 200; nanoseconds to that. */
    private long launchTo200(List<String> command) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<String> full = new ArrayList<>(command);
        full.add(Integer.toString(port));
        Path log = options.dir().resolve("jars.log");
        long start = System.nanoTime();
        Process process = new ProcessBuilder(full).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        try {
            long deadline = start + TimeUnit.MINUTES.toNanos(2);
            while (ColdStart.poll(port) != 200) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException("no 200 from " + full + "; see " + log);
                }
                Thread.sleep(5); // polling an external process until it serves: no clock to inject here
            }
            return System.nanoTime() - start;
        } finally {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    private static void log(String line) {
        System.out.println("  " + line);
    }
}
