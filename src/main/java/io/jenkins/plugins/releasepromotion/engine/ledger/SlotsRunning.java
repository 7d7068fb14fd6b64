package io.jenkins.plugins.releasepromotion.engine.ledger;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What runs on each of several slots, gathered from records handed to it newest first: the first good deployment or
 * rollback seen for a slot is what runs there. It answers false once every slot is found, so the reading stops.
 */
final class SlotsRunning implements Predicate<LedgerRecord> {
    private final Set<Integer> missing;
    private final Map<Integer, LedgerRecord> found = new HashMap<>();

    SlotsRunning(Collection<Integer> slots) {
        this.missing = new HashSet<>(slots);
    }

    /** Whether every slot asked for is found (at once true when none was asked for). */
    boolean complete() {
        return missing.isEmpty();
    }

    @Override
    public boolean test(LedgerRecord record) {
        if (record.isGoodDeployment() && missing.remove(record.slot())) {
            found.put(record.slot(), record);
        }
        return !complete();
    }

    /** Slot to what runs there; a slot where nothing ever ran has no entry. */
    Map<Integer, LedgerRecord> found() {
        return found;
    }
}
