package io.jenkins.plugins.releasepromotion.engine.ledger.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The ledger's database could not be reached, stopped answering within its timeouts, or lost the connection: nothing
 * is known to be written. The message is one line naming the server and the cause.
 */
public final class PostgresUnavailableException extends UncheckedIOException {
    private static final long serialVersionUID = 1L;

    private final String server;

    PostgresUnavailableException(String server, String message, Throwable cause) {
        super(message, new IOException(cause.getMessage(), cause));
        this.server = server;
    }

    /** {@code host:port} of the database. */
    public String server() {
        return server;
    }
}
