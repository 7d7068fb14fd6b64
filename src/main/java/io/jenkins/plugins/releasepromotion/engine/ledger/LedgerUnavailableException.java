package io.jenkins.plugins.releasepromotion.engine.ledger;

/**
 * A shared ledger that cannot be reached, or cannot take what waits for it. The message is one line naming the ledger
 * (never with a password), the cause and the way out.
 */
public final class LedgerUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public LedgerUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
