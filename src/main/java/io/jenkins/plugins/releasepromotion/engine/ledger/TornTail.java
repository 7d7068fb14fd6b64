package io.jenkins.plugins.releasepromotion.engine.ledger;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * Finds and sets aside what a crash left at the end of a ledger file, so that the next record starts on a line of
 * its own. Torn is: bytes after the last newline (a write cut short), or a last line that is no longer as it was
 * written (its checksum fails or it is not JSON). The torn bytes are moved, never dropped: they go to a
 * {@code .torn-<time>} file beside the ledger, with a warning. Runs under the append lock.
 */
final class TornTail {
    private static final int CHUNK = 1 << 16;

    private final FileChannel channel;
    private final Path path;
    private final LedgerCodec codec;
    private final LedgerWarnings warnings;

    TornTail(FileChannel channel, Path path, LedgerCodec codec, LedgerWarnings warnings) {
        this.channel = channel;
        this.path = path;
        this.codec = codec;
        this.warnings = warnings;
    }

    /** Sets aside whatever is torn and returns where the next record goes. */
    long repair() throws IOException {
        long size = channel.size();
        long keep = soundLength(size);
        if (keep < size) {
            Path aside = LedgerPaths.torn(path, Instant.now());
            setAside(keep, size, aside);
            warnings.warn(path.getFileName() + " ended with " + (size - keep) + " bytes of a record that was never"
                    + " completely written (a crash or a kill during a write); moved them to " + aside.getFileName()
                    + " and kept the " + keep + " bytes before them.");
        }
        return keep;
    }

    /** The length of the file without its torn tail. */
    private long soundLength(long size) throws IOException {
        if (size == 0) {
            return 0;
        }
        long lastNewline = lastNewlineBefore(size);
        if (lastNewline < size - 1) {
            return lastNewline + 1;
        }
        long lineStart = lastNewlineBefore(size - 1) + 1;
        long length = size - 1 - lineStart;
        if (length > LedgerCodec.MAX_LINE_BYTES) {
            return lineStart;
        }
        ByteBuffer line = ByteBuffer.allocate((int) length);
        readFully(line, lineStart);
        return codec.intact(line.array(), (int) length) ? size : lineStart;
    }

    /** Position of the last newline before {@code end}, or -1. */
    private long lastNewlineBefore(long end) throws IOException {
        ByteBuffer chunk = ByteBuffer.allocate(CHUNK);
        long to = end;
        while (to > 0) {
            long from = Math.max(0, to - CHUNK);
            chunk.clear().limit((int) (to - from));
            readFully(chunk, from);
            for (int i = chunk.limit() - 1; i >= 0; i--) {
                if (chunk.get(i) == '\n') {
                    return from + i;
                }
            }
            to = from;
        }
        return -1;
    }

    private void setAside(long keep, long size, Path aside) throws IOException {
        try (FileChannel out = FileChannel.open(aside, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            long at = keep;
            while (at < size) {
                long moved = channel.transferTo(at, size - at, out);
                if (moved <= 0) {
                    throw new IOException("could not copy the torn bytes of " + path + " to " + aside);
                }
                at += moved;
            }
            out.force(true);
        }
        LedgerFile.syncDirectoryOf(aside);
        channel.truncate(keep);
        channel.force(true);
    }

    private void readFully(ByteBuffer into, long position) throws IOException {
        long at = position;
        while (into.hasRemaining()) {
            int n = channel.read(into, at);
            if (n < 0) {
                throw new IOException(path + " became shorter while it was locked for an append");
            }
            at += n;
        }
        into.flip();
    }
}
