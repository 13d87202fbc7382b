package io.github.cptestkit.mock.internal.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cptestkit.fixtures.FakeJobs;
import io.github.cptestkit.mock.internal.assembly.Assembly;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.junit.jupiter.api.Test;

class AdminRoutesTest {

    @Test
    void theSystemClockCannotBeAdvancedAndSaysWhichClockCan() {
        Assembly mock = new Assembly(Assembly.Settings.defaults().withClock(Clock.systemUTC(), null));
        AdminRoutes routes = new AdminRoutes(mock, FakeJobs.withSeed(1));

        assertThat(routes.clock().get("advanceable").asBoolean()).isFalse();
        assertThatThrownBy(() -> routes.advanceClock("{\"seconds\": 5}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(AdminRefusal.class, refusal -> {
                    assertThat(refusal.status()).isEqualTo(400);
                    assertThat(refusal.type()).isEqualTo("ValidationException");
                    assertThat(refusal.getMessage()).startsWith("The clock of this mock cannot be advanced: it is"
                            + " SystemClock[Z]; build the mock with a MockClock or a ShiftedClock");
                });
    }
}
