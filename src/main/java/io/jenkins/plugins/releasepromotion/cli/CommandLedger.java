package io.jenkins.plugins.releasepromotion.cli;

import io.jenkins.plugins.releasepromotion.engine.ledger.Ledger;

/** The ledger a command works on, with the connection to close when the command ends (none for a folder). */
final class CommandLedger implements AutoCloseable {
    private final Ledger ledger;
    private final AutoCloseable connection;

    CommandLedger(Ledger ledger, AutoCloseable connection) {
        this.ledger = ledger;
        this.connection = connection;
    }

    Ledger ledger() {
        return ledger;
    }

    @Override
    public void close() {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (Exception e) {
            // The command's work is done and recorded; a connection that will not close is closed by its process.
        }
    }
}
