package io.github.cptestkit.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cptestkit.schemas.Operation;
import io.github.cptestkit.schemas.SchemaValidator;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WireFormatTest {

    static final String JOB_ID = "7b0ad4a2-33f4-4a1c-9a4e-2f3c3b0e9d11";

    static JobData data() {
        return new JobData(
                new ActionTypeId(ActionCategory.BUILD, ActionOwner.THIRD_PARTY, "MyCi", "1"),
                new ActionConfiguration(Map.of("ProjectName", "payments")),
                new PipelineContext("payments", new StageContext("Build"), new ActionContext("Build", JOB_ID), null, null),
                List.of(new Artifact("SourceOutput", "abc", ArtifactLocation.s3("bucket-1", "payments/SourceOutp/Ab3dE9x"))),
                List.of(),
                new AwsSessionCredentials("ASIAFAKE", "s3cr3tVALUE", "t0kenVALUE"),
                null,
                EncryptionKey.kms("arn:aws:kms:eu-west-1:123456789012:alias/aws/s3"));
    }

    @Test
    void valuesSerialiseWithAwsMemberNamesAndWithoutAbsentMembers() {
        String json = WireFormat.toJson(new ThirdPartyJobDetails(JOB_ID, data(), "1"));
        assertThat(json).startsWith("{\"id\":\"" + JOB_ID + "\",\"data\":{\"actionTypeId\":{\"category\":\"Build\","
                        + "\"owner\":\"ThirdParty\",\"provider\":\"MyCi\",\"version\":\"1\"}")
                .contains("\"location\":{\"type\":\"S3\",\"s3Location\":{\"bucketName\":\"bucket-1\"")
                .contains("\"encryptionKey\":{\"id\":\"arn:aws:kms:eu-west-1:123456789012:alias/aws/s3\",\"type\":\"KMS\"}")
                .contains("\"outputArtifacts\":[]")
                .doesNotContain("continuationToken", "pipelineArn", "null");
        JsonNode response = WireFormat.mapper().createObjectNode().set("jobDetails", WireFormat.toTree(
                new ThirdPartyJobDetails(JOB_ID, data(), "1")));
        assertThat(SchemaValidator.shared().validateResponse(Operation.GET_THIRD_PARTY_JOB_DETAILS, response)).isEmpty();
    }

    @Test
    void timestampsTravelAsPlainEpochSecondsAndReadBackExactly() throws Exception {
        CurrentRevision revision = new CurrentRevision("r", "c", Instant.parse("2023-11-14T22:13:20.123Z"), null);
        String json = WireFormat.toJson(revision);
        assertThat(json).isEqualTo("{\"revision\":\"r\",\"changeIdentifier\":\"c\",\"created\":1700000000.123}");
        assertThat(WireFormat.mapper().readValue(json, CurrentRevision.class)).isEqualTo(revision);
        assertThat(WireFormat.toJson(new CurrentRevision("r", "c", Instant.ofEpochSecond(1700000000), null)))
                .contains("\"created\":1700000000}");
        assertThat(WireFormat.mapper().readValue("{\"revision\":\"r\",\"changeIdentifier\":\"c\",\"created\":1.7E9}",
                CurrentRevision.class).created()).isEqualTo(Instant.ofEpochSecond(1_700_000_000));
    }

    @Test
    void enumsReadAndWriteTheirWireValuesAndNameTheSetWhenWrong() throws Exception {
        assertThat(WireFormat.toJson(FailureType.CONFIGURATION_ERROR)).isEqualTo("\"ConfigurationError\"");
        assertThat(WireFormat.mapper().readValue("\"InProgress\"", JobStatus.class)).isEqualTo(JobStatus.IN_PROGRESS);
        assertThatThrownBy(() -> ActionCategory.fromWire("Compile"))
                .hasMessage("ActionCategory must be one of [Source, Build, Deploy, Test, Invoke, Approval, Compute],"
                        + " but was 'Compile'");
    }

    @Test
    void credentialsAndClientTokensNeverShowInToString() {
        FakeThirdPartyJob job = new FakeThirdPartyJob(JOB_ID, "client-token-secret",
                new ThirdPartyJobDetails(JOB_ID, data(), "1"), List.of());
        assertThat(job.toString()).doesNotContain("client-token-secret");
        assertThat(data().toString()).doesNotContain("ASIAFAKE", "s3cr3tVALUE", "t0kenVALUE");
    }

    @Test
    void artifactObjectsAreImmutableAndComparedByContent() {
        byte[] bytes = {1, 2, 3};
        ArtifactObject object = new ArtifactObject(new S3ArtifactLocation("b", "k"), bytes);
        bytes[0] = 9;
        object.content()[1] = 9;
        assertThat(object.content()).containsExactly(1, 2, 3);
        assertThat(object).isEqualTo(new ArtifactObject(new S3ArtifactLocation("b", "k"), new byte[] {1, 2, 3}));
    }
}
