package io.jenkins.plugins.releasepromotion.engine.usecase;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.releasepromotion.engine.config.BackupConfig;
import io.jenkins.plugins.releasepromotion.engine.config.CheckBuilder;
import io.jenkins.plugins.releasepromotion.engine.config.CheckConfig;
import io.jenkins.plugins.releasepromotion.engine.config.CheckType;
import io.jenkins.plugins.releasepromotion.engine.config.DeployConfig;
import io.jenkins.plugins.releasepromotion.engine.config.EnvironmentConfig;
import io.jenkins.plugins.releasepromotion.engine.config.EnvironmentKind;
import io.jenkins.plugins.releasepromotion.engine.config.GatesConfig;
import io.jenkins.plugins.releasepromotion.engine.config.MaintenanceConfig;
import io.jenkins.plugins.releasepromotion.engine.config.ReleaseConfig;
import io.jenkins.plugins.releasepromotion.engine.config.ScriptDeployConfig;
import io.jenkins.plugins.releasepromotion.engine.deploy.script.ScriptDeployMethod;
import io.jenkins.plugins.releasepromotion.engine.deploy.script.Scripts;
import io.jenkins.plugins.releasepromotion.engine.gate.PromotionRequest;
import io.jenkins.plugins.releasepromotion.engine.git.GitFacts;
import io.jenkins.plugins.releasepromotion.engine.git.TestRepo;
import io.jenkins.plugins.releasepromotion.engine.ledger.JsonLinesLedger;
import io.jenkins.plugins.releasepromotion.engine.ledger.LedgerRecord;
import io.jenkins.plugins.releasepromotion.engine.ledger.RecordKind;
import io.jenkins.plugins.releasepromotion.engine.model.Outcome;
import io.jenkins.plugins.releasepromotion.engine.model.TagPattern;
import io.jenkins.plugins.releasepromotion.engine.port.Credentials;
import io.jenkins.plugins.releasepromotion.engine.port.Secrets;
import io.jenkins.plugins.releasepromotion.engine.verify.Sleeper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commands around a deploy, run by real scripts that write to one journal: the backup only when migrations changed
 * and before anything else, maintenance mode switched off again whatever happened.
 */
class MaintenanceAndBackupTest {
    @TempDir
    Path tmp;

    private Path repo;
    private Path journal;
    private final Map<String, String> commits = new HashMap<>();
    private List<CheckConfig> checks = List.of();

    @BeforeEach
    void setUp() throws Exception {
        repo = tmp.resolve("repo");
        try (TestRepo r = TestRepo.init(repo)) {
            release(r, "v1.0.0", "migrations/001_users.sql");
            release(r, "v1.1.0", "app.txt");
            release(r, "v1.2.0", "migrations/002_campaigns.sql");
        }
        journal = tmp.resolve("journal.txt");
    }

    @Test
    void noMigrationsChangedMeansNoBackupAndMaintenanceAroundTheDeploy() throws Exception {
        PromotionResult result = promote("v1.1.0", 0, 0);
        assertThat(result.outcome()).as(result.message()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(journal()).containsExactly("maintenance on", "deploy v1.1.0", "maintenance off");
    }

    @Test
    void migrationsChangedRunTheBackupFirst() throws Exception {
        PromotionResult result = promote("v1.2.0", 0, 0);
        assertThat(result.outcome()).as(result.message()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(journal()).containsExactly("backup", "maintenance on", "deploy v1.2.0", "maintenance off");
    }

    @Test
    void aFailedBackupDeploysNothing() throws Exception {
        PromotionResult result = promote("v1.2.0", 4, 0);
        assertThat(result.outcome()).isEqualTo(Outcome.DEPLOY_FAILED);
        assertThat(result.message()).contains("the backup failed with exit status 4; nothing was deployed");
        assertThat(journal()).containsExactly("backup");
    }

    @Test
    void maintenanceModeIsSwitchedOffAfterAFailedDeploy() throws Exception {
        PromotionResult result = promote("v1.1.0", 0, 9);
        assertThat(result.outcome()).isEqualTo(Outcome.DEPLOY_FAILED);
        assertThat(result.message()).contains("the deploy of v1.1.0 failed with exit status 9");
        assertThat(journal()).containsExactly("maintenance on", "deploy v1.1.0", "maintenance off");
    }

    @Test
    void theLogsCheckRunsWhereTheDeployRuns() throws Exception {
        Path logs = Scripts.write(
                tmp,
                "logs.sh",
                "#!/bin/sh",
                "echo \"logs in $(pwd)\" >> '" + journal + "'",
                "echo 'app | INFO started'",
                "echo 'app | ERROR db timeout'");
        checks = List.of(CheckBuilder.of(CheckType.LOGS)
                .name("no-critical-errors")
                .command(logs.toString())
                .patterns(List.of("\\bERROR\\b"), List.of())
                .build());
        PromotionResult result = promote("v1.1.0", 0, 0);
        assertThat(result.outcome()).isEqualTo(Outcome.VERIFY_FAILED);
        assertThat(result.message()).contains("no-critical-errors").contains("ERROR db timeout");
        assertThat(journal()).contains("logs in " + repo.toRealPath());
    }

    private PromotionResult promote(String tag, int backupExit, int deployExit) throws Exception {
        String log = "echo \"$*\" >> '" + journal + "'";
        Path backup = Scripts.write(tmp, "backup.sh", "#!/bin/sh", log, "exit " + backupExit);
        Path maintenance = Scripts.write(tmp, "maintenance.sh", "#!/bin/sh", log);
        Path deploy = Scripts.write(tmp, "deploy.sh", "#!/bin/sh", log, "exit " + deployExit);
        EnvironmentConfig production = new EnvironmentConfig(
                "production",
                EnvironmentKind.PRODUCTION,
                0,
                null,
                null,
                new DeployConfig(
                        new ScriptDeployConfig(
                                List.of(deploy.toString(), "deploy", "{tag}"), null, Duration.ofMinutes(1)),
                        null),
                checks,
                GatesConfig.NONE,
                new BackupConfig("migrations/", List.of(backup.toString(), "backup")),
                new MaintenanceConfig(
                        List.of(maintenance.toString(), "maintenance", "on"),
                        List.of(maintenance.toString(), "maintenance", "off")));
        ReleaseConfig config = new ReleaseConfig(null, "main", null, List.of(production));
        JsonLinesLedger ledger = new JsonLinesLedger(tmp.resolve("ledger"));
        ledger.append(LedgerRecord.started(
                        RecordKind.DEPLOYMENT,
                        "production",
                        null,
                        "v1.0.0",
                        commits.get("v1.0.0"),
                        "bob",
                        Instant.now())
                .finish(Outcome.SUCCEEDED, Instant.now()));
        try (GitFacts git = GitFacts.open(repo, TagPattern.defaultPattern())) {
            Engine engine = new Engine(
                    config,
                    git,
                    ledger,
                    env -> new ScriptDeployMethod(env.deploy().script(), repo, Secrets.none()),
                    VerificationStep.using(Credentials.none(), Clock.systemUTC(), Sleeper.real(), Secrets.none()),
                    null,
                    Clock.systemUTC(),
                    null);
            return new Promotion(engine)
                    .promote(PromoteRequest.of(PromotionRequest.of(tag, "production", null)), line -> {});
        }
    }

    private List<String> journal() throws Exception {
        return Files.exists(journal) ? Files.readAllLines(journal, StandardCharsets.UTF_8) : List.of();
    }

    private void release(TestRepo r, String tag, String file) throws Exception {
        r.write(file, tag + "\n");
        r.write("CHANGELOG.md", "## [" + tag.substring(1) + "] - 2026-11-20\n\n### Added\n- " + tag + "\n");
        commits.put(tag, r.commit("Release " + tag).getName());
        r.tag(tag);
    }
}
