package io.jenkins.plugins.releasepromotion.engine.report;

import io.jenkins.plugins.releasepromotion.engine.ledger.LedgerRecord;
import io.jenkins.plugins.releasepromotion.engine.ledger.RecordKind;
import io.jenkins.plugins.releasepromotion.engine.model.Outcome;
import java.time.Instant;
import java.util.List;

/**
 * One finished operation as the report shows it: the members a person reads, each cut to a length a page can hold.
 * A record's evidence stays in the ledger, but for its one-line message.
 *
 * @param slot {@code null} for an environment without slots
 * @param approvers the approvers' names; empty when nobody approved
 * @param note the operation's own one-line account (its message or summary), or {@code null}
 */
public record Mark(
        String id,
        RecordKind kind,
        Outcome outcome,
        String environment,
        Integer slot,
        String tag,
        String commit,
        Instant startedAt,
        Instant at,
        String actor,
        List<String> approvers,
        String breakGlassReason,
        String reason,
        String buildUrl,
        String note) {
    static final int LONGEST = 300;

    public Mark {
        approvers = List.copyOf(approvers);
    }

    /** The finished record as a mark. */
    public static Mark of(LedgerRecord r) {
        String note = r.evidence().getOrDefault("message", r.evidence().get("summary"));
        return new Mark(
                r.id(),
                r.kind(),
                r.outcome(),
                r.environment(),
                r.slot(),
                cut(r.tag()),
                cut(r.commit()),
                r.startedAt(),
                r.finishedAt(),
                cut(r.actor()),
                r.approvers().isEmpty()
                        ? r.approver() == null ? List.of() : List.of(cut(r.approver()))
                        : r.approvers().stream().map(a -> cut(a.name())).toList(),
                cut(r.breakGlassReason()),
                cut(r.reason()),
                cut(r.buildUrl()),
                cut(note));
    }

    /** The name of its place: {@code staging slot 2}, or the environment's name. */
    public String where() {
        return where(environment, slot);
    }

    /** The name of a place: {@code staging slot 2}, or the environment's name when it has no slots. */
    public static String where(String environment, Integer slot) {
        return slot == null ? environment : environment + " slot " + slot;
    }

    /** The commit as {@code git log --oneline} shows it. */
    public String shortCommit() {
        return commit == null ? null : commit.substring(0, Math.min(7, commit.length()));
    }

    /** A success, a failure that touched the environment, or a refusal that never did. */
    public Sort sort() {
        if (outcome == Outcome.SUCCEEDED) {
            return Sort.SUCCESS;
        }
        return outcome == Outcome.DEPLOY_FAILED || outcome == Outcome.VERIFY_FAILED || outcome == Outcome.ROLLED_BACK
                ? Sort.FAILURE
                : Sort.REFUSAL;
    }

    /** The three ways an operation can end, as the page draws them. */
    public enum Sort {
        SUCCESS,
        FAILURE,
        REFUSAL
    }

    private static String cut(String text) {
        if (text == null || text.length() <= LONGEST) {
            return text;
        }
        return text.substring(0, LONGEST - 1) + "…";
    }
}
