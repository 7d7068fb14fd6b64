package io.jenkins.plugins.releasepromotion.engine.ledger.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.releasepromotion.engine.ledger.LedgerRecord;
import io.jenkins.plugins.releasepromotion.engine.ledger.LedgerUnavailableException;
import io.jenkins.plugins.releasepromotion.engine.ledger.RecordKind;
import io.jenkins.plugins.releasepromotion.engine.ledger.SpoolingLedger;
import io.jenkins.plugins.releasepromotion.engine.model.Outcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A shared ledger in a real PostgreSQL that is stopped at once (as a crash would) while records are being made: they
 * are kept in the spool with a warning, and written once, in order, by the next ledger opened once it is back.
 */
class SpoolingPostgresLedgerTest {
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    @TempDir
    Path dir;

    private final List<String> warnings = new CopyOnWriteArrayList<>();

    @Test
    void recordsMadeWhileTheDatabaseIsDownAreKeptAndWrittenOnceInOrderWhenItIsBack() throws Exception {
        PostgresCluster cluster = PostgresCluster.shared();
        PostgresCluster.Database db = durable(cluster.newDatabase());
        Path spool = dir.resolve("spool/db.jsonl");
        LedgerRecord started = started();
        LedgerRecord finished = started.finish(Outcome.SUCCEEDED, T0.plusSeconds(60));
        LedgerRecord verified = LedgerRecord.started(
                        RecordKind.VERIFICATION, "staging", 1, "v1.2.3", "3f2c1ab", "ci", T0)
                .finish(Outcome.SUCCEEDED, T0.plusSeconds(90));
        try (PostgresLedger shared = db.open()) {
            SpoolingLedger ledger = SpoolingLedger.open(shared, db.target().toString(), spool, warnings::add);
            ledger.append(started);
            cluster.kill();
            try {
                ledger.append(finished);
                ledger.append(verified);
                assertThat(ledger.spooling()).isTrue();
                assertThat(warnings).hasSize(2);
                assertThat(warnings.get(0))
                        .contains(db.target().toString(), "DEPLOYMENT FINISHED SUCCEEDED", "v1.2.3", "staging slot 1")
                        .contains(spool.toString(), "next command")
                        .doesNotContain(db.password());
                assertThat(Files.readAllLines(spool)).hasSize(2);

                assertThatThrownBy(() -> SpoolingLedger.open(db.open(), "the ledger", spool, warnings::add))
                        .as("a ledger that cannot be reached takes nothing")
                        .isInstanceOf(PostgresUnavailableException.class);
            } finally {
                cluster.restart();
            }
        }
        try (PostgresLedger back = db.open()) {
            SpoolingLedger next = SpoolingLedger.open(back, db.target().toString(), spool, warnings::add);
            assertThat(next.replayed()).isEqualTo(2);
            assertThat(back.history("staging")).containsExactly(started, finished, verified);
            assertThat(Files.size(spool)).isZero();
            assertThat(SpoolingLedger.open(back, "again", spool, warnings::add).replayed())
                    .isZero();
        }
    }

    @Test
    void aRecordThatReachedTheDatabaseBeforeItsAnswerWasLostIsWrittenOnce() throws Exception {
        PostgresCluster.Database db = PostgresCluster.shared().newDatabase();
        Path spool = dir.resolve("spool/db.jsonl");
        LedgerRecord started = started();
        LedgerRecord finished = started.finish(Outcome.DEPLOY_FAILED, T0.plusSeconds(5));
        try (PostgresLedger shared = db.open()) {
            shared.append(started);
            shared.append(finished);
        }
        // The same record kept in the spool too, as when the commit's answer is what the lost connection took.
        try (PostgresLedger shared = db.open()) {
            SpoolingLedger keeping = SpoolingLedger.open(shared, "the ledger", spool, warnings::add);
            assertThat(keeping.replayed()).isZero();
        }
        Files.createDirectories(spool.getParent());
        new io.jenkins.plugins.releasepromotion.engine.ledger.JsonLinesLedger(dir.resolve("copy"), warnings::add)
                .append(finished);
        Files.copy(dir.resolve("copy/staging.jsonl"), spool);

        try (PostgresLedger back = db.open()) {
            SpoolingLedger next = SpoolingLedger.open(back, "the ledger", spool, warnings::add);
            assertThat(next.replayed()).isEqualTo(1);
            assertThat(back.history("staging")).containsExactly(started, finished);
        }
    }

    @Test
    void aSpoolTheDatabaseCannotTakeIsKeptAndTheCommandIsRefusedWithOneLine() throws Exception {
        PostgresCluster.Database db = PostgresCluster.shared().newDatabase();
        Path spool = dir.resolve("spool/db.jsonl");
        new io.jenkins.plugins.releasepromotion.engine.ledger.JsonLinesLedger(dir.resolve("copy"), warnings::add)
                .append(started());
        Files.createDirectories(spool.getParent());
        Files.copy(dir.resolve("copy/staging.jsonl"), spool);
        try (PostgresLedger shared = db.open()) {
            db.cluster().admin(db.name(), "REVOKE INSERT ON ledger_record FROM " + db.user());
            assertThatThrownBy(() -> SpoolingLedger.open(shared, "the ledger", spool, warnings::add))
                    .isInstanceOf(LedgerUnavailableException.class)
                    .hasMessageContaining("the 1 record kept in " + spool)
                    .hasMessageNotContaining("\n");
        }
        assertThat(Files.readAllLines(spool)).hasSize(1);
    }

    /**
     * The tests' cluster trades durability for speed (synchronous_commit off), so a stop at once could lose a commit
     * already answered; a real ledger's database keeps it, as this one does.
     */
    static PostgresCluster.Database durable(PostgresCluster.Database db) {
        db.cluster().admin("postgres", "ALTER DATABASE " + db.name() + " SET synchronous_commit = on");
        return db;
    }

    private static LedgerRecord started() {
        return LedgerRecord.started(RecordKind.DEPLOYMENT, "staging", 1, "v1.2.3", "3f2c1ab", "ci", T0);
    }
}
