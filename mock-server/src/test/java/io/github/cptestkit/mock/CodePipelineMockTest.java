package io.github.cptestkit.mock;

import static io.github.cptestkit.mock.SdkClients.sdk;
import static io.github.cptestkit.mock.TestJobs.CUSTOM_TYPE;
import static io.github.cptestkit.mock.TestJobs.THIRD_PARTY_TYPE;
import static io.github.cptestkit.mock.TestJobs.jobId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cptestkit.fixtures.FakeThirdPartyJob;
import io.github.cptestkit.fixtures.JobStatus;
import io.github.cptestkit.fixtures.ThirdPartyJobDetails;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.codepipeline.CodePipelineClient;
import software.amazon.awssdk.services.codepipeline.model.Job;

/** The public entry point: lifecycle, options, strict mode at enqueue, and concurrent pollers over HTTP. */
class CodePipelineMockTest {

    static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    /** Partner job 1 with a pipeline name outside its pattern. */
    static FakeThirdPartyJob partnerJobWithABadPipelineName() {
        FakeThirdPartyJob job = TestJobs.thirdParty(1);
        return new FakeThirdPartyJob(job.clientId(), job.clientToken(), new ThirdPartyJobDetails(jobId(1),
                TestJobs.withPipelineName(job.details().data(), "pay ments"), "nonce-1"), job.artifacts());
    }

    @Test
    void inStrictModeAJobThatWouldBreakTheWireFormatIsRejectedAtEnqueueNamingTheMember() {
        CodePipelineMock mock = CodePipelineMock.builder().build();
        assertThatThrownBy(() -> mock.enqueue(partnerJobWithABadPipelineName()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("FakeThirdPartyJob " + jobId(1))
                .hasMessageContaining("GetThirdPartyJobDetails: Value 'pay ments' at"
                        + " 'jobDetails.data.pipelineContext.pipelineName' failed to satisfy constraint")
                .hasMessageContaining("strict(false)")
                .hasMessageNotContainingAny(TestJobs.SECRET_ACCESS_KEY, TestJobs.SESSION_TOKEN, TestJobs.CLIENT_TOKEN);
        assertThat(mock.jobs()).isEmpty();
    }

    @Test
    void aPartnerJobIdThatIsNotAUuidCannotBePolledSoStrictModeRejectsIt() {
        FakeThirdPartyJob job = TestJobs.thirdParty(1);
        FakeThirdPartyJob shortId = new FakeThirdPartyJob(job.clientId(), job.clientToken(),
                new ThirdPartyJobDetails("job-1", job.details().data(), "nonce-1"), List.of());
        assertThatThrownBy(() -> CodePipelineMock.builder().build().enqueue(shortId))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PollForThirdPartyJobs: Value 'job-1' at 'jobs.0.jobId'");
    }

    @Test
    void aBrokenConfigurationValueIsNamedButNeverShownSinceItMayBeASecret() {
        String secret = "s3cret-".repeat(150);
        assertThatThrownBy(() -> CodePipelineMock.builder().build()
                .enqueue(TestJobs.custom(1, java.util.Map.of("ApiKey", secret))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Value '*** Sensitive Data Redacted ***' at"
                        + " 'jobs.0.data.actionConfiguration.configuration.ApiKey'")
                .hasMessageNotContaining("s3cret-");
    }

    @Test
    void withStrictModeOffABrokenJobIsServedAsItIs() {
        try (CodePipelineMock mock = CodePipelineMock.builder().strict(false).build().start();
                CodePipelineClient client = SdkClients.oneAttempt(mock)) {
            mock.enqueue(partnerJobWithABadPipelineName());
            client.pollForThirdPartyJobs(r -> r.actionTypeId(sdk(THIRD_PARTY_TYPE)));
            var details = client.getThirdPartyJobDetails(r -> r.jobId(jobId(1)).clientToken(TestJobs.CLIENT_TOKEN));
            assertThat(details.jobDetails().data().pipelineContext().pipelineName()).isEqualTo("pay ments");
            assertThat(mock.problems()).isEmpty();
        }
    }

    @Test
    void theEndpointIsKnownOnlyOnceStartedAndTheJobsOutliveTheServer() {
        MockClock clock = MockClock.at(START);
        CodePipelineMock mock = CodePipelineMock.builder().clock(clock).build();
        assertThatThrownBy(mock::endpoint).isInstanceOf(IllegalStateException.class).hasMessageContaining("start()");
        mock.start();
        try {
            assertThat(mock.isRunning()).isTrue();
            assertThat(mock.port()).isPositive();
            assertThat(mock.endpoint().toString()).isEqualTo("http://127.0.0.1:" + mock.port());
            assertThat(mock.clock()).isSameAs(clock);
            mock.enqueue(TestJobs.custom(1));
        } finally {
            mock.stop();
        }
        assertThat(mock.isRunning()).isFalse();
        assertThat(mock.job(jobId(1)).status()).isEqualTo(JobStatus.QUEUED);
        assertThatThrownBy(() -> mock.job(jobId(2))).isInstanceOf(NoSuchElementException.class)
                .hasMessageContaining(jobId(2));
    }

    @Test
    void builderTimeoutsApplyToEveryActionType() {
        MockClock clock = MockClock.at(START);
        CodePipelineMock mock = CodePipelineMock.builder().clock(clock).dispatchTimeout(Duration.ofSeconds(10))
                .jobTimeout(Duration.ofMinutes(3)).outputVariablesLimitBytes(0).build();
        mock.enqueue(TestJobs.lambda(1));
        clock.advance(Duration.ofMinutes(3));
        assertThat(mock.job(jobId(1)).status()).isEqualTo(JobStatus.TIMED_OUT);
        assertThatThrownBy(() -> CodePipelineMock.builder().dispatchTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dispatchTimeout");
        assertThatThrownBy(() -> CodePipelineMock.builder().port(70_000))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("70000");
    }

    @Test
    void aMockClockMovesOnlyWhenTold() {
        MockClock clock = MockClock.at(START);
        assertThat(clock.instant()).isEqualTo(START);
        assertThat(clock.advance(Duration.ofSeconds(90)).instant()).isEqualTo(START.plusSeconds(90));
        assertThat(clock.withZone(java.time.ZoneId.of("Pacific/Chatham")).instant()).isEqualTo(clock.instant());
        clock.set(START);
        assertThat(clock.millis()).isEqualTo(START.toEpochMilli());
        assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void eightPollersOverHttpDispatchTwoHundredJobsEachExactlyOnce() throws Exception {
        try (CodePipelineMock mock = CodePipelineMock.builder().clock(MockClock.at(START)).build().start();
                CodePipelineClient client = SdkClients.oneAttempt(mock)) {
            for (int n = 0; n < 200; n++) {
                mock.enqueue(TestJobs.custom(n));
            }
            List<String> dispatched = ConcurrentPollers.drain(8, poller -> () -> client.pollForJobs(r -> r
                    .actionTypeId(sdk(CUSTOM_TYPE)).maxBatchSize(3)).jobs().stream().map(Job::id).toList());
            assertThat(dispatched).hasSize(200);
            assertThat(new HashSet<>(dispatched)).hasSize(200);
            assertThat(mock.problems()).isEmpty();
        }
    }
}
