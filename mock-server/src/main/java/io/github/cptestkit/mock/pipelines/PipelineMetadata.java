package io.github.cptestkit.mock.pipelines;

import java.time.Instant;
import java.util.Objects;

/**
 * What the service records about a pipeline beside its declaration (GetPipeline's {@code metadata}).
 *
 * <pre>{@code
 * PipelineMetadata metadata = mock.pipeline("release").metadata();
 * metadata.pipelineArn();   // "arn:aws:codepipeline:us-east-1:123456789012:release"
 * }</pre>
 *
 * @param pipelineArn the pipeline's ARN
 * @param created     when it was created (on the mock's clock)
 * @param updated     when its latest version was made (equal to {@code created} for version 1)
 */
public record PipelineMetadata(String pipelineArn, Instant created, Instant updated) {
    /**
     * Every component is required.
     *
     * @param pipelineArn the pipeline's ARN
     * @param created     when it was created (on the mock's clock)
     * @param updated     when its latest version was made (equal to {@code created} for version 1)
     */
    public PipelineMetadata {
        Objects.requireNonNull(pipelineArn, "pipelineArn");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(updated, "updated");
    }
}
