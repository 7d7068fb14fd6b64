package io.jenkins.plugins.releasepromotion.engine.ledger.postgres;

import io.jenkins.plugins.releasepromotion.engine.ledger.LedgerFixture;
import io.jenkins.plugins.releasepromotion.engine.ledger.LedgerRecord;
import io.jenkins.plugins.releasepromotion.engine.ledger.RecordKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    /**
     * What the server itself takes on this machine: {@code pgbench} (PostgreSQL's own C client, a program of the same
     * installation) with {@code clients} connections, each inserting a row of the ledger's shape into an environment
     * of its own, one autocommit INSERT per transaction, prepared, for {@code seconds}. Transactions per second.
     */
    public static double pgbench(PostgresCluster.Database database, Path dir, int clients, int seconds)
            throws IOException, InterruptedException {
        LedgerRecord record = LedgerRecord.started(
                        RecordKind.DEPLOYMENT,
                        "bench",
                        1,
                        LedgerFixture.tag(7),
                        LedgerFixture.commit(7),
                        "ci",
                        Instant.now())
                .withBuildUrl("https://jenkins.example.com/job/release/7/");
        String text = PostgresRow.of(record).text().replace("'", "''");
        Path script = Files.createTempFile(dir, "pgbench", ".sql");
        Files.writeString(
                script,
                "INSERT INTO ledger_record (id, phase, environment, slot, kind, outcome, tag, commit, started_at,"
                        + " finished_at, record) VALUES (gen_random_uuid()::text, 'STARTED', 'bench' || :client_id, 1,"
                        + " 'DEPLOYMENT', NULL, 'v1', 'c', now(), NULL, '" + text + "');\n",
                StandardCharsets.UTF_8);
        ProcessBuilder command = new ProcessBuilder(List.of(
                        database.cluster().tool("pgbench").toString(),
                        "-n",
                        "-M",
                        "prepared",
                        "-h",
                        "127.0.0.1",
                        "-p",
                        Integer.toString(database.cluster().port()),
                        "-U",
                        database.user(),
                        "-c",
                        Integer.toString(clients),
                        "-j",
                        "2",
                        "-T",
                        Integer.toString(seconds),
                        "-f",
                        script.toString(),
                        database.name()))
                .redirectErrorStream(true);
        command.environment().put("PGPASSWORD", database.password());
        Process process = command.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        Matcher tps = Pattern.compile("tps = ([0-9.]+)").matcher(output);
        if (process.waitFor() != 0 || !tps.find()) {
            throw new IllegalStateException("pgbench failed: " + output.strip());
        }
        return Double.parseDouble(tps.group(1));
    }
}
