package io.github.cptestkit.mock;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.github.cptestkit.mock.SdkClients.sdk;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.github.cptestkit.wire.ActionCategory;
import io.github.cptestkit.wire.ActionConfiguration;
import io.github.cptestkit.wire.AwsSessionCredentials;
import io.github.cptestkit.wire.FakeCustomJob;
import io.github.cptestkit.fixtures.FakeJobGenerator;
import io.github.cptestkit.fixtures.FakeJobs;
import io.github.cptestkit.wire.FakeThirdPartyJob;
import io.github.cptestkit.wire.Job;
import io.github.cptestkit.wire.JobData;
import io.github.cptestkit.wire.JobStatus;
import io.github.cptestkit.wire.PipelineContext;
import io.github.cptestkit.wire.Preset;
import io.github.cptestkit.wire.ThirdPartyJobDetails;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.codepipeline.CodePipelineClient;

/** The public entry point: lifecycle, options, strict mode at enqueue, and concurrent pollers over HTTP. */
class CodePipelineMockTest {

    static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    static final FakeJobGenerator FAKES = FakeJobs.withSeed(3);
    static final FakeThirdPartyJob PARTNER_JOB = FAKES.thirdParty().build();

    /** The partner job with a pipeline name outside its pattern. */
    static FakeThirdPartyJob partnerJobWithABadPipelineName() {
        JobData data = PARTNER_JOB.details().data();
        PipelineContext context = data.pipelineContext();
        JobData broken = new JobData(data.actionTypeId(), data.actionConfiguration(), new PipelineContext("pay ments",
                context.stage(), context.action(), context.pipelineArn(), context.pipelineExecutionId()),
                data.inputArtifacts(), data.outputArtifacts(), data.artifactCredentials(), data.continuationToken(),
                data.encryptionKey());
        return new FakeThirdPartyJob(PARTNER_JOB.clientId(), PARTNER_JOB.clientToken(),
                new ThirdPartyJobDetails(PARTNER_JOB.jobId(), broken, PARTNER_JOB.details().nonce()),
                PARTNER_JOB.artifacts());
    }

    @Test
    void inStrictModeAJobThatWouldBreakTheWireFormatIsRejectedAtEnqueueNamingTheMember() {
        CodePipelineMock mock = CodePipelineMock.builder().build();
        AwsSessionCredentials credentials = PARTNER_JOB.details().data().artifactCredentials();
        assertThatThrownBy(() -> mock.enqueue(partnerJobWithABadPipelineName()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("FakeThirdPartyJob " + PARTNER_JOB.jobId())
                .hasMessageContaining("GetThirdPartyJobDetails: Value 'pay ments' at"
                        + " 'jobDetails.data.pipelineContext.pipelineName' failed to satisfy constraint")
                .hasMessageContaining("strict(false)")
                .hasMessageNotContainingAny(credentials.secretAccessKey(), credentials.sessionToken(),
                        PARTNER_JOB.clientToken());
        assertThat(mock.jobs()).isEmpty();
    }

    @Test
    void aPartnerJobIdThatIsNotAUuidCannotBePolledSoStrictModeRejectsIt() {
        FakeThirdPartyJob job = PARTNER_JOB;
        FakeThirdPartyJob shortId = new FakeThirdPartyJob(job.clientId(), job.clientToken(),
                new ThirdPartyJobDetails("job-1", job.details().data(), job.details().nonce()), List.of());
        assertThatThrownBy(() -> CodePipelineMock.builder().build().enqueue(shortId))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PollForThirdPartyJobs: Value 'job-1' at 'jobs.1.member.jobId'");
    }

    @Test
    void aBrokenConfigurationValueIsNamedButNeverShownSinceItMayBeASecret() {
        String secret = "s3cret-".repeat(150);
        Job job = FAKES.custom().build().job();
        JobData data = job.data();
        JobData tooLong = new JobData(data.actionTypeId(), new ActionConfiguration(java.util.Map.of("ApiKey", secret)),
                data.pipelineContext(), data.inputArtifacts(), data.outputArtifacts(), data.artifactCredentials(),
                data.continuationToken(), data.encryptionKey());
        assertThatThrownBy(() -> CodePipelineMock.builder().build()
                .enqueue(new FakeCustomJob(new Job(job.id(), tooLong, job.nonce(), job.accountId()), List.of())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Value '*** Sensitive Data Redacted ***' at"
                        + " 'jobs.1.member.data.actionConfiguration.configuration.ApiKey'")
                .hasMessageNotContaining("s3cret-");
    }

    @Test
    void withStrictModeOffABrokenJobIsServedAsItIs() {
        try (CodePipelineMock mock = CodePipelineMock.builder().strict(false).build().start();
                CodePipelineClient client = SdkClients.oneAttempt(mock)) {
            mock.enqueue(partnerJobWithABadPipelineName());
            client.pollForThirdPartyJobs(r -> r.actionTypeId(sdk(PARTNER_JOB.actionTypeId())));
            var details = client.getThirdPartyJobDetails(r -> r.jobId(PARTNER_JOB.jobId())
                    .clientToken(PARTNER_JOB.clientToken()));
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
            mock.enqueue(FAKES.custom().index(1).build());
        } finally {
            mock.stop();
        }
        String unknown = FAKES.custom().index(2).build().jobId();
        assertThat(mock.isRunning()).isFalse();
        assertThat(mock.job(FAKES.custom().index(1).build().jobId()).status()).isEqualTo(JobStatus.QUEUED);
        assertThatThrownBy(() -> mock.job(unknown)).isInstanceOf(NoSuchElementException.class)
                .hasMessageContaining(unknown);
    }

    @Test
    void builderTimeoutsApplyToEveryActionType() {
        MockClock clock = MockClock.at(START);
        CodePipelineMock mock = CodePipelineMock.builder().clock(clock).dispatchTimeout(Duration.ofSeconds(10))
                .jobTimeout(Duration.ofMinutes(3)).outputVariablesLimitBytes(0).build();
        String jobId = mock.enqueue(FAKES.custom().preset(Preset.LAMBDA_INVOKE).build());
        clock.advance(Duration.ofMinutes(3));
        assertThat(mock.job(jobId).status()).isEqualTo(JobStatus.TIMED_OUT);
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
            List<FakeCustomJob> jobs = FAKES.custom().category(ActionCategory.DEPLOY).provider("MyDeployer")
                    .version("1").buildList(200);
            jobs.forEach(mock::enqueue);
            List<String> dispatched = ConcurrentPollers.drain(8, poller -> () -> client.pollForJobs(r -> r
                    .actionTypeId(sdk(jobs.get(0).actionTypeId())).maxBatchSize(3)).jobs().stream()
                    .map(software.amazon.awssdk.services.codepipeline.model.Job::id).toList());
            assertThat(dispatched).hasSize(200);
            assertThat(new HashSet<>(dispatched)).hasSize(200);
            assertThat(mock.problems()).isEmpty();
        }
    }

    @Test
    void theRequestJournalKeepsTheLastRequestsUpToItsBound() {
        try (CodePipelineMock mock = CodePipelineMock.builder().maxRequestJournalEntries(3).build().start();
                CodePipelineClient client = SdkClients.oneAttempt(mock)) {
            mock.registerActionType(PARTNER_JOB.actionTypeId());
            for (int batch = 1; batch <= 5; batch++) {
                int size = batch;
                client.pollForThirdPartyJobs(r -> r.actionTypeId(sdk(PARTNER_JOB.actionTypeId())).maxBatchSize(size));
            }

            List<ServeEvent> journal = mock.wireMock().getAllServeEvents();
            assertThat(journal).extracting(event -> event.getRequest().getBodyAsString())
                    .hasSize(3)
                    .allSatisfy(body -> assertThat(body).contains("\"maxBatchSize\""))
                    .satisfiesExactly(
                            newest -> assertThat(newest).contains("\"maxBatchSize\":5"),
                            middle -> assertThat(middle).contains("\"maxBatchSize\":4"),
                            oldest -> assertThat(oldest).contains("\"maxBatchSize\":3"));
            assertThat(journal).allSatisfy(event -> assertThat(event.getResponse().getStatus()).isEqualTo(200));
            mock.wireMock().verify(3, postRequestedFor(urlEqualTo("/")));
        }
    }
}
