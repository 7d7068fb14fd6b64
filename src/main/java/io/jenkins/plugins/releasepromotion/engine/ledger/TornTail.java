package io.jenkins.plugins.releasepromotion.engine.ledger;

import java.io.IOException;
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
            warnings.warn(path.getFileName() + " ended with " + (size - keep) + " bytes that are not a complete"
                    + " record (a write cut short by a crash or a kill); moved them to " + aside.getFileName()
                    + " and kept the " + keep + " bytes before them.");
        }
        return keep;
    }

    /** The length of the file without its torn tail. */
    private long soundLength(long size) throws IOException {
        ReverseLineReader lines = new ReverseLineReader(channel);
        if (lines.incompleteBytes() > 0 || !lines.next()) {
            return size - lines.incompleteBytes();
        }
        return !lines.oversized() && codec.intact(lines.bytes(), lines.length()) ? size : lines.start();
    }

    private void setAside(long keep, long size, Path aside) throws IOException {
        try (FileChannel out = PrivateFiles.open(aside, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
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
        FileAppends.syncDirectoryOf(aside);
        channel.truncate(keep);
        channel.force(true);
    }
}
