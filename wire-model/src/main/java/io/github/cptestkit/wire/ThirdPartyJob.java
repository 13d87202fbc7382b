package io.github.cptestkit.wire;

/**
 * One entry of a PollForThirdPartyJobs answer: which job is waiting, and which client (partner registration) it
 * is for. The worker looks up the clientToken it registered for that clientId.
 *
 * <pre>{@code
 * ThirdPartyJob entry = FakeJobs.thirdParty().build().pollEntry();
 * WireFormat.toJson(entry);   // {"clientId":"...","jobId":"..."}
 * }</pre>
 *
 * @param clientId the partner registration the job is for, a lowercase UUID
 * @param jobId    the job id, a lowercase UUID
 */
public record ThirdPartyJob(String clientId, String jobId) {}
