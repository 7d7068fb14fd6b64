package io.jenkins.plugins.releasepromotion.engine.ledger.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.releasepromotion.engine.ledger.ChainLink;
import io.jenkins.plugins.releasepromotion.engine.ledger.ChainReport;
import io.jenkins.plugins.releasepromotion.engine.ledger.LedgerKeys;
import io.jenkins.plugins.releasepromotion.engine.ledger.LedgerRecord;
import io.jenkins.plugins.releasepromotion.engine.ledger.RecordKind;
import io.jenkins.plugins.releasepromotion.engine.model.Outcome;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * How appends keep one chain per environment when writers don't know of each other's records: the table holds one
 * record per place, a writer refused a place links again, and then takes turns under the environment's lock.
 */
@Timeout(120)
class PostgresAppendTest {
    private static final Instant T0 = Instant.parse("2025-01-22T10:30:00Z");

    private PostgresCluster.Database database;
    private ExecutorService pool;

    @BeforeEach
    void database() {
        database = PostgresCluster.shared().newDatabase();
        pool = Executors.newCachedThreadPool();
    }

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void theTableHoldsOneRecordPerPlaceInAnEnvironmentsChainWhoeverInsertsIt() throws SQLException {
        try (PostgresLedger ledger = database.open()) {
            ledger.append(deployed("production", "v1"));
        }
        try (Connection c = database.connect();
                PreparedStatement insert = c.prepareStatement(PostgresRow.INSERT)) {
            PostgresRow.of(deployed("production", "v2"), ChainLink.FIRST, LedgerKeys.NONE)
                    .bind(insert);
            assertThatThrownBy(insert::executeUpdate)
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("ledger_record_chain")
                    .extracting(e -> ((SQLException) e).getSQLState())
                    .isEqualTo("23505");
            PostgresRow.of(deployed("staging", "v2"), ChainLink.FIRST, LedgerKeys.NONE)
                    .bind(insert);
            assertThat(insert.executeUpdate())
                    .as("the first place of another environment")
                    .isEqualTo(1);
        }
    }

    @Test
    void aWriterThatMissedAnotherWritersRecordIsRefusedItsPlaceAndLinksAgain() {
        try (PostgresLedger a = database.open();
                PostgresLedger b = database.open()) {
            a.append(deployed("production", "v1"));
            b.append(deployed("production", "v2"));
            a.append(deployed("production", "v3")); // a knows v1 as the last record: its first try is refused
            b.append(deployed("production", "v4"));
            LedgerRecord v5 = deployed("production", "v5");
            a.append(v5); // taking turns
            a.append(v5); // the same record again, in turn: stores nothing
            b.append(v5); // and at once: stores nothing either

            assertThat(a.history("production"))
                    .extracting(LedgerRecord::tag)
                    .containsExactly("v1", "v2", "v3", "v4", "v5");
            assertThat(b.verify("production")).isEqualTo(new ChainReport("production", 5, 0, null));
        }
    }

    @Test
    void aWriterRefusedAPlaceTakesTurnsUnderTheEnvironmentsLockWhileOthersAppendAtOnce() throws Exception {
        try (PostgresLedger a = database.open();
                PostgresLedger b = database.open();
                PostgresLedger fresh = database.open();
                Connection holder = database.connect()) {
            a.append(deployed("production", "v1"));
            b.append(deployed("production", "v2"));
            a.append(deployed("production", "v3")); // refused once: a now takes turns in production

            holdTheAppendLock(holder);
            Future<?> inTurn = pool.submit(() -> a.append(deployed("production", "v4")));
            waitUntilAnAdvisoryLockIsAwaited();
            assertThat(inTurn).isNotDone();

            // A writer that knows the last record needs no lock: it appends while a waits.
            fresh.append(deployed("production", "v5"));
            assertThat(inTurn).isNotDone();

            holder.commit();
            inTurn.get(60, TimeUnit.SECONDS);
            assertThat(b.history("production"))
                    .extracting(LedgerRecord::tag)
                    .containsExactly("v1", "v2", "v3", "v5", "v4");
            assertThat(b.verify("production")).isEqualTo(new ChainReport("production", 5, 0, null));
        }
    }

    @Test
    void aWriterTakesTurnsForALimitedNumberOfAppendsThenAppendsAtOnceAgain() throws Exception {
        try (PostgresLedger a = database.open();
                PostgresLedger b = database.open();
                Connection holder = database.connect()) {
            a.append(deployed("production", "v0"));
            b.append(deployed("production", "w0"));
            a.append(deployed("production", "v1")); // refused once: the next TURNS appends take turns
            for (int i = 0; i < PostgresAppend.TURNS; i++) {
                a.append(deployed("production", "t" + i));
            }
            holdTheAppendLock(holder);
            // Its turns used up, a appends at once: the held lock doesn't stop it.
            pool.submit(() -> a.append(deployed("production", "after"))).get(60, TimeUnit.SECONDS);
            holder.rollback();
            assertThat(b.verify("production"))
                    .isEqualTo(new ChainReport("production", PostgresAppend.TURNS + 4, 0, null));
        }
    }

    @Test
    void aRoleThatMayNotWriteAWalMessageTakesTurnsCommittingWithItsOwnFlush() {
        database.open().close();
        database.cluster()
                .admin(
                        database.name(),
                        "REVOKE EXECUTE ON FUNCTION pg_logical_emit_message(boolean, text, text) FROM PUBLIC");
        try (PostgresLedger a = database.open();
                PostgresLedger b = database.open()) {
            a.append(deployed("production", "v1"));
            b.append(deployed("production", "v2"));
            a.append(deployed("production", "v3")); // refused once, then linked under the lock
            LedgerRecord v4 = deployed("production", "v4");
            a.append(v4); // in turn
            a.append(v4); // the same record again stores nothing, in turn too

            assertThat(b.history("production")).extracting(LedgerRecord::tag).containsExactly("v1", "v2", "v3", "v4");
            assertThat(b.verify("production")).isEqualTo(new ChainReport("production", 4, 0, null));
        }
    }

    /** Takes production's append lock in a transaction of {@code holder}'s, held until it commits or rolls back. */
    private static void holdTheAppendLock(Connection holder) throws SQLException {
        holder.setAutoCommit(false);
        try (PreparedStatement lock = holder.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
            lock.setLong(1, LockKeys.append("production"));
            lock.execute();
        }
    }

    /** Polls pg_locks until some session waits for an advisory lock (the lock's holder is the test itself). */
    private void waitUntilAnAdvisoryLockIsAwaited() throws Exception {
        try (Connection c = database.connect();
                Statement s = c.createStatement()) {
            while (true) {
                try (ResultSet r =
                        s.executeQuery("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted")) {
                    r.next();
                    if (r.getInt(1) > 0) {
                        return;
                    }
                }
                Thread.sleep(20);
            }
        }
    }

    /** A finished deployment of {@code tag}, with an id of its own. */
    private static LedgerRecord deployed(String environment, String tag) {
        return LedgerRecord.started(RecordKind.DEPLOYMENT, environment, 1, tag, "c", "ann", T0)
                .finish(Outcome.SUCCEEDED, T0.plusSeconds(1));
    }
}
