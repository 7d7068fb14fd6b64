package io.jenkins.plugins.releasepromotion.engine.ledger.postgres;

import io.jenkins.plugins.releasepromotion.engine.ledger.ChainLink;
import io.jenkins.plugins.releasepromotion.engine.ledger.LedgerKeys;
import io.jenkins.plugins.releasepromotion.engine.ledger.LedgerRecord;
import io.jenkins.plugins.releasepromotion.engine.ledger.LedgerText;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;

/** One record as a row of {@code ledger_record}: its canonical text and copies of the members the look-ups need. */
record PostgresRow(LedgerRecord record, String text) {
    /**
     * A plain insert, refused ({@code 23505}) for an id and phase stored already as for a place in the chain taken
     * already. It is cheaper than {@code ON CONFLICT DO NOTHING}, whose speculative insertion writes a second WAL record
     * for every row ({@code heap_finish_speculative} in {@code src/backend/access/heap/heapam.c}); a stored record is
     * rare (a retry after a lost answer), so the appender asks which rule was broken when one is.
     */
    static final String INSERT = "INSERT INTO ledger_record"
            + " (id, phase, environment, slot, kind, outcome, tag, commit, started_at, finished_at, record)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /** @throws IllegalArgumentException when the record is too long to store */
    static PostgresRow of(LedgerRecord record) {
        return new PostgresRow(record, LedgerText.of(record));
    }

    /** The record at {@code link} in its environment's chain, with a MAC when there is a key to sign with. */
    static PostgresRow of(LedgerRecord record, ChainLink link, LedgerKeys keys) {
        return new PostgresRow(record, LedgerText.of(record, link, keys));
    }

    void bind(PreparedStatement insert) throws SQLException {
        insert.setString(1, record.id());
        insert.setString(2, record.phase().name());
        insert.setString(3, record.environment());
        insert.setInt(4, record.slot() == null ? 0 : record.slot());
        insert.setString(5, record.kind().name());
        insert.setString(6, record.outcome() == null ? null : record.outcome().name());
        insert.setString(7, record.tag());
        insert.setString(8, record.commit());
        insert.setTimestamp(9, Timestamp.from(record.startedAt()));
        setInstant(insert, 10, record.finishedAt());
        insert.setString(11, text);
    }

    private static void setInstant(PreparedStatement insert, int index, Instant instant) throws SQLException {
        if (instant == null) {
            insert.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            insert.setTimestamp(index, Timestamp.from(instant));
        }
    }
}
