package io.github.cptestkit.mock.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cptestkit.wire.ActionOwner;
import io.github.cptestkit.wire.ArtifactObject;
import io.github.cptestkit.wire.FakeCustomJob;
import io.github.cptestkit.fixtures.FakeJobs;
import io.github.cptestkit.wire.FakeThirdPartyJob;
import io.github.cptestkit.wire.Preset;
import io.github.cptestkit.wire.WireFormat;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobDocumentTest {

    private static final Path EXAMPLES = Path.of("../fixtures/examples");

    @Test
    void theFixturesExamplesReadAsTheJobsTheyDescribe() throws Exception {
        String example = Files.readString(EXAMPLES.resolve("third-party-job.json"));
        String details = WireFormat.mapper().readTree(example).get("jobDetails").toString();
        JobDocument thirdParty = JobDocument.parse(example);
        JobDocument custom = JobDocument.parse(Files.readString(EXAMPLES.resolve("custom-job.json")));

        assertThat(thirdParty).isInstanceOfSatisfying(JobDocument.ThirdParty.class, job -> {
            assertThat(job.job().clientToken()).isEqualTo("zieJkPYBTsaJhy0Jbrsn7jWGn9PYoANAjmfsponbkH6f0xPx");
            assertThat(WireFormat.toJson(job.job().details())).isEqualTo(details);
            assertThat(job.job().artifacts()).hasSize(1);
        });
        assertThat(custom).isInstanceOf(JobDocument.Custom.class);
        assertThat(custom.actionTypeId().owner()).isEqualTo(ActionOwner.CUSTOM);
    }

    @Test
    void inputArtifactContentsAreServedAsGivenAndOthersAsAGeneratedZip() {
        FakeThirdPartyJob fake = FakeJobs.thirdParty().preset(Preset.MAXIMAL).build();
        String document = new JobDocument.ThirdParty(fake).toJson();
        String named = fake.details().data().inputArtifacts().get(1).name();
        String withContents = document.substring(0, document.length() - 1) + ", \"inputArtifactContents\": {\""
                + named + "\": \"" + Base64.getEncoder().encodeToString("zip!".getBytes(StandardCharsets.UTF_8))
                + "\"}}";

        List<ArtifactObject> artifacts = ((JobDocument.ThirdParty) JobDocument.parse(withContents)).job().artifacts();

        assertThat(artifacts).hasSize(5);
        assertThat(artifacts.get(1).content()).asString(StandardCharsets.UTF_8).isEqualTo("zip!");
        assertThat(artifacts.get(0).content()).startsWith(0x50, 0x4b, 0x03, 0x04);  // PK: a zip
        assertThat(artifacts.get(0).location()).isEqualTo(fake.details().data().inputArtifacts().get(0).location()
                .s3Location());
    }

    @Test
    void aBrokenFileIsRefusedNamingTheFileEachItemAndEachMember(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("jobs.json");
        String good = new JobDocument.Custom(FakeJobs.custom().build()).toJson();
        Files.writeString(file, "[" + good + ", {\"name\": \"x\"}, {\"id\": \"not-a-uuid\", \"data\":"
                + " {\"actionTypeId\":"
                + " {\"category\": \"Deploy\", \"owner\": \"ThirdParty\", \"provider\": \"P\", \"version\": \"1\"}},"
                + " \"accountId\": \"12\"}, " + good + "]");

        assertThatThrownBy(() -> JobDocument.readAll(file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(file + " has invalid job documents: item 1: 1 validation error detected: Value '{name}'"
                        + " at '' failed to satisfy constraint: Member must be a third-party job {clientId,"
                        + " clientToken, jobDetails} or a custom job {id, data, nonce, accountId}; item 2: 3"
                        + " validation errors detected: Value '12' at 'accountId' failed to satisfy constraint:"
                        + " Member must satisfy regular expression pattern: [0-9]{12}; Value 'ThirdParty' at"
                        + " 'data.actionTypeId.owner' failed to satisfy constraint: Member must be Custom or AWS in a"
                        + " custom job {id, data, nonce, accountId}; write a ThirdParty job as {clientId, clientToken,"
                        + " jobDetails}; Value 'not-a-uuid' at 'id' failed to satisfy constraint: Member must satisfy"
                        + " regular expression pattern: [0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12};"
                        + " item 3: job id " + FakeJobs.custom().build().jobId() + " appears twice; give each job its"
                        + " own id. Fix the document: the formats are in docs/admin-api.md (job documents)");
    }

    @Test
    void aDocumentWrittenByToJsonReadsBackAsTheSameJob() {
        FakeThirdPartyJob thirdParty = FakeJobs.withSeed(3).thirdParty().preset(Preset.UNICODE).build();
        FakeCustomJob custom = FakeJobs.withSeed(3).custom().preset(Preset.MAXIMAL).build();

        JobDocument.ThirdParty readThirdParty = (JobDocument.ThirdParty) JobDocument.parse(
                new JobDocument.ThirdParty(thirdParty).toJson());
        JobDocument.Custom readCustom = (JobDocument.Custom) JobDocument.parse(new JobDocument.Custom(custom).toJson());

        assertThat(readThirdParty.job().details()).isEqualTo(thirdParty.details());
        assertThat(readThirdParty.job().clientToken()).isEqualTo(thirdParty.clientToken());
        assertThat(readCustom.job().job()).isEqualTo(custom.job());
    }

    @Test
    void textThatIsNotAJsonArrayOfJobsSaysWhatItIs() {
        assertThatThrownBy(() -> JobDocument.parseAll("{\"id\": 1}")).hasMessageStartingWith("the job list must"
                + " hold a JSON array of job documents, but holds a JSON object; put the jobs in [ ].");
        assertThatThrownBy(() -> JobDocument.parseAll("[{\"id\": ")).hasMessageStartingWith("the job list is not"
                + " valid JSON: ").hasMessageContaining("(line 1, column");
        assertThatThrownBy(() -> JobDocument.parse("{\"clientId\": \"c11e0000-0000-4000-8000-000000000001\"}"))
                .hasMessage("the job document is not a valid job document: 2 validation errors detected: Value null"
                        + " at 'clientToken' failed to satisfy constraint: Member must not be null; Value null at"
                        + " 'jobDetails' failed to satisfy constraint: Member must not be null. Fix the document: the"
                        + " formats are in docs/admin-api.md (job documents)");
    }
}
