package io.jenkins.plugins.releasepromotion.engine.ledger;

import io.jenkins.plugins.releasepromotion.engine.model.DisplayText;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Consumer;

/**
 * The ledger file of one environment. Appends hold a lock against other threads of this JVM and an operating-system
 * lock against other processes, repair a torn tail left by a crash, write the whole line in one buffer and force it
 * to disk. Reads take no lock: they stop at the last newline and so never see half a line.
 */
final class LedgerFile {
    // One monitor per file for the whole JVM: the operating-system lock refuses a second holder in the same JVM.
    private static final ConcurrentMap<Path, Object> MONITORS = new ConcurrentHashMap<>();

    private final Path path;
    private final String environment;
    private final LedgerCodec codec;
    private final LedgerWarnings warnings;
    private final Set<String> warned = ConcurrentHashMap.newKeySet();

    LedgerFile(Path path, String environment, LedgerCodec codec, LedgerWarnings warnings) {
        this.path = path;
        this.environment = environment;
        this.codec = codec;
        this.warnings = warnings;
    }

    void append(LedgerRecord record) {
        ByteBuffer line = ByteBuffer.wrap(codec.encode(record));
        synchronized (MONITORS.computeIfAbsent(path, p -> new Object())) {
            boolean created = Files.notExists(path);
            try (FileChannel channel = FileChannel.open(
                            path, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
                    FileLock lock = FileLocks.exclusive(channel)) {
                long end = new TornTail(channel, path, codec, warnings).repair();
                while (line.hasRemaining()) {
                    end += channel.write(line, end);
                }
                channel.force(true);
            } catch (IOException e) {
                throw new UncheckedIOException(
                        "Cannot append ledger record " + record.id() + " to " + path + ": " + e.getMessage()
                                + "; check that the ledger directory is writable and not full.",
                        e);
            }
            if (created) {
                syncDirectoryOf(path);
            }
        }
    }

    /** Hands every readable record to {@code action}, in append order. */
    void read(Consumer<LedgerRecord> action) {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ);
                InputStream in = Channels.newInputStream(channel)) {
            LineReader lines = new LineReader(in);
            while (lines.next()) {
                LedgerRecord record = decode(lines);
                if (record != null) {
                    action.accept(record);
                }
            }
            // An incomplete tail while a writer holds the lock is a write in progress, not damage.
            if (lines.incompleteBytes() > 0 && FileLocks.isFree(channel)) {
                warnOnce(path.getFileName() + " ends with an incomplete record of " + lines.incompleteBytes()
                        + " bytes (a write was interrupted); it is ignored and set aside on the next append.");
            }
        } catch (NoSuchFileException e) {
            return;
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Cannot read the ledger " + path + ": " + e.getMessage() + "; check that the file is readable.", e);
        }
    }

    private LedgerRecord decode(LineReader lines) {
        String problem;
        if (lines.oversized()) {
            problem = "it is longer than " + LedgerCodec.MAX_LINE_BYTES + " bytes";
        } else {
            try {
                LedgerRecord record = codec.decode(lines.bytes(), lines.length());
                if (record.environment().equals(environment)) {
                    return record;
                }
                problem = "it belongs to the environment " + DisplayText.of(record.environment());
            } catch (IllegalArgumentException e) {
                problem = e.getMessage();
            }
        }
        warnOnce("Line " + lines.lineNumber() + " (byte " + lines.start() + ") of " + path.getFileName()
                + " is not a valid record (" + problem + "); it is skipped, the records around it are kept.");
        return null;
    }

    private void warnOnce(String message) {
        if (warned.add(message)) {
            warnings.warn(message);
        }
    }

    /** Makes a new file's name durable too; where directories cannot be opened (Windows) that is not possible. */
    static void syncDirectoryOf(Path file) {
        Path directory = file.toAbsolutePath().getParent();
        if (directory == null) {
            return;
        }
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException e) {
            // Best effort only: the record itself is already forced to disk.
        }
    }
}
