package io.jenkins.plugins.releasepromotion.engine.report;

import io.jenkins.plugins.releasepromotion.engine.config.EnvironmentConfig;
import io.jenkins.plugins.releasepromotion.engine.ledger.LedgerRecord;
import io.jenkins.plugins.releasepromotion.engine.ledger.Phase;
import io.jenkins.plugins.releasepromotion.engine.ledger.RecordKind;
import java.util.HashSet;
import java.util.Set;

/**
 * One slot's tile, read newest first from the end of the ledger back to the start of what runs there: the
 * verifications and the deployments that came after it. What runs is known beforehand (the ledger's own look-up), so
 * a slot where nothing ever ran needs no reading back to the first record.
 */
final class SlotScan {
    private final EnvironmentConfig env;
    private final Integer slot;
    private final LedgerRecord current;
    private final Set<String> finishedIds = new HashSet<>();
    private Mark lastVerification;
    private String uncertain;
    private boolean reachedStart;

    /** @param current what runs there, or {@code null} when nothing ever did */
    SlotScan(EnvironmentConfig env, Integer slot, LedgerRecord current) {
        this.env = env;
        this.slot = slot;
        this.current = current;
    }

    /**
     * True once the start of what runs there has been read, or at once when nothing runs there: such a slot's tile
     * takes what the rest of the reading passes by and never asks for more.
     */
    boolean done() {
        return current == null || reachedStart;
    }

    void take(LedgerRecord r) {
        if (reachedStart || !r.isAt(slot)) {
            return;
        }
        if (current != null && r.id().equals(current.id())) {
            reachedStart = r.phase() == Phase.STARTED;
            return;
        }
        if (r.kind() == RecordKind.VERIFICATION && r.isFinished() && lastVerification == null) {
            lastVerification = Mark.of(r);
        }
        if (current == null || !r.changesWhatRuns() || uncertain != null) {
            return;
        }
        if (r.isFinished()) {
            finishedIds.add(r.id());
            if (r.leftWhatRunsUncertain()) {
                uncertain = "a later " + kindWord(r) + " of " + r.tag() + " ended " + r.outcome() + " at "
                        + UtcText.of(r.finishedAt());
            }
        } else if (!finishedIds.contains(r.id())) {
            uncertain = "a " + kindWord(r) + " of " + r.tag() + " by " + r.actor() + " started at "
                    + UtcText.of(r.startedAt()) + " and never finished (or still runs)";
        }
    }

    Tile tile() {
        return new Tile(
                env.name(),
                env.kind(),
                slot,
                current == null ? null : Mark.of(current),
                lastVerification,
                uncertain,
                null,
                null,
                false);
    }

    private static String kindWord(LedgerRecord r) {
        return r.kind() == RecordKind.ROLLBACK ? "rollback" : "deployment";
    }
}
