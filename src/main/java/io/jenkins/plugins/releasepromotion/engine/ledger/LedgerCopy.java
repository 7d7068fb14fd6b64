package io.jenkins.plugins.releasepromotion.engine.ledger;

/**
 * Copies records from one ledger to another in their order, each once: a record the target holds already (the same
 * id and phase) is passed over, so a copy stopped half-way is finished by running it again.
 */
public final class LedgerCopy {
    private LedgerCopy() {}

    /** How many records of an environment were written, and how many the target held already. */
    public record Count(String environment, int written, int present) {
        public int total() {
            return written + present;
        }
    }

    /** Every readable record of {@code environment} in {@code from}, oldest first, into {@code to}. */
    public static Count environment(Ledger from, Ledger to, String environment) {
        int[] counts = new int[2];
        for (LedgerRecord record : from.history(environment)) {
            counts[writeOnce(to, record) ? 0 : 1]++;
        }
        return new Count(environment, counts[0], counts[1]);
    }

    /** Writes a record unless the target holds it already; true when it was written. */
    public static boolean writeOnce(Ledger to, LedgerRecord record) {
        if (to.holds(record.environment(), record.id(), record.phase())) {
            return false;
        }
        to.append(record);
        return true;
    }
}
