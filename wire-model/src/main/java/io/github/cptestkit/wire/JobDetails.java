package io.github.cptestkit.wire;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The {@code jobDetails} of a GetJobDetails answer, and the job inside a Lambda invoke event: a custom-action or
 * AWS-owned job without its nonce.
 *
 * <pre>{@code
 * JobDetails details = FakeJobs.custom().build().details();
 * details.accountId();   // "123456789012"
 * }</pre>
 *
 * @param id        the job id, a lowercase UUID
 * @param data      what the job asks of its worker
 * @param accountId the 12-digit account of the pipeline
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JobDetails(String id, JobData data, String accountId) {}
