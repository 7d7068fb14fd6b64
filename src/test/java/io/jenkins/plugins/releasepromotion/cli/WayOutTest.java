package io.jenkins.plugins.releasepromotion.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mistakes a newcomer makes in the first hour, each answered with one line that names the way out. */
class WayOutTest {
    @TempDir
    Path dir;

    private CliRepo repo;

    @BeforeEach
    void setUp() throws Exception {
        repo = CliRepo.create(dir.resolve("repo")).config(CliTest.CONFIG).deployScript();
    }

    @Test
    void aMisspelledCommandSuggestsTheRightOne() {
        assertThat(repo.bare("statsu")).isEqualTo(ExitCode.USAGE_OR_CONFIGURATION);
        assertThat(repo.err()).contains("Did you mean: status");
        assertThat(repo.bare("promte", "v1.0.0")).isEqualTo(ExitCode.USAGE_OR_CONFIGURATION);
        assertThat(repo.err()).contains("Did you mean: promote");
    }

    @Test
    void theBareCommandPrintsItsUsage() {
        assertThat(repo.bare()).isZero();
        assertThat(repo.out())
                .startsWith("Usage: release-promotion")
                .contains("Commands:")
                .contains("promote");
    }

    @Test
    void aRepoThatDoesNotExistSaysSo() {
        Path missing = dir.resolve("nowhere");
        assertThat(repo.run("status", "--repo", missing.toString())).isEqualTo(ExitCode.USAGE_OR_CONFIGURATION);
        assertThat(repo.err())
                .isEqualTo("release-promotion: --repo " + missing + ": no such directory; give the folder of a clone"
                        + " of your repository, or leave --repo out inside one\n");
    }

    @Test
    void aRepositoryWithoutAConfigurationPointsToConfigInit() throws Exception {
        Files.delete(repo.dir.resolve("release-promotion.yaml"));
        assertThat(repo.run("status")).isEqualTo(ExitCode.USAGE_OR_CONFIGURATION);
        assertThat(repo.err()).contains("'release-promotion config init'").hasLineCount(1);
    }

    @Test
    void theConfigurationIsFoundFromASubfolderOfTheRepository() throws Exception {
        Path deeper = Files.createDirectories(repo.dir.resolve("src/main"));
        assertThat(repo.run("config", "validate", "--repo", deeper.toString()))
                .as(repo.err())
                .isZero();
        assertThat(repo.out())
                .startsWith("The configuration " + repo.dir.resolve("release-promotion.yaml") + " is valid");
        assertThat(repo.run("check", "v1.0.0", "--env", "staging", "--slot", "1", "--repo", deeper.toString()))
                .as(repo.err())
                .isZero();
    }

    @Test
    void validateNamesTheFileItRead() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.yaml"), "environments:\n  - name: staging\n");
        assertThat(repo.run("config", "validate", "--config", bad.toString())).isEqualTo(2);
        assertThat(repo.err())
                .isEqualTo("release-promotion: 1 problem in " + bad + ": environments[0].deploy: required; give"
                        + " exactly one of script or ssh\n");
    }

    @Test
    void historyRefusesALimitOfZero() {
        assertThat(repo.run("history", "--env", "staging", "--limit", "0")).isEqualTo(ExitCode.USAGE_OR_CONFIGURATION);
        assertThat(repo.err())
                .isEqualTo("release-promotion: --limit 0: must be 1 or more; leave it out for the newest 20 entries\n");
    }

    @Test
    void durationOptionsTakeTheFormsOfTheConfiguration() throws Exception {
        for (String duration : new String[] {"500ms", "30s", "15m", "1h30m", "PT15M"}) {
            assertThat(repo.run("status", "--offline", "--timeout", duration))
                    .as(duration + ": " + repo.err())
                    .isZero();
        }
        assertThat(repo.run("status", "--timeout", "15 minutes")).isEqualTo(ExitCode.USAGE_OR_CONFIGURATION);
        assertThat(repo.err())
                .startsWith("release-promotion: Invalid value for option '--timeout': '15 minutes' is not a duration;"
                        + " write 500ms, 30s, 15m, 2h, 7d, a combination like 1h30m, or ISO-8601 like PT15M\n");

        repo.config(CliTest.CONFIG + "    gates: {approvers: [alice]}\n");
        assertThat(repo.run("promote", "v1.0.0", "--env", "staging", "--slot", "1", "--approval-timeout", "5m"))
                .as(repo.err())
                .isEqualTo(ExitCode.REJECTED);
        assertThat(repo.run("promote", "v1.0.0", "--env", "staging", "--slot", "1", "--approval-timeout", "5"))
                .isEqualTo(ExitCode.USAGE_OR_CONFIGURATION);
        assertThat(repo.err()).contains("'5' is not a duration").doesNotContain("Exception");
    }

    @Test
    void aFailedDeploySaysWhatToRunNextAndEachResultIsPrintedOnce() throws Exception {
        assertThat(repo.run("promote", "v1.0.0", "--env", "staging", "--slot", "1"))
                .as(repo.err())
                .isZero();
        assertThat(repo.out() + repo.err()).containsOnlyOnce("Promoted v1.0.0 to staging slot 1");
        repo.release("1.1.0");
        Files.writeString(repo.dir.resolve("fail"), "");

        assertThat(repo.run("promote", "v1.1.0", "--env", "staging", "--slot", "1"))
                .isEqualTo(ExitCode.DEPLOY_FAILED);
        assertThat(repo.err()).contains("deploying v1.1.0 to slot 1");
        assertThat(repo.out() + repo.err()).containsOnlyOnce("Deploying v1.1.0 to staging slot 1 failed");
        assertThat(repo.out())
                .startsWith("DEPLOY_FAILED ")
                .contains("Next: fix what the deploy printed above, then promote again: release-promotion promote"
                        + " v1.1.0 --env staging --slot 1; or put v1.0.0 back: release-promotion rollback --env"
                        + " staging --slot 1 --to v1.0.0\n");

        Files.delete(repo.dir.resolve("fail"));
        assertThat(repo.run("rollback", "--env", "staging", "--slot", "1", "--to", "v1.0.0"))
                .as(repo.out() + repo.err())
                .isZero();
        assertThat(repo.out() + repo.err()).containsOnlyOnce("Rolled back staging slot 1 to v1.0.0");
    }

    @Test
    void checkTakesAWindowOverrideAsPromoteDoes() throws Exception {
        repo.config(
                CliTest.CONFIG + "    gates:\n      freezes: [{from: 2000-01-01T00:00:00Z, to: 2100-01-01T00:00:00Z,"
                        + " reason: Year-end freeze}]\n");
        assertThat(repo.run("check", "v1.0.0", "--env", "staging", "--slot", "1"))
                .isEqualTo(ExitCode.GATE_REFUSED);
        assertThat(repo.out()).contains("Year-end freeze");
        assertThat(repo.run(
                        "check", "v1.0.0", "--env", "staging", "--slot", "1", "--window-override", "the fix is urgent"))
                .as(repo.out())
                .isZero();
    }
}
