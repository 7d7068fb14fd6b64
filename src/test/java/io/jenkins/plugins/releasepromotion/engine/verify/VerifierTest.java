package io.jenkins.plugins.releasepromotion.engine.verify;

import static io.jenkins.plugins.releasepromotion.engine.verify.Harness.COMMIT;
import static io.jenkins.plugins.releasepromotion.engine.verify.Harness.version;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.jenkins.plugins.releasepromotion.engine.config.CheckBuilder;
import io.jenkins.plugins.releasepromotion.engine.config.CheckMode;
import io.jenkins.plugins.releasepromotion.engine.config.CheckType;
import io.jenkins.plugins.releasepromotion.engine.config.FlowRequest;
import io.jenkins.plugins.releasepromotion.engine.deploy.script.LocalCommandRunner;
import io.jenkins.plugins.releasepromotion.engine.port.Secrets;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A whole verification: order, modes, skipping after an enforced failure, and the summary line. */
class VerifierTest {
    private final Harness harness = new Harness();
    private TestServer app;

    @BeforeEach
    void start() throws IOException {
        harness.runner = new LocalCommandRunner(Path.of("."), Secrets.none());
        app = TestServer.http()
                .on("/api/health", TestServer.answer(200, "{\"status\":\"ok\"}"))
                .on("/api/version", TestServer.answer(200, Harness.goodVersion()))
                .on("/api/dashboard", TestServer.answer(200, "{}"));
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void warnAndShadowFailuresDoNotFailTheVerification() throws Exception {
        VerificationReport report = harness.verify(
                Harness.slot1(app.url()),
                CheckBuilder.of(CheckType.HEALTH).consecutive(1).build(),
                CheckBuilder.of(CheckType.LOGS)
                        .name("no-critical-errors")
                        .mode(CheckMode.WARN)
                        .command("sh", "-c", "echo 'CRITICAL disk full'")
                        .patterns(java.util.List.of("CRITICAL"), null)
                        .build(),
                CheckBuilder.of(CheckType.MIGRATIONS)
                        .name("strict-migrations")
                        .mode(CheckMode.SHADOW)
                        .path("/api/health")
                        .expect("/migrations", "up-to-date")
                        .build());
        assertThat(report.passed()).isTrue();
        assertThat(report.checks())
                .extracting(CheckResult::name, CheckResult::outcome)
                .containsExactly(
                        tuple("health", CheckOutcome.PASSED),
                        tuple("no-critical-errors", CheckOutcome.FAILED),
                        tuple("strict-migrations", CheckOutcome.FAILED));
        assertThat(report.warnings()).extracting(CheckResult::name).containsExactly("no-critical-errors");
        assertThat(report.summary())
                .isEqualTo("v1.2.3 (commit 9d8e7f6) passed verification on staging slot 1: 1 passed, 1 warning"
                        + " (no-critical-errors), 1 shadow (0.0 s)");
        assertThat(harness.log)
                .contains("[verify] warning: no-critical-errors failed on staging slot 1 after 1 attempt (0.0 s): 1"
                        + " of 1 lines match a failure pattern, first: CRITICAL disk full")
                .contains("[verify] strict-migrations failed (shadow: recorded only) on staging slot 1 after 1"
                        + " attempt (0.0 s): /migrations of /api/health is missing, expected 'up-to-date'")
                .last()
                .isEqualTo("[verify] " + report.summary());
    }

    @Test
    void healthAndVersionRunFirstAndAnEnforcedFailureSkipsAllButLogs() throws Exception {
        app.on("/api/release", TestServer.answer(200, version("v1.2.2", "3f2c1ab", "staging", 1, "x")));
        VerificationReport report = harness.verify(
                Harness.slot1(app.url()),
                CheckBuilder.of(CheckType.FLOWS)
                        .requests(new FlowRequest("dashboard", null, "/api/dashboard", null, null, null, 0, null, null))
                        .build(),
                CheckBuilder.of(CheckType.LOGS)
                        .command("sh", "-c", "echo INFO up")
                        .patterns(java.util.List.of("ERROR"), null)
                        .build(),
                CheckBuilder.of(CheckType.VERSION).path("/api/release").build(),
                CheckBuilder.of(CheckType.HEALTH).consecutive(1).build());
        assertThat(report.passed()).isFalse();
        assertThat(report.checks())
                .extracting(CheckResult::name, CheckResult::outcome, CheckResult::attempts)
                .containsExactly(
                        tuple("health", CheckOutcome.PASSED, 1),
                        tuple("version", CheckOutcome.FAILED, 1),
                        tuple("flows", CheckOutcome.SKIPPED, 0),
                        tuple("logs", CheckOutcome.PASSED, 1));
        assertThat(report.checks().get(2).message()).isEqualTo("not run: version failed first");
        assertThat(report.summary())
                .isEqualTo("v1.2.3 (commit 9d8e7f6) FAILED verification on staging slot 1: failed: version, 2 passed,"
                        + " 1 skipped (0.0 s)");
        assertThat(harness.log).contains("[verify] flows skipped: version failed first");
    }

    @Test
    void anEnvironmentWithoutSlotsIsNamedAlone() throws Exception {
        VerificationTarget production = new VerificationTarget(
                new io.jenkins.plugins.releasepromotion.engine.config.EnvironmentConfig(
                        "production", null, 0, app.url(), null, null, null, null, null, null),
                null,
                "v1.2.3",
                COMMIT,
                null);
        app.on("/api/version", TestServer.answer(200, version("v1.2.3", COMMIT, "production", "null", "x")));
        VerificationReport report =
                harness.verify(production, CheckBuilder.of(CheckType.VERSION).build());
        assertThat(report.checks().get(0).message())
                .isEqualTo("production reports deployed_at x, which is not an ISO-8601 time like 2025-01-22T10:30:00Z");
        assertThat(harness.log.get(0)).isEqualTo("[verify] v1.2.3 (commit 9d8e7f6) on production: 1 check");
    }
}
