package io.jenkins.plugins.releasepromotion.engine.verify;

import static io.jenkins.plugins.releasepromotion.engine.verify.Harness.only;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.releasepromotion.engine.config.CheckBuilder;
import io.jenkins.plugins.releasepromotion.engine.config.CheckType;
import io.jenkins.plugins.releasepromotion.engine.deploy.script.LocalCommandRunner;
import io.jenkins.plugins.releasepromotion.engine.port.Secrets;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The logs and migrations checks, with commands run by a real local process. */
class CommandChecksTest {
    private static final String LOGS = "printf 'app  | INFO started\\napp  | ERROR db timeout\\n"
            + "app  | healthcheck ERROR ignored\\napp  | Traceback (most recent call last):\\napp  | INFO ok\\n'";

    private final Harness harness = new Harness();
    private TestServer app;

    @BeforeEach
    void start() throws IOException {
        harness.runner = new LocalCommandRunner(Path.of("."), Secrets.none());
        app = TestServer.http()
                .on(
                        "/api/health",
                        TestServer.answer(200, "{\"database\":{\"migrations\":\"up-to-date\",\"pending\":[]}}"));
    }

    @AfterEach
    void stop() {
        app.close();
    }

    private CheckResult logs(String script) throws InterruptedException {
        return only(harness.verify(
                Harness.slot1(app.url()),
                CheckBuilder.of(CheckType.LOGS)
                        .name("starts-cleanly")
                        .command("sh", "-c", script)
                        .patterns(
                                List.of("(?i)\\bERROR\\b", "Traceback \\(most recent call last\\)"),
                                List.of("healthcheck"))
                        .build()));
    }

    @Test
    void linesMatchingAFailurePatternFailTheCheckUnlessIgnored() throws Exception {
        CheckResult result = logs(LOGS);
        assertThat(result.outcome()).isEqualTo(CheckOutcome.FAILED);
        assertThat(result.message()).isEqualTo("2 of 5 lines match a failure pattern, first: app  | ERROR db timeout");
        assertThat(result.evidence())
                .containsEntry("lines", "5")
                .containsEntry("matches", "2")
                .containsEntry("firstMatches", "app  | ERROR db timeout\napp  | Traceback (most recent call last):");
    }

    @Test
    void cleanLogsPass() throws Exception {
        CheckResult result = logs("printf 'INFO started\\nhealthcheck ERROR ignored\\n'");
        assertThat(result.outcome()).isEqualTo(CheckOutcome.PASSED);
        assertThat(result.message()).isEqualTo("no failure pattern in 2 lines");
    }

    @Test
    void aLogCommandThatFailsCannotPass() throws Exception {
        CheckResult result = logs("echo 'no such service: app'; exit 3");
        assertThat(result.message()).isEqualTo("cannot read the logs: sh exited with status 3: no such service: app");
    }

    @Test
    void withoutACommandRunnerTheCheckFailsSayingWhere() throws Exception {
        harness.runner = null;
        CheckResult result = logs(LOGS);
        assertThat(result.outcome()).isEqualTo(CheckOutcome.FAILED);
        assertThat(result.message())
                .isEqualTo("starts-cleanly runs sh where the deploy runs, but this verification has no place to run"
                        + " commands; verify from the pipeline that deploys, or remove the check");
    }

    @Test
    void migrationsReadAValueFromTheHealthEndpoint() throws Exception {
        CheckResult ok = only(harness.verify(
                Harness.slot1(app.url()),
                CheckBuilder.of(CheckType.MIGRATIONS)
                        .path("/api/health")
                        .expect("/database/migrations", "up-to-date")
                        .build()));
        assertThat(ok.outcome()).isEqualTo(CheckOutcome.PASSED);
        CheckResult pending = only(harness.verify(
                Harness.slot1(app.url()),
                CheckBuilder.of(CheckType.MIGRATIONS)
                        .path("/api/health")
                        .expect("/database/pending", "[]")
                        .build()));
        assertThat(pending.outcome()).isEqualTo(CheckOutcome.PASSED);
        assertThat(pending.evidence()).containsEntry("value", "[]");
    }

    @Test
    void migrationsNameTheValueSeenAndTheValueExpected() throws Exception {
        CheckResult result = only(harness.verify(
                Harness.slot1(app.url()),
                CheckBuilder.of(CheckType.MIGRATIONS)
                        .path("/api/health")
                        .expect("/database/migrations", "0 pending")
                        .build()));
        assertThat(result.message())
                .isEqualTo("/database/migrations of /api/health is 'up-to-date', expected '0 pending'");
    }

    @Test
    void migrationsByCommandPassOnExitZeroOnly() throws Exception {
        CheckResult ok = only(harness.verify(
                Harness.slot1(app.url()),
                CheckBuilder.of(CheckType.MIGRATIONS)
                        .command("sh", "-c", "echo 'all applied'")
                        .build()));
        assertThat(ok.outcome()).isEqualTo(CheckOutcome.PASSED);
        assertThat(ok.evidence()).containsEntry("exitCode", "0").containsEntry("output", "all applied");
        CheckResult failed = only(harness.verify(
                Harness.slot1(app.url()),
                CheckBuilder.of(CheckType.MIGRATIONS)
                        .command("sh", "-c", "echo '2 migrations pending'; exit 1")
                        .build()));
        assertThat(failed.message()).isEqualTo("sh exited with status 1: 2 migrations pending");
    }
}
