package io.github.cptestkit.wire;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A custom-action job as PollForJobs returns it.
 *
 * <pre>{@code Job job = FakeJobs.custom().build().job(); job.nonce();}</pre>
 *
 * @param id        the job id, a lowercase UUID
 * @param data      what the job asks of its worker
 * @param nonce     the value AcknowledgeJob must present (1 to 50 characters); it changes when the job is
 *                  dispatched again
 * @param accountId the 12-digit account of the pipeline
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Job(String id, JobData data, String nonce, String accountId) {}
