package io.jenkins.plugins.releasepromotion.engine.ledger;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a byte stream into lines that end in a newline, one buffer at a time. Bytes after the last newline are an
 * incomplete line (a write in progress, or one a crash cut short) and are never returned as a line.
 *
 * <p>Works on bytes rather than characters so that checksums are taken over exactly what is on disk. A line longer
 * than {@link LedgerCodec#MAX_LINE_BYTES} is returned cut to that length and flagged, so that damage such as a run of
 * zero bytes cannot exhaust memory.
 */
final class LineReader {
    private final InputStream in;
    private final byte[] buffer = new byte[1 << 16];
    private int position;
    private int limit;
    private byte[] line = new byte[1024];
    private int length;
    private long fullLength;
    private long start;
    private long end;
    private long lineNumber;

    LineReader(InputStream in) {
        this.in = in;
    }

    /** Moves to the next complete line; false at the end of the stream. */
    boolean next() throws IOException {
        length = 0;
        fullLength = 0;
        while (true) {
            if (position == limit && !fill()) {
                return false;
            }
            int newline = indexOfNewline();
            int stop = newline < 0 ? limit : newline;
            keep(stop - position);
            position = newline < 0 ? limit : newline + 1;
            if (newline >= 0) {
                start = end;
                end += fullLength + 1;
                lineNumber++;
                return true;
            }
        }
    }

    /** The current line without its newline; valid up to {@link #length()} and only until the next call. */
    byte[] bytes() {
        return line;
    }

    int length() {
        return length;
    }

    boolean oversized() {
        return fullLength > length;
    }

    /** Byte offset of the current line in the stream. */
    long start() {
        return start;
    }

    long lineNumber() {
        return lineNumber;
    }

    /** After the end: how many bytes followed the last newline. */
    long incompleteBytes() {
        return fullLength;
    }

    private boolean fill() throws IOException {
        int n = in.read(buffer);
        if (n <= 0) {
            return false;
        }
        position = 0;
        limit = n;
        return true;
    }

    private int indexOfNewline() {
        for (int i = position; i < limit; i++) {
            if (buffer[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private void keep(int count) {
        fullLength += count;
        int room = (int) Math.min(count, LedgerCodec.MAX_LINE_BYTES - (long) length);
        if (room <= 0) {
            return;
        }
        if (length + room > line.length) {
            line = Arrays.copyOf(line, Math.max(length + room, Math.min(line.length * 2, LedgerCodec.MAX_LINE_BYTES)));
        }
        System.arraycopy(buffer, position, line, length, room);
        length += room;
    }
}
