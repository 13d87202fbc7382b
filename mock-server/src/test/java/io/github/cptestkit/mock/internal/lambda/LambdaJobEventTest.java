package io.github.cptestkit.mock.internal.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cptestkit.fixtures.FakeJobs;
import io.github.cptestkit.wire.FakeCustomJob;
import io.github.cptestkit.wire.Job;
import io.github.cptestkit.wire.JobData;
import io.github.cptestkit.wire.Preset;
import io.github.cptestkit.wire.WireFormat;
import org.junit.jupiter.api.Test;

class LambdaJobEventTest {

    final FakeCustomJob fake = FakeJobs.withSeed(7).custom().preset(Preset.LAMBDA_INVOKE).build();
    final Job job = fake.job();

    @Test
    void theEventIsTheJobUnderCodePipelineDotJobWithoutActionTypeIdAndPipelineContext() throws Exception {
        JsonNode event = WireFormat.mapper().readTree(LambdaJobEvent.of(job.id(), job.data(), job.accountId()));

        assertThat(event.fieldNames()).toIterable().containsExactly("CodePipeline.job");
        JsonNode sent = event.get("CodePipeline.job");
        assertThat(sent.get("id").asText()).isEqualTo(job.id());
        assertThat(sent.get("accountId").asText()).isEqualTo(job.accountId());
        assertThat(sent.has("nonce")).isFalse();
        JsonNode data = sent.get("data");
        assertThat(data.has("actionTypeId")).isFalse();
        assertThat(data.has("pipelineContext")).isFalse();
        assertThat(data.get("actionConfiguration").get("configuration").get("FunctionName").asText())
                .isEqualTo(LambdaJobEvent.functionName(job.data()).orElseThrow());
        assertThat(data.get("artifactCredentials").get("accessKeyId").asText())
                .isEqualTo(job.data().artifactCredentials().accessKeyId());
        assertThat(data.get("inputArtifacts")).hasSameSizeAs(WireFormat.toTree(job.data()).get("inputArtifacts"));
    }

    @Test
    void aContinuationTokenTravelsInTheEvent() throws Exception {
        JobData continued = job.data().withContinuationToken("step-2");

        JsonNode event = WireFormat.mapper().readTree(LambdaJobEvent.of(job.id(), continued, job.accountId()));

        assertThat(event.at("/CodePipeline.job/data/continuationToken").asText()).isEqualTo("step-2");
    }

    @Test
    void aJobWithoutFunctionNameNamesNoFunction() {
        JobData bare = new JobData(null, null, null, null, null, null, null, null);

        assertThat(LambdaJobEvent.functionName(bare)).isEmpty();
        assertThat(LambdaJobEvent.functionName(job.data())).isPresent();
    }
}
