package io.github.cptestkit.mock.pipelines;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a pipeline does with an execution started while another runs: {@code SUPERSEDED} (AWS's default: the newer
 * one overtakes), {@code QUEUED} (one at a time, in order) or {@code PARALLEL} (independently). QUEUED and PARALLEL
 * need a {@link PipelineType#V2} pipeline.
 *
 * <pre>{@code PipelineDeclaration.builder("release").pipelineType(PipelineType.V2).executionMode(ExecutionMode.QUEUED)}</pre>
 */
public enum ExecutionMode {
    /** One execution at a time, the others wait their turn in the order they started (V2 pipelines). */
    QUEUED,
    /** A newer execution overtakes an older one waiting in front of the same stage, which ends Superseded. */
    SUPERSEDED,
    /** Each execution runs on its own, none waits for or replaces another (V2 pipelines). */
    PARALLEL;

    /**
     * The value AWS sends, e.g. {@code SUPERSEDED}.
     *
     * @return the constant's name, as it appears on the wire
     */
    public String wire() {
        return name();
    }

    /**
     * The constant for a wire value.
     *
     * @param wire the value AWS sends, case-sensitive (e.g. {@code SUPERSEDED}); {@code null} matches none
     * @return the constant, or empty when none has that wire value
     */
    public static Optional<ExecutionMode> fromWire(String wire) {
        return Arrays.stream(values()).filter(m -> m.name().equals(wire)).findFirst();
    }
}
