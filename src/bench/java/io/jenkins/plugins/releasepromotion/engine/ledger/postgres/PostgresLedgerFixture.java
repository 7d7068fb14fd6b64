package io.jenkins.plugins.releasepromotion.engine.ledger.postgres;

import io.jenkins.plugins.releasepromotion.engine.ledger.LedgerFixture;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * The benchmarks' shared ledgers: the same release train as {@link LedgerFixture}, stored as the rows the ledger
 * itself writes ({@link PostgresRow}, its canonical text and columns) but inserted in batches, one transaction per
 * thousand rows; the last records go through the ledger itself, then the table is analyzed as autovacuum would.
 */
public final class PostgresLedgerFixture {
    private static final int BATCH = 1_000;

    private PostgresLedgerFixture() {}

    /** A new database of the cluster holding a ledger of about {@code records} records. */
    public static PostgresCluster.Database ledger(PostgresCluster cluster, int records) throws SQLException {
        PostgresCluster.Database database = cluster.newDatabase();
        database.open().close();
        Properties p = new Properties();
        p.setProperty("user", database.user());
        p.setProperty("password", database.password());
        p.setProperty("reWriteBatchedInserts", "true");
        try (Connection c = new org.postgresql.Driver()
                        .connect("jdbc:postgresql://127.0.0.1:" + cluster.port() + "/" + database.name(), p);
                PreparedStatement insert = c.prepareStatement(PostgresRow.INSERT)) {
            c.setAutoCommit(false);
            int[] pending = {0};
            LedgerFixture.releaseTrain(records, record -> {
                try {
                    PostgresRow.of(record).bind(insert);
                    insert.addBatch();
                    if (++pending[0] == BATCH) {
                        insert.executeBatch();
                        c.commit();
                        pending[0] = 0;
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            insert.executeBatch();
            c.commit();
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                s.execute("VACUUM ANALYZE ledger_record");
            }
        }
        try (PostgresLedger ledger = database.open()) {
            LedgerFixture.closing(records).forEach(ledger::append);
        }
        return database;
    }

    /** The target with the user, for a benchmark's fork: {@code postgresql://USER@127.0.0.1:PORT/DATABASE}. */
    public static String url(PostgresCluster.Database database) {
        return database.target().toString();
    }
}
