package io.jenkins.plugins.releasepromotion.cli;

import io.jenkins.plugins.releasepromotion.engine.ledger.Ledger;
import io.jenkins.plugins.releasepromotion.engine.ledger.LedgerKeys;
import io.jenkins.plugins.releasepromotion.engine.ledger.postgres.PostgresLedger;

/** The ledger a command works on, with the database connections to close when the command ends (none for a folder). */
final class CommandLedger implements AutoCloseable {
    private final Ledger ledger;
    private final PostgresLedger connections;
    private final String where;
    private final LedgerKeys keys;

    CommandLedger(Ledger ledger, PostgresLedger connections, String where, LedgerKeys keys) {
        this.ledger = ledger;
        this.connections = connections;
        this.where = where;
        this.keys = keys;
    }

    /** The keys its records are signed and checked with; {@link LedgerKeys#NONE} when none is configured. */
    LedgerKeys keys() {
        return keys;
    }

    /** The folder or the database URL (never with a password), as messages name the ledger. */
    String where() {
        return where;
    }

    Ledger ledger() {
        return ledger;
    }

    @Override
    public void close() {
        if (connections != null) {
            connections.close();
        }
    }
}
