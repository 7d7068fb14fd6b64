package io.jenkins.plugins.releasepromotion.engine.ledger;

import java.util.Objects;

/**
 * Where a record goes in the chain of its environment: the number it takes ({@code seq}, counted from 1 at the first
 * chained record) and the hash of the stored record before it ({@code prev}), or {@link RecordChain#GENESIS} for the
 * first record of an environment.
 */
public record ChainLink(long seq, String prev) {
    /** The link of the first record of an environment. */
    public static final ChainLink FIRST = new ChainLink(1, RecordChain.GENESIS);

    public ChainLink {
        if (seq < 1) {
            throw new IllegalArgumentException("A chain position counts from 1 (got " + seq + ").");
        }
        Objects.requireNonNull(prev, "prev");
    }
}
