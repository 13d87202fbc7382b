package io.github.cptestkit.wire;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The {@code jobDetails} of a GetThirdPartyJobDetails answer.
 *
 * <pre>{@code String nonce = job.details().nonce();}</pre>
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ThirdPartyJobDetails(String id, JobData data, String nonce) {}
