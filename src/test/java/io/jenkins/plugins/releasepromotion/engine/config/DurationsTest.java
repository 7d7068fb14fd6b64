package io.jenkins.plugins.releasepromotion.engine.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

    @ParameterizedTest
    @CsvSource({
        "500ms, PT0.5S",
        "1m500ms, PT1M0.5S",
        "30s, PT30S",
        "15m, PT15M",
        "2h, PT2H",
        "7d, PT168H",
        "1h30m, PT1H30M",
        "1d12h, PT36H",
        "2h0m5s, PT2H5S",
        "' 15m ', PT15M",
        "PT15M, PT15M",
        "pt90s, PT1M30S",
        "P7D, PT168H",
        "P1DT2H, PT26H"
    })
    void parsesShortFormsAndIso8601(String text, String expected) {
        assertThat(Durations.parse(text)).isEqualTo(Duration.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "15",
                "15 minutes",
                "1m1h",
                "1.5h",
                "15min",
                "15sm",
                "500 ms",
                "h",
                "",
                "PT",
                "P1W2",
                "9999999d",
                "-5m"
            })
    void refusesWhatIsNotADuration(String text) {
        assertThatThrownBy(() -> Durations.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'" + text.trim() + "' is not a duration; write 500ms, 30s, 15m, 2h, 7d, a combination"
                        + " like 1h30m, or ISO-8601 like PT15M");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0s", "0ms", "0d0h", "PT0S", "PT-5M"})
    void refusesZeroAndNegative(String text) {
        assertThatThrownBy(() -> Durations.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'" + text + "' must be longer than zero");
    }
}
