package io.jenkins.plugins.releasepromotion.engine.ledger.postgres;

import io.jenkins.plugins.releasepromotion.engine.ledger.LedgerKeys;
import io.jenkins.plugins.releasepromotion.engine.ledger.LedgerRecord;
import io.jenkins.plugins.releasepromotion.engine.ledger.RecordChain;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The appends of one ledger object: each record stored once, linked to the record stored last in its environment
 * ({@link RecordChain}), durable before the append returns.
 *
 * <p>The table keeps the chain whole: it holds one record per place in an environment's chain (the unique index
 * {@code ledger_record_chain}, migration 2), so of two writers that link a record to the same predecessor, in this
 * process or another, only one stores it; the other is refused ({@code 23505}), reads the new last record and links
 * again. That lets an append go two ways:
 *
 * <ul>
 *   <li><b>At once</b>, the usual case (one writer in the environment at a time): the record is linked to the one this
 *       object stored or read last there and inserted in one statement, which commits and waits for its flush, so an
 *       append is one round trip. Writers of different environments share flushes as the server groups commits.
 *   <li><b>Taking turns</b>, for the next {@link #TURNS} appends after this object was refused a place there: many
 *       writers append to the environment at once, and linking each to a guess would have most of them refused. The append takes the environment's
 *       transaction lock and reads the last record under it ({@code ledger_locked_head}, one round trip), then inserts
 *       and commits, and the lock is free. That commit does not wait for the disk ({@code synchronous_commit = off} for
 *       it alone); a WAL message written after it ({@code pg_logical_emit_message}) waits for its flush instead, in the
 *       same round trip as the insert. WAL reaches the disk in order, so that flush covers the record, and writers
 *       taking turns share flushes instead of holding the lock through one each. A role that may not write the message
 *       (every role may unless an administrator revoked it) commits waiting for the flush, under the lock.
 * </ul>
 *
 * <p>Should the server crash before a record's flush, the record is lost with everything after it in the WAL (so no
 * later record names it as its {@code prev}), and the append fails, so the caller keeps it (the spool) and writes it
 * again. The message must be there: PostgreSQL flushes a commit only for a transaction that wrote WAL itself
 * ({@code RecordTransactionCommit} in {@code src/backend/access/transam/xact.c}); one that only took a transaction id
 * commits asynchronously.
 */
final class PostgresAppend {
    static final String CAN_SHARE_FLUSHES =
            "SELECT has_function_privilege('pg_logical_emit_message(boolean, text, text)', 'EXECUTE')";

    private static final String LAST =
            "SELECT record FROM ledger_record WHERE environment = ? ORDER BY seq DESC LIMIT 1";
    /** One round trip: the commit's mode for this transaction alone (set_config's third argument), then the lock. */
    private static final String LOCKED_LAST = "SELECT set_config('synchronous_commit', CASE WHEN ? THEN 'off'"
            + " ELSE current_setting('synchronous_commit') END, true), ledger_locked_head(?, ?)";
    /** Insert, commit (freeing the lock), and wait for a flush that covers both, as one round trip. */
    private static final String INSERT_SHARING_A_FLUSH =
            PostgresRow.INSERT + "; COMMIT; SELECT pg_logical_emit_message(true, 'release-promotion', 'flush')";

    private static final String UNIQUE_VIOLATION = "23505";
    /** How many appends of an environment an object makes taking turns after it was refused a place there. */
    static final int TURNS = 50;
    /** Places refused in a row before an append gives up, so that nothing can keep it linking forever. */
    private static final int TRIES = 100;

    private final LedgerKeys keys;
    /** The text stored last in each environment as far as this object knows; empty when nothing is stored there. */
    private final Map<String, Optional<String>> last = new ConcurrentHashMap<>();
    /** How many more appends this object makes taking turns in an environment. */
    private final Map<String, Integer> turnsLeft = new ConcurrentHashMap<>();

    private volatile Boolean shareFlushes;

    PostgresAppend(LedgerKeys keys) {
        this.keys = keys;
    }

    /** Stores {@code record} once, linked into its environment's chain; an id and phase stored already stores nothing. */
    Void append(Connection c, LedgerRecord record) throws SQLException {
        String environment = record.environment();
        for (int tries = 1; ; tries++) {
            try {
                if (takingTurns(environment)) {
                    inTurn(c, record);
                } else {
                    atOnce(c, record);
                }
                return null;
            } catch (SQLException e) {
                last.remove(environment);
                if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    throw e;
                }
                if (stored(c, record)) {
                    return null; // stored already: (id, phase) is unique, and nothing more is stored
                }
                if (tries == TRIES) {
                    throw e;
                }
                turnsLeft.put(environment, TURNS); // refused a place in the chain
            }
        }
    }

    private boolean takingTurns(String environment) {
        boolean[] turn = {false};
        turnsLeft.computeIfPresent(environment, (e, left) -> {
            turn[0] = true;
            return left > 1 ? left - 1 : null;
        });
        return turn[0];
    }

    /** Links to the last record this object knows of and inserts, committing and flushing in one statement. */
    private void atOnce(Connection c, LedgerRecord record) throws SQLException {
        String environment = record.environment();
        Optional<String> known = last.get(environment);
        if (known == null) {
            known = readLast(c, environment);
        }
        PostgresRow row = PostgresRow.of(record, RecordChain.after(known.orElse(null)), keys);
        try (PreparedStatement insert = c.prepareStatement(PostgresRow.INSERT)) {
            row.bind(insert);
            insert.executeUpdate();
        }
        last.put(environment, Optional.of(row.text()));
    }

    /** Whether the record's id and phase are stored (the append that refused it may have been of the same record). */
    private static boolean stored(Connection c, LedgerRecord record) throws SQLException {
        try (PreparedStatement read = c.prepareStatement("SELECT 1 FROM ledger_record WHERE id = ? AND phase = ?")) {
            read.setString(1, record.id());
            read.setString(2, record.phase().name());
            try (ResultSet r = read.executeQuery()) {
                return r.next();
            }
        }
    }

    private static Optional<String> readLast(Connection c, String environment) throws SQLException {
        try (PreparedStatement read = c.prepareStatement(LAST)) {
            read.setString(1, environment);
            try (ResultSet r = read.executeQuery()) {
                return Optional.ofNullable(r.next() ? r.getString(1) : null);
            }
        }
    }

    /** Links and inserts under the environment's transaction lock. */
    private void inTurn(Connection c, LedgerRecord record) throws SQLException {
        boolean share = shareFlushes(c);
        String environment = record.environment();
        c.setAutoCommit(false);
        try {
            String lastText;
            try (PreparedStatement lock = c.prepareStatement(LOCKED_LAST)) {
                lock.setBoolean(1, share);
                lock.setString(2, environment);
                lock.setLong(3, LockKeys.append(environment));
                try (ResultSet r = lock.executeQuery()) {
                    r.next();
                    lastText = r.getString(2);
                }
            }
            PostgresRow row = PostgresRow.of(record, RecordChain.after(lastText), keys);
            try (PreparedStatement insert =
                    share ? c.prepareStatement(INSERT_SHARING_A_FLUSH) : c.prepareStatement(PostgresRow.INSERT)) {
                row.bind(insert);
                insert.execute();
            }
            if (!share) {
                c.commit();
            }
            last.put(environment, Optional.of(row.text()));
        } catch (SQLException | RuntimeException e) {
            try {
                c.rollback();
            } catch (SQLException lost) {
                e.addSuppressed(lost);
            }
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    /** Whether this role may write the WAL message that lets appends taking turns share flushes; asked once. */
    private boolean shareFlushes(Connection c) throws SQLException {
        Boolean known = shareFlushes;
        if (known == null) {
            try (Statement s = c.createStatement();
                    ResultSet r = s.executeQuery(CAN_SHARE_FLUSHES)) {
                known = r.next() && r.getBoolean(1);
            }
            shareFlushes = known;
        }
        return known;
    }
}
