package io.jenkins.plugins.releasepromotion.engine.ledger;

import io.jenkins.plugins.releasepromotion.engine.model.DisplayText;
import io.jenkins.plugins.releasepromotion.engine.model.Outcome;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
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
 * @param approver who approved: the approvers' names, comma-separated (the only approval member of older records)
 * @param approvers each approver with how the approval was proven; empty in older records
 * @param breakGlassReason why the person who started it could approve it too; {@code null} when not under break-glass
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
        List<Approver> approvers,
        String breakGlassReason,
        String buildUrl,
        String reason,
        String previousTag,
        String previousCommit,
        Map<String, String> evidence) {
    /** The evidence key of a deployment's commit time (ISO-8601), from which its lead time for changes is counted. */
    public static final String COMMITTED_AT = "committedAt";

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
        approvers = approvers == null ? List.of() : List.copyOf(approvers);
    }

    /**
     * One approver of an approval or deployment record.
     *
     * @param name the user ID or signing principal
     * @param proof how it was proven, e.g. {@code input "Release approval" on build #12} or the signing key's
     *     fingerprint; never a secret
     */
    public record Approver(String name, String proof) {
        public Approver {
            name = required(name, "an approver name");
        }
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
                List.of(),
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
        return copy(Phase.FINISHED, result, now, approval(), buildUrl, reason, previousTag, previousCommit, evidence);
    }

    /** This record naming an approver without a proof, as older records did. */
    public LedgerRecord withApprover(String who) {
        return copy(
                phase,
                outcome,
                finishedAt,
                new Approval(who, List.of(), null),
                buildUrl,
                reason,
                previousTag,
                previousCommit,
                evidence);
    }

    /**
     * This record with its approvers, each with its proof, and the break-glass reason; {@link #approver()} becomes
     * their names, comma-separated, so readers of the older single member see them all.
     */
    public LedgerRecord withApprovals(List<Approver> all, String breakGlass) {
        String names = all == null || all.isEmpty()
                ? null
                : String.join(", ", all.stream().map(Approver::name).toList());
        return copy(
                phase,
                outcome,
                finishedAt,
                new Approval(names, all, breakGlass),
                buildUrl,
                reason,
                previousTag,
                previousCommit,
                evidence);
    }

    public LedgerRecord withBuildUrl(String url) {
        return copy(phase, outcome, finishedAt, approval(), url, reason, previousTag, previousCommit, evidence);
    }

    /** The reason given for the operation, e.g. for a rollback or for deploying outside a window. */
    public LedgerRecord withReason(String why) {
        return copy(phase, outcome, finishedAt, approval(), buildUrl, why, previousTag, previousCommit, evidence);
    }

    /** What ran there before this operation: the tag and commit a rollback would return to. */
    public LedgerRecord withPrevious(String formerTag, String formerCommit) {
        return copy(phase, outcome, finishedAt, approval(), buildUrl, reason, formerTag, formerCommit, evidence);
    }

    /** This record with one more piece of evidence; an existing key is replaced. */
    public LedgerRecord withEvidence(String key, String value) {
        Map<String, String> more = new LinkedHashMap<>(evidence);
        more.put(key, value);
        return withEvidence(more);
    }

    /** This record with its evidence replaced by {@code all}. */
    public LedgerRecord withEvidence(Map<String, String> all) {
        return copy(phase, outcome, finishedAt, approval(), buildUrl, reason, previousTag, previousCommit, all);
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
        return isSucceeded() && changesWhatRuns();
    }

    /** A deployment or a rollback: an operation that may change what runs on its slot, whatever its outcome. */
    public boolean changesWhatRuns() {
        return kind == RecordKind.DEPLOYMENT || kind == RecordKind.ROLLBACK;
    }

    /**
     * A deployment or rollback that finished failed part way ({@code DEPLOY_FAILED}, {@code VERIFY_FAILED}), so what
     * runs on its slot is no longer known for sure. Refusals and rejections never touched the slot; a rollback
     * ({@code ROLLED_BACK}) restored it.
     */
    public boolean leftWhatRunsUncertain() {
        return changesWhatRuns()
                && phase == Phase.FINISHED
                && (outcome == Outcome.DEPLOY_FAILED || outcome == Outcome.VERIFY_FAILED);
    }

    /** True when this record is about {@code otherSlot} ({@code null} for an environment without slots). */
    public boolean isAt(Integer otherSlot) {
        return Objects.equals(slot, otherSlot);
    }

    private Approval approval() {
        return new Approval(approver, approvers, breakGlassReason);
    }

    /** The approval members, changed together. */
    private record Approval(String approver, List<Approver> approvers, String breakGlassReason) {}

    // The operation's identity (id, kind, where, what, who started it, when) never changes; the rest may.
    private LedgerRecord copy(
            Phase newPhase,
            Outcome newOutcome,
            Instant newFinishedAt,
            Approval newApproval,
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
                newApproval.approver(),
                newApproval.approvers(),
                newApproval.breakGlassReason(),
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
                readableKey(Objects.requireNonNull(key, "evidence key")),
                Objects.requireNonNull(value, "evidence of " + key)));
        return copy;
    }

    /**
     * The key with each half of a surrogate pair that stands alone replaced by U+FFFD. The line keeps it as an escape,
     * but no JSON reader takes one in a member's name ("Broken surrogate pair"), so the record could not be read back.
     */
    private static String readableKey(String key) {
        StringBuilder readable = null;
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            boolean pair =
                    Character.isHighSurrogate(c) && i + 1 < key.length() && Character.isLowSurrogate(key.charAt(i + 1));
            if (pair) {
                if (readable != null) {
                    readable.append(c).append(key.charAt(i + 1));
                }
                i++;
            } else if (Character.isSurrogate(c)) {
                if (readable == null) {
                    readable = new StringBuilder(key.length()).append(key, 0, i);
                }
                readable.append('\uFFFD');
            } else if (readable != null) {
                readable.append(c);
            }
        }
        return readable == null ? key : readable.toString();
    }
}
