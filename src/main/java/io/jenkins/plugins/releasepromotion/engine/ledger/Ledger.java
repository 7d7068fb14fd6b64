package io.jenkins.plugins.releasepromotion.engine.ledger;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The append-only record of every deployment, verification, approval and rollback: the evidence the promotion gates
 * read. "Newest first" means the reverse of append order, which is the order things happened on this ledger, whatever
 * clocks the records carry. A slot of {@code null} means the environment has no slots.
 */
public interface Ledger {

    /**
     * Writes one record, linked to the record stored before it in its environment ({@link RecordChain}); it is on disk
     * when this returns.
     *
     * @throws IllegalArgumentException when the environment cannot have a ledger or the record is too long to store
     * @throws java.io.UncheckedIOException when the record could not be written and forced to disk
     */
    void append(LedgerRecord record);

    /** Every readable record of the environment, in append order; empty for an environment never written. */
    List<LedgerRecord> history(String environment);

    /**
     * Hands the readable records to {@code more}, newest first, for as long as it answers true: the way to read the
     * recent end of a long history without holding all of it.
     */
    default void newestFirst(String environment, Predicate<LedgerRecord> more) {
        List<LedgerRecord> all = history(environment);
        for (int i = all.size() - 1; i >= 0; i--) {
            if (!more.test(all.get(i))) {
                return;
            }
        }
    }

    /**
     * Hands the readable finished records to {@code more}, newest first, for as long as it answers true: what a reader
     * of outcomes needs, without the started records a ledger may skip unread.
     */
    default void newestFinishedFirst(String environment, Predicate<LedgerRecord> more) {
        newestFirst(environment, r -> !r.isFinished() || more.test(r));
    }

    /**
     * True when the ledger holds the record of this operation ({@code id}) and phase: how a record copied or kept
     * aside is written once however often it is handed over. Reads newest first, where such a record is found.
     */
    default boolean holds(String environment, String id, Phase phase) {
        boolean[] found = {false};
        newestFirst(environment, r -> {
            found[0] = r.id().equals(id) && r.phase() == phase;
            return !found[0];
        });
        return found[0];
    }

    /** What runs there: the latest successful deployment or rollback of that environment and slot. */
    Optional<LedgerRecord> current(String environment, Integer slot);

    /**
     * What runs on each of {@code slots}, as {@link #current(String, Integer)} answers for one, read in one pass newest
     * first that stops once every slot is found. A slot where nothing ever ran has no entry.
     */
    default Map<Integer, LedgerRecord> currentOfSlots(String environment, Collection<Integer> slots) {
        SlotsRunning running = new SlotsRunning(slots);
        if (!running.complete()) {
            newestFirst(environment, running);
        }
        return running.found();
    }

    /**
     * The rollback target: the latest successful deployment or rollback of that environment and slot whose tag is not
     * {@code currentTag}.
     */
    Optional<LedgerRecord> lastGoodBefore(String environment, Integer slot, String currentTag);

    /** Passing verifications of exactly this tag and commit, on any slot, newest first. */
    List<LedgerRecord> attestations(String environment, String tag, String commit);

    /** Every finished verification of this tag (any commit, any slot, any outcome), newest first. */
    List<LedgerRecord> verifications(String environment, String tag);

    /** Successful deployments and rollbacks on any slot, newest first: the tags one could roll back to. */
    List<LedgerRecord> succeededTags(String environment);

    /**
     * Operations that started and never finished, in append order: interrupted by a crash, or still running in
     * another process.
     */
    List<LedgerRecord> interrupted(String environment);

    /**
     * Checks the chain of the environment's stored records ({@link RecordChain}) and names the first record that breaks
     * it; an environment never written is intact with no records.
     *
     * @throws java.io.UncheckedIOException when the records cannot be read
     */
    ChainReport verify(String environment);

    /** The environments that have a ledger. */
    Set<String> environments();

    /**
     * Takes the one deployment lock of an environment and slot, held until {@link DeploymentLock#close()} or until the
     * holding process ends.
     *
     * @param holder who takes it, shown to anyone refused, e.g. {@code "release #42 of app (alice)"}
     * @throws LedgerLockedException when someone else holds it
     */
    DeploymentLock lock(String environment, Integer slot, String holder);
}
