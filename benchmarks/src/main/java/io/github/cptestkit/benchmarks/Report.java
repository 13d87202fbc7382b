package io.github.cptestkit.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The run's Markdown: sections of tables, then every target with its measured figure and whether it was met.
 *
 * <pre>{@code
 * Report report = new Report();
 * report.section("Load", "wrk -t2 -c16, 10 s a scenario");
 * report.table(List.of("scenario", "throughput vs L1"), List.of(List.of("L2", "1.02 (0.97–1.05)")));
 * report.target("L2 throughput vs L1", ">= 1.0x", ratio, ratio.median() >= 1.0);
 * Files.writeString(out, report.markdown());
 * }</pre>
 */
final class Report {

    private final StringBuilder body = new StringBuilder();
    private final List<List<String>> targets = new ArrayList<>();

    void section(String title, String text) {
        body.append("\n### ").append(title).append("\n\n");
        if (!text.isEmpty()) {
            body.append(text).append("\n\n");
        }
        System.out.println("== " + title);
    }

    void text(String text) {
        body.append(text).append("\n\n");
    }

    void table(List<String> headers, List<List<String>> rows) {
        StringBuilder table = new StringBuilder();
        table.append("| ").append(String.join(" | ", headers)).append(" |\n|");
        headers.forEach(h -> table.append("---|"));
        table.append('\n');
        for (List<String> row : rows) {
            table.append("| ").append(String.join(" | ", row)).append(" |\n");
        }
        body.append(table).append('\n');
        System.out.print(table);
    }

    /** A target and how the run measured against it; {@code measured} is its median (range). */
    void target(String what, String target, String measured, boolean met) {
        targets.add(List.of(what, target, measured, met ? "met" : "**missed**"));
        System.out.println("target " + what + " " + target + ": " + measured + (met ? " met" : " MISSED"));
    }

    /** A figure in the targets' table that has no target of its own. */
    void measured(String what, String measured) {
        targets.add(List.of(what, "(no target)", measured, "—"));
        System.out.println("measured " + what + ": " + measured);
    }

    String markdown() {
        StringBuilder all = new StringBuilder(body);
        all.append("\n### Targets\n\n| what | target | measured: median (range) | |\n|---|---|---|---|\n");
        for (List<String> row : targets) {
            all.append("| ").append(String.join(" | ", row)).append(" |\n");
        }
        return all.toString();
    }

    void write(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, markdown());
    }
}
