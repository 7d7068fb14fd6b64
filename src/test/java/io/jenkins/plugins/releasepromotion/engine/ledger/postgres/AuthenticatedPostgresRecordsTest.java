package io.jenkins.plugins.releasepromotion.engine.ledger.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.releasepromotion.engine.ledger.LedgerKeys;
import io.jenkins.plugins.releasepromotion.engine.ledger.LedgerRecord;
import io.jenkins.plugins.releasepromotion.engine.ledger.LedgerWarnings;
import io.jenkins.plugins.releasepromotion.engine.ledger.RecordChain;
import io.jenkins.plugins.releasepromotion.engine.ledger.RecordKind;
import io.jenkins.plugins.releasepromotion.engine.model.Outcome;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The shared ledger's records with a keyed MAC, against a real PostgreSQL: a passing verification inserted by the
 * table's owner, linked to the chain as the ledger would, is evidence without a key and never with one.
 */
class AuthenticatedPostgresRecordsTest {
    private static final String KEY = "pg-key-c2hhcmVkIGxlZGdlciB0ZXN0IGtleSBvbmx5IQ==";
    private static final String OLD_KEY = "pg-old-key-b2xkZXIgc2hhcmVkIGxlZGdlciB0ZXN0IGtleQ==";
    private static final Instant T0 = Instant.parse("2025-01-22T10:30:00Z");

    private PostgresCluster.Database database;
    private final List<String> warnings = new ArrayList<>();

    @BeforeEach
    void database() {
        database = PostgresCluster.shared().newDatabase();
    }

    private PostgresLedger open(String keys) {
        return PostgresLedger.open(
                database.target(),
                null,
                database.password().toCharArray(),
                PostgresTimeouts.defaults(),
                (LedgerWarnings) warnings::add,
                keys == null ? LedgerKeys.NONE : LedgerKeys.parse("test", keys));
    }

    private static LedgerRecord record(RecordKind kind, String tag, Outcome outcome) {
        return LedgerRecord.started(kind, "staging", 1, tag, "c-" + tag, "ci", T0)
                .finish(outcome, T0.plusSeconds(30));
    }

    /** As the table's owner, outside the ledger: the row the ledger would insert, linked to the last one. */
    private LedgerRecord forgeVerification() throws Exception {
        LedgerRecord forged = record(RecordKind.VERIFICATION, "v2.0.0", Outcome.SUCCEEDED);
        try (Connection c = database.connect()) {
            String last;
            try (PreparedStatement s = c.prepareStatement(
                            "SELECT record FROM ledger_record WHERE environment = 'staging' ORDER BY seq DESC LIMIT 1");
                    ResultSet r = s.executeQuery()) {
                r.next();
                last = r.getString(1);
            }
            try (PreparedStatement insert = c.prepareStatement(PostgresRow.INSERT)) {
                PostgresRow.of(forged, RecordChain.after(last), LedgerKeys.NONE).bind(insert);
                insert.executeUpdate();
            }
        }
        return forged;
    }

    @Test
    void aForgedRowIsEvidenceWithoutAKeyAndRefusedAndNamedWithOne() throws Exception {
        try (PostgresLedger writer = open(KEY)) {
            writer.append(record(RecordKind.DEPLOYMENT, "v2.0.0", Outcome.SUCCEEDED));
        }
        LedgerRecord forged = forgeVerification();

        try (PostgresLedger keyless = open(null)) {
            assertThat(keyless.attestations("staging", "v2.0.0", "c-v2.0.0")).containsExactly(forged);
        }
        try (PostgresLedger keyed = open(KEY)) {
            assertThat(keyed.attestations("staging", "v2.0.0", "c-v2.0.0")).isEmpty();
            assertThat(keyed.verifications("staging", "v2.0.0")).isEmpty();
            assertThat(keyed.verify("staging").intact()).isTrue();
            assertThat(keyed.verify("staging").unauthenticated()).isEqualTo(1);
            assertThat(keyed.verify("staging").firstUnauthenticated().id()).isEqualTo(forged.id());
        }
        assertThat(warnings)
                .anySatisfy(w -> assertThat(w).contains("Ledger record " + forged.id(), "has no valid MAC"))
                .allSatisfy(w -> assertThat(w).doesNotContain(KEY));
    }

    @Test
    void theNewestAuthenticDeploymentIsCurrentPastAForgedOne() throws Exception {
        LedgerRecord real = record(RecordKind.DEPLOYMENT, "v1.0.0", Outcome.SUCCEEDED);
        try (PostgresLedger writer = open(KEY)) {
            writer.append(real);
        }
        try (Connection c = database.connect();
                PreparedStatement insert = c.prepareStatement(PostgresRow.INSERT)) {
            String last;
            try (PreparedStatement s =
                            c.prepareStatement("SELECT record FROM ledger_record ORDER BY seq DESC LIMIT 1");
                    ResultSet r = s.executeQuery()) {
                r.next();
                last = r.getString(1);
            }
            PostgresRow.of(
                            record(RecordKind.DEPLOYMENT, "v9.0.0", Outcome.SUCCEEDED),
                            RecordChain.after(last),
                            LedgerKeys.NONE)
                    .bind(insert);
            insert.executeUpdate();
        }

        try (PostgresLedger keyed = open(KEY);
                PostgresLedger keyless = open(null)) {
            assertThat(keyless.current("staging", 1)).map(LedgerRecord::tag).contains("v9.0.0");
            assertThat(keyed.current("staging", 1)).contains(real);
            assertThat(keyed.lastGoodBefore("staging", 1, "v2.0.0")).contains(real);
        }
    }

    @Test
    void afterRotationOldRowsVerifyAndNewRowsCarryTheNewKey() {
        try (PostgresLedger old = open(OLD_KEY)) {
            old.append(record(RecordKind.VERIFICATION, "v1.0.0", Outcome.SUCCEEDED));
        }
        try (PostgresLedger rotated = open(KEY + " " + OLD_KEY)) {
            rotated.append(record(RecordKind.VERIFICATION, "v2.0.0", Outcome.SUCCEEDED));
            assertThat(rotated.history("staging")).hasSize(2);
            assertThat(rotated.verify("staging").authentic()).isTrue();
        }
        try (PostgresLedger newOnly = open(KEY)) {
            assertThat(newOnly.history("staging")).extracting(LedgerRecord::tag).containsExactly("v2.0.0");
        }
    }
}
