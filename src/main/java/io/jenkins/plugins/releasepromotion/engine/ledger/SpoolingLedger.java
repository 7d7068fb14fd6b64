package io.jenkins.plugins.releasepromotion.engine.ledger;

import io.jenkins.plugins.releasepromotion.engine.model.DisplayText;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A shared ledger (a database) that no record is lost to: once an append fails, because the database went away in the
 * middle of a deployment, that record and every later one of this ledger object are kept in a local {@link
 * LedgerSpool}, with a warning each, so the outcome of a deployment that ran is always recorded somewhere. The next
 * ledger opened on the same spool writes them to the database, in order and each once, before it answers anything:
 * queries never decide on a history that misses them. Until then only this machine holds them, which each warning
 * says.
 *
 * <p>Queries and locks go to the database as they are: when it cannot be reached they fail, and a promotion is
 * refused before it deploys anything.
 */
public final class SpoolingLedger implements Ledger {
    private final Ledger shared;
    private final String name;
    private final LedgerSpool spool;
    private final LedgerWarnings warnings;
    private final int replayed;
    private volatile boolean lost;

    private SpoolingLedger(Ledger shared, String name, LedgerSpool spool, LedgerWarnings warnings, int replayed) {
        this.shared = shared;
        this.name = name;
        this.spool = spool;
        this.warnings = warnings;
        this.replayed = replayed;
    }

    /**
     * The shared ledger, with the records a former command kept in {@code spoolFile} written to it first.
     *
     * @param name how messages name the shared ledger, e.g. {@code postgresql://db.example.com:5432/releases}; never
     *     with a password
     * @throws LedgerUnavailableException when records wait in the spool and the shared ledger does not take them
     */
    public static SpoolingLedger open(Ledger shared, String name, Path spoolFile, LedgerWarnings warnings) {
        LedgerSpool spool = new LedgerSpool(spoolFile);
        int replayed = 0;
        if (!spool.isEmpty()) {
            try {
                replayed = spool.drain(record -> LedgerCopy.writeOnce(shared, record), warnings::warn);
            } catch (IllegalArgumentException refused) {
                // The spool itself refused (a link, another user's file): its own one line says what to change.
                throw refused;
            } catch (RuntimeException e) {
                int waiting = spool.records(line -> {}).size();
                throw new LedgerUnavailableException(
                        "The ledger " + name + " cannot take the " + waiting + " record" + (waiting == 1 ? "" : "s")
                                + " kept in " + spool.file() + " while it could not be reached (" + cause(e)
                                + "); nothing was done. Run the command again once it can be reached.",
                        e);
            }
        }
        return new SpoolingLedger(shared, name, spool, Objects.requireNonNull(warnings, "warnings"), replayed);
    }

    /** How many records kept in the spool by a former command were written to the shared ledger on opening. */
    public int replayed() {
        return replayed;
    }

    public Path spoolFile() {
        return spool.file();
    }

    /** What opening wrote from the spool, as one sentence; {@code null} when nothing waited there. */
    public String replayReport() {
        return replayed == 0
                ? null
                : "wrote the " + replayed + " record" + (replayed == 1 ? "" : "s") + " kept in " + spool.file()
                        + " to the ledger " + name + ".";
    }

    /** True once an append could not reach the shared ledger: this and every later record are in the spool. */
    public boolean spooling() {
        return lost;
    }

    /** To the shared ledger; when that fails, to the spool, and the record is kept all the same. */
    @Override
    public void append(LedgerRecord record) {
        if (!lost) {
            try {
                shared.append(record);
                return;
            } catch (IllegalArgumentException e) {
                throw e;
            } catch (RuntimeException e) {
                // Whether it reached the database is unknown (the answer may be what was lost): the copy in the
                // spool is written only if the database does not hold it.
                lost = true;
                keep(record, cause(e));
                return;
            }
        }
        keep(record, "it could not be reached earlier in this command");
    }

    private void keep(LedgerRecord record, String why) {
        spool.add(record);
        warnings.warn("the ledger " + name + " cannot take the " + describe(record) + " (" + why + "); it is kept in "
                + spool.file() + " and written there by the next command that reaches it. Until then only this"
                + " machine has it.");
    }

    private static String describe(LedgerRecord record) {
        String where = record.slot() == null
                ? DisplayText.of(record.environment())
                : DisplayText.of(record.environment()) + " slot " + record.slot();
        return record.kind() + " " + record.phase() + (record.outcome() == null ? "" : " " + record.outcome())
                + " record of " + DisplayText.of(record.tag()) + " on " + where + " (" + record.id() + ")";
    }

    private static String cause(RuntimeException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.lines().findFirst().orElse(message);
    }

    /** A lock the database held for a connection that is gone is released with it: closing it cannot fail then. */
    @Override
    public DeploymentLock lock(String environment, Integer slot, String holder) {
        DeploymentLock lock = shared.lock(environment, slot, holder);
        return new DeploymentLock() {
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
                try {
                    lock.close();
                } catch (RuntimeException e) {
                    warnings.warn("the deployment lock of " + LedgerLockedException.place(environment, slot) + " on "
                            + name + " could not be released (" + cause(e) + "); the database releases it with"
                            + " the lost connection.");
                }
            }
        };
    }

    @Override
    public List<LedgerRecord> history(String environment) {
        return shared.history(environment);
    }

    @Override
    public void newestFirst(String environment, Predicate<LedgerRecord> more) {
        shared.newestFirst(environment, more);
    }

    @Override
    public Optional<LedgerRecord> current(String environment, Integer slot) {
        return shared.current(environment, slot);
    }

    @Override
    public Map<Integer, LedgerRecord> currentOfSlots(String environment, Collection<Integer> slots) {
        return shared.currentOfSlots(environment, slots);
    }

    @Override
    public Optional<LedgerRecord> lastGoodBefore(String environment, Integer slot, String currentTag) {
        return shared.lastGoodBefore(environment, slot, currentTag);
    }

    @Override
    public List<LedgerRecord> attestations(String environment, String tag, String commit) {
        return shared.attestations(environment, tag, commit);
    }

    @Override
    public List<LedgerRecord> verifications(String environment, String tag) {
        return shared.verifications(environment, tag);
    }

    @Override
    public List<LedgerRecord> succeededTags(String environment) {
        return shared.succeededTags(environment);
    }

    @Override
    public List<LedgerRecord> interrupted(String environment) {
        return shared.interrupted(environment);
    }

    @Override
    public Set<String> environments() {
        return shared.environments();
    }

    /** The shared ledger's chain; records still in the spool join it when they are written there. */
    @Override
    public ChainReport verify(String environment) {
        return shared.verify(environment);
    }

    @Override
    public boolean holds(String environment, String id, Phase phase) {
        return shared.holds(environment, id, phase);
    }
}
