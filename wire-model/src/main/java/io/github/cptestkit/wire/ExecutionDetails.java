package io.github.cptestkit.wire;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What a worker reports about its run with a success result; every member is optional.
 *
 * <pre>{@code new ExecutionDetails("Built 3 images", "build-4711", 100);}</pre>
 *
 * @param summary             what the run did, for the console (1 to 2048 characters), or {@code null}
 * @param externalExecutionId the worker's own id of the run, e.g. a build number (1 to 1500 characters), or
 *                            {@code null}
 * @param percentComplete     how far the run is, 0 to 100, or {@code null}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ExecutionDetails(String summary, String externalExecutionId, Integer percentComplete) {}
