package io.jenkins.plugins.releasepromotion.steps;

import io.jenkins.plugins.releasepromotion.engine.ledger.DeploymentLock;
import io.jenkins.plugins.releasepromotion.engine.ledger.Ledger;
import io.jenkins.plugins.releasepromotion.engine.ledger.LedgerRecord;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The ledger as a stopped step uses it. Stopping a step interrupts its thread, and file channels refuse to work on an
 * interrupted thread; but the record that says how the operation ended must still be written, and the lock released.
 * So each ledger call runs with the interrupt set aside, and the interrupt is restored afterwards.
 */
final class StopSafeLedger implements Ledger {
    private final Ledger ledger;

    StopSafeLedger(Ledger ledger) {
        this.ledger = ledger;
    }

    static <T> T uninterrupted(Supplier<T> call) {
        boolean interrupted = Thread.interrupted();
        try {
            return call.get();
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void append(LedgerRecord record) {
        uninterrupted(() -> {
            ledger.append(record);
            return null;
        });
    }

    @Override
    public List<LedgerRecord> history(String environment) {
        return uninterrupted(() -> ledger.history(environment));
    }

    @Override
    public void newestFirst(String environment, Predicate<LedgerRecord> more) {
        uninterrupted(() -> {
            ledger.newestFirst(environment, more);
            return null;
        });
    }

    @Override
    public Optional<LedgerRecord> current(String environment, Integer slot) {
        return uninterrupted(() -> ledger.current(environment, slot));
    }

    @Override
    public Optional<LedgerRecord> lastGoodBefore(String environment, Integer slot, String currentTag) {
        return uninterrupted(() -> ledger.lastGoodBefore(environment, slot, currentTag));
    }

    @Override
    public List<LedgerRecord> attestations(String environment, String tag, String commit) {
        return uninterrupted(() -> ledger.attestations(environment, tag, commit));
    }

    @Override
    public List<LedgerRecord> verifications(String environment, String tag) {
        return uninterrupted(() -> ledger.verifications(environment, tag));
    }

    @Override
    public List<LedgerRecord> succeededTags(String environment) {
        return uninterrupted(() -> ledger.succeededTags(environment));
    }

    @Override
    public List<LedgerRecord> interrupted(String environment) {
        return uninterrupted(() -> ledger.interrupted(environment));
    }

    @Override
    public Set<String> environments() {
        return uninterrupted(ledger::environments);
    }

    @Override
    public DeploymentLock lock(String environment, Integer slot, String holder) {
        return new Lock(uninterrupted(() -> ledger.lock(environment, slot, holder)));
    }

    /** A lock released even by a stopped step. */
    private static final class Lock implements DeploymentLock {
        private final DeploymentLock lock;

        Lock(DeploymentLock lock) {
            this.lock = lock;
        }

        @Override
        public String environment() {
            return lock.environment();
        }

        @Override
        public Integer slot() {
            return lock.slot();
        }

        @Override
        public String holder() {
            return lock.holder();
        }

        @Override
        public void close() {
            uninterrupted(() -> {
                lock.close();
                return null;
            });
        }
    }
}
