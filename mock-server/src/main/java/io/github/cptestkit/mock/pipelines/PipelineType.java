package io.github.cptestkit.mock.pipelines;

import java.util.Arrays;
import java.util.Optional;

/**
 * A pipeline's type: {@code V1}, or {@code V2}, which adds pipeline-level variables, triggers and the QUEUED and
 * PARALLEL execution modes.
 *
 * <pre>{@code PipelineDeclaration.builder("release").pipelineType(PipelineType.V2)}</pre>
 */
public enum PipelineType {
    /** The original type: stages, actions and action-level variables. */
    V1,
    /** Adds pipeline-level variables, triggers and the QUEUED and PARALLEL execution modes. */
    V2;

    /**
     * The value AWS sends, e.g. {@code V2}.
     *
     * @return the constant's name, as it appears on the wire
     */
    public String wire() {
        return name();
    }

    /**
     * The constant for a wire value.
     *
     * @param wire the value AWS sends, case-sensitive (e.g. {@code V2}); {@code null} matches none
     * @return the constant, or empty when none has that wire value
     */
    public static Optional<PipelineType> fromWire(String wire) {
        return Arrays.stream(values()).filter(t -> t.name().equals(wire)).findFirst();
    }
}
