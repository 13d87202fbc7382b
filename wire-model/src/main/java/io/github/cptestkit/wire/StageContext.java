package io.github.cptestkit.wire;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The stage a job runs in.
 *
 * <pre>{@code new StageContext("Build");}</pre>
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StageContext(String name) {}
