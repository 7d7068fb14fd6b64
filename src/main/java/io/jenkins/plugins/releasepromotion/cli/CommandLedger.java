package io.jenkins.plugins.releasepromotion.cli;

import io.jenkins.plugins.releasepromotion.engine.ledger.Ledger;
import io.jenkins.plugins.releasepromotion.engine.ledger.postgres.PostgresLedger;

/** The ledger a command works on, with the database connections to close when the command ends (none for a folder). */
final class CommandLedger implements AutoCloseable {
    private final Ledger ledger;
    private final PostgresLedger connections;

    CommandLedger(Ledger ledger, PostgresLedger connections) {
        this.ledger = ledger;
        this.connections = connections;
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
