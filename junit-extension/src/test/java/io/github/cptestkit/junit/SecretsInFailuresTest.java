package io.github.cptestkit.junit;

import static io.github.cptestkit.junit.CodePipelineAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.cptestkit.wire.FakeThirdPartyJob;
import io.github.cptestkit.wire.Preset;
import io.github.cptestkit.mock.CodePipelineMock;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import software.amazon.awssdk.services.codepipeline.CodePipelineClient;

/**
 * A failing test's message, with the report the extension appends (its jobs and the calls the worker made), shows
 * none of the secrets its job was served: the client token, the artifact credentials, the configuration values of a
 * job with secret configuration properties. Neither do AssertJ's own messages about a job, which print it whole.
 */
class SecretsInFailuresTest {

    static final AtomicReference<FakeThirdPartyJob> SERVED = new AtomicReference<>();

    @ExtensionFixture
    @CodePipelineMockTest
    static class FailingWithSecretsFixture {

        @Test
        void theJobAssertionFails(CodePipelineMock mock, CodePipelineClient client,
                @FakeJob(preset = Preset.SECRET_CONFIGURATION) FakeThirdPartyJob job) {
            SERVED.set(job);
            TestWorker.poll(client, job);
            client.getThirdPartyJobDetails(r -> r.jobId(job.jobId()).clientToken(job.clientToken()));
            assertThat(mock).job(job.jobId()).succeeded();
        }

        @Test
        void anAssertJComparisonOfTheJobFails(CodePipelineMock mock,
                @FakeJob(preset = Preset.SECRET_CONFIGURATION) FakeThirdPartyJob job) {
            assertThat(mock.job(job.jobId())).isEqualTo(job);
        }
    }

    @Test
    void failureMessagesAndTheirReportsShowNoSecret() {
        var failed = Fixtures.run(FailingWithSecretsFixture.class).testEvents()
                .assertStatistics(stats -> stats.started(2).failed(2)).finished().failed().stream().toList();

        List<String> messages = new ArrayList<>();
        for (var event : failed) {
            Throwable failure = event.getPayload(TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow();
            StringWriter trace = new StringWriter();
            failure.printStackTrace(new PrintWriter(trace));
            messages.add(trace.toString());
        }
        FakeThirdPartyJob job = SERVED.get();
        var data = job.details().data();
        assertThat(String.join("\n", messages)).contains("CodePipeline mock: seed", "GetThirdPartyJobDetails")
                .doesNotContain(job.clientToken(), data.artifactCredentials().secretAccessKey(),
                        data.artifactCredentials().sessionToken());
        for (String value : data.actionConfiguration().configuration().values()) {
            assertThat(String.join("\n", messages)).as("configuration value").doesNotContain(value);
        }
    }
}
