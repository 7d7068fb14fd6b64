package io.jenkins.plugins.releasepromotion.engine.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class DurationsPropertiesTest {

    @Property(tries = 3000)
    void theShortFormAddsItsParts(
            @ForAll @IntRange(max = 999) int days,
            @ForAll @IntRange(max = 999) int hours,
            @ForAll @IntRange(max = 999) int minutes,
            @ForAll @IntRange(max = 999) int seconds,
            @ForAll @IntRange(max = 999) int millis) {
        Duration expected = Duration.ofDays(days)
                .plusHours(hours)
                .plusMinutes(minutes)
                .plusSeconds(seconds)
                .plusMillis(millis);
        String text = part(days, "d") + part(hours, "h") + part(minutes, "m") + part(seconds, "s") + part(millis, "ms");
        if (expected.isZero()) {
            return;
        }
        assertThat(Durations.parse(text)).isEqualTo(expected);
    }

    @Property(tries = 2000)
    void isoAndTheShortFormAgree(@ForAll @LongRange(min = 1, max = 10_000_000_000L) long millis) {
        Duration duration = Duration.ofMillis(millis);
        assertThat(Durations.parse(duration.toString())).isEqualTo(duration);
        assertThat(Durations.parse(shortForm(duration))).isEqualTo(duration);
    }

    @Property(tries = 3000)
    void anythingElseIsOneLineNamingTheAcceptedForms(@ForAll("notDurations") String text) {
        assertThatThrownBy(() -> Durations.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageEndingWith(Durations.FORMS)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Provide
    Arbitrary<String> notDurations() {
        // Letters that are no unit, units out of order, signs and separators: none of these is a duration.
        return Arbitraries.strings()
                .withChars("0123456789dhmsxyz .,:-+")
                .ofMinLength(1)
                .ofMaxLength(12)
                .filter(s -> !s.isBlank() && !s.strip().matches("([0-9]+d)?([0-9]+h)?([0-9]+m)?([0-9]+s)?([0-9]+ms)?"));
    }

    private static String part(int value, String unit) {
        return value == 0 ? "" : value + unit;
    }

    private static String shortForm(Duration d) {
        return part((int) d.toDays(), "d")
                + part(d.toHoursPart(), "h")
                + part(d.toMinutesPart(), "m")
                + part(d.toSecondsPart(), "s")
                + part(d.toMillisPart(), "ms");
    }
}
