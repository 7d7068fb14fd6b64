package io.jenkins.plugins.releasepromotion.engine.config;

import static io.jenkins.plugins.releasepromotion.engine.config.ConfigTexts.STAGING;
import static io.jenkins.plugins.releasepromotion.engine.config.ConfigTexts.problemsOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Days, times, time zones, durations and enum values as they are written in the YAML. */
class ScalarValuesTest {

    private static DeployWindow window(String window) {
        String yaml = STAGING + "    gates: {windows: [" + window + "]}\n";
        return ConfigLoader.parse(yaml, "test.yaml")
                .environments()
                .get(0)
                .gates()
                .windows()
                .get(0);
    }

    @Test
    void daysByShortOrFullNameInAnyCase() {
        DeployWindow window = window("{days: [mon, Tuesday, WED, thursday, Fri], from: '9:00', to: '17:30'}");

        assertThat(window.days())
                .containsExactlyInAnyOrder(
                        DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);
        assertThat(window.from()).isEqualTo(LocalTime.of(9, 0));
        assertThat(window.to()).isEqualTo(LocalTime.of(17, 30));
    }

    @ParameterizedTest
    @CsvSource({"Europe/Berlin", "America/New_York", "UTC", "Asia/Kolkata"})
    void timeZonesByIanaId(String zone) {
        assertThat(window("{from: '09:00', to: '16:00', timeZone: " + zone + "}")
                        .timeZone())
                .isEqualTo(ZoneId.of(zone));
    }

    @Test
    void windowWithoutZoneIsUtcEveryDay() {
        DeployWindow window = window("{from: '00:00', to: '23:59'}");

        assertThat(window.timeZone()).isEqualTo(ZoneId.of("UTC"));
        assertThat(window.days()).isEmpty();
    }

    @Test
    void refusesTimesThatAreNotHoursAndMinutes() {
        String yaml = STAGING + "    gates: {windows: [{from: '24:00', to: '09:60', timeZone: EST}]}\n";

        assertThat(problemsOf(yaml))
                .containsExactly(
                        "environments[0].gates.windows[0].from: '24:00' is not a time of day; write HH:mm, e.g. 09:00 or"
                                + " 16:30",
                        "environments[0].gates.windows[0].to: '09:60' is not a time of day; write HH:mm, e.g. 09:00 or"
                                + " 16:30",
                        "environments[0].gates.windows[0].timeZone: 'EST' is not a time zone; use an IANA id such as"
                                + " Europe/Berlin or UTC");
    }

    @Test
    void enumsInAnyCase() {
        String yaml = "environments:\n  - {name: production, kind: PRODUCTION, deploy: {script: {command: [x]}},"
                + " url: 'https://x', gates: {liveVersion: Warn}, checks: [{type: HEALTH, mode: Shadow}]}\n";

        EnvironmentConfig environment =
                ConfigLoader.parse(yaml, "test.yaml").environments().get(0);

        assertThat(environment.kind()).isEqualTo(EnvironmentKind.PRODUCTION);
        assertThat(environment.gates().liveVersion()).isEqualTo(LiveVersionMode.WARN);
        assertThat(environment.checks().get(0).type()).isEqualTo(CheckType.HEALTH);
        assertThat(environment.checks().get(0).mode()).isEqualTo(CheckMode.SHADOW);
    }

    @Test
    void refusesUnknownEnumValuesListingTheChoices() {
        String yaml = "environments:\n  - {name: qa, kind: testing, deploy: {script: {command: [x]}}, gates:"
                + " {liveVersion: maybe}}\n";

        assertThat(problemsOf(yaml))
                .containsExactly(
                        "environments[0].kind: 'testing' is not one of staging, production, other",
                        "environments[0].gates.liveVersion: 'maybe' is not one of require, warn, off");
    }

    @Test
    void durationsInTheConfiguration() {
        String yaml = "environments:\n  - {name: staging, deploy: {script: {command: [x], timeout: 1h30m}}, gates:"
                + " {maxAttestationAge: P14D}}\n";

        EnvironmentConfig staging =
                ConfigLoader.parse(yaml, "test.yaml").environments().get(0);

        assertThat(staging.deploy().script().timeout()).isEqualTo(Duration.ofMinutes(90));
        assertThat(staging.gates().maxAttestationAge()).isEqualTo(Duration.ofDays(14));
    }

    @Test
    void badDurationNamesItsFieldPath() {
        String yaml = "environments:\n  - {name: staging, deploy: {script: {command: [x], timeout: 15 minutes}}}\n";

        assertThat(problemsOf(yaml))
                .containsExactly(
                        "environments[0].deploy.script.timeout: '15 minutes' is not a duration; write 500ms, 30s,"
                                + " 15m, 2h, 7d, a combination like 1h30m, or ISO-8601 like PT15M");
    }

    @Test
    void refusesTextWhereAListOrMappingBelongs() {
        String yaml = "environments:\n  - {name: staging, deploy: {script: {command: [x]}}, checks: health, gates:"
                + " [promotesFrom], url: {host: x}}\n";

        assertThat(problemsOf(yaml))
                .containsExactly(
                        "environments[0].url: expected text, got a mapping",
                        "environments[0].checks: expected a list, got 'health'",
                        "environments[0].gates: expected a mapping, got a list");
    }
}
