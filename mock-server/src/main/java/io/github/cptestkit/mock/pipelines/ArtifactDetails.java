package io.github.cptestkit.mock.pipelines;

/**
 * How many input or output artifacts an action of a type takes: from {@code minimumCount} to {@code maximumCount}.
 *
 * <pre>{@code ArtifactDetails.between(1, 5)}</pre>
 *
 * @param minimumCount the fewest (0..5 for a custom action type)
 * @param maximumCount the most (0..5 for a custom action type)
 */
public record ArtifactDetails(int minimumCount, int maximumCount) {

    /** No artifact at all. */
    public static final ArtifactDetails NONE = new ArtifactDetails(0, 0);

    /** From {@code min} to {@code max}. */
    public static ArtifactDetails between(int min, int max) {
        return new ArtifactDetails(min, max);
    }

    /** Exactly {@code count}. */
    public static ArtifactDetails exactly(int count) {
        return new ArtifactDetails(count, count);
    }

    /** Whether {@code count} artifacts are allowed. */
    public boolean allows(int count) {
        return count >= minimumCount && count <= maximumCount;
    }
}
