package io.github.cptestkit.mock.pipelines;

import java.util.Objects;

/**
 * A pipeline-level variable of a V2 pipeline, referenced in action configuration as {@code #{variables.Name}}.
 *
 * <pre>{@code new PipelineVariableDeclaration("Env", "test", "where the release goes")}</pre>
 *
 * @param name         the variable's name
 * @param defaultValue its value when an execution does not set it, or {@code null}
 * @param description  what it is for, or {@code null}
 */
public record PipelineVariableDeclaration(String name, String defaultValue, String description) {
    /**
     * The name is required.
     *
     * @param name         the variable's name
     * @param defaultValue its value when an execution does not set it, or {@code null}
     * @param description  what it is for, or {@code null}
     */
    public PipelineVariableDeclaration {
        Objects.requireNonNull(name, "name");
    }
}
