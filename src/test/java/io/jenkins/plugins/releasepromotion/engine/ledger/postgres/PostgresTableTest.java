package io.jenkins.plugins.releasepromotion.engine.ledger.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.releasepromotion.engine.ledger.ChainBreak;
import io.jenkins.plugins.releasepromotion.engine.ledger.ChainLink;
import io.jenkins.plugins.releasepromotion.engine.ledger.ChainReport;
import io.jenkins.plugins.releasepromotion.engine.ledger.LedgerRecord;
import io.jenkins.plugins.releasepromotion.engine.ledger.LedgerText;
import io.jenkins.plugins.releasepromotion.engine.ledger.Phase;
import io.jenkins.plugins.releasepromotion.engine.ledger.RecordKind;
import io.jenkins.plugins.releasepromotion.engine.model.Outcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What the database itself guarantees, whoever writes to it and however. */
@Timeout(120)
class PostgresTableTest {
    private static final Instant T0 = Instant.parse("2025-01-22T10:30:00Z");

    private PostgresCluster.Database database;

    @BeforeEach
    void database() {
        database = PostgresCluster.shared().newDatabase();
    }

    @Test
    void theTableRefusesUpdateDeleteAndTruncateEvenToItsOwner() throws SQLException {
        try (PostgresLedger ledger = database.open()) {
            ledger.append(deployed("v1"));
        }
        try (Connection c = database.connect();
                Statement s = c.createStatement()) {
            for (String change : List.of(
                    "UPDATE ledger_record SET tag = 'v2'", "DELETE FROM ledger_record", "TRUNCATE ledger_record")) {
                assertThatThrownBy(() -> s.execute(change))
                        .as(change)
                        .isInstanceOf(SQLException.class)
                        .hasMessageContaining("The ledger is append-only")
                        .hasMessageContaining("is refused");
            }
            try (ResultSet r = s.executeQuery("SELECT tag FROM ledger_record")) {
                assertThat(r.next()).isTrue();
                assertThat(r.getString(1)).isEqualTo("v1");
            }
        }
    }

    @Test
    void storesTheRecordsCanonicalTextUnchanged() throws SQLException {
        LedgerRecord record = deployed("v1.2.3").withEvidence("version", "{\"branch\":\"v1.2.3\"}");
        try (PostgresLedger ledger = database.open()) {
            ledger.append(record);
        }
        try (Connection c = database.connect();
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT record, slot, tag, outcome FROM ledger_record")) {
            assertThat(r.next()).isTrue();
            assertThat(r.getString(1)).isEqualTo(LedgerText.of(record, ChainLink.FIRST));
            assertThat(r.getInt(2)).isEqualTo(1);
            assertThat(r.getString(3)).isEqualTo("v1.2.3");
            assertThat(r.getString(4)).isEqualTo("SUCCEEDED");
        }
    }

    @Test
    void theSchemaCheckLooksForTheNewestMigrationBesideIt() throws Exception {
        Path folder = Path.of(PostgresSchema.class
                .getResource("/io/jenkins/plugins/releasepromotion/engine/ledger/postgres/migration")
                .toURI());
        try (Stream<Path> files = Files.list(folder)) {
            int newest = files.map(f -> f.getFileName().toString())
                    .filter(name -> name.matches("V\\d+__.*\\.sql"))
                    .mapToInt(name -> Integer.parseInt(name.substring(1, name.indexOf("__"))))
                    .max()
                    .orElseThrow();
            assertThat(PostgresSchema.NEWEST).isEqualTo(newest);
        }
    }

    @Test
    void aLedgerOpenedAgainFindsItsTablesUpToDateAndAppendsToThem() {
        try (PostgresLedger first = database.open()) {
            first.append(deployed("v1"));
        }
        try (PostgresLedger again = database.open()) {
            again.append(deployed("v2"));
            assertThat(again.history("production"))
                    .extracting(LedgerRecord::tag)
                    .containsExactly("v1", "v2");
        }
    }

    @Test
    void aRoleThatMayNotWriteAWalMessageAppendsWaitingForEachFlushItself() {
        database.cluster()
                .admin(
                        database.name(),
                        "REVOKE EXECUTE ON FUNCTION pg_logical_emit_message(boolean, text, text) FROM PUBLIC");
        try (PostgresLedger ledger = database.open()) {
            ledger.append(deployed("v1"));
            ledger.append(deployed("v2"));
            assertThat(ledger.history("production"))
                    .extracting(LedgerRecord::tag)
                    .containsExactly("v1", "v2");
            assertThat(ledger.verify("production")).isEqualTo(new ChainReport("production", 2, 0, null));
        }
    }

    @Test
    void aRowChangedBehindTheTriggersBackIsNamedByVerify() {
        try (PostgresLedger ledger = database.open()) {
            ledger.append(deployed("v1"));
            ledger.append(deployed("v2"));
            ledger.append(deployed("v3"));
            assertThat(ledger.verify("production")).isEqualTo(new ChainReport("production", 3, 0, null));
        }
        // Only a superuser or the table's owner can switch the trigger off; the chain still shows what they changed.
        database.cluster()
                .admin(
                        database.name(),
                        "ALTER TABLE ledger_record DISABLE TRIGGER USER",
                        "UPDATE ledger_record SET record = replace(record, '\"v2\"', '\"v9\"') WHERE tag = 'v2'",
                        "ALTER TABLE ledger_record ENABLE TRIGGER USER");

        try (PostgresLedger ledger = database.open()) {
            ChainReport report = ledger.verify("production");
            assertThat(report.intact()).isFalse();
            assertThat(report.broken().kind()).isEqualTo(ChainBreak.Kind.CHANGED);
            assertThat(report.broken().position()).isEqualTo(2);
        }
    }

    @Test
    void aRecordAppendedAgainByManyWritersAtOnceIsStoredOnce() throws Exception {
        LedgerRecord started = LedgerRecord.started(RecordKind.DEPLOYMENT, "staging", 1, "v1", "c", "ann", T0);
        LedgerRecord finished = started.finish(Outcome.SUCCEEDED, T0.plusSeconds(5));
        List<PostgresLedger> ledgers = List.of(database.open(), database.open(), database.open());
        ExecutorService pool = Executors.newFixedThreadPool(6);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int t = 0; t < 6; t++) {
                PostgresLedger ledger = ledgers.get(t % 3);
                writers.add(pool.submit(() -> {
                    go.await();
                    ledger.append(started);
                    ledger.append(finished);
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> writer : writers) {
                writer.get();
            }
            assertThat(ledgers.get(0).history("staging"))
                    .extracting(LedgerRecord::phase)
                    .containsExactly(Phase.STARTED, Phase.FINISHED);
            assertThat(ledgers.get(0).interrupted("staging")).isEmpty();
        } finally {
            pool.shutdown();
            ledgers.forEach(PostgresLedger::close);
        }
    }

    @Test
    void aDatabaseWithANewerSchemaIsRefusedNamingBothVersions() throws SQLException {
        database.open().close();
        try (Connection c = database.connect();
                Statement s = c.createStatement()) {
            s.execute("INSERT INTO " + PostgresSchema.HISTORY_TABLE
                    + " (installed_rank, version, description, type, script, checksum, installed_by, execution_time,"
                    + " success) VALUES (99, '99', 'from a later release', 'SQL', 'V99__later.sql', 0, 'someone', 1,"
                    + " true)");
        }
        assertThatThrownBy(database::open)
                .isInstanceOf(PostgresRefusedException.class)
                .hasMessage("The ledger database " + database.target() + " has schema version 99, newer than version 2"
                        + " that this release of release-promotion knows; upgrade release-promotion (and the plugin)"
                        + " to the release that wrote it.");
    }

    @Test
    void aRoleWithOnlyTheDocumentedRightsAppendsReadsAndLocks() throws Exception {
        database.open().close();
        PostgresCluster cluster = database.cluster();
        String role = database.user() + "_app";
        cluster.admin("postgres", "CREATE ROLE " + role + " LOGIN PASSWORD 'app-password'");
        // Only the documented grant lets the role take turns (functions may be run by everyone unless revoked).
        cluster.admin(database.name(), "REVOKE EXECUTE ON FUNCTION ledger_locked_head(text, bigint) FROM PUBLIC");
        cluster.admin(database.name(), documentedGrants(role, database.name()));
        PostgresTarget target =
                PostgresTarget.parse("postgresql://" + role + "@127.0.0.1:" + cluster.port() + "/" + database.name());

        try (PostgresLedger ledger = PostgresLedger.open(target, null, "app-password".toCharArray());
                PostgresLedger other = PostgresLedger.open(target, null, "app-password".toCharArray())) {
            ledger.append(deployed("v1"));
            other.append(deployed("v2"));
            ledger.append(deployed("v3")); // refused the place v2 took, it links again taking turns
            assertThat(ledger.current("production", 1)).map(LedgerRecord::tag).hasValue("v3");
            assertThat(ledger.verify("production")).isEqualTo(new ChainReport("production", 3, 0, null));
            ledger.lock("production", 1, "app").close();
        }
        try (Connection c = java.sql.DriverManager.getConnection(
                        "jdbc:postgresql://127.0.0.1:" + cluster.port() + "/" + database.name(), role, "app-password");
                Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.execute("DROP TRIGGER ledger_record_no_change ON ledger_record"))
                    .hasMessageContaining("must be owner");
        }
    }

    @Test
    void aRoleThatMayNotCreateTheTablesIsRefusedInOneLine() {
        PostgresCluster cluster = database.cluster();
        String role = database.user() + "_reader";
        cluster.admin("postgres", "CREATE ROLE " + role + " LOGIN PASSWORD 'reader-password'");
        cluster.admin(database.name(), "REVOKE CREATE ON SCHEMA public FROM PUBLIC");
        PostgresTarget target =
                PostgresTarget.parse("postgresql://" + role + "@127.0.0.1:" + cluster.port() + "/" + database.name());

        assertThatThrownBy(() -> PostgresLedger.open(target, null, "reader-password".toCharArray()))
                .isInstanceOf(PostgresRefusedException.class)
                .hasMessageContaining("permission denied")
                .hasMessageEndingWith("grant the ledger's role the rights docs/ledger.md lists.")
                .hasMessageNotContaining("\n");
    }

    /** The grants docs/ledger.md lists, for {@code role}. */
    private static String[] documentedGrants(String role, String databaseName) throws java.io.IOException {
        String doc = java.nio.file.Files.readString(java.nio.file.Path.of("docs/ledger.md"));
        String block = doc.substring(doc.indexOf("<!-- ledger-grants -->"));
        block = block.substring(block.indexOf("```sql") + 6, block.indexOf("```", block.indexOf("```sql") + 6));
        return block.strip()
                .replace("ledger_app", role)
                .replace("CURRENT_DATABASE_NAME", databaseName)
                .split(";\\s*");
    }

    private static LedgerRecord deployed(String tag) {
        return LedgerRecord.started(RecordKind.DEPLOYMENT, "production", 1, tag, "c", "ann", T0)
                .finish(Outcome.SUCCEEDED, T0.plusSeconds(1));
    }
}
