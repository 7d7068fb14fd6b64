package io.jenkins.plugins.releasepromotion.engine.usecase;

import io.jenkins.plugins.releasepromotion.engine.gate.Facts.Interrupted;
import io.jenkins.plugins.releasepromotion.engine.ledger.Ledger;
import io.jenkins.plugins.releasepromotion.engine.ledger.LedgerRecord;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the ledger says about one environment slot: what runs, whether a deployment after it failed or never finished
 * (so what runs is uncertain), and the operations after it that never finished. A later successful deployment or
 * rollback clears both.
 */
record EnvironmentState(Optional<LedgerRecord> current, boolean dirty, List<Interrupted> interrupted) {

    static EnvironmentState read(Ledger ledger, String environment, Integer slot) {
        Optional<LedgerRecord> current = ledger.current(environment, slot);
        // Only what came after the current deployment matters, and only for this slot; a long history stays on disk.
        // An operation that never finished before it is history: the current deployment replaced whatever it left.
        String currentId = current.map(LedgerRecord::id).orElse(null);
        List<LedgerRecord> since = new ArrayList<>();
        Set<String> idsSince = new HashSet<>();
        ledger.newestFirst(environment, r -> {
            if (currentId != null && r.id().equals(currentId)) {
                return false;
            }
            if (r.isAt(slot)) {
                idsSince.add(r.id());
                if (r.changesWhatRuns()) {
                    since.add(r);
                }
            }
            return true;
        });
        List<LedgerRecord> unfinished = ledger.interrupted(environment).stream()
                .filter(r -> r.isAt(slot) && idsSince.contains(r.id()))
                .toList();
        boolean dirty =
                since.stream().anyMatch(r -> r.isFinished() ? r.leftWhatRunsUncertain() : unfinished.contains(r));
        return new EnvironmentState(
                current,
                dirty,
                unfinished.stream()
                        .map(r -> new Interrupted(r.id(), r.tag(), r.slot(), r.startedAt(), r.actor()))
                        .toList());
    }
}
