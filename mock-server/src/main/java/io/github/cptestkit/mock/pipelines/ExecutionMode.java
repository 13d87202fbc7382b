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
    QUEUED, SUPERSEDED, PARALLEL;

    /** The value AWS sends, e.g. {@code SUPERSEDED}. */
    public String wire() {
        return name();
    }

    /** The constant for a wire value, or empty. */
    public static Optional<ExecutionMode> fromWire(String wire) {
        return Arrays.stream(values()).filter(m -> m.name().equals(wire)).findFirst();
    }
}
