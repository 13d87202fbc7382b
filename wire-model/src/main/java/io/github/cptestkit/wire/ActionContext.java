package io.github.cptestkit.wire;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The action a job runs for, and the id of this execution of it.
 *
 * <pre>{@code new ActionContext("MyCi.Build", "c2f5a1d0-9e7b-4f6a-8d3c-1b2a3c4d5e6f");}</pre>
 *
 * @param name              the action's name in its stage (1 to 100 of {@code [A-Za-z0-9.@\-_]})
 * @param actionExecutionId the id of this run of the action, or {@code null} when absent
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ActionContext(String name, String actionExecutionId) {}
