package io.github.cptestkit.benchmarks;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.github.cptestkit.fixtures.FakeThirdPartyJob;
import io.github.cptestkit.fixtures.WireFormat;
import io.github.cptestkit.mock.CodePipelineMock;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

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
final class StartupScenarios {

    private static final int COLD_PAIRS = 4;
    private static final int JAR_PAIRS = 3;
    private static final int RESET_WARMUP = 300;
    private static final int RESETS = 400;

    private final LoadHarness.Options options;
    private final Report report;

    StartupScenarios(LoadHarness.Options options, Report report) {
        this.options = options;
        this.report = report;
    }

    void run() throws Exception {
        coldStarts();
        resets();
        jarLaunches();
    }

    // ---------------------------------------------------------------- cold start

    /** Nanoseconds inside the JVM (main to first answer) and from the process start to that answer. */
    private record Launch(long insideNanos, long wallNanos) {}

    private void coldStarts() throws Exception {
        coldStart("extension");
        coldStart("wiremock"); // a warm-up pair: the jars in the page cache, as for every later launch
        List<double[]> rounds = new ArrayList<>();
        for (int round = 0; round < options.rounds(); round++) {
            List<Launch> mock = new ArrayList<>();
            List<Launch> wireMock = new ArrayList<>();
            for (int pair = 0; pair < COLD_PAIRS; pair++) {
                boolean mockFirst = (pair + round) % 2 == 0;
                (mockFirst ? mock : wireMock).add(coldStart(mockFirst ? "extension" : "wiremock"));
                (mockFirst ? wireMock : mock).add(coldStart(mockFirst ? "wiremock" : "extension"));
            }
            double mockInside = median(mock, Launch::insideNanos);
            double wireMockInside = median(wireMock, Launch::insideNanos);
            double mockWall = median(mock, Launch::wallNanos);
            double wireMockWall = median(wireMock, Launch::wallNanos);
            rounds.add(new double[] {mockInside / wireMockInside, mockWall / wireMockWall, mockInside, wireMockInside,
                mockWall, wireMockWall});
            log(String.format(Locale.ROOT, "cold start round %d: extension %.0f ms, WireMock %.0f ms (from main)",
                    round + 1, mockInside / 1e6, wireMockInside / 1e6));
        }
        report.section("Start-up", String.format(Locale.ROOT, "Cold start: a fresh JVM (default options) runs one"
                + " test class through JUnit's launcher, to the answer of its first call (one PollForThirdPartyJobs"
                + " over a plain HttpURLConnection): `@CodePipelineMockTest` (the extension starts the mock; the test"
                + " registers an action type) against a plain `WireMockServer` started in `@BeforeAll` (the test"
                + " stubs the same call). %d pairs a round, in turn, %d rounds; a round's ratio is of its medians."
                + " Measured from the start of `main` (what a test run pays) and from the process start (JVM boot"
                + " included).", COLD_PAIRS, rounds.size()));
        Spread inside = Spread.over(rounds, r -> r[0]);
        report.table(List.of("", "extension / WireMockServer", "alongside: extension", "alongside: WireMock"),
                List.of(List.of("cold start to the first answer, from main", inside.format(), millis(rounds, 2),
                                millis(rounds, 3)),
                        List.of("the same, from the process start", Spread.over(rounds, r -> r[1]).format(),
                                millis(rounds, 4), millis(rounds, 5))));
        report.target("extension cold start / plain WireMockServer, from main", "<= 1.1x", inside.format(),
                inside.median() <= 1.1);
    }

    private Launch coldStart(String which) throws Exception {
        long start = System.nanoTime();
        try (ChildJvm child = ChildJvm.start(List.of(), ColdStart.class, List.of(which),
                options.dir().resolve("coldstart.log"))) {
            long inside = Long.parseLong(child.awaitLine(ColdStart.PRINTED, Duration.ofMinutes(2)));
            return new Launch(inside, System.nanoTime() - start);
        }
    }

    // ---------------------------------------------------------------- reset

    private void resets() {
        List<FakeThirdPartyJob> jobs = List.of(BenchJobs.job(1), BenchJobs.job(2), BenchJobs.job(3));
        try (CodePipelineMock mock = CodePipelineMock.builder().build().start()) {
            WireMockServer plain = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
            plain.start();
            try {
                for (int i = 0; i < RESET_WARMUP; i++) {
                    resetMock(mock, jobs);
                    resetPlain(plain);
                }
                List<double[]> rounds = new ArrayList<>();
                for (int round = 0; round < options.rounds(); round++) {
                    List<Long> ours = new ArrayList<>();
                    List<Long> theirs = new ArrayList<>();
                    for (int i = 0; i < RESETS; i++) {
                        ours.add(resetMock(mock, jobs));
                        theirs.add(resetPlain(plain));
                    }
                    double mockReset = Spread.of(ours.stream().map(Long::doubleValue).toList()).median();
                    double plainReset = Spread.of(theirs.stream().map(Long::doubleValue).toList()).median();
                    rounds.add(new double[] {mockReset / plainReset, mockReset, plainReset});
                }
                report.text(String.format(Locale.ROOT, "Per-test reset, in the harness's JVM: `mock.reset()` after a"
                        + " test that queued 3 jobs and added a stub of its own, against `resetAll()` of a plain"
                        + " WireMockServer holding 4 stubs; %d resets of each a round, in turn, after %d of each to"
                        + " warm up; a round's ratio is of its medians.", RESETS, RESET_WARMUP));
                Spread ratio = Spread.over(rounds, r -> r[0]);
                Spread ms = Spread.over(rounds, r -> r[1] / 1e6);
                report.table(List.of("", "mock.reset() / WireMockServer.resetAll()", "alongside: mock",
                        "alongside: WireMock"), List.of(List.of("per-test reset", ratio.format(),
                        ms.format("%.3f") + " ms", String.format(Locale.ROOT, "%.3f ms",
                                Spread.over(rounds, r -> r[2] / 1e6).median()))));
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
                    ? "the mock's standalone jar (mock-server/target/codepipeline-testkit-mock-server-*-standalone.jar,"
                    + " built by `mvn package` once mock-server has its standalone packaging)"
                    : "the WireMock standalone jar (" + theirs + ")";
            report.text("Standalone jar launch: **skipped**, " + missing + " is absent.");
            report.target("standalone jar launch / raw WireMock jar", "(measured, no target)", "skipped", true);
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
        List<double[]> rounds = new ArrayList<>();
        for (int round = 0; round < options.rounds(); round++) {
            List<Long> mock = new ArrayList<>();
            List<Long> wireMock = new ArrayList<>();
            for (int pair = 0; pair < JAR_PAIRS; pair++) {
                boolean mockFirst = (pair + round) % 2 == 0;
                (mockFirst ? mock : wireMock).add(launchTo200(mockFirst ? mockCommand : wireMockCommand));
                (mockFirst ? wireMock : mock).add(launchTo200(mockFirst ? wireMockCommand : mockCommand));
            }
            double a = Spread.of(mock.stream().map(Long::doubleValue).toList()).median();
            double b = Spread.of(wireMock.stream().map(Long::doubleValue).toList()).median();
            rounds.add(new double[] {a / b, a, b});
        }
        report.text(String.format(Locale.ROOT, "Standalone jar launch: `java -jar` to the first 200 for"
                + " PollForThirdPartyJobs, polled every 5 ms: the mock's standalone jar queuing one fake job of that"
                + " type (`--kind third-party --action-type Build/Bench/1 --count 1`), against"
                + " `wiremock-standalone-3.13.2.jar` with a mapping file answering the same call; %d pairs a round,"
                + " in turn; a round's ratio is of its medians.", JAR_PAIRS));
        Spread ratio = Spread.over(rounds, r -> r[0]);
        report.table(List.of("", "mock jar / WireMock jar", "alongside: mock", "alongside: WireMock"), List.of(
                List.of("launch to the first 200", ratio.format(), millis(rounds, 1), millis(rounds, 2))));
        report.target("standalone jar launch / raw WireMock jar", "(measured, no target)", ratio.format(), true);
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

    // ---------------------------------------------------------------- figures

    private static double median(List<Launch> launches, java.util.function.ToLongFunction<Launch> figure) {
        return Spread.of(launches.stream().map(l -> (double) figure.applyAsLong(l)).toList()).median();
    }

    private static String millis(List<double[]> rounds, int index) {
        return String.format(Locale.ROOT, "%.0f ms", Spread.over(rounds, r -> r[index]).median() / 1e6);
    }

    private static void log(String line) {
        System.out.println("  " + line);
    }
}
