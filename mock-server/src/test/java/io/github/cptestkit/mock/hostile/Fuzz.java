package io.github.cptestkit.mock.hostile;

import java.util.Random;
import java.util.function.Consumer;

/**
 * Runs a generated test case many times, reproducibly: case {@code i} of a property draws from its own
 * {@link Random}, seeded from the run's seed, the property's name and {@code i}. A failure names the case's seed;
 * replay it alone with {@code -Dcptestkit.fuzz.case=<seed>}, or explore other inputs with
 * {@code -Dcptestkit.fuzz.seed=<n>} (both system properties; Maven passes {@code mvn -D...} on to the tests).
 *
 * <pre>{@code
 * Fuzz.run("malformed bodies", 1_800, random -> {
 *     byte[] body = new byte[random.nextInt(4096)];
 *     random.nextBytes(body);
 *     assertRefused(send(body));
 * });
 * }</pre>
 */
final class Fuzz {

    /** The run's seed: {@code cptestkit.fuzz.seed}, else a fixed one, so that every run sends the same requests. */
    static final long SEED = Long.getLong("cptestkit.fuzz.seed", 20_150_709L);
    private static final String REPLAY = System.getProperty("cptestkit.fuzz.case");

    private Fuzz() {}

    /** One of {@code choices}, drawn. */
    @SafeVarargs
    static <T> T pick(Random random, T... choices) {
        return choices[random.nextInt(choices.length)];
    }

    /** A string of {@code length} characters drawn from {@code first} to {@code last}. */
    static String text(Random random, int length, char first, char last) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append((char) (first + random.nextInt(last - first + 1)));
        }
        return text.toString();
    }

    /** Runs {@code cases} cases of {@code property} (only the replayed one when {@code cptestkit.fuzz.case} is set). */
    static void run(String property, int cases, Consumer<Random> oneCase) {
        if (REPLAY != null) {
            runCase(property, Long.parseLong(REPLAY), oneCase);
            return;
        }
        Random seeds = new Random(SEED ^ property.hashCode());
        for (int i = 0; i < cases; i++) {
            runCase(property, seeds.nextLong(), oneCase);
        }
    }

    private static void runCase(String property, long seed, Consumer<Random> oneCase) {
        try {
            oneCase.accept(new Random(seed));
        } catch (AssertionError | RuntimeException failure) {
            AssertionError named = new AssertionError(property + ": case of seed " + seed + " failed (replay it with"
                    + " -Dcptestkit.fuzz.case=" + seed + "): " + failure.getMessage(), failure);
            throw named;
        }
    }
}
