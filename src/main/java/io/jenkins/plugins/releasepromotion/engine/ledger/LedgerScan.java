package io.jenkins.plugins.releasepromotion.engine.ledger;

import io.jenkins.plugins.releasepromotion.engine.model.DisplayText;
import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One pass over a ledger file without any lock: the lines whose checksum holds, each parsed into a record only when
 * asked. Damaged lines are reported and passed over; bytes after the last newline are never a line.
 */
final class LedgerScan implements Closeable {
    private final FileChannel channel;
    private final LineSource lines;
    private final String fileName;
    private final String environment;
    private final LedgerCodec codec;
    private final Consumer<String> warn;
    private final boolean newestFirst;
    private final long sizeAtOpen;
    private final NoWriter noWriter;
    private boolean canonical;
    private boolean closed;

    /** Whether no writer, in any process, holds the file's append lock at this moment. */
    @FunctionalInterface
    interface NoWriter {
        boolean check(FileChannel channel) throws IOException;
    }

    LedgerScan(
            Path path,
            boolean newestFirst,
            String environment,
            LedgerCodec codec,
            Consumer<String> warn,
            NoWriter noWriter)
            throws IOException {
        this.channel = PrivateFiles.open(path, StandardOpenOption.READ);
        this.newestFirst = newestFirst;
        this.sizeAtOpen = channel.size();
        this.lines = newestFirst ? new ReverseLineReader(channel) : new LineReader(Channels.newInputStream(channel));
        this.fileName = String.valueOf(path.getFileName());
        this.environment = environment;
        this.codec = codec;
        this.warn = warn;
        this.noWriter = noWriter;
    }

    /** Moves to the next line whose checksum holds (or that has none); false at the end. */
    boolean next() throws IOException {
        while (lines.next()) {
            String problem = lines.oversized() ? "it is longer than " + LedgerCodec.MAX_LINE_BYTES + " bytes" : null;
            if (problem == null) {
                try {
                    canonical = codec.verify(lines.bytes(), lines.length());
                    return true;
                } catch (IllegalArgumentException e) {
                    problem = e.getMessage();
                }
            }
            skipped(lines.start(), problem);
        }
        return false;
    }

    /** True when the current line carries its checksum, so {@link CanonicalLine} may look at it. */
    boolean canonical() {
        return canonical;
    }

    byte[] bytes() {
        return lines.bytes();
    }

    int length() {
        return lines.length();
    }

    /**
     * The current line as a record, or {@code null} (reported) when it is not a valid record of this environment or,
     * where a ledger key is configured, carries no valid MAC.
     */
    LedgerRecord record() {
        return record(lines.bytes(), lines.length(), lines.start());
    }

    /** The current line's record, parsed only when asked, which may be after the scan ended. */
    Supplier<LedgerRecord> later() {
        byte[] copy = Arrays.copyOf(lines.bytes(), lines.length());
        long start = lines.start();
        return () -> record(copy, copy.length, start);
    }

    private LedgerRecord record(byte[] line, int length, long start) {
        String problem;
        try {
            LedgerRecord record = codec.evidence(line, length);
            if (record.environment().equals(environment)) {
                return record;
            }
            problem = "it belongs to the environment " + DisplayText.of(record.environment());
        } catch (UnauthenticatedRecordException e) {
            warn.accept(e.warning("the line at byte " + start + " of " + fileName));
            return null;
        } catch (IllegalArgumentException e) {
            problem = e.getMessage();
        }
        skipped(start, problem);
        return null;
    }

    private void skipped(long start, String problem) {
        warn.accept("The line at byte " + start + " of " + fileName + " is not a valid record (" + problem
                + "); it is skipped, the records around it are kept.");
    }

    /** Closes the file and tells of an incomplete tail; a second close does nothing. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try (FileChannel c = channel) {
            // An incomplete tail while a writer holds the lock is a write in progress, not damage. So is one that
            // grew after it was read: the writer finished (and let go of the lock) in between. Checked in that order.
            long readTo = newestFirst ? sizeAtOpen : c.position();
            if (lines.incompleteBytes() > 0 && noWriter.check(c) && c.size() == readTo) {
                warn.accept(fileName + " ends with an incomplete record of " + lines.incompleteBytes()
                        + " bytes (a write was interrupted); it is ignored and set aside on the next append.");
            }
        }
    }
}
