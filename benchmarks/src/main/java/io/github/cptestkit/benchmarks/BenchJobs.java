package io.github.cptestkit.benchmarks;

import io.github.cptestkit.wire.ActionCategory;
import io.github.cptestkit.wire.ActionOwner;
import io.github.cptestkit.wire.ActionTypeId;
import io.github.cptestkit.fixtures.FakeJobs;
import io.github.cptestkit.wire.FakeThirdPartyJob;
import io.github.cptestkit.wire.WireFormat;
import java.util.Map;

/**
 * The jobs and request bodies every benchmark uses: partner jobs of one action type ({@code Build/Bench/1}) sharing
 * one client token, so a load script can drive any of them, with the fixtures' defaults otherwise (one input
 * artifact, one output artifact, a KMS key, credentials).
 *
 * <pre>{@code
 * FakeThirdPartyJob job = BenchJobs.job(0);
 * String body = BenchJobs.detailsRequest(job.jobId());   // {"jobId":"...","clientToken":"bench-client-token"}
 * }</pre>
 */
public final class BenchJobs {

    /** The client token of every benchmark job. */
    public static final String CLIENT_TOKEN = "bench-client-token";
    /** The action type of every benchmark job. */
    public static final ActionTypeId ACTION_TYPE = new ActionTypeId(ActionCategory.BUILD, ActionOwner.THIRD_PARTY,
            "Bench", "1");

    private BenchJobs() {}

    /** Job {@code index} of the fixtures' default seed, of the benchmark action type and client token. */
    public static FakeThirdPartyJob job(long index) {
        return FakeJobs.thirdParty()
                .index(index)
                .category(ACTION_TYPE.category())
                .provider(ACTION_TYPE.provider())
                .version(ACTION_TYPE.version())
                .clientToken(CLIENT_TOKEN)
                .build();
    }

    /** The body of GetThirdPartyJobDetails for a job. */
    public static String detailsRequest(String jobId) {
        return WireFormat.toJson(Map.of("jobId", jobId, "clientToken", CLIENT_TOKEN));
    }

    /** The body of AcknowledgeThirdPartyJob for a job and the nonce of its dispatch. */
    public static String acknowledgeRequest(String jobId, String nonce) {
        return WireFormat.toJson(Map.of("jobId", jobId, "nonce", nonce, "clientToken", CLIENT_TOKEN));
    }

    /** A GetThirdPartyJobDetails body without its required clientToken: a ValidationException. */
    public static String invalidDetailsRequest(String jobId) {
        return WireFormat.toJson(Map.of("jobId", jobId));
    }

    /** The body of PollForThirdPartyJobs for the benchmark action type. */
    public static String pollRequest(int maxBatchSize) {
        return WireFormat.toJson(Map.of("actionTypeId", ACTION_TYPE, "maxBatchSize", maxBatchSize));
    }
}
