package io.jenkins.plugins.releasepromotion.engine.ledger;

/**
 * Which end of an operation a record marks. Every operation is written when it starts, so that a crash in the middle
 * leaves a trace, and again when it finishes with its outcome.
 */
public enum Phase {
    STARTED,
    FINISHED
}
