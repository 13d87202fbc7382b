package io.github.cptestkit.mock.hostile;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * How many hostile requests one side got, and how they were answered ({@code 400 SerializationException},
 * {@code 403 AccessDenied}, ...): printed when a test class ends, for the record of a run.
 *
 * <pre>{@code
 * tally.count(answer.status() + " " + type);
 * tally.report("CodePipeline side");   // hostile requests, CodePipeline side: 6000 (400 SerializationException 2310, ...)
 * }</pre>
 */
final class HostileTally {

    private final Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();

    void count(String outcome) {
        outcomes.computeIfAbsent(outcome, k -> new LongAdder()).increment();
    }

    long total() {
        return outcomes.values().stream().mapToLong(LongAdder::sum).sum();
    }

    /** One line: the side, the total, and each outcome with its count. */
    String report(String side) {
        Map<String, Long> sorted = new TreeMap<>();
        outcomes.forEach((outcome, count) -> sorted.put(outcome, count.sum()));
        return "hostile requests, " + side + ": " + total() + " " + sorted;
    }
}
