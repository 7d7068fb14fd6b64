package io.jenkins.plugins.releasepromotion.engine.ledger;

import io.jenkins.plugins.releasepromotion.engine.model.DisplayText;
import io.jenkins.plugins.releasepromotion.engine.model.Outcome;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * One line of the ledger: the start or the end of a deployment, verification, approval or rollback.
 *
 * <p>An operation is written twice under one id: a {@link Phase#STARTED} record when it begins, so that a crash
 * leaves a visible trace, and a {@link Phase#FINISHED} record carrying its named {@link Outcome}. Evidence is what
 * the operation saw (for example the version JSON of the deployed application, keyed {@code version}); it is shown
 * to approvers and kept forever, so it must never hold a secret.
 *
 * @param slot the slot, counted from 1; {@code null} when the environment has no slots
 * @param outcome {@code null} for a started record, required for a finished one
 * @param finishedAt {@code null} for a started record, required for a finished one
 */
public record LedgerRecord(
        String id,
        RecordKind kind,
        Phase phase,
        String environment,
        Integer slot,
        String tag,
        String commit,
        Outcome outcome,
        Instant startedAt,
        Instant finishedAt,
        String actor,
        String approver,
        String buildUrl,
        String reason,
        String previousTag,
        String previousCommit,
        Map<String, String> evidence) {

    public LedgerRecord {
        id = required(id, "an id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(phase, "phase");
        environment = required(environment, "an environment");
        Objects.requireNonNull(startedAt, "startedAt");
        if (slot != null && slot < 1) {
            throw new IllegalArgumentException("Slot " + slot + " of " + DisplayText.of(environment)
                    + " is not a slot: slots count from 1; leave the slot empty for an environment without slots.");
        }
        if (phase == Phase.STARTED && (outcome != null || finishedAt != null)) {
            throw new IllegalArgumentException("Ledger record " + DisplayText.of(id) + " is STARTED but has an"
                    + " outcome or end time: only a finished record has them; use finish(outcome, now).");
        }
        if (phase == Phase.FINISHED && (outcome == null || finishedAt == null)) {
            throw new IllegalArgumentException("Ledger record " + DisplayText.of(id) + " is FINISHED without an"
                    + " outcome and end time: a finished record names both; use finish(outcome, now).");
        }
        evidence = Collections.unmodifiableMap(copy(evidence));
    }

    /** A new operation with a fresh id, written before the work begins. */
    public static LedgerRecord started(
            RecordKind kind, String environment, Integer slot, String tag, String commit, String actor, Instant now) {
        return new LedgerRecord(
                UUID.randomUUID().toString(),
                kind,
                Phase.STARTED,
                environment,
                slot,
                tag,
                commit,
                null,
                now,
                null,
                actor,
                null,
                null,
                null,
                null,
                null,
                Map.of());
    }

    /** The finished record of this operation: same id, with its outcome and end time. */
    public LedgerRecord finish(Outcome result, Instant now) {
        if (phase != Phase.STARTED) {
            throw new IllegalStateException("Ledger record " + DisplayText.of(id) + " is already finished with "
                    + outcome + "; finish the STARTED record of an operation only once.");
        }
        return copy(Phase.FINISHED, result, now, approver, buildUrl, reason, previousTag, previousCommit, evidence);
    }

    public LedgerRecord withApprover(String who) {
        return copy(phase, outcome, finishedAt, who, buildUrl, reason, previousTag, previousCommit, evidence);
    }

    public LedgerRecord withBuildUrl(String url) {
        return copy(phase, outcome, finishedAt, approver, url, reason, previousTag, previousCommit, evidence);
    }

    /** The reason given for the operation, e.g. for a rollback or for deploying outside a window. */
    public LedgerRecord withReason(String why) {
        return copy(phase, outcome, finishedAt, approver, buildUrl, why, previousTag, previousCommit, evidence);
    }

    /** What ran there before this operation: the tag and commit a rollback would return to. */
    public LedgerRecord withPrevious(String formerTag, String formerCommit) {
        return copy(phase, outcome, finishedAt, approver, buildUrl, reason, formerTag, formerCommit, evidence);
    }

    /** This record with one more piece of evidence; an existing key is replaced. */
    public LedgerRecord withEvidence(String key, String value) {
        Map<String, String> more = new LinkedHashMap<>(evidence);
        more.put(key, value);
        return withEvidence(more);
    }

    /** This record with its evidence replaced by {@code all}. */
    public LedgerRecord withEvidence(Map<String, String> all) {
        return copy(phase, outcome, finishedAt, approver, buildUrl, reason, previousTag, previousCommit, all);
    }

    public boolean isFinished() {
        return phase == Phase.FINISHED;
    }

    /** Finished with {@link Outcome#SUCCEEDED}. */
    public boolean isSucceeded() {
        return phase == Phase.FINISHED && outcome.isSuccess();
    }

    /** A deployment or rollback that succeeded: its tag ran on the environment and slot afterwards. */
    public boolean isGoodDeployment() {
        return isSucceeded() && (kind == RecordKind.DEPLOYMENT || kind == RecordKind.ROLLBACK);
    }

    /** True when this record is about {@code otherSlot} ({@code null} for an environment without slots). */
    public boolean isAt(Integer otherSlot) {
        return Objects.equals(slot, otherSlot);
    }

    // The operation's identity (id, kind, where, what, who started it, when) never changes; the rest may.
    private LedgerRecord copy(
            Phase newPhase,
            Outcome newOutcome,
            Instant newFinishedAt,
            String newApprover,
            String newBuildUrl,
            String newReason,
            String newPreviousTag,
            String newPreviousCommit,
            Map<String, String> newEvidence) {
        return new LedgerRecord(
                id,
                kind,
                newPhase,
                environment,
                slot,
                tag,
                commit,
                newOutcome,
                startedAt,
                newFinishedAt,
                actor,
                newApprover,
                newBuildUrl,
                newReason,
                newPreviousTag,
                newPreviousCommit,
                newEvidence);
    }

    private static String required(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(
                    "A ledger record needs " + what + "; pass a non-blank value (got " + DisplayText.of(value) + ").");
        }
        return value;
    }

    // Insertion order is kept so that evidence reads back the way the check listed it.
    private static Map<String, String> copy(Map<String, String> evidence) {
        Map<String, String> copy = new LinkedHashMap<>();
        if (evidence == null) {
            return copy;
        }
        evidence.forEach((key, value) -> copy.put(
                Objects.requireNonNull(key, "evidence key"), Objects.requireNonNull(value, "evidence of " + key)));
        return copy;
    }
}
