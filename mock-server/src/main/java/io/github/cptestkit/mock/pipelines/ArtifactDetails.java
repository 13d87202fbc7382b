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

    /**
     * From {@code min} to {@code max}.
     *
     * @param min the fewest artifacts (0..5 for a custom action type, checked when the type is created)
     * @param max the most; not below {@code min}
     * @return the range
     */
    public static ArtifactDetails between(int min, int max) {
        return new ArtifactDetails(min, max);
    }

    /**
     * Exactly {@code count}.
     *
     * @param count the number of artifacts (0..5 for a custom action type)
     * @return the range of that one number
     */
    public static ArtifactDetails exactly(int count) {
        return new ArtifactDetails(count, count);
    }

    /**
     * Whether {@code count} artifacts are allowed.
     *
     * @param count the number of artifacts an action declares
     * @return {@code true} when it lies in {@code minimumCount..maximumCount}, both included
     */
    public boolean allows(int count) {
        return count >= minimumCount && count <= maximumCount;
    }
}
