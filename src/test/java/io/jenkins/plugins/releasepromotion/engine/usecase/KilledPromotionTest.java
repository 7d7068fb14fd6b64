package io.jenkins.plugins.releasepromotion.engine.usecase;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.releasepromotion.engine.deploy.script.Scripts;
import io.jenkins.plugins.releasepromotion.engine.gate.PromotionRequest;
import io.jenkins.plugins.releasepromotion.engine.gate.ViolationCode;
import io.jenkins.plugins.releasepromotion.engine.git.GitFacts;
import io.jenkins.plugins.releasepromotion.engine.git.TestRepo;
import io.jenkins.plugins.releasepromotion.engine.ledger.JsonLinesLedger;
import io.jenkins.plugins.releasepromotion.engine.ledger.LedgerRecord;
import io.jenkins.plugins.releasepromotion.engine.model.Outcome;
import io.jenkins.plugins.releasepromotion.engine.model.TagPattern;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A promotion whose process dies between its STARTED record and its terminal one. */
class KilledPromotionTest {
    @TempDir
    Path tmp;

    @Test
    void aKilledPromotionIsShownAsInterruptedAndTheNextOneIsTold() throws Exception {
        Path repo = tmp.resolve("repo");
        try (TestRepo r = TestRepo.init(repo)) {
            r.write("CHANGELOG.md", "# Changelog\n\n## [1.0.0] - 2026-11-20\n\n### Added\n- First\n");
            r.commit("First");
            r.tag("v1.0.0");
        }
        Path pidFile = tmp.resolve("sleep.pid");
        Path script = Scripts.write(
                tmp,
                "deploy.sh",
                "#!/bin/sh",
                "echo DEPLOYING \"$1\"",
                "sleep 600 &",
                "echo $! > '" + pidFile + "'",
                "wait");
        Path ledgerDir = tmp.resolve("ledger");

        Process child = new ProcessBuilder(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        PromoteChild.class.getName(),
                        repo.toString(),
                        ledgerDir.toString(),
                        script.toString(),
                        "v1.0.0"))
                .redirectErrorStream(true)
                .start();
        List<String> seen = new ArrayList<>();
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null && !line.startsWith("DEPLOYING"); line = out.readLine()) {
                seen.add(line);
            }
            child.destroyForcibly().waitFor();
        } finally {
            Scripts.await(
                    "the deploy's sleep to have written its pid",
                    Duration.ofSeconds(30),
                    () -> pidFile.toFile().length() > 0);
            ProcessHandle.of(Scripts.pidIn(pidFile)).ifPresent(ProcessHandle::destroyForcibly);
        }
        assertThat(seen).as("child output").anyMatch(l -> l.contains("Deploying v1.0.0"));

        JsonLinesLedger ledger = new JsonLinesLedger(ledgerDir);
        List<LedgerRecord> interrupted = ledger.interrupted("staging");
        assertThat(interrupted).singleElement().satisfies(r -> assertThat(r.tag())
                .isEqualTo("v1.0.0"));
        assertThat(ledger.history("staging")).noneMatch(r -> r.outcome() == Outcome.SUCCEEDED);

        try (GitFacts git = GitFacts.open(repo, TagPattern.defaultPattern())) {
            Engine engine = PromoteChild.engine(repo, git, ledgerDir, script.toString());
            SlotStatus status = new Status(engine.config(), ledger, null, null)
                    .of("staging")
                    .get(0);
            assertThat(status.uncertain()).isTrue();
            assertThat(status.tag()).isNull();
            PromotionResult next = new Promotion(engine)
                    .promote(
                            PromoteRequest.of(
                                    PromotionRequest.of("v1.0.0", "staging", 1).asDryRun()),
                            line -> {});
            assertThat(next.decision()
                            .warning(ViolationCode.INTERRUPTED_DEPLOYMENT)
                            .orElseThrow()
                            .message())
                    .contains("The deployment of v1.0.0 to staging slot 1 started at")
                    .contains("never finished");
        }
    }
}
