package io.github.cptestkit.wire;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Why a job failed, as a worker reports it.
 *
 * <pre>{@code new FailureDetails(FailureType.JOB_FAILED, "Tests failed: 3 of 120", "build-4711");}</pre>
 *
 * @param type                the kind of failure; required on the wire
 * @param message             what went wrong, for the console (1 to 5000 characters); required on the wire
 * @param externalExecutionId the worker's own id of the run (1 to 1500 characters), or {@code null}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FailureDetails(FailureType type, String message, String externalExecutionId) {}
