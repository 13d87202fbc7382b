package io.github.cptestkit.junit;

import io.github.cptestkit.wire.ActionTypeId;
import io.github.cptestkit.wire.FakeThirdPartyJob;
import java.util.List;
import software.amazon.awssdk.services.codepipeline.CodePipelineClient;
import software.amazon.awssdk.services.codepipeline.model.ThirdPartyJob;

/** The smallest third-party worker: the calls of one job, for fixtures that need a worker's traffic. */
final class TestWorker {

    private TestWorker() {}

    static software.amazon.awssdk.services.codepipeline.model.ActionTypeId sdk(ActionTypeId type) {
        return software.amazon.awssdk.services.codepipeline.model.ActionTypeId.builder()
                .category(type.category().wire()).owner(type.owner().wire())
                .provider(type.provider()).version(type.version()).build();
    }

    /** Polls one job of {@code job}'s type. */
    static List<ThirdPartyJob> poll(CodePipelineClient client, FakeThirdPartyJob job) {
        return client.pollForThirdPartyJobs(r -> r.actionTypeId(sdk(job.actionTypeId())).maxBatchSize(1)).jobs();
    }

    /** Polls, gets the details, acknowledges and reports success with {@code summary}. */
    static void succeed(CodePipelineClient client, FakeThirdPartyJob job, String summary) {
        String jobId = poll(client, job).get(0).jobId();
        String nonce = client.getThirdPartyJobDetails(r -> r.jobId(jobId).clientToken(job.clientToken()))
                .jobDetails().nonce();
        client.acknowledgeThirdPartyJob(r -> r.jobId(jobId).nonce(nonce).clientToken(job.clientToken()));
        client.putThirdPartyJobSuccessResult(r -> r.jobId(jobId).clientToken(job.clientToken())
                .executionDetails(d -> d.summary(summary)));
    }
}
