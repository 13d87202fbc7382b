package io.github.cptestkit.wire;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Why a job failed, as a worker reports it.
 *
 * <pre>{@code new FailureDetails(FailureType.JOB_FAILED, "Tests failed: 3 of 120", "build-4711");}</pre>
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FailureDetails(FailureType type, String message, String externalExecutionId) {}
