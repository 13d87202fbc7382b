package io.github.cptestkit.mock.internal.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cptestkit.fixtures.FakeJobs;
import io.github.cptestkit.mock.internal.assembly.Assembly;
import io.github.cptestkit.mock.jobs.JobDocument;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AdminRoutesTest {

    @Test
    void theSystemClockCannotBeAdvancedAndSaysWhichClockCan() {
        Assembly mock = new Assembly(Assembly.Settings.defaults().withClock(Clock.systemUTC(), null));
        AdminRoutes routes = new AdminRoutes(mock, Optional.of(FakeJobs.withSeed(1)));

        assertThat(routes.clock().get("advanceable").asBoolean()).isFalse();
        assertThatThrownBy(() -> routes.advanceClock("{\"seconds\": 5}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(AdminRefusal.class, refusal -> {
                    assertThat(refusal.status()).isEqualTo(400);
                    assertThat(refusal.type()).isEqualTo("ValidationException");
                    assertThat(refusal.getMessage()).startsWith("The clock of this mock cannot be advanced: it is"
                            + " SystemClock[Z]; build the mock with a MockClock (MockClock.at stands still, MockClock.systemUtc follows");
                });
    }

    @Test
    void withoutTheFixturesAnOrderOfFakeJobsIsRefusedNamingThemWhileJobDocumentsAreQueued() {
        Assembly mock = new Assembly(Assembly.Settings.defaults());
        AdminRoutes routes = new AdminRoutes(mock, Optional.empty());

        assertThatThrownBy(() -> routes.enqueue("{\"preset\": \"minimal\"}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(AdminRefusal.class, refusal -> {
                    assertThat(refusal.status()).isEqualTo(400);
                    assertThat(refusal.getMessage()).contains("codepipeline-testkit-fixtures")
                            .contains("POST job documents");
                });
        String document = new JobDocument.Custom(FakeJobs.custom().build()).toJson();
        assertThat(routes.enqueue(("{\"job\": " + document + "}").getBytes(StandardCharsets.UTF_8))
                .get("jobs")).hasSize(1);
        assertThat(mock.jobs()).hasSize(1);
    }
}
