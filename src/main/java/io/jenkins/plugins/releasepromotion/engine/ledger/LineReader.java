package io.jenkins.plugins.releasepromotion.engine.ledger;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads the lines of a file from the first to the last, one buffer at a time. Bytes after the last newline are an
 * incomplete line (a write in progress, or one a crash cut short) and are never returned as a line.
 */
final class LineReader implements LineSource {
    private final InputStream in;
    private final byte[] buffer = new byte[1 << 16];
    private int position;
    private int limit;
    private byte[] line = new byte[1024];
    private int length;
    private long fullLength;
    private long start;
    private long end;
    private boolean ended;

    LineReader(InputStream in) {
        this.in = in;
    }

    @Override
    public boolean next() throws IOException {
        length = 0;
        fullLength = 0;
        while (true) {
            if (position == limit && !fill()) {
                ended = true;
                return false;
            }
            int newline = indexOfNewline();
            int stop = newline < 0 ? limit : newline;
            keep(stop - position);
            position = newline < 0 ? limit : newline + 1;
            if (newline >= 0) {
                start = end;
                end += fullLength + 1;
                return true;
            }
        }
    }

    @Override
    public byte[] bytes() {
        return line;
    }

    @Override
    public int length() {
        return length;
    }

    @Override
    public boolean oversized() {
        return fullLength > length;
    }

    @Override
    public long start() {
        return start;
    }

    @Override
    public long incompleteBytes() {
        return ended ? fullLength : 0;
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
