package io.jenkins.plugins.releasepromotion.engine.ledger;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;

/**
 * Reads the complete lines of a file from the last to the first, so that "the latest record that..." is found
 * without reading the whole history, and "newest first" needs no reversing. Only bytes up to the last newline at the
 * start are ever lines: an append that lands meanwhile, or a torn tail, is never seen.
 */
final class ReverseLineReader implements LineSource {
    private static final int CHUNK = 1 << 16;
    private static final VarHandle WORDS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long NEWLINES = 0x0A0A_0A0A_0A0A_0A0AL;
    private static final long ONES = 0x0101_0101_0101_0101L;
    private static final long HIGH_BITS = 0x8080_8080_8080_8080L;

    private final FileChannel channel;
    private final ByteBuffer window = ByteBuffer.allocate(CHUNK);
    private final long incomplete;
    private long windowStart = -1;
    private long nextEnd;
    private byte[] line = new byte[1024];
    private int length;
    private boolean oversized;
    private long start;

    ReverseLineReader(FileChannel channel) throws IOException {
        this.channel = channel;
        long size = channel.size();
        nextEnd = lastNewlineBefore(size);
        incomplete = size - (nextEnd + 1);
    }

    @Override
    public boolean next() throws IOException {
        if (nextEnd < 0) {
            return false;
        }
        start = lastNewlineBefore(nextEnd) + 1;
        long full = nextEnd - start;
        oversized = full > LedgerCodec.MAX_LINE_BYTES;
        length = (int) Math.min(full, LedgerCodec.MAX_LINE_BYTES);
        if (line.length < length) {
            line = new byte[Math.max(length, line.length * 2)];
        }
        if (start >= windowStart && start + length <= windowStart + window.limit()) {
            window.get((int) (start - windowStart), line, 0, length);
        } else {
            readFully(ByteBuffer.wrap(line, 0, length), start);
        }
        nextEnd = start - 1;
        return true;
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
        return oversized;
    }

    @Override
    public long start() {
        return start;
    }

    @Override
    public long incompleteBytes() {
        return incomplete;
    }

    /** Position of the last newline before {@code end}, or -1. */
    private long lastNewlineBefore(long end) throws IOException {
        long to = end;
        while (to > 0) {
            if (windowStart < 0 || to <= windowStart || to > windowStart + window.limit()) {
                windowStart = Math.max(0, to - CHUNK);
                window.clear().limit((int) (to - windowStart));
                readFully(window, windowStart);
                window.flip();
            }
            byte[] bytes = window.array();
            int i = (int) (to - 1 - windowStart);
            // Eight bytes at a time, while none of them is a newline: most of a line is passed over this way.
            while (i >= Long.BYTES - 1 && !holdsNewline((long) WORDS.get(bytes, i - (Long.BYTES - 1)))) {
                i -= Long.BYTES;
            }
            for (; i >= 0; i--) {
                if (bytes[i] == '\n') {
                    return windowStart + i;
                }
            }
            to = windowStart;
        }
        return -1;
    }

    /** Whether any of the eight bytes of {@code word} is a newline (the "has a zero byte" test of {@code word ^ '\n'}s). */
    static boolean holdsNewline(long word) {
        long x = word ^ NEWLINES;
        return ((x - ONES) & ~x & HIGH_BITS) != 0;
    }

    private void readFully(ByteBuffer into, long position) throws IOException {
        long at = position;
        while (into.hasRemaining()) {
            int n = channel.read(into, at);
            if (n < 0) {
                // Shortened meanwhile (a damaged last line set aside): zeros fail any checksum, so it is skipped.
                while (into.hasRemaining()) {
                    into.put((byte) 0);
                }
                return;
            }
            at += n;
        }
    }
}
