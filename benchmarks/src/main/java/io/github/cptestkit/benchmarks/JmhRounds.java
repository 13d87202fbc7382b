package io.github.cptestkit.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cptestkit.wire.WireFormat;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The JMH benchmarks in rounds: each round one fresh JVM that runs every benchmark of this module in itself (JMH
 * {@code -f 0}: the JVM is the fork), one thread, so a ratio compares benchmarks of the same fork.
 *
 * <pre>{@code
 * new JmhRounds(options, report).run();
 * }</pre>
 */
record JmhRounds(LoadHarness.Options options, Report report) {

    private static final String PACKAGE = "io.github.cptestkit.benchmarks.";

    void run() throws Exception {
        List<Map<String, Double>> rounds = new ArrayList<>();
        for (int round = 1; round <= options.rounds(); round++) {
            Path results = options.dir().resolve("jmh-round-" + round + ".json");
            List<String> args = new ArrayList<>(List.of("-f", "0", "-t", "1", "-foe", "true", "-rf", "json",
                    "-rff", results.toString()));
            args.addAll(Arrays.asList(options.jmhArgs().trim().split("\\s+")));
            args.add(PACKAGE + ".*Benchmark\\..*");
            Process jmh = ChildJvm.startProcess(ChildJvm.command(ChildJvm.SERVER_OPTIONS, org.openjdk.jmh.Main.class,
                    args), options.dir().resolve("jmh.log"));
            jmh.getInputStream().transferTo(System.out);
            if (jmh.waitFor() != 0) {
                throw new IllegalStateException("JMH round " + round + " failed (exit " + jmh.exitValue() + "); see "
                        + options.dir().resolve("jmh.log"));
            }
            rounds.add(scores(WireFormat.mapper().readTree(results.toFile())));
        }
        reportRounds(rounds);
    }

    /** Operations a second by benchmark, e.g. {@code ValidationBenchmark.validatePreParsed[response]}. */
    private static Map<String, Double> scores(JsonNode results) {
        Map<String, Double> scores = new HashMap<>();
        for (JsonNode result : results) {
            String name = result.get("benchmark").asText().substring(PACKAGE.length());
            JsonNode params = result.path("params");
            if (params.has("document")) {
                name += "[" + params.get("document").asText() + "]";
            }
            scores.put(name, result.get("primaryMetric").get("score").asDouble());
        }
        return scores;
    }

    private void reportRounds(List<Map<String, Double>> rounds) {
        report.section("JMH", String.format(Locale.ROOT, "%d rounds; each round is one fresh JVM (%s) running every"
                + " benchmark in itself (JMH -f 0 -t 1 %s), so each ratio compares benchmarks of the same fork."
                + " Throughput on one thread: one core.", rounds.size(), String.join(" ", ChildJvm.SERVER_OPTIONS),
                options.jmhArgs()));
        List<List<String>> rows = new ArrayList<>();
        for (String document : List.of("request", "response")) {
            for (String mode : List.of("validatePreParsed", "validateFromString")) {
                String validation = "ValidationBenchmark." + mode + "[" + document + "]";
                String parse = "ValidationBenchmark.jacksonParseAlone[" + document + "]";
                Spread cost = Spread.over(rounds, r -> r.get(parse) / r.get(validation));
                Spread perSecond = Spread.over(rounds, r -> r.get(validation));
                rows.add(List.of("validation, " + (mode.endsWith("PreParsed") ? "pre-parsed" : "from String") + ", "
                        + document, cost.format(), perSecond.format("%,.0f") + " docs/s",
                        String.format(Locale.ROOT, "%,.0f", Spread.over(rounds, r -> r.get(parse)).median())));
                report.target("validation " + (mode.endsWith("PreParsed") ? "pre-parsed" : "from String") + ", "
                        + document + ", one core", ">= 100,000 docs/s", perSecond.format("%,.0f"),
                        perSecond.median() >= 100_000);
            }
        }
        report.table(List.of("benchmark", "time per document / Jackson parsing alone", "alongside: throughput",
                "alongside: parsing alone, docs/s"), rows);
        ToDoubleFunction<Map<String, Double>> fake = r -> r.get("FixtureBenchmark.fakeJobs");
        ToDoubleFunction<Map<String, Double>> plain = r -> r.get("FixtureBenchmark.plainJdk");
        Spread cost = Spread.over(rounds, r -> plain.applyAsDouble(r) / fake.applyAsDouble(r));
        Spread jobs = Spread.over(rounds, fake);
        report.table(List.of("benchmark", "time per job / plain-JDK generator", "alongside: FakeJobs",
                "alongside: plain JDK"), List.of(List.of("fixture generation (a new default partner job a call)",
                cost.format(), jobs.format("%,.0f") + " jobs/s",
                String.format(Locale.ROOT, "%,.0f jobs/s", Spread.over(rounds, plain).median()))));
        report.target("fixture generation, one core", ">= 50,000 jobs/s", jobs.format("%,.0f"),
                jobs.median() >= 50_000);
        ToDoubleFunction<Map<String, Double>> executions = r -> r.get("PipelineBenchmark.execution");
        ToDoubleFunction<Map<String, Double>> bareJobs = r -> r.get("PipelineBenchmark.bareJob");
        report.table(List.of("benchmark", "time per execution / bare job", "alongside: executions",
                "alongside: bare jobs"), List.of(List.of("pipeline execution end to end (S3 source simulated, one"
                + " custom job worked over HTTP) against a bare job of the same type",
                Spread.over(rounds, r -> bareJobs.applyAsDouble(r) / executions.applyAsDouble(r)).format(),
                Spread.over(rounds, executions).format("%,.0f") + " executions/s",
                String.format(Locale.ROOT, "%,.0f jobs/s", Spread.over(rounds, bareJobs).median()))));
    }
}
