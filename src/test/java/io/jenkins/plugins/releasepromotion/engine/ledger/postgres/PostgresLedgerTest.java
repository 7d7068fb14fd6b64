package io.jenkins.plugins.releasepromotion.engine.ledger.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.releasepromotion.engine.ledger.LedgerRecord;
import io.jenkins.plugins.releasepromotion.engine.ledger.RecordKind;
import io.jenkins.plugins.releasepromotion.engine.model.Outcome;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(120)
class PostgresLedgerTest {
    private static PostgresCluster.Database database;

    @BeforeAll
    static void database() {
        database = PostgresCluster.shared().newDatabase();
    }

    @Test
    void createsItsTablesOnFirstUseAndReadsBackWhatItAppended() {
        LedgerRecord started = LedgerRecord.started(
                RecordKind.DEPLOYMENT, "staging", 1, "v1.2.3", "abc", "alice", Instant.parse("2025-01-22T10:30:00Z"));
        LedgerRecord finished = started.finish(Outcome.SUCCEEDED, Instant.parse("2025-01-22T10:31:00Z"));
        try (PostgresLedger ledger = database.open()) {
            ledger.append(started);
            ledger.append(finished);
        }
        try (PostgresLedger again = database.open()) {
            assertThat(again.history("staging")).containsExactly(started, finished);
            assertThat(again.current("staging", 1)).hasValue(finished);
        }
    }

    @Test
    void aWrongPasswordIsRefusedInOneLineThatNeverShowsIt() {
        assertThatThrownBy(() -> PostgresLedger.open(database.target(), null, "not-the-password".toCharArray()))
                .isInstanceOf(PostgresRefusedException.class)
                .hasMessageStartingWith("The ledger database " + database.target() + " refused to")
                .hasMessageContaining("password authentication failed")
                .hasMessageEndingWith("check the user and the password of the ledger's credential.")
                .hasMessageNotContaining("not-the-password")
                .hasMessageNotContaining("\n");
    }

    @Test
    void anUnreachableServerIsNamedInOneLineWithinTheConnectTimeout() throws Exception {
        int closed;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        PostgresTarget nowhere = PostgresTarget.parse("postgresql://ledger@127.0.0.1:" + closed + "/ledger");
        PostgresTimeouts quick =
                new PostgresTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(2));
        assertThatThrownBy(() -> PostgresLedger.open(nowhere, null, "pw".toCharArray(), quick, line -> {}))
                .isInstanceOf(PostgresUnavailableException.class)
                .hasMessageStartingWith("Cannot create or check the ledger's tables in the ledger database " + nowhere)
                .hasMessageContaining("127.0.0.1:" + closed)
                .hasMessageNotContaining("\n")
                .satisfies(e ->
                        assertThat(((PostgresUnavailableException) e).server()).isEqualTo("127.0.0.1:" + closed));
    }

    @Test
    void theLedgerNeverShowsThePassword() {
        try (PostgresLedger ledger = database.open()) {
            assertThat(ledger.toString())
                    .doesNotContain(database.password())
                    .contains(database.target().toString());
        }
    }
}
