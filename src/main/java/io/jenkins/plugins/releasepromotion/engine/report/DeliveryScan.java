package io.jenkins.plugins.releasepromotion.engine.report;

import io.jenkins.plugins.releasepromotion.engine.ledger.LedgerRecord;
import io.jenkins.plugins.releasepromotion.engine.model.Outcome;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The records of one production environment, read newest first, told to a {@link DeliveryTally}: each change, each
 * successful deployment with its lead time, each failure with the good state that ended it. Reading backwards, the
 * next good state of a slot is known before the failure it ends, and the rollback of a deployment before the
 * deployment.
 */
final class DeliveryScan {
    private final ReportWindow window;
    private final DeliveryTally tally;
    private final CommitTimes commitTimes;
    private final Map<Integer, SlotTrack> slots = new HashMap<>();

    DeliveryScan(ReportWindow window, DeliveryTally tally, CommitTimes commitTimes) {
        this.window = window;
        this.tally = tally;
        this.commitTimes = commitTimes;
    }

    /** What one slot remembers of the records after the current one. */
    private static final class SlotTrack {
        Mark restoredBy;
        Mark failure;
        Mark failureRestoredBy;
        String rolledBackTag;
        Mark rollback;
    }

    void take(LedgerRecord r) {
        if (!r.isFinished()) {
            return;
        }
        SlotTrack slot = slots.computeIfAbsent(r.slot(), k -> new SlotTrack());
        switch (r.kind()) {
            case DEPLOYMENT -> deployment(r, slot);
            case ROLLBACK -> {
                if (r.isSucceeded()) {
                    Mark mark = Mark.of(r);
                    restored(slot, mark);
                    slot.rolledBackTag = r.previousTag();
                    slot.rollback = mark;
                }
            }
            case VERIFICATION -> {
                if (r.isSucceeded()) {
                    restored(slot, Mark.of(r));
                } else if (r.outcome() == Outcome.VERIFY_FAILED) {
                    failed(slot, Mark.of(r));
                }
            }
            default -> {
                // Approvals change nothing that runs.
            }
        }
    }

    /** True while a failure waits for the start of its run of failures; reading must go on until it is found. */
    boolean pending() {
        return slots.values().stream().anyMatch(s -> s.failure != null);
    }

    /** The ledger's first record was read: failures still waiting began there. */
    void end() {
        slots.values().forEach(this::closeIncident);
    }

    private void deployment(LedgerRecord r, SlotTrack slot) {
        Mark mark = Mark.of(r);
        // A refusal never touched production: it is not a change.
        if (mark.sort() == Mark.Sort.REFUSAL) {
            return;
        }
        Outcome outcome = r.outcome();
        if (outcome == Outcome.SUCCEEDED) {
            restored(slot, mark);
        } else if (outcome == Outcome.DEPLOY_FAILED) {
            failed(slot, mark);
        }
        if (window.contains(r.finishedAt())) {
            boolean rolledBack = outcome == Outcome.SUCCEEDED && Objects.equals(slot.rolledBackTag, r.tag());
            tally.change(mark, outcome != Outcome.SUCCEEDED || rolledBack, rolledBack ? slot.rollback : null);
            if (outcome == Outcome.SUCCEEDED) {
                tally.deployment(mark, commitTimes.of(r));
            }
        }
        // A rollback undoes the latest deployment before it, and no other.
        slot.rolledBackTag = null;
        slot.rollback = null;
    }

    private void restored(SlotTrack slot, Mark good) {
        closeIncident(slot);
        slot.restoredBy = good;
    }

    private void failed(SlotTrack slot, Mark failure) {
        if (slot.failure == null) {
            slot.failureRestoredBy = slot.restoredBy;
        }
        slot.failure = failure;
    }

    private void closeIncident(SlotTrack slot) {
        if (slot.failure != null && window.contains(slot.failure.at())) {
            tally.incident(slot.failure, slot.failureRestoredBy);
        }
        slot.failure = null;
        slot.failureRestoredBy = null;
    }
}
