package io.github.cptestkit.wire;

/**
 * One entry of a PollForThirdPartyJobs answer: which job is waiting, and which client (partner registration) it
 * is for. The worker looks up the clientToken it registered for that clientId.
 *
 * <pre>{@code
 * ThirdPartyJob entry = FakeJobs.thirdParty().build().pollEntry();
 * WireFormat.toJson(entry);   // {"clientId":"...","jobId":"..."}
 * }</pre>
 */
public record ThirdPartyJob(String clientId, String jobId) {}
