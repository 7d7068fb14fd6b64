package io.jenkins.plugins.releasepromotion.engine.ledger.postgres;

import io.jenkins.plugins.releasepromotion.engine.ledger.ChainReport;
import io.jenkins.plugins.releasepromotion.engine.ledger.DeploymentLock;
import io.jenkins.plugins.releasepromotion.engine.ledger.EnvironmentName;
import io.jenkins.plugins.releasepromotion.engine.ledger.Ledger;
import io.jenkins.plugins.releasepromotion.engine.ledger.LedgerKeys;
import io.jenkins.plugins.releasepromotion.engine.ledger.LedgerRecord;
import io.jenkins.plugins.releasepromotion.engine.ledger.LedgerWarnings;
import io.jenkins.plugins.releasepromotion.engine.ledger.Phase;
import io.jenkins.plugins.releasepromotion.engine.ledger.RecordChain;
import io.jenkins.plugins.releasepromotion.engine.model.DisplayText;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The ledger in a PostgreSQL database that a team shares: every machine that opens it sees one history, and the
 * deployment lock of an environment and slot is one lock for all of them. Records are stored as the canonical text
 * the file ledger writes, beside copies of the members the look-ups need; see {@code docs/ledger.md}. Safe for many
 * threads; close it when done.
 */
public final class PostgresLedger implements Ledger, AutoCloseable {
    private static final String GOOD =
            "phase = 'FINISHED' AND outcome = 'SUCCEEDED' AND kind IN ('DEPLOYMENT', 'ROLLBACK')";

    private static final int FIRST_PAGE = 20;

    private final PostgresConnector connector;
    private final PostgresConnections connections;
    private final PostgresRows rows;
    private final LedgerKeys keys;
    private final PostgresAppend appends;

    private PostgresLedger(PostgresConnector connector, LedgerWarnings warnings, LedgerKeys keys) {
        this.connector = connector;
        this.connections = new PostgresConnections(connector);
        this.keys = keys;
        this.appends = new PostgresAppend(keys);
        this.rows = new PostgresRows(warnings, keys);
    }

    /**
     * Opens the ledger with the default timeouts, creating its tables on first use.
     *
     * @param user the role to connect as; {@code null} for the user the URL names
     * @param password its password, {@code null} when the server asks for none; the caller may clear it afterwards
     * @throws PostgresUnavailableException when the database cannot be reached
     * @throws PostgresRefusedException when it refuses the user, lacks a right, or has a newer schema
     */
    public static PostgresLedger open(PostgresTarget target, String user, char[] password) {
        return open(target, user, password, PostgresTimeouts.defaults(), LedgerWarnings.standardError());
    }

    public static PostgresLedger open(
            PostgresTarget target, String user, char[] password, PostgresTimeouts timeouts, LedgerWarnings warnings) {
        return open(target, user, password, timeouts, warnings, LedgerKeys.NONE);
    }

    /**
     * As {@link #open(PostgresTarget, String, char[], PostgresTimeouts, LedgerWarnings)}, for a ledger whose records
     * carry a MAC made with {@code keys}: a record without a valid one is never returned by a query, and each such
     * record is named in a warning.
     */
    public static PostgresLedger open(
            PostgresTarget target,
            String user,
            char[] password,
            PostgresTimeouts timeouts,
            LedgerWarnings warnings,
            LedgerKeys keys) {
        Objects.requireNonNull(target, "target");
        String role = user != null && !user.isBlank() ? user : target.user();
        if (role == null || role.isBlank()) {
            throw new IllegalArgumentException("The ledger URL " + target + " names no user and no credential gives"
                    + " one; write it as postgresql://USER@HOST/DATABASE or give a username-with-password credential.");
        }
        PostgresConnector connector = new PostgresConnector(target, role, password, timeouts);
        PostgresSchema.bringUpToDate(connector);
        return new PostgresLedger(
                connector, Objects.requireNonNull(warnings, "warnings"), Objects.requireNonNull(keys, "keys"));
    }

    public PostgresTarget target() {
        return connector.target();
    }

    /**
     * Stores the record once, linked into its environment's chain ({@link PostgresAppend}): appending a record whose id
     * and phase are stored already changes nothing.
     */
    @Override
    public void append(LedgerRecord record) {
        EnvironmentName.check(record.environment());
        PostgresRow.of(record); // a record too long to store is refused before anything is asked of the database
        connections.with("append ledger record " + DisplayText.of(record.id()), c -> appends.append(c, record));
    }

    /** Walks the environment's stored texts in the order they were stored, a page at a time. */
    @Override
    public ChainReport verify(String environment) {
        String env = EnvironmentName.check(environment);
        return RecordChain.verify(env, () -> new StoredTexts(connections, rows, env), keys);
    }

    @Override
    public List<LedgerRecord> history(String environment) {
        return list(environment, "TRUE", "seq", List.of());
    }

    @Override
    public void newestFirst(String environment, Predicate<LedgerRecord> more) {
        String env = EnvironmentName.check(environment);
        long before = Long.MAX_VALUE;
        while (before > 0) {
            long from = before;
            List<PostgresRows.Numbered> page = connections.with(
                    "read the history of " + env,
                    c -> rows.numbered(
                            c,
                            "SELECT seq, record FROM ledger_record WHERE environment = ? AND seq < ? ORDER BY seq DESC LIMIT 500",
                            env,
                            from));
            for (PostgresRows.Numbered n : page) {
                if (n.record() != null && !more.test(n.record())) {
                    return;
                }
            }
            before = page.size() < 500 ? 0 : page.get(page.size() - 1).seq();
        }
    }

    @Override
    public Optional<LedgerRecord> current(String environment, Integer slot) {
        return first(environment, GOOD + " AND slot = ?", slot(slot));
    }

    @Override
    public Optional<LedgerRecord> lastGoodBefore(String environment, Integer slot, String currentTag) {
        return currentTag == null
                ? first(environment, GOOD + " AND slot = ? AND tag IS NOT NULL", slot(slot))
                : first(environment, GOOD + " AND slot = ? AND (tag IS NULL OR tag <> ?)", slot(slot), currentTag);
    }

    @Override
    public List<LedgerRecord> attestations(String environment, String tag, String commit) {
        List<Object> values = new ArrayList<>();
        String where = "kind = 'VERIFICATION' AND phase = 'FINISHED' AND outcome = 'SUCCEEDED'"
                + equal("tag", tag, values) + equal("commit", commit, values);
        return list(environment, where, "seq DESC", values);
    }

    @Override
    public List<LedgerRecord> verifications(String environment, String tag) {
        List<Object> values = new ArrayList<>();
        return list(
                environment,
                "kind = 'VERIFICATION' AND phase = 'FINISHED'" + equal("tag", tag, values),
                "seq DESC",
                values);
    }

    @Override
    public List<LedgerRecord> succeededTags(String environment) {
        return list(environment, GOOD, "seq DESC", List.of());
    }

    @Override
    public List<LedgerRecord> interrupted(String environment) {
        return list(
                environment,
                "phase = 'STARTED' AND NOT EXISTS (SELECT 1 FROM ledger_record f WHERE f.id = r.id"
                        + " AND f.phase = 'FINISHED')",
                "seq",
                List.of());
    }

    @Override
    public Set<String> environments() {
        return connections.with("list the environments", c -> {
            Set<String> names = new TreeSet<>();
            // Hops from one environment to the next through the index instead of reading every record.
            try (PreparedStatement s = c.prepareStatement("WITH RECURSIVE e(name) AS ("
                            + " (SELECT environment FROM ledger_record ORDER BY environment LIMIT 1)"
                            + " UNION ALL SELECT (SELECT environment FROM ledger_record WHERE environment > e.name"
                            + " ORDER BY environment LIMIT 1) FROM e WHERE e.name IS NOT NULL)"
                            + " SELECT name FROM e WHERE name IS NOT NULL");
                    ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    names.add(r.getString(1));
                }
            }
            return Collections.unmodifiableSet(names);
        });
    }

    /** One look-up in the index of the table's (id, phase) constraint: how an import or a spool is written once. */
    @Override
    public boolean holds(String environment, String id, Phase phase) {
        String env = EnvironmentName.check(environment);
        return !list(env, "r.id = ? AND r.phase = ?", "seq LIMIT 1", List.of(id, phase.name()))
                .isEmpty();
    }

    @Override
    public DeploymentLock lock(String environment, Integer slot, String holder) {
        return PostgresDeploymentLock.acquire(connections, EnvironmentName.check(environment), slot, holder);
    }

    /** Closes its connections; locks taken from it stay held until closed themselves. */
    @Override
    public void close() {
        connections.close();
    }

    /** Never the password. */
    @Override
    public String toString() {
        return "PostgresLedger[" + connector.target() + "]";
    }

    /**
     * The newest record that matches and may be evidence. Where a key is configured, rows without a valid MAC are
     * passed over, a page at a time.
     */
    private Optional<LedgerRecord> first(String environment, String where, Object... values) {
        if (!keys.present()) {
            List<LedgerRecord> found = list(environment, where, "seq DESC LIMIT 1", List.of(values));
            return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
        }
        String env = EnvironmentName.check(environment);
        String sql = "SELECT r.seq, r.record FROM ledger_record r WHERE r.environment = ? AND " + where
                + " AND r.seq < ? ORDER BY seq DESC LIMIT " + FIRST_PAGE;
        long before = Long.MAX_VALUE;
        while (true) {
            List<Object> all = new ArrayList<>();
            all.add(env);
            all.addAll(List.of(values));
            all.add(before);
            List<PostgresRows.Numbered> page =
                    connections.with("read the ledger of " + env, c -> rows.numbered(c, sql, all.toArray()));
            for (PostgresRows.Numbered n : page) {
                if (n.record() != null) {
                    return Optional.of(n.record());
                }
            }
            if (page.size() < FIRST_PAGE) {
                return Optional.empty();
            }
            before = page.get(page.size() - 1).seq();
        }
    }

    private List<LedgerRecord> list(String environment, String where, String order, List<Object> values) {
        String env = EnvironmentName.check(environment);
        List<Object> all = new ArrayList<>();
        all.add(env);
        all.addAll(values);
        String sql = "SELECT r.record FROM ledger_record r WHERE r.environment = ? AND " + where + " ORDER BY " + order;
        return connections.with("read the ledger of " + env, c -> rows.records(c, sql, all.toArray()));
    }

    // A condition on a text column; null matches a record without that member, as Objects.equals does.
    private static String equal(String column, String value, List<Object> values) {
        if (value == null) {
            return " AND " + column + " IS NULL";
        }
        values.add(value);
        return " AND " + column + " = ?";
    }

    // The stored slot: 0 for none; a slot below 1 never holds a record, so it asks for -1, which matches nothing.
    private static int slot(Integer slot) {
        if (slot == null) {
            return 0;
        }
        return slot < 1 ? -1 : slot;
    }
}
