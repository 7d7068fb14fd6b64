package io.jenkins.plugins.releasepromotion.engine.usecase;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.releasepromotion.engine.gate.PromotionRequest;
import io.jenkins.plugins.releasepromotion.engine.ledger.LedgerRecord;
import io.jenkins.plugins.releasepromotion.engine.ledger.RecordKind;
import io.jenkins.plugins.releasepromotion.engine.model.Outcome;
import io.jenkins.plugins.releasepromotion.sample.Faults;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.util.FileUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each fault of the deployed app or of the deploy ends in its named outcome, with one clear message and a consistent
 * ledger: the STARTED record finished exactly once, nothing recorded as SUCCEEDED, no attestation.
 */
class FaultMatrixTest {
    @TempDir
    Path tmp;

    private FlowSandbox sandbox;

    @BeforeEach
    void setUp() throws Exception {
        sandbox = new FlowSandbox(tmp);
    }

    @AfterEach
    void tearDown() {
        sandbox.close();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "version answers 500 | {\"versionStatus\": 500}         | VERIFY_FAILED | answered 500",
                "malformed JSON      | {\"malformedJson\": true}        | VERIFY_FAILED | not a JSON object",
                "wrong commit        | {\"wrongCommit\": true}          | VERIFY_FAILED | expected v1.0.0",
                "stale deployed_at   | {\"staleDeployedAt\": true}      | VERIFY_FAILED | before this deploy started",
                "app never listens   | {\"startDelayMillis\": 600000}   | DEPLOY_FAILED | failed with exit status",
            })
    void faultEndsInItsNamedOutcome(String name, String faults, Outcome expected, String message) throws Exception {
        Path slot = tmp.resolve("staging-1");
        // The clone starts on main, whose newest release tracks its own faults.json; an older release does not.
        try (Git git = Git.open(slot.toFile())) {
            git.checkout().setName("refs/tags/v1.0.0").call();
        }
        Files.writeString(slot.resolve(Faults.FILE), faults, StandardCharsets.UTF_8);
        PromotionResult result = promote(name.equals("app never listens"));
        assertThat(result.outcome()).as(result.message()).isEqualTo(expected);
        assertThat(result.message()).contains(message).doesNotContain("\n");
        assertConsistentLedger(result);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {"deployment directory is not a clone | DEPLOY_FAILED"})
    void brokenDeploymentDirectory(String name, Outcome expected) throws Exception {
        FileUtils.delete(tmp.resolve("staging-1/.git").toFile(), FileUtils.RECURSIVE);
        PromotionResult result = promote(false);
        assertThat(result.outcome()).as(result.message()).isEqualTo(expected);
        assertConsistentLedger(result);
    }

    private PromotionResult promote(boolean shortStartTimeout) {
        Engine engine = shortStartTimeout ? sandbox.engineWithStartTimeout(3) : sandbox.engine();
        return new Promotion(engine)
                .promote(
                        PromoteRequest.of(
                                new PromotionRequest("v1.0.0", "staging", 1, "alice", null, null, null, false)),
                        sandbox.log::add);
    }

    private void assertConsistentLedger(PromotionResult result) {
        List<LedgerRecord> ofThis = sandbox.ledger.history("staging").stream()
                .filter(r -> r.id().equals(result.recordId()))
                .toList();
        assertThat(ofThis)
                .extracting(r -> r.phase() + " " + r.outcome())
                .containsExactly("STARTED null", "FINISHED " + result.outcome());
        assertThat(sandbox.ledger.interrupted("staging")).isEmpty();
        assertThat(sandbox.ledger.current("staging", 1)).isEmpty();
        assertThat(sandbox.ledger.attestations("staging", "v1.0.0", result.commit()))
                .isEmpty();
        assertThat(sandbox.ledger.history("staging"))
                .filteredOn(r -> r.kind() == RecordKind.DEPLOYMENT)
                .noneMatch(LedgerRecord::isSucceeded);
    }
}
