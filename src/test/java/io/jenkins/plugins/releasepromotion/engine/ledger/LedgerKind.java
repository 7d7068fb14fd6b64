package io.jenkins.plugins.releasepromotion.engine.ledger;

/** The ledgers the contract suite runs against: every contract test class runs once for each. */
enum LedgerKind {
    /** {@link JsonLinesLedger} in a temporary directory. */
    FILE,
    /** {@code PostgresLedger} in a fresh database of the tests' own PostgreSQL server. */
    POSTGRESQL
}
