package io.github.cptestkit.wire;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The stage a job runs in.
 *
 * <pre>{@code new StageContext("Build");}</pre>
 *
 * @param name the stage's name in its pipeline (1 to 100 of {@code [A-Za-z0-9.@\-_]})
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StageContext(String name) {}
