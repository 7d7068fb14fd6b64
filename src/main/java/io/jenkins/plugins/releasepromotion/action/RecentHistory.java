package io.jenkins.plugins.releasepromotion.action;

import io.jenkins.plugins.releasepromotion.engine.ledger.Ledger;
import io.jenkins.plugins.releasepromotion.engine.ledger.LedgerRecord;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The latest records of each slot of one environment, newest first, read as {@code history --limit} reads: from the
 * end of the ledger, in one pass for all the slots, stopping as soon as each slot has its share or after {@link
 * #READ_LIMIT} records, so a page view costs the same on a ledger of ten records or of a million.
 */
final class RecentHistory {
    /** How far back one view reads an environment's ledger; a slot idle for longer shows no recent records. */
    static final int READ_LIMIT = 200;

    private final Map<Integer, List<LedgerRecord>> bySlot = new HashMap<>();
    private final int perSlot;
    private int read;

    private RecentHistory(Collection<Integer> slots, int perSlot) {
        this.perSlot = perSlot;
        slots.forEach(slot -> bySlot.put(slot, new ArrayList<>()));
    }

    /** @param slots the slots to show ({@code null} for an environment without slots) */
    static RecentHistory read(Ledger ledger, String environment, Collection<Integer> slots, int perSlot) {
        RecentHistory recent = new RecentHistory(slots, perSlot);
        if (perSlot > 0 && !slots.isEmpty()) {
            ledger.newestFirst(environment, recent::take);
        }
        return recent;
    }

    /** The slot's latest records, newest first. */
    List<LedgerRecord> of(Integer slot) {
        return List.copyOf(bySlot.getOrDefault(slot, List.of()));
    }

    private boolean take(LedgerRecord record) {
        read++;
        List<LedgerRecord> shown = bySlot.get(record.slot());
        if (shown != null && shown.size() < perSlot) {
            shown.add(record);
        }
        return read < READ_LIMIT && bySlot.values().stream().anyMatch(list -> list.size() < perSlot);
    }
}
