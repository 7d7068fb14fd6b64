package io.jenkins.plugins.releasepromotion.engine.ledger.postgres;

import io.jenkins.plugins.releasepromotion.engine.ledger.Uninterrupted;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The few connections one ledger object keeps open for its appends and look-ups: a thread takes an idle one or opens
 * a new one, and gives it back when done; one that failed is closed instead, so the next use connects afresh (after
 * the database restarted, say).
 */
final class PostgresConnections implements AutoCloseable {
    private static final int MAX_IDLE = 4;

    private final PostgresConnector connector;
    private final Deque<Connection> idle = new ArrayDeque<>();
    private boolean closed;

    PostgresConnections(PostgresConnector connector) {
        this.connector = connector;
    }

    /** Work done on one connection of the ledger's database. */
    @FunctionalInterface
    interface Work<T> {
        T on(Connection connection) throws SQLException;
    }

    /**
     * Runs {@code work} on a connection, turning a failure into one line that says what was being done.
     *
     * @param doing e.g. "read the history of staging"
     */
    <T> T with(String doing, Work<T> work) {
        return Uninterrupted.call(() -> withNow(doing, work));
    }

    private <T> T withNow(String doing, Work<T> work) {
        Connection connection = null;
        boolean healthy = false;
        try {
            connection = take();
            T result = work.on(connection);
            healthy = true;
            return result;
        } catch (SQLException e) {
            healthy = connection != null && !PostgresFailure.isUnavailable(stateOf(e)) && rollback(connection);
            throw PostgresFailure.of(connector.target(), doing, e);
        } finally {
            if (connection != null) {
                give(connection, healthy);
            }
        }
    }

    private Connection take() throws SQLException {
        synchronized (idle) {
            if (closed) {
                throw new IllegalStateException("The ledger " + connector.target() + " is closed.");
            }
            Connection connection = idle.pollFirst();
            if (connection != null) {
                return connection;
            }
        }
        return connector.getConnection();
    }

    private void give(Connection connection, boolean healthy) {
        synchronized (idle) {
            if (healthy && !closed && idle.size() < MAX_IDLE) {
                idle.addFirst(connection);
                return;
            }
        }
        closeQuietly(connection);
    }

    private static boolean rollback(Connection connection) {
        try {
            if (!connection.getAutoCommit()) {
                connection.rollback();
                connection.setAutoCommit(true);
            }
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private static String stateOf(SQLException e) {
        return e.getSQLState() == null ? "" : e.getSQLState();
    }

    static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            // A connection that cannot even close is gone already.
        }
    }

    @Override
    public void close() {
        Deque<Connection> toClose;
        synchronized (idle) {
            closed = true;
            toClose = new ArrayDeque<>(idle);
            idle.clear();
        }
        toClose.forEach(PostgresConnections::closeQuietly);
    }
}
