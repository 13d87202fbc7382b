package io.github.cptestkit.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The harness's own arithmetic and options; the benchmarks themselves run only through run.sh. */
class HarnessTest {

    @Test
    void aSpreadIsTheMedianAndTheRangeOfTheRounds() {
        assertThat(Spread.of(List.of(1.05, 0.97, 1.02)).format()).isEqualTo("1.02 (0.97–1.05)");
        assertThat(Spread.of(List.of(4.0, 1.0, 3.0, 2.0)).median()).isEqualTo(2.5);
        assertThat(Spread.of(List.of()).format()).isEqualTo("n/a");
    }

    @Test
    void optionsDefaultToTheDocumentedRunAndRefuseWhatTheyDoNotKnow() {
        LoadHarness.Options defaults = LoadHarness.Options.parse();
        assertThat(defaults.rounds()).isEqualTo(3);
        assertThat(defaults.duration()).isEqualTo(Duration.ofSeconds(10));
        assertThat(defaults.parts()).containsExactlyInAnyOrder("load", "startup", "jmh");

        assertThat(LoadHarness.Options.parse("--only", "jmh", "--rounds", "1").parts()).containsExactly("jmh");
        assertThatThrownBy(() -> LoadHarness.Options.parse("--round", "1"))
                .hasMessageContaining("unknown option --round");
        assertThatThrownBy(() -> LoadHarness.Options.parse("--rounds", "0"))
                .hasMessageContaining("--rounds must be 1 or more, but was 0");
    }
}
