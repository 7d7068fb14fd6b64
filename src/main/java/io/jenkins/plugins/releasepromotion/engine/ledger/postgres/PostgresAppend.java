package io.jenkins.plugins.releasepromotion.engine.ledger.postgres;

import io.jenkins.plugins.releasepromotion.engine.ledger.LedgerKeys;
import io.jenkins.plugins.releasepromotion.engine.ledger.LedgerRecord;
import io.jenkins.plugins.releasepromotion.engine.ledger.RecordChain;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * One append to the shared ledger, on a connection of its own.
 *
 * <p>The record is stored once, linked to the one stored last in its environment ({@link RecordChain}) under the
 * environment's transaction lock, so the chain follows the order appends commit in, across every process writing to the
 * database. Where the role may write a WAL message ({@code pg_logical_emit_message}, which every role may run unless an
 * administrator revoked it), the lock is held only while linking and inserting: that transaction commits without
 * waiting for its WAL to reach the disk ({@code synchronous_commit = off}), which frees the lock at once, and the
 * append then commits a second transaction that writes one small WAL message and waits for its flush. WAL is written
 * and flushed in order, so that flush covers the record too: the append returns only once the record is durable, and
 * writers of one environment share flushes instead of taking turns at them. Should the server crash before the flush,
 * the record is lost with everything after it in the WAL (so no later record names it as its {@code prev}), and the
 * append fails, so the caller keeps it (the spool) and writes it again. Without that right, the linking transaction
 * itself waits for its flush, holding the lock.
 *
 * <p>The message must be there: PostgreSQL flushes a commit only for a transaction that wrote WAL itself
 * ({@code RecordTransactionCommit} in {@code src/backend/access/transam/xact.c}); one that only took a transaction id
 * commits asynchronously.
 */
final class PostgresAppend {
    static final String CAN_SHARE_FLUSHES =
            "SELECT has_function_privilege('pg_logical_emit_message(boolean, text, text)', 'EXECUTE')";

    private PostgresAppend() {}

    /** @param shareFlushes whether the role may write the WAL message that lets appends share flushes */
    static Void append(Connection c, LedgerRecord record, LedgerKeys keys, boolean shareFlushes) throws SQLException {
        boolean stored;
        c.setAutoCommit(false);
        try {
            stored = link(c, record, keys, shareFlushes);
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
        if (stored && shareFlushes) {
            flush(c);
        }
        return null;
    }

    /** Links and inserts the record under the environment's lock; true when it was stored (not there already). */
    private static boolean link(Connection c, LedgerRecord record, LedgerKeys keys, boolean shareFlushes)
            throws SQLException {
        // One round trip: the commit's mode for this transaction alone, then the lock (set_config's third argument).
        try (PreparedStatement lock =
                        c.prepareStatement("SELECT set_config('synchronous_commit', CASE WHEN ? THEN 'off'"
                                + " ELSE current_setting('synchronous_commit') END, true), pg_advisory_xact_lock(?)");
                PreparedStatement last = c.prepareStatement(
                        "SELECT record FROM ledger_record WHERE environment = ? ORDER BY seq DESC LIMIT 1");
                PreparedStatement insert = c.prepareStatement(PostgresRow.INSERT)) {
            lock.setBoolean(1, shareFlushes);
            lock.setLong(2, LockKeys.append(record.environment()));
            lock.execute();
            last.setString(1, record.environment());
            String lastText = null;
            try (ResultSet r = last.executeQuery()) {
                if (r.next()) {
                    lastText = r.getString(1);
                }
            }
            PostgresRow.of(record, RecordChain.after(lastText), keys).bind(insert);
            int stored = insert.executeUpdate();
            c.commit();
            return stored > 0;
        }
    }

    /**
     * Waits until the WAL holding the record is on disk: a transaction that wrote WAL commits, and its commit waits for
     * its own flush (the session's {@code synchronous_commit}, on unless the database's owner chose otherwise). One
     * statement on its own, so its transaction and commit are one round trip.
     */
    private static void flush(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("SELECT pg_logical_emit_message(true, 'release-promotion', 'flush')");
        }
    }
}
