package io.jenkins.plugins.releasepromotion.engine.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.releasepromotion.engine.config.CheckMode;
import io.jenkins.plugins.releasepromotion.engine.config.CheckType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The report's JSON form: stable names, ISO-8601 times, read back as it was written. */
class VerificationReportTest {
    private static final Instant START = Instant.parse("2026-01-24T10:00:00Z");

    private static VerificationReport report() {
        return new VerificationReport(
                "staging",
                1,
                "v1.2.3",
                "9d8e7f6a1b2c3d4e5f60718293a4b5c6d7e8f901",
                START,
                START.plusMillis(4200),
                List.of(
                        new CheckResult(
                                "health",
                                CheckType.HEALTH,
                                CheckMode.ENFORCE,
                                CheckOutcome.PASSED,
                                4,
                                Duration.ofMillis(3100),
                                "200 OK (3 in a row)",
                                Map.of("status", "200 OK")),
                        new CheckResult(
                                "no-critical-errors",
                                CheckType.LOGS,
                                CheckMode.WARN,
                                CheckOutcome.FAILED,
                                1,
                                Duration.ofMillis(900),
                                "1 of 200 lines match a failure pattern, first: CRITICAL disk full",
                                Map.of("matches", "1"))));
    }

    @Test
    void writesStableNamesIsoTimesAndTheVerdict() {
        assertThat(report().toJson())
                .isEqualTo("{\"environment\":\"staging\",\"slot\":1,\"tag\":\"v1.2.3\",\"commit\":"
                        + "\"9d8e7f6a1b2c3d4e5f60718293a4b5c6d7e8f901\",\"passed\":true,\"startedAt\":"
                        + "\"2026-01-24T10:00:00Z\",\"finishedAt\":\"2026-01-24T10:00:04.200Z\",\"checks\":["
                        + "{\"name\":\"health\",\"type\":\"HEALTH\",\"mode\":\"ENFORCE\",\"outcome\":\"PASSED\","
                        + "\"attempts\":4,\"duration\":\"PT3.1S\",\"message\":\"200 OK (3 in a row)\",\"evidence\":"
                        + "{\"status\":\"200 OK\"}},{\"name\":\"no-critical-errors\",\"type\":\"LOGS\",\"mode\":"
                        + "\"WARN\",\"outcome\":\"FAILED\",\"attempts\":1,\"duration\":\"PT0.9S\",\"message\":\"1 of"
                        + " 200 lines match a failure pattern, first: CRITICAL disk full\",\"evidence\":{\"matches\":"
                        + "\"1\"}}]}");
    }

    @Test
    void readsBackWhatItWrote() {
        VerificationReport report = report();
        assertThat(VerificationReport.fromJson(report.toJson())).isEqualTo(report);
    }

    @Test
    void anEnvironmentWithoutSlotsLeavesTheSlotOut() {
        VerificationReport report =
                new VerificationReport("production", null, "v1.2.3", "9d8e7f6", START, START, List.of());
        assertThat(report.toJson()).doesNotContain("slot");
        assertThat(VerificationReport.fromJson(report.toJson())).isEqualTo(report);
        assertThat(report.summary())
                .isEqualTo("v1.2.3 (commit 9d8e7f6) passed verification on production: no checks configured (0.0 s)");
    }

    @Test
    void readsAReportWithFieldsItDoesNotKnow() {
        String newer = report().toJson().replace("{\"environment\"", "{\"schema\":2,\"environment\"");
        assertThat(VerificationReport.fromJson(newer)).isEqualTo(report());
    }

    @Test
    void refusesTextThatIsNoReport() {
        assertThatThrownBy(() -> VerificationReport.fromJson("{\"environment\": "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Not a verification report: ")
                .hasMessageEndingWith("; give the JSON a verification wrote");
    }
}
