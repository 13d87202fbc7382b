package io.github.cptestkit.wire;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An input or output artifact of a job: a zip file in the artifact bucket. Output artifacts have no revision.
 *
 * <pre>{@code new Artifact("SourceOutput", "5d1c3f0b", ArtifactLocation.s3(bucket, key));}</pre>
 *
 * @param name     the artifact's name in the pipeline (1 to 100 of {@code [a-zA-Z0-9_\-]}), e.g. {@code SourceOutput}
 * @param revision the source revision the artifact was made from (1 to 1500 characters), e.g. a commit id;
 *                 {@code null} for output artifacts
 * @param location where the zip lies, or where the worker uploads it for an output artifact
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Artifact(String name, String revision, ArtifactLocation location) {}
