package io.jenkins.plugins.releasepromotion.engine.ledger;

/**
 * The first place where a ledger's chain does not hold.
 *
 * @param position where the record named is: its line in a file ledger, its place in the environment's records in
 *     another, counted from 1
 * @param id the id of the record named, or {@code null} when it cannot be read
 * @param message one sentence naming the record, what is wrong and how the chain shows it
 */
public record ChainBreak(Kind kind, long position, String id, String message) {
    /** What the chain shows happened. */
    public enum Kind {
        /** A record is no longer as it was written (its content, its link, or its checksum). */
        CHANGED,
        /** Records that the chain counts are missing. */
        REMOVED,
        /** A record that is not part of the chain stands in it. */
        INSERTED,
        /** Records of the chain are out of their order. */
        REORDERED,
        /**
         * Where a ledger key is configured, a record carries no valid MAC: it was not written by a holder of the key.
         * Not a break of the chain; reported beside it ({@link ChainReport#firstUnauthenticated}).
         */
        UNAUTHENTICATED
    }
}
