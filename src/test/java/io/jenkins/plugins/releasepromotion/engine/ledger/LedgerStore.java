package io.jenkins.plugins.releasepromotion.engine.ledger;

import io.jenkins.plugins.releasepromotion.engine.ledger.postgres.PostgresCluster;
import io.jenkins.plugins.releasepromotion.engine.ledger.postgres.PostgresLedger;
import io.jenkins.plugins.releasepromotion.engine.ledger.postgres.PostgresTarget;
import io.jenkins.plugins.releasepromotion.engine.ledger.postgres.PostgresTimeouts;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where one contract test keeps its ledger: an empty directory, or an empty database. Every {@link #open} is another
 * ledger object on the same store, as another build step or command would make; a child process opens it from
 * {@link #spec()} with the password in {@link #childEnvironment()}.
 */
final class LedgerStore implements AutoCloseable {
    static final String PASSWORD_VARIABLE = "LEDGER_TEST_PASSWORD";

    private final LedgerKind kind;
    private final Path directory;
    private final PostgresCluster.Database database;
    private final List<AutoCloseable> opened = new ArrayList<>();

    private LedgerStore(LedgerKind kind, Path directory, PostgresCluster.Database database) {
        this.kind = kind;
        this.directory = directory;
        this.database = database;
    }

    static LedgerStore create(LedgerKind kind, Path scratch) {
        return kind == LedgerKind.FILE
                ? new LedgerStore(kind, scratch.resolve("ledger"), null)
                : new LedgerStore(kind, null, PostgresCluster.shared().newDatabase());
    }

    LedgerKind kind() {
        return kind;
    }

    Ledger open(LedgerWarnings warnings) {
        Ledger ledger = open(spec(), database == null ? null : database.password(), warnings);
        if (ledger instanceof AutoCloseable closeable) {
            synchronized (opened) {
                opened.add(closeable);
            }
        }
        return ledger;
    }

    /** The directory of a file ledger, or the URL of a database ledger. */
    String spec() {
        return database == null ? directory.toString() : database.target().toString();
    }

    Map<String, String> childEnvironment() {
        return database == null ? Map.of() : Map.of(PASSWORD_VARIABLE, database.password());
    }

    /** The file ledger's directory. */
    Path directory() {
        return directory;
    }

    /** A plain connection to the database ledger, as its owner. */
    Connection connect() throws SQLException {
        return database.connect();
    }

    /** Opens the ledger {@code spec} names, as a child process does. */
    static Ledger open(String spec, String password, LedgerWarnings warnings) {
        if (PostgresTarget.isUrl(spec)) {
            return PostgresLedger.open(
                    PostgresTarget.parse(spec), null, password.toCharArray(), PostgresTimeouts.defaults(), warnings);
        }
        return new JsonLinesLedger(Path.of(spec), warnings);
    }

    @Override
    public void close() throws Exception {
        synchronized (opened) {
            for (AutoCloseable closeable : opened) {
                closeable.close();
            }
            opened.clear();
        }
    }
}
