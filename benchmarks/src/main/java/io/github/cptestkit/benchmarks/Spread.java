package io.github.cptestkit.benchmarks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * The median and range of one figure over the rounds of a run, e.g. the ratio of L2's throughput to L1's taken
 * within each round.
 *
 * <pre>{@code
 * Spread ratio = Spread.of(List.of(0.97, 1.02, 1.05));
 * ratio.format();   // "1.02 (0.97–1.05)"
 * }</pre>
 *
 * @param median the median (the mean of the two middle values for an even count)
 * @param min    the smallest value
 * @param max    the largest value
 * @param count  how many values
 */
record Spread(double median, double min, double max, int count) {

    static Spread of(List<Double> values) {
        if (values.isEmpty()) {
            return new Spread(Double.NaN, Double.NaN, Double.NaN, 0);
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        return new Spread(median, sorted.get(0), sorted.get(n - 1), n);
    }

    /** The spread of {@code figure} over {@code rounds}. */
    static <T> Spread over(List<T> rounds, ToDoubleFunction<T> figure) {
        return of(rounds.stream().map(figure::applyAsDouble).toList());
    }

    /** {@code median (min–max)} with two decimals, as ratios are written. */
    String format() {
        return format("%.2f");
    }

    /** {@code median (min–max)} with the given number format. */
    String format(String number) {
        if (count == 0) {
            return "n/a";
        }
        return String.format(Locale.ROOT, number + " (" + number + "–" + number + ")", median, min, max);
    }
}
