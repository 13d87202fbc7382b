package io.github.cptestkit.mock.jobs;

import io.github.cptestkit.wire.CurrentRevision;
import io.github.cptestkit.wire.ExecutionDetails;
import io.github.cptestkit.wire.FailureDetails;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The result a worker put on a job: a {@link Success} or a {@link Failure}.
 *
 * <pre>{@code
 * switch (mock.job(jobId).result()) {
 *     case JobResult.Success s -> assertThat(s.outputVariables()).containsEntry("IMAGE_TAG", "1.2.3");
 *     case JobResult.Failure f -> fail(f.failureDetails().message());
 * }
 * }</pre>
 */
public sealed interface JobResult {

    /**
     * When the mock recorded the result, by its clock.
     *
     * @return the instant of the result call the mock accepted
     */
    Instant at();

    /**
     * A PutJobSuccessResult or PutThirdPartyJobSuccessResult.
     *
     * @param at                when it was recorded
     * @param currentRevision   the revision reported, or {@code null}
     * @param executionDetails  the execution details reported, or {@code null}
     * @param continuationToken the token reported, or {@code null} when the action completed
     * @param outputVariables   the output variables reported (custom actions only; empty when none)
     * @param continuationJobId the id of the job queued to continue the action, or {@code null} without a token
     */
    record Success(Instant at, CurrentRevision currentRevision, ExecutionDetails executionDetails,
            String continuationToken, Map<String, String> outputVariables, String continuationJobId)
            implements JobResult {
        /**
         * Copies the output variables ({@code null} is none); {@code at} is required.
         *
         * @param at                when it was recorded
         * @param currentRevision   the revision reported, or {@code null}
         * @param executionDetails  the execution details reported, or {@code null}
         * @param continuationToken the token reported, or {@code null} when the action completed
         * @param outputVariables   the output variables reported (custom actions only; empty when none)
         * @param continuationJobId the id of the job queued to continue the action, or {@code null} without a token
         */
        public Success {
            Objects.requireNonNull(at, "at");
            outputVariables = outputVariables == null ? Map.of()
                    : Collections.unmodifiableMap(new LinkedHashMap<>(outputVariables));
        }
    }

    /**
     * A PutJobFailureResult or PutThirdPartyJobFailureResult.
     *
     * @param at             when it was recorded
     * @param failureDetails what the worker reported
     */
    record Failure(Instant at, FailureDetails failureDetails) implements JobResult {
        /**
         * Both components are required.
         *
         * @param at             when it was recorded
         * @param failureDetails what the worker reported
         */
        public Failure {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(failureDetails, "failureDetails");
        }
    }
}
