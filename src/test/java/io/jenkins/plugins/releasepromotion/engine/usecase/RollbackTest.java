package io.jenkins.plugins.releasepromotion.engine.usecase;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.releasepromotion.engine.deploy.script.Scripts;
import io.jenkins.plugins.releasepromotion.engine.git.GitFacts;
import io.jenkins.plugins.releasepromotion.engine.git.TestRepo;
import io.jenkins.plugins.releasepromotion.engine.ledger.LedgerRecord;
import io.jenkins.plugins.releasepromotion.engine.ledger.RecordKind;
import io.jenkins.plugins.releasepromotion.engine.model.Outcome;
import io.jenkins.plugins.releasepromotion.engine.model.TagPattern;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Choosing the rollback target, on a real repository with a deploy script that records what it deployed. */
class RollbackTest {
    @TempDir
    Path tmp;

    private final Map<String, String> commits = new HashMap<>();
    private final List<String> log = Scripts.lines();
    private GitFacts git;
    private Engine engine;
    private Path deployed;

    @BeforeEach
    void setUp() throws Exception {
        Path repo = tmp.resolve("repo");
        try (TestRepo r = TestRepo.init(repo)) {
            for (String tag : List.of("v1.0.0", "v1.1.0", "v1.2.0")) {
                r.write("CHANGELOG.md", "## [" + tag.substring(1) + "] - 2026-11-20\n\n### Added\n- " + tag + "\n");
                commits.put(tag, r.commit("Release " + tag).getName());
                r.tag(tag);
            }
        }
        deployed = tmp.resolve("deployed.txt");
        Path script = Scripts.write(tmp, "deploy.sh", "#!/bin/sh", "echo \"$1\" > '" + deployed + "'");
        git = GitFacts.open(repo, TagPattern.defaultPattern());
        engine = PromoteChild.engine(repo, git, tmp.resolve("ledger"), script.toString());
    }

    @AfterEach
    void tearDown() {
        git.close();
    }

    @Test
    void defaultTargetIsTheLastGoodTagBeforeTheCurrentOne() throws Exception {
        ran("v1.0.0", Outcome.SUCCEEDED);
        ran("v1.1.0", Outcome.SUCCEEDED);
        ran("v1.2.0", Outcome.SUCCEEDED);
        RollbackResult result = rollback(null, false, null);
        assertThat(result.outcome()).as(result.message()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(result.tag()).isEqualTo("v1.1.0");
        assertThat(result.fromTag()).isEqualTo("v1.2.0");
        assertThat(Files.readString(deployed, StandardCharsets.UTF_8)).isEqualTo("v1.1.0\n");
        assertThat(engine.ledger().current("staging", 1).orElseThrow().tag()).isEqualTo("v1.1.0");
    }

    @Test
    void afterAFailedDeployTheLastGoodTagIsTheTarget() {
        ran("v1.0.0", Outcome.SUCCEEDED);
        ran("v1.1.0", Outcome.SUCCEEDED);
        ran("v1.2.0", Outcome.DEPLOY_FAILED);
        assertThat(rollback(null, false, null).tag()).isEqualTo("v1.1.0");
    }

    @Test
    void anExplicitTagMustHaveSucceededThereUnlessForcedWithAReason() {
        ran("v1.1.0", Outcome.SUCCEEDED);
        ran("v1.2.0", Outcome.SUCCEEDED);
        RollbackResult refused = rollback("v1.0.0", false, null);
        assertThat(refused.outcome()).isEqualTo(Outcome.GATE_FAILED);
        assertThat(refused.message())
                .isEqualTo("v1.0.0 never succeeded on staging slot 1; roll back to a tag that did (v1.2.0, v1.1.0),"
                        + " or force it with a reason.");
        assertThat(rollback("v1.0.0", true, null).message()).contains("needs a reason");
        assertThat(deployed).doesNotExist();

        RollbackResult forced = rollback("v1.0.0", true, "v1.1.0 corrupts sessions");
        assertThat(forced.outcome()).as(forced.message()).isEqualTo(Outcome.SUCCEEDED);
        LedgerRecord record = engine.ledger().current("staging", 1).orElseThrow();
        assertThat(record.reason()).isEqualTo("v1.1.0 corrupts sessions");
        assertThat(record.previousTag()).isEqualTo("v1.2.0");
    }

    @Test
    void nothingToGoBackToIsRefusedAndRecorded() {
        ran("v1.0.0", Outcome.SUCCEEDED);
        RollbackResult result = rollback(null, false, null);
        assertThat(result.outcome()).isEqualTo(Outcome.GATE_FAILED);
        assertThat(result.message()).startsWith("No good tag older than v1.0.0 is recorded on staging slot 1");
        assertThat(engine.ledger()
                        .history("staging")
                        .get(engine.ledger().history("staging").size() - 1)
                        .outcome())
                .isEqualTo(Outcome.GATE_FAILED);
    }

    private RollbackResult rollback(String tag, boolean force, String reason) {
        return new Rollback(engine)
                .rollback(new RollbackRequest("staging", 1, tag, force, reason, "alice", null, true), log::add);
    }

    private void ran(String tag, Outcome outcome) {
        Instant now = Instant.now();
        engine.ledger()
                .append(LedgerRecord.started(RecordKind.DEPLOYMENT, "staging", 1, tag, commits.get(tag), "bob", now)
                        .finish(outcome, now));
    }
}
