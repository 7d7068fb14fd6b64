package io.jenkins.plugins.releasepromotion.engine.ledger;

/**
 * Where the ledger reports damage it worked around (a torn or corrupt line), one line each. Jenkins points it at its
 * log, the command line at standard error.
 */
@FunctionalInterface
public interface LedgerWarnings {

    void warn(String line);

    static LedgerWarnings standardError() {
        return line -> System.err.println("WARNING: " + line);
    }
}
