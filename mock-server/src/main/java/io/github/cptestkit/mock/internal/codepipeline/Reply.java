package io.github.cptestkit.mock.internal.codepipeline;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cptestkit.wire.AwsSessionCredentials;
import io.github.cptestkit.wire.JobData;
import java.util.function.Supplier;

/**
 * What an operation's handler answers: the response body, rendered on demand, and for an answer that is a pure
 * function of one job's served state (GetThirdPartyJobDetails, GetJobDetails) that state and the artifact
 * credentials the answer hands out, so the protocol edge can reuse the checked text while the state is unchanged,
 * with each answer's own credentials put in ({@link CheckedAnswers}).
 *
 * <pre>{@code
 * Reply.of(JSON.createObjectNode().put("status", "InProgress"));
 * new Reply(new Reply.ServedJob(job.id(), stored, null, job.accountId()), credentials, () -> jobDetails(job));
 * }</pre>
 *
 * @param served      the job state the body is made of, or {@code null} when it depends on more (or changes state)
 * @param credentials the artifact credentials the body carries in place of the stored data's, or {@code null}
 * @param body        renders the response body
 */
public record Reply(ServedJob served, AwsSessionCredentials credentials, Supplier<JsonNode> body) {

    /** A reply that is not kept: its body is rendered and checked every time. */
    public static Reply of(JsonNode body) {
        return new Reply(null, null, () -> body);
    }

    /**
     * The parts of a job an answer is made of: its id, its data as stored (immutable, the same instance for the
     * job's whole life; the answer's artifact credentials aside) and the nonce or account id the answer carries.
     * Equal states give answers that differ in their credentials only.
     *
     * @param jobId     the job id
     * @param data      the job's data as stored
     * @param nonce     the nonce the answer carries, or {@code null}
     * @param accountId the account id the answer carries, or {@code null}
     */
    public record ServedJob(String jobId, JobData data, String nonce, String accountId) {}
}
