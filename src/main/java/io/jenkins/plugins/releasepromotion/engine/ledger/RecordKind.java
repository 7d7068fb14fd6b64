package io.jenkins.plugins.releasepromotion.engine.ledger;

/** What a ledger record is about. */
public enum RecordKind {
    DEPLOYMENT,
    VERIFICATION,
    APPROVAL,
    ROLLBACK
}
