package io.jenkins.plugins.releasepromotion.engine.ledger.postgres;

import io.jenkins.plugins.releasepromotion.engine.ledger.LedgerKeys;
import io.jenkins.plugins.releasepromotion.engine.ledger.LedgerRecord;
import io.jenkins.plugins.releasepromotion.engine.ledger.LedgerText;
import io.jenkins.plugins.releasepromotion.engine.ledger.LedgerWarnings;
import io.jenkins.plugins.releasepromotion.engine.ledger.UnauthenticatedRecordException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads records back from their canonical text. A text that does not read (changed by hand in the database) is
 * skipped with one warning, as the file ledger skips a damaged line; so is one without a valid MAC, where a ledger key
 * is configured, with a warning naming it.
 */
final class PostgresRows {
    private final LedgerWarnings warnings;
    private final LedgerKeys keys;
    private final Set<Long> warned = ConcurrentHashMap.newKeySet();
    private final Set<String> unauthenticated = ConcurrentHashMap.newKeySet();

    PostgresRows(LedgerWarnings warnings, LedgerKeys keys) {
        this.warnings = warnings;
        this.keys = keys;
    }

    /** A record with its append number; {@code record} is {@code null} when its text does not read. */
    record Numbered(long seq, LedgerRecord record) {}

    /** The records of a query whose first column is {@code record}, in the query's order. */
    List<LedgerRecord> records(Connection c, String sql, Object... values) throws SQLException {
        List<LedgerRecord> found = new ArrayList<>();
        try (PreparedStatement s = prepare(c, sql, values);
                ResultSet r = s.executeQuery()) {
            while (r.next()) {
                LedgerRecord record = read(-1, r.getString(1));
                if (record != null) {
                    found.add(record);
                }
            }
        }
        return Collections.unmodifiableList(found);
    }

    /** A stored text, as it is, with its append number. */
    record Text(long seq, String text) {}

    /** The stored texts of a query whose columns are {@code seq, record}, unread. */
    List<Text> texts(Connection c, String sql, Object... values) throws SQLException {
        List<Text> found = new ArrayList<>();
        try (PreparedStatement s = prepare(c, sql, values);
                ResultSet r = s.executeQuery()) {
            while (r.next()) {
                found.add(new Text(r.getLong(1), r.getString(2)));
            }
        }
        return found;
    }

    /** The records of a query whose columns are {@code seq, record}. */
    List<Numbered> numbered(Connection c, String sql, Object... values) throws SQLException {
        return texts(c, sql, values).stream()
                .map(t -> new Numbered(t.seq(), read(t.seq(), t.text())))
                .toList();
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... values) throws SQLException {
        PreparedStatement s = c.prepareStatement(sql);
        try {
            for (int i = 0; i < values.length; i++) {
                s.setObject(i + 1, values[i]);
            }
            return s;
        } catch (SQLException e) {
            s.close();
            throw e;
        }
    }

    private LedgerRecord read(long seq, String text) {
        try {
            return LedgerText.evidence(text, keys);
        } catch (UnauthenticatedRecordException e) {
            String warning = e.warning("in the database");
            if (unauthenticated.add(warning)) {
                warnings.warn(warning);
            }
            return null;
        } catch (IllegalArgumentException e) {
            if (warned.add(seq)) {
                warnings.warn("A ledger record in the database" + (seq < 0 ? "" : " (seq " + seq + ")")
                        + " is not a valid record (" + e.getMessage() + "); it is skipped.");
            }
            return null;
        }
    }
}
