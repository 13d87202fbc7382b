package io.github.cptestkit.wire;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A custom-action job as PollForJobs returns it.
 *
 * <pre>{@code Job job = FakeJobs.custom().build().job(); job.nonce();}</pre>
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Job(String id, JobData data, String nonce, String accountId) {}
