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
    V1, V2;

    /** The value AWS sends, e.g. {@code V2}. */
    public String wire() {
        return name();
    }

    /** The constant for a wire value, or empty. */
    public static Optional<PipelineType> fromWire(String wire) {
        return Arrays.stream(values()).filter(t -> t.name().equals(wire)).findFirst();
    }
}
