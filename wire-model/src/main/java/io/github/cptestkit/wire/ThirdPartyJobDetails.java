package io.github.cptestkit.wire;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The {@code jobDetails} of a GetThirdPartyJobDetails answer.
 *
 * <pre>{@code String nonce = job.details().nonce();}</pre>
 *
 * @param id    the job id (the model allows 1 to 512 characters; polled jobs have UUIDs)
 * @param data  what the job asks of its worker ({@code ThirdPartyJobData} on the wire)
 * @param nonce the value AcknowledgeThirdPartyJob must present (1 to 50 characters)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ThirdPartyJobDetails(String id, JobData data, String nonce) {}
