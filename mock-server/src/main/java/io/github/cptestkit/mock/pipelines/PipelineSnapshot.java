package io.github.cptestkit.mock.pipelines;

import java.util.Map;
import java.util.Objects;

/**
 * A pipeline the mock keeps, at one moment: its latest declaration (with its version number), its metadata and
 * tags. Secret configuration values are as declared (GetPipeline answers them as {@code ****}).
 *
 * <pre>{@code
 * PipelineSnapshot release = mock.pipeline("release");
 * assertThat(release.pipeline().version()).isEqualTo(2);
 * assertThat(release.pipeline().stage("Build")).isPresent();
 * }</pre>
 *
 * @param pipeline the latest declaration, {@code version} set
 * @param metadata its ARN and creation and update times
 * @param tags     its tags, in the order they were given
 */
public record PipelineSnapshot(PipelineDeclaration pipeline, PipelineMetadata metadata, Map<String, String> tags) {

    /**
     * Copies the tags ({@code null} is none); the declaration and the metadata are required.
     *
     * @param pipeline the latest declaration, {@code version} set
     * @param metadata its ARN and creation and update times
     * @param tags     its tags, in the order they were given
     */
    public PipelineSnapshot {
        Objects.requireNonNull(pipeline, "pipeline");
        Objects.requireNonNull(metadata, "metadata");
        tags = Copies.map(tags, "tags of pipeline " + pipeline.name());
    }

    /**
     * The pipeline's name.
     *
     * @return its declaration's name
     */
    public String name() {
        return pipeline.name();
    }

    /**
     * Its latest version number.
     *
     * @return 1 for a new pipeline, one more for each update
     */
    public int version() {
        return pipeline.version();
    }
}
