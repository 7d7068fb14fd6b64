package io.jenkins.plugins.releasepromotion.engine.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.releasepromotion.engine.model.Outcome;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LedgerRecordTest {

    private static final Instant NOW = Records.T0;

    private final LedgerRecord started =
            LedgerRecord.started(RecordKind.DEPLOYMENT, "production", null, "v1.2.3", "abc123", "alice", NOW);

    @Test
    void startedRecordHasAFreshIdAndNoOutcome() {
        LedgerRecord other =
                LedgerRecord.started(RecordKind.DEPLOYMENT, "production", null, "v1.2.3", "abc123", "alice", NOW);
        assertThat(started.id()).isNotBlank().isNotEqualTo(other.id());
        assertThat(started.phase()).isEqualTo(Phase.STARTED);
        assertThat(started.outcome()).isNull();
        assertThat(started.finishedAt()).isNull();
        assertThat(started.evidence()).isEmpty();
        assertThat(started.isFinished()).isFalse();
    }

    @Test
    void finishKeepsTheOperationAndAddsItsOutcome() {
        LedgerRecord done = started.withReason("hotfix")
                .withEvidence("version", "{\"branch\":\"v1.2.3\"}")
                .finish(Outcome.SUCCEEDED, NOW.plusSeconds(5));
        assertThat(done.id()).isEqualTo(started.id());
        assertThat(done.phase()).isEqualTo(Phase.FINISHED);
        assertThat(done.outcome()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(done.startedAt()).isEqualTo(NOW);
        assertThat(done.finishedAt()).isEqualTo(NOW.plusSeconds(5));
        assertThat(done.reason()).isEqualTo("hotfix");
        assertThat(done.evidence()).containsEntry("version", "{\"branch\":\"v1.2.3\"}");
        assertThat(done.isSucceeded()).isTrue();
        assertThat(done.isGoodDeployment()).isTrue();
    }

    @Test
    void finishingTwiceIsRefused() {
        LedgerRecord done = started.finish(Outcome.DEPLOY_FAILED, NOW);
        assertThatThrownBy(() -> done.finish(Outcome.SUCCEEDED, NOW))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(started.id())
                .hasMessageContaining("already finished with DEPLOY_FAILED");
    }

    @Test
    void finishedRecordNeedsAnOutcomeAndAnEndTime() {
        assertThatThrownBy(() -> record(Phase.FINISHED, null, NOW))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is FINISHED without an outcome")
                .hasMessageContaining("use finish(outcome, now)");
        assertThatThrownBy(() -> record(Phase.FINISHED, Outcome.SUCCEEDED, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void startedRecordCarriesNoOutcome() {
        assertThatThrownBy(() -> record(Phase.STARTED, Outcome.SUCCEEDED, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is STARTED but has an outcome");
        assertThatThrownBy(() -> record(Phase.STARTED, null, NOW)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void environmentAndIdMustNotBeBlank() {
        assertThatThrownBy(() -> LedgerRecord.started(RecordKind.APPROVAL, " ", null, "v1.0.0", "c", "bob", NOW))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs an environment");
        assertThatThrownBy(() -> new LedgerRecord(
                        "",
                        RecordKind.APPROVAL,
                        Phase.STARTED,
                        "production",
                        null,
                        null,
                        null,
                        null,
                        NOW,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null))
                .hasMessageContaining("needs an id");
    }

    @Test
    void slotsCountFromOne() {
        assertThatThrownBy(() -> LedgerRecord.started(RecordKind.DEPLOYMENT, "staging", 0, "v1.0.0", "c", "a", NOW))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Slot 0 of staging")
                .hasMessageContaining("leave the slot empty");
    }

    @Test
    void evidenceIsCopiedInOrderAndCannotBeChanged() {
        Map<String, String> evidence = new LinkedHashMap<>();
        evidence.put("version", "{}");
        evidence.put("health", "200");
        evidence.put("dag", "success");
        LedgerRecord withEvidence = started.withEvidence(evidence);
        evidence.put("later", "x");
        assertThat(withEvidence.evidence()).containsOnlyKeys("version", "health", "dag");
        assertThat(withEvidence.evidence().keySet()).containsExactly("version", "health", "dag");
        assertThatThrownBy(() -> withEvidence.evidence().put("x", "y"))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void eachWitherChangesOnlyItsField() {
        LedgerRecord changed = started.withApprover("carol")
                .withBuildUrl("https://ci.example.com/job/app/42/")
                .withPrevious("v1.2.2", "def456");
        assertThat(changed.approver()).isEqualTo("carol");
        assertThat(changed.buildUrl()).isEqualTo("https://ci.example.com/job/app/42/");
        assertThat(changed.previousTag()).isEqualTo("v1.2.2");
        assertThat(changed.previousCommit()).isEqualTo("def456");
        assertThat(changed.withApprover(null).withBuildUrl(null).withPrevious(null, null))
                .isEqualTo(started);
    }

    @Test
    void slotMatchesIncludingNoSlot() {
        assertThat(started.isAt(null)).isTrue();
        assertThat(started.isAt(1)).isFalse();
        LedgerRecord slotTwo = LedgerRecord.started(RecordKind.DEPLOYMENT, "staging", 2, "v1", "c", "a", NOW);
        assertThat(slotTwo.isAt(2)).isTrue();
        assertThat(slotTwo.isAt(null)).isFalse();
    }

    private static LedgerRecord record(Phase phase, Outcome outcome, Instant finishedAt) {
        return new LedgerRecord(
                "op-1",
                RecordKind.DEPLOYMENT,
                phase,
                "production",
                null,
                "v1.2.3",
                "abc",
                outcome,
                NOW,
                finishedAt,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }
}
