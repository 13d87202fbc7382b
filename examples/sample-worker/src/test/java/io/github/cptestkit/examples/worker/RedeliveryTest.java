package io.github.cptestkit.examples.worker;

import static io.github.cptestkit.junit.CodePipelineAssertions.assertThat;

import io.github.cptestkit.junit.CodePipelineMockExtension;
import io.github.cptestkit.junit.FakeJob;
import io.github.cptestkit.junit.JobS3Clients;
import io.github.cptestkit.mock.CodePipelineMock;
import io.github.cptestkit.mock.MockClock;
import io.github.cptestkit.wire.ActionCategory;
import io.github.cptestkit.wire.FakeThirdPartyJob;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.codepipeline.CodePipelineClient;
import software.amazon.awssdk.services.codepipeline.model.ActionTypeId;

/** The extension registered with its builder: a mock clock and a shorter dispatch timeout. */
// region builder
class RedeliveryTest {

    static final ActionTypeId REPORT_BUILDER = QuickstartTest.REPORT_BUILDER;
    static final MockClock CLOCK = MockClock.at(Instant.parse("2026-01-01T00:00:00Z"));

    @RegisterExtension
    static final CodePipelineMockExtension MOCK = CodePipelineMockExtension.builder()
            .clock(CLOCK)
            .configureMock(mock -> mock.dispatchTimeout(Duration.ofSeconds(30)))
            .build();

    @Test
    void aJobPolledByAWorkerThatDiedIsHandedOutAgainAfterTheDispatchTimeout(CodePipelineMock mock,
            CodePipelineClient codePipeline, JobS3Clients s3,
            @FakeJob(category = ActionCategory.BUILD, provider = "ReportBuilder", version = "1")
            FakeThirdPartyJob job) {
        codePipeline.pollForThirdPartyJobs(r -> r.actionTypeId(REPORT_BUILDER));   // polled, never acknowledged
        CLOCK.advance(Duration.ofSeconds(31));

        new SampleWorker(codePipeline, s3::create, REPORT_BUILDER, Map.of(job.clientId(), job.clientToken()))
                .runOnce();

        assertThat(mock).job(job.jobId()).succeeded().hasNoRefusedCalls();
    }
}
// endregion
