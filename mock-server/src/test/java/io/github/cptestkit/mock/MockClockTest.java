package io.github.cptestkit.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class MockClockTest {

    private static final Instant BASE = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void itFollowsItsBaseClockPlusEverythingItWasAdvancedBy() {
        MockClock clock = MockClock.over(Clock.fixed(BASE, ZoneOffset.UTC));
        assertThat(clock.instant()).isEqualTo(BASE);

        clock.advance(Duration.ofMinutes(2)).advance(Duration.ofSeconds(30));

        assertThat(clock.instant()).isEqualTo(BASE.plusSeconds(150));
        assertThat(clock.offset()).isEqualTo(Duration.ofSeconds(150));
        Clock zoned = clock.withZone(ZoneId.of("Pacific/Chatham"));
        clock.advance(Duration.ofSeconds(10));
        assertThat(zoned.instant()).isEqualTo(BASE.plusSeconds(160));
    }

    @Test
    void itOnlyMovesForward() {
        assertThatThrownBy(() -> MockClock.systemUtc().advance(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("MockClock.advance needs a duration of zero or more, but was PT-1S; use set(Instant) to"
                        + " move the clock back");
    }
}
