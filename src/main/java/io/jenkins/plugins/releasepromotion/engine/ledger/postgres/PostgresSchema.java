package io.jenkins.plugins.releasepromotion.engine.ledger.postgres;

import io.jenkins.plugins.releasepromotion.engine.ledger.Uninterrupted;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.MigrationVersion;

/**
 * The ledger's tables, brought up to date by versioned migrations ({@code migration/V<n>__*.sql} beside this class)
 * on first use, by a role with the right to create them. A database whose schema is newer than this version knows is
 * refused rather than written in a shape it may not expect.
 */
final class PostgresSchema {
    static final String HISTORY_TABLE = "ledger_schema_history";
    private static final String LOCATION =
            "classpath:io/jenkins/plugins/releasepromotion/engine/ledger/postgres/migration";

    /** The version of the newest migration beside this class; a test checks it against the folder. */
    static final int NEWEST = 2;

    private PostgresSchema() {}

    static void bringUpToDate(PostgresConnector connector) {
        Uninterrupted.run(() -> {
            if (!upToDate(connector)) {
                migrate(connector);
            }
        });
    }

    /**
     * True when the history table shows every migration up to {@link #NEWEST} applied and nothing newer or failed: one
     * query instead of Flyway's scan, so each command and build step opens the ledger quickly. Anything else (no table
     * yet, no right to read it, a newer or failed migration) is left to Flyway, which migrates or says why not.
     */
    private static boolean upToDate(PostgresConnector connector) {
        try (Connection c = connector.getConnection();
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery(
                        "SELECT version, success FROM " + HISTORY_TABLE + " WHERE version IS NOT NULL")) {
            int newest = 0;
            while (r.next()) {
                if (!r.getBoolean(2)) {
                    return false;
                }
                newest = Math.max(newest, Integer.parseInt(r.getString(1)));
            }
            return newest == NEWEST;
        } catch (SQLException e) {
            String state = e.getSQLState();
            if (state != null && (state.startsWith("08") || state.startsWith("28"))) {
                throw PostgresFailure.of(connector.target(), "create or check the ledger's tables", e);
            }
            return false;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static void migrate(PostgresConnector connector) {
        Flyway flyway = Flyway.configure(PostgresSchema.class.getClassLoader())
                .dataSource(connector)
                .locations(LOCATION)
                .table(HISTORY_TABLE)
                .baselineOnMigrate(false)
                .connectRetries(0)
                .load();
        try {
            refuseNewer(connector.target(), flyway.info().all());
            flyway.migrate();
        } catch (FlywayException e) {
            throw failure(connector.target(), e);
        }
    }

    private static void refuseNewer(PostgresTarget target, MigrationInfo[] all) {
        MigrationVersion known = Arrays.stream(all)
                .filter(m ->
                        m.getState() != MigrationState.FUTURE_SUCCESS && m.getState() != MigrationState.FUTURE_FAILED)
                .map(MigrationInfo::getVersion)
                .max(MigrationVersion::compareTo)
                .orElse(MigrationVersion.EMPTY);
        Arrays.stream(all)
                .filter(m ->
                        m.getState() == MigrationState.FUTURE_SUCCESS || m.getState() == MigrationState.FUTURE_FAILED)
                .map(MigrationInfo::getVersion)
                .max(MigrationVersion::compareTo)
                .ifPresent(newer -> {
                    throw new PostgresRefusedException(
                            "The ledger database " + target + " has schema version " + newer + ", newer than version "
                                    + known + " that this release of release-promotion knows; upgrade"
                                    + " release-promotion (and the plugin) to the release that wrote it.",
                            null);
                });
    }

    private static RuntimeException failure(PostgresTarget target, FlywayException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return PostgresFailure.of(target, "create or check the ledger's tables", sql);
            }
        }
        return new IllegalStateException(
                "Cannot create or check the ledger's tables in " + target + ": " + firstLine(e.getMessage()), e);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no reason given";
        }
        int newline = message.indexOf('\n');
        return (newline < 0 ? message : message.substring(0, newline)).strip();
    }
}
