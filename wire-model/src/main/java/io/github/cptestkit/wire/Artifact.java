package io.github.cptestkit.wire;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An input or output artifact of a job: a zip file in the artifact bucket. Output artifacts have no revision.
 *
 * <pre>{@code new Artifact("SourceOutput", "5d1c3f0b", ArtifactLocation.s3(bucket, key));}</pre>
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Artifact(String name, String revision, ArtifactLocation location) {}
