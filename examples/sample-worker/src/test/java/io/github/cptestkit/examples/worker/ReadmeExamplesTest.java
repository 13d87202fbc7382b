package io.github.cptestkit.examples.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cptestkit.fixtures.FakeJobs;
import io.github.cptestkit.schemas.Operation;
import io.github.cptestkit.schemas.SchemaValidator;
import io.github.cptestkit.schemas.Violation;
import io.github.cptestkit.wire.ActionCategory;
import io.github.cptestkit.wire.FakeThirdPartyJob;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The root README's examples of the schemas and fixtures modules, compiled and checked. */
class ReadmeExamplesTest {

    @Test
    void validateARequest() {
        // region validate
        List<Violation> violations = SchemaValidator.shared()
                .validateRequest(Operation.GET_JOB_DETAILS, "{\"jobId\": \"not-a-uuid\"}");
        violations.get(0).awsMessage();
        // Value 'not-a-uuid' at 'jobId' failed to satisfy constraint: Member must satisfy regular expression
        // pattern: [0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}
        // endregion
        assertThat(violations.get(0).awsMessage()).isEqualTo("Value 'not-a-uuid' at 'jobId' failed to satisfy"
                + " constraint: Member must satisfy regular expression pattern:"
                + " [0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    }

    @Test
    void buildAFakeJob() {
        // region fake-job
        FakeThirdPartyJob job = FakeJobs.withSeed(42).thirdParty()
                .category(ActionCategory.BUILD).provider("MyCi").inputArtifacts(2).encrypted()
                .build();   // the same seed gives the same bytes; see fixtures/README.md
        // endregion
        assertThat(job.artifacts()).hasSize(2);
        assertThat(job.details().data().encryptionKey()).isNotNull();
        assertThat(FakeJobs.withSeed(42).thirdParty().category(ActionCategory.BUILD).provider("MyCi")
                .inputArtifacts(2).encrypted().build()).isEqualTo(job);
    }
}
