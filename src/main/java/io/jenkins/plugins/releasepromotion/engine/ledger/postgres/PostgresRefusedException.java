package io.jenkins.plugins.releasepromotion.engine.ledger.postgres;

/**
 * The ledger's database answered and refused: a wrong user or password, a missing right, or a schema newer than this
 * version knows. The message is one line naming the value, the rule and the way out.
 */
public final class PostgresRefusedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    PostgresRefusedException(String message, Throwable cause) {
        super(message, cause);
    }
}
