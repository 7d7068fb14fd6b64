package io.jenkins.plugins.releasepromotion.engine.ledger.postgres;

import io.jenkins.plugins.releasepromotion.engine.ledger.DeploymentLock;
import io.jenkins.plugins.releasepromotion.engine.ledger.LedgerLockedException;
import io.jenkins.plugins.releasepromotion.engine.ledger.Uninterrupted;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A deployment lock held as a session-level advisory lock on a connection of its own, kept open for as long as the
 * deployment and its verification run. When the holding process dies or its connection breaks, the database ends
 * the session and so frees the lock. Who holds it is written to {@code ledger_lock_holder}, which a refused caller
 * reads; a row there counts only while its session still holds the lock.
 */
final class PostgresDeploymentLock implements DeploymentLock {
    private static final String HOLDER = "SELECT h.holder FROM ledger_lock_holder h"
            + " WHERE h.environment = ? AND h.slot = ? AND EXISTS (SELECT 1 FROM pg_locks l"
            + " WHERE l.locktype = 'advisory' AND l.granted AND l.pid = h.pid AND l.objsubid = 1"
            + " AND l.classid::bigint = ? AND l.objid::bigint = ?"
            + " AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database()))";
    private static final String CLAIM = "INSERT INTO ledger_lock_holder (environment, slot, holder, since, pid)"
            + " VALUES (?, ?, ?, ?, pg_backend_pid()) ON CONFLICT (environment, slot) DO UPDATE"
            + " SET holder = EXCLUDED.holder, since = EXCLUDED.since, pid = EXCLUDED.pid";

    private final Connection session;
    private final String environment;
    private final Integer slot;
    private final String holder;
    private final long key;
    private final AtomicBoolean open = new AtomicBoolean(true);

    private PostgresDeploymentLock(Connection session, String environment, Integer slot, String holder, long key) {
        this.session = session;
        this.environment = environment;
        this.slot = slot;
        this.holder = holder;
        this.key = key;
    }

    static DeploymentLock acquire(PostgresConnector connector, String environment, Integer slot, String holder) {
        return Uninterrupted.call(() -> take(connector, environment, slot, holder));
    }

    private static DeploymentLock take(PostgresConnector connector, String environment, Integer slot, String holder) {
        if (slot != null && slot < 1) {
            throw new IllegalArgumentException("Slot " + slot + " of " + environment + " is not a slot: slots count"
                    + " from 1; leave the slot empty for an environment without slots.");
        }
        int stored = slot == null ? 0 : slot;
        long key = LockKeys.deployment(environment, stored);
        Connection session = null;
        boolean acquired = false;
        try {
            session = connector.getConnection();
            if (!tryLock(session, key)) {
                throw new LedgerLockedException(environment, slot, holderOf(session, environment, stored, key));
            }
            claim(session, environment, stored, LockHolder.describe(holder, Instant.now()));
            acquired = true;
            return new PostgresDeploymentLock(session, environment, slot, holder, key);
        } catch (SQLException e) {
            throw PostgresFailure.of(
                    connector.target(), "take the deployment lock of " + LockHolder.place(environment, slot), e);
        } finally {
            if (!acquired && session != null) {
                PostgresConnections.closeQuietly(session);
            }
        }
    }

    private static boolean tryLock(Connection session, long key) throws SQLException {
        try (PreparedStatement s = session.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            s.setLong(1, key);
            try (ResultSet r = s.executeQuery()) {
                return r.next() && r.getBoolean(1);
            }
        }
    }

    private static void claim(Connection session, String environment, int slot, String description)
            throws SQLException {
        try (PreparedStatement s = session.prepareStatement(CLAIM)) {
            s.setString(1, environment);
            s.setInt(2, slot);
            s.setString(3, description);
            s.setTimestamp(4, Timestamp.from(Instant.now()));
            s.executeUpdate();
        }
    }

    private static String holderOf(Connection session, String environment, int slot, long key) throws SQLException {
        try (PreparedStatement s = session.prepareStatement(HOLDER)) {
            s.setString(1, environment);
            s.setInt(2, slot);
            s.setLong(3, key >>> 32);
            s.setLong(4, key & 0xFFFF_FFFFL);
            try (ResultSet r = s.executeQuery()) {
                // Between taking the lock and writing its name, the holder is nameless for a moment.
                return r.next() ? r.getString(1) : "another session (it has not said who yet)";
            }
        }
    }

    @Override
    public String environment() {
        return environment;
    }

    @Override
    public Integer slot() {
        return slot;
    }

    @Override
    public String holder() {
        return holder;
    }

    /** Unlocks and closes the session; when the session is gone already, the database has freed the lock itself. */
    @Override
    public void close() {
        Uninterrupted.run(this::release);
    }

    private void release() {
        if (!open.compareAndSet(true, false)) {
            return;
        }
        try (PreparedStatement s = session.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            s.setLong(1, key);
            s.execute();
        } catch (SQLException e) {
            // Closing the session below ends the lock all the same.
        } finally {
            PostgresConnections.closeQuietly(session);
        }
    }
}
