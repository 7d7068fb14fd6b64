package io.jenkins.plugins.releasepromotion.engine.ledger;

import java.io.IOException;

/**
 * The complete lines of a ledger file, one at a time, without their newline. Works on bytes rather than characters
 * so that checksums are taken over exactly what is on disk. A line longer than {@link LedgerCodec#MAX_LINE_BYTES} is
 * cut to that length and flagged, so that damage such as a run of zero bytes cannot exhaust memory.
 */
interface LineSource {

    /** Moves to the next line; false when there is none. */
    boolean next() throws IOException;

    /** The current line; valid up to {@link #length()} and only until the next call. */
    byte[] bytes();

    int length();

    /** True when the current line is longer than the limit and was cut. */
    boolean oversized();

    /** Byte offset of the current line in the file. */
    long start();

    /** How many bytes follow the last newline (known once the end is reached when reading forward). */
    long incompleteBytes();
}
