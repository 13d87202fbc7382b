package io.github.cptestkit.wire;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What a worker reports about its run with a success result; every member is optional.
 *
 * <pre>{@code new ExecutionDetails("Built 3 images", "build-4711", 100);}</pre>
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ExecutionDetails(String summary, String externalExecutionId, Integer percentComplete) {}
