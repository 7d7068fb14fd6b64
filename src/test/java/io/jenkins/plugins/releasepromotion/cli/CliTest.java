package io.jenkins.plugins.releasepromotion.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.releasepromotion.engine.git.TestRepo;
import io.jenkins.plugins.releasepromotion.engine.ledger.JsonLinesLedger;
import io.jenkins.plugins.releasepromotion.engine.ledger.LedgerRecord;
import io.jenkins.plugins.releasepromotion.engine.ledger.RecordKind;
import io.jenkins.plugins.releasepromotion.engine.model.Outcome;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command in-process, on a real repository, configuration file and ledger. */
class CliTest {
    /** One staging environment with two slots, deployed by a script in the repository. */
    static final String CONFIG = "environments:\n"
            + "  - name: staging\n"
            + "    kind: staging\n"
            + "    slots: 2\n"
            + "    deploy:\n"
            + "      script:\n"
            + "        command: [./deploy.sh, '{slot}', '{tag}']\n";

    @TempDir
    Path repo;

    private String commit;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void setUp() throws Exception {
        try (TestRepo r = TestRepo.init(repo)) {
            r.write("CHANGELOG.md", "# Changelog\n\n## [1.0.0] - 2026-11-20\n\n### Added\n- First release\n");
            commit = r.commit("Release v1.0.0").getName();
            r.tag("v1.0.0");
        }
        Files.writeString(repo.resolve("release-promotion.yaml"), CONFIG, StandardCharsets.UTF_8);
    }

    @Test
    void printsItsVersionAndHelp() {
        assertThat(run("--version")).isZero();
        assertThat(out.toString()).startsWith("release-promotion ");
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("check", "history", "config").contains("3   refused by a gate");
    }

    @Test
    void validatesTheConfiguration() throws Exception {
        assertThat(run("config", "validate", "--repo", repo.toString())).isZero();
        assertThat(out.toString())
                .contains("The configuration " + repo.resolve("release-promotion.yaml")
                        + " is valid: 1 environments (staging: 2 slots, script)");
        Path bad = repo.resolve("bad.yaml");
        Files.writeString(bad, "environments:\n  - name: staging\n", StandardCharsets.UTF_8);
        assertThat(run("config", "validate", "--config", bad.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("environments[0].deploy: required");
    }

    @Test
    void checkAllowsAReleaseTagAndShowsThePlan() {
        assertThat(run("check", "v1.0.0", "--env", "staging", "--slot", "1", "--repo", repo.toString()))
                .as(err.toString())
                .isZero();
        assertThat(out.toString())
                .contains("ALLOWED v1.0.0 (" + commit.substring(0, 7) + ") to staging slot 1")
                .contains("Rollback plan for staging slot 1: none, this is the first deployment there.")
                .contains("First release");
    }

    @Test
    void checkRefusesABranchWithExitCodeThreeAndJson() throws Exception {
        assertThat(run("check", "main", "--env", "staging", "--slot", "1", "--repo", repo.toString(), "--json"))
                .isEqualTo(ExitCode.GATE_REFUSED);
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.get("allowed").asBoolean()).isFalse();
        assertThat(json.at("/violations/0/code").asText()).isEqualTo("NOT_A_RELEASE_TAG");
        assertThat(json.at("/violations/0/message").asText()).startsWith("main is a branch");
    }

    @Test
    void historyShowsOutcomesNewestFirstAndInterruptedOperations() throws Exception {
        JsonLinesLedger ledger = new JsonLinesLedger(repo.resolve(".release-promotion/ledger"));
        Instant t = Instant.parse("2026-11-20T10:00:00Z");
        ledger.append(LedgerRecord.started(RecordKind.DEPLOYMENT, "staging", 1, "v1.0.0", commit, "ann", t)
                .finish(Outcome.SUCCEEDED, t.plusSeconds(60)));
        ledger.append(
                LedgerRecord.started(RecordKind.DEPLOYMENT, "staging", 2, "v1.0.0", commit, "bob", t.plusSeconds(120)));
        assertThat(run("history", "--env", "staging", "--repo", repo.toString()))
                .isZero();
        String[] lines = out.toString().split("\n");
        assertThat(lines[0]).startsWith("AT").contains("KIND", "OUTCOME", "ACTOR", "APPROVERS");
        assertThat(lines[1]).contains("DEPLOYMENT").contains("INTERRUPTED").contains("bob");
        assertThat(lines[2]).contains("SUCCEEDED").contains("ann");
        out.getBuffer().setLength(0);
        assertThat(run("history", "--env", "staging", "--repo", repo.toString(), "--json"))
                .isZero();
        assertThat(new ObjectMapper()
                        .readTree(out.toString())
                        .get(1)
                        .get("outcome")
                        .asText())
                .isEqualTo("SUCCEEDED");
    }

    @Test
    void mistakesAreOneLineWithExitCodeTwo() {
        assertThat(run("check", "v1.0.0", "--env", "prod", "--repo", repo.toString()))
                .isEqualTo(2);
        assertThat(err.toString().strip())
                .isEqualTo("release-promotion: Environment 'prod' is not configured; use one of: staging.");
        err.getBuffer().setLength(0);
        assertThat(run("check", "v1.0.0", "--env", "staging", "--frobnicate")).isEqualTo(2);
        assertThat(err.toString()).contains("Unknown option: '--frobnicate'").contains("--help");
        err.getBuffer().setLength(0);
        assertThat(run(
                        "check",
                        "v1.0.0",
                        "--env",
                        "staging",
                        "--repo",
                        repo.resolve("nowhere").toString()))
                .isEqualTo(2);
        assertThat(err.toString().lines()).hasSize(1);
        assertThat(err.toString()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    private int run(String... args) {
        CommandLine line = ReleasePromotionCommand.commandLine();
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));
        return line.execute(args);
    }
}
