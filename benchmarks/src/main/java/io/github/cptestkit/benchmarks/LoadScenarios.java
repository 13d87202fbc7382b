package io.github.cptestkit.benchmarks;

import io.github.cptestkit.wire.WireFormat;
import io.github.cptestkit.schemas.Operation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The load scenarios L0 to L5 and the fixed-rate comparison: each server in a JVM of its own, all started first,
 * then wrk against each in turn, round after round (the order rotating each round), so that every ratio compares
 * runs of the same round.
 *
 * <pre>{@code
 * new LoadScenarios(options, report).run();
 * }</pre>
 */
final class LoadScenarios {

    /** The scenarios, in their first round's order. */
    enum Scenario {
        L0("raw Jetty handler, the same bytes (the ceiling)"),
        L1("raw WireMock, a static stub of the same answer, journal off"),
        L2("emulator: GetThirdPartyJobDetails of an acknowledged job, validated, journal off"),
        L3("emulator: worker loops (poll, details, acknowledge, result) on a queue of many jobs"),
        L4("L2 with the request journal on (1000 entries)"),
        L5("emulator: invalid requests answered with ValidationException");

        final String what;

        Scenario(String what) {
            this.what = what;
        }
    }

    private static final String DETAILS_TARGET = Operation.GET_THIRD_PARTY_JOB_DETAILS.target();
    private static final int POLL_BATCH = 5;

    private final LoadHarness.Options options;
    private final Report report;
    private final Wrk wrk;
    private final Map<Scenario, ChildJvm> servers = new EnumMap<>(Scenario.class);
    private final Map<Scenario, Integer> ports = new EnumMap<>(Scenario.class);

    LoadScenarios(LoadHarness.Options options, Report report) {
        this.options = options;
        this.report = report;
        this.wrk = new Wrk(options.dir(), options.threads(), options.connections());
    }

    void run() throws Exception {
        try {
            startServers();
            for (Scenario scenario : Scenario.values()) {
                log("warm-up " + scenario);
                measure(scenario, options.warmup(), null);
            }
            List<Map<Scenario, Wrk.Result>> rounds = new ArrayList<>();
            for (int round = 0; round < options.rounds(); round++) {
                Map<Scenario, Wrk.Result> results = new EnumMap<>(Scenario.class);
                for (int i = 0; i < Scenario.values().length; i++) {
                    Scenario scenario = Scenario.values()[(i + round) % Scenario.values().length];
                    results.put(scenario, measure(scenario, options.duration(), null));
                    log(String.format(Locale.ROOT, "round %d %s: %.0f req/s, p99 %d us, failed %d", round + 1,
                            scenario, results.get(scenario).requestsPerSecond(), results.get(scenario).p99Us(),
                            results.get(scenario).failures()));
                }
                rounds.add(results);
            }
            reportSaturation(rounds);
            fixedRate(Spread.over(rounds, r -> r.get(Scenario.L1).requestsPerSecond()).median() / 2);
        } finally {
            for (ChildJvm server : servers.values()) {
                server.close();
            }
        }
    }

    private void startServers() throws Exception {
        Path dir = options.dir();
        Files.writeString(dir.resolve("poll-request.json"), BenchJobs.pollRequest(POLL_BATCH));
        // L2 first: it writes the requests and the answer the others replay.
        start(Scenario.L2, List.of("emulator", dir.resolve("l2").toString()));
        Path answer = dir.resolve("l2").resolve("details-answer.json");
        start(Scenario.L0, List.of("jetty", answer.toString()));
        start(Scenario.L1, List.of("wiremock", answer.toString()));
        start(Scenario.L3, List.of("worker", Integer.toString(options.jobs())));
        start(Scenario.L4, List.of("emulator", dir.resolve("l4").toString(), "--journal"));
        start(Scenario.L5, List.of("emulator", dir.resolve("l5").toString()));
    }

    private void start(Scenario scenario, List<String> args) throws Exception {
        log("starting " + scenario + " " + args);
        ChildJvm server = ChildJvm.start(ChildJvm.SERVER_OPTIONS, BenchServer.class, args,
                options.dir().resolve(scenario + ".log"));
        servers.put(scenario, server);
        String ready = server.awaitLine(BenchServer.READY, Duration.ofMinutes(3));
        ports.put(scenario, WireFormat.mapper().readTree(ready).get("port").asInt());
    }

    /** One wrk run of a scenario; {@code pauseMs} paces each connection (fixed rate) unless {@code null}. */
    private Wrk.Result measure(Scenario scenario, Duration duration, Double pauseMs) throws Exception {
        Path dir = options.dir();
        List<String> args = switch (scenario) {
            case L0, L1, L2 -> List.of(dir.resolve("l2/details-request.json").toString(), DETAILS_TARGET, "200",
                    "{\"jobDetails\":");
            case L4 -> List.of(dir.resolve("l4/details-request.json").toString(), DETAILS_TARGET, "200",
                    "{\"jobDetails\":");
            case L5 -> List.of(dir.resolve("l5/invalid-request.json").toString(), DETAILS_TARGET, "400",
                    "\"__type\":\"ValidationException\"");
            case L3 -> List.of(dir.resolve("poll-request.json").toString(), BenchJobs.CLIENT_TOKEN);
        };
        if (pauseMs != null) {
            args = new ArrayList<>(args);
            args.add(String.format(Locale.ROOT, "%.4f", pauseMs));
        }
        if (scenario == Scenario.L3) {
            servers.get(scenario).send("refill");
            servers.get(scenario).awaitLine("REFILLED", Duration.ofMinutes(3));
        }
        return wrk.run(scenario == Scenario.L3 ? "worker" : "single", ports.get(scenario), duration, args);
    }

    private void reportSaturation(List<Map<Scenario, Wrk.Result>> rounds) {
        report.section("Load at saturation", String.format(Locale.ROOT, "wrk %d threads, %d connections, %d s a"
                + " scenario, %d rounds, the order rotating each round; every server in its own JVM (%s), on"
                + " 127.0.0.1. A ratio is taken within a round, then the median and range over the rounds."
                + " Throughput is answered requests a second (L3: every call of the worker loop); p99 from wrk's"
                + " latency histogram. Failed: answers with another status or body than the scenario expects,"
                + " plus socket errors and timeouts, over all rounds.", options.threads(), options.connections(),
                options.duration().toSeconds(), rounds.size(), String.join(" ", ChildJvm.SERVER_OPTIONS)));
        List<List<String>> rows = new ArrayList<>();
        for (Scenario scenario : Scenario.values()) {
            Spread throughput = ratio(rounds, scenario, Scenario.L1, Wrk.Result::requestsPerSecond);
            Spread p99 = ratio(rounds, scenario, Scenario.L1, r -> r.p99Us());
            Spread vsL0 = ratio(rounds, scenario, Scenario.L0, Wrk.Result::requestsPerSecond);
            long failed = rounds.stream().mapToLong(r -> r.get(scenario).failures()).sum();
            long answered = rounds.stream().mapToLong(r -> r.get(scenario).requests()).sum();
            String absolute = String.format(Locale.ROOT, "%,.0f req/s, p99 %.2f ms",
                    Spread.over(rounds, r -> r.get(scenario).requestsPerSecond()).median(),
                    Spread.over(rounds, r -> r.get(scenario).p99Us()).median() / 1000);
            if (scenario == Scenario.L3) {
                absolute += String.format(Locale.ROOT, " (%,.0f jobs/s)",
                        Spread.over(rounds, r -> r.get(scenario).jobsPerSecond()).median());
            }
            rows.add(List.of(scenario + " " + scenario.what, throughput.format(), p99.format(), vsL0.format(),
                    absolute, failed + " of " + String.format(Locale.ROOT, "%,d", answered)));
        }
        report.table(List.of("scenario", "throughput vs L1", "p99 vs L1", "throughput vs L0",
                "alongside: median throughput, p99", "failed"), rows);
        report.table(List.of("other ratios (throughput)", "median (range)"), List.of(
                List.of("L1 / L0: WireMock against the raw Jetty ceiling",
                        ratio(rounds, Scenario.L1, Scenario.L0, Wrk.Result::requestsPerSecond).format()),
                List.of("L4 / L2: the cost of the request journal",
                        ratio(rounds, Scenario.L4, Scenario.L2, Wrk.Result::requestsPerSecond).format()),
                List.of("L5 / L2: refusing an invalid request against answering a valid one",
                        ratio(rounds, Scenario.L5, Scenario.L2, Wrk.Result::requestsPerSecond).format())));
        Spread l2 = ratio(rounds, Scenario.L2, Scenario.L1, Wrk.Result::requestsPerSecond);
        report.target("L2 throughput / L1", ">= 1.0x", l2.format(), l2.median() >= 1.0);
        boolean clean = rounds.stream().allMatch(r -> r.values().stream().allMatch(x -> x.failures() == 0));
        report.target("every answer as expected, every scenario", "0 failed", clean ? "0 failed" : "some failed",
                clean);
    }

    /** p99 of L1 and L2 at the same offered rate, each connection pausing between requests. */
    private void fixedRate(double rate) throws Exception {
        double pauseMs = wrk.connections() * 1000.0 / rate;
        List<Map<Scenario, Wrk.Result>> rounds = new ArrayList<>();
        for (int round = 0; round < options.rounds(); round++) {
            Map<Scenario, Wrk.Result> results = new EnumMap<>(Scenario.class);
            List<Scenario> order = round % 2 == 0 ? List.of(Scenario.L1, Scenario.L2)
                    : List.of(Scenario.L2, Scenario.L1);
            for (Scenario scenario : order) {
                results.put(scenario, measure(scenario, options.duration(), pauseMs));
                log(String.format(Locale.ROOT, "fixed rate round %d %s: %.0f req/s, p99 %d us", round + 1, scenario,
                        results.get(scenario).requestsPerSecond(), results.get(scenario).p99Us()));
            }
            rounds.add(results);
        }
        report.section("Latency at a fixed rate", String.format(Locale.ROOT, "Half of L1's median maximum: %,.0f"
                + " requests a second offered by wrk's %d connections, each pausing %.2f ms between an answer and"
                + " its next request (wrk's Lua delay(); wrk2 is not packaged for Debian). The achieved rate is a"
                + " little lower than offered, by the answer time; latency is measured from each request's send, so"
                + " a stall is counted once per connection, not for the requests it delays (no coordinated-omission"
                + " correction).", rate, wrk.connections(), pauseMs));
        Spread p99 = ratio(rounds, Scenario.L2, Scenario.L1, r -> r.p99Us());
        report.table(List.of("", "L2 / L1: median (range)", "alongside: L1", "alongside: L2"), List.of(
                List.of("p99", p99.format(), millis(rounds, Scenario.L1, r -> r.p99Us()),
                        millis(rounds, Scenario.L2, r -> r.p99Us())),
                List.of("p50", ratio(rounds, Scenario.L2, Scenario.L1, r -> r.p50Us()).format(),
                        millis(rounds, Scenario.L1, r -> r.p50Us()), millis(rounds, Scenario.L2, r -> r.p50Us())),
                List.of("achieved rate", ratio(rounds, Scenario.L2, Scenario.L1, Wrk.Result::requestsPerSecond)
                                .format(), perSecond(rounds, Scenario.L1), perSecond(rounds, Scenario.L2)),
                List.of("failed", "", failed(rounds, Scenario.L1), failed(rounds, Scenario.L2))));
        report.target("L2 p99 / L1 p99 at a fixed rate (half of L1's maximum)", "<= 1.2x", p99.format(),
                p99.median() <= 1.2);
    }

    private static Spread ratio(List<Map<Scenario, Wrk.Result>> rounds, Scenario of, Scenario to,
            java.util.function.ToDoubleFunction<Wrk.Result> figure) {
        return Spread.over(rounds, r -> figure.applyAsDouble(r.get(of)) / figure.applyAsDouble(r.get(to)));
    }

    private static String millis(List<Map<Scenario, Wrk.Result>> rounds, Scenario scenario,
            java.util.function.ToDoubleFunction<Wrk.Result> micros) {
        return String.format(Locale.ROOT, "%.2f ms", Spread.over(rounds, r -> micros.applyAsDouble(
                r.get(scenario))).median() / 1000);
    }

    private static String perSecond(List<Map<Scenario, Wrk.Result>> rounds, Scenario scenario) {
        return String.format(Locale.ROOT, "%,.0f req/s", Spread.over(rounds,
                r -> r.get(scenario).requestsPerSecond()).median());
    }

    private static String failed(List<Map<Scenario, Wrk.Result>> rounds, Scenario scenario) {
        return rounds.stream().mapToLong(r -> r.get(scenario).failures()).sum() + " failed";
    }

    private static void log(String line) {
        System.out.println("  " + line);
    }
}
