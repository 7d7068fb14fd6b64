package io.jenkins.plugins.releasepromotion.engine.report;

import io.jenkins.plugins.releasepromotion.engine.ledger.ChainReport;
import io.jenkins.plugins.releasepromotion.engine.ledger.DeploymentLock;
import io.jenkins.plugins.releasepromotion.engine.ledger.Ledger;
import io.jenkins.plugins.releasepromotion.engine.ledger.LedgerRecord;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/** A real ledger that counts the records its newest-first readers are handed: how far a report reads back. */
final class CountingLedger implements Ledger {
    private final Ledger ledger;
    private final AtomicInteger read;

    CountingLedger(Ledger ledger, AtomicInteger read) {
        this.ledger = ledger;
        this.read = read;
    }

    @Override
    public void newestFirst(String environment, Predicate<LedgerRecord> more) {
        ledger.newestFirst(environment, r -> {
            read.incrementAndGet();
            return more.test(r);
        });
    }

    @Override
    public void append(LedgerRecord record) {
        ledger.append(record);
    }

    @Override
    public List<LedgerRecord> history(String environment) {
        return ledger.history(environment);
    }

    @Override
    public Optional<LedgerRecord> current(String environment, Integer slot) {
        return ledger.current(environment, slot);
    }

    @Override
    public Optional<LedgerRecord> lastGoodBefore(String environment, Integer slot, String currentTag) {
        return ledger.lastGoodBefore(environment, slot, currentTag);
    }

    @Override
    public List<LedgerRecord> attestations(String environment, String tag, String commit) {
        return ledger.attestations(environment, tag, commit);
    }

    @Override
    public List<LedgerRecord> verifications(String environment, String tag) {
        return ledger.verifications(environment, tag);
    }

    @Override
    public List<LedgerRecord> succeededTags(String environment) {
        return ledger.succeededTags(environment);
    }

    @Override
    public List<LedgerRecord> interrupted(String environment) {
        return ledger.interrupted(environment);
    }

    @Override
    public ChainReport verify(String environment) {
        return ledger.verify(environment);
    }

    @Override
    public Set<String> environments() {
        return ledger.environments();
    }

    @Override
    public DeploymentLock lock(String environment, Integer slot, String holder) {
        return ledger.lock(environment, slot, holder);
    }
}
