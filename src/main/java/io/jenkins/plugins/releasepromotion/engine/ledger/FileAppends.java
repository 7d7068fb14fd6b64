package io.jenkins.plugins.releasepromotion.engine.ledger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The appends to one ledger file. Each holds a lock against other threads of this JVM and an operating-system lock
 * against other processes while it repairs a torn tail left by a crash, links its record to the file's last line
 * ({@link FileChain}), writes the whole line in one buffer and forces it to disk; appends that arrive while another is
 * being written go to disk after it together, in one buffer and one flush.
 */
final class FileAppends {
    // One monitor per file for the whole JVM: the operating-system lock refuses a second holder in the same JVM.
    private static final ConcurrentMap<Path, Object> MONITORS = new ConcurrentHashMap<>();

    /** Told, still under the locks, how long the file is once records were written. */
    @FunctionalInterface
    interface Written {
        void upTo(FileChannel channel, long end);
    }

    private final Path path;
    private final LedgerCodec codec;
    private final LedgerWarnings warnings;
    private final FileChain chain;
    private final Written written;
    // Records waiting for the file. Whichever writer gets the file next writes all of them with one flush to disk, so
    // that many threads appending at once (verifications of many slots) do not each wait for a flush of their own.
    private final List<Pending> waiting = new ArrayList<>();

    FileAppends(Path path, LedgerCodec codec, LedgerWarnings warnings, FileChain chain, Written written) {
        this.path = path;
        this.codec = codec;
        this.warnings = warnings;
        this.chain = chain;
        this.written = written;
    }

    /** The monitor every thread of this JVM holds while it holds the operating-system lock of {@code file}. */
    static Object monitor(Path file) {
        return MONITORS.computeIfAbsent(file, p -> new Object());
    }

    void append(LedgerRecord record) {
        Uninterrupted.run(() -> write(record));
    }

    private void write(LedgerRecord record) {
        Pending mine = new Pending(record.id(), codec.body(record));
        synchronized (waiting) {
            waiting.add(mine);
        }
        UncheckedIOException failure;
        synchronized (monitor(path)) {
            if (!mine.written) {
                List<Pending> batch;
                synchronized (waiting) {
                    batch = new ArrayList<>(waiting);
                    waiting.clear();
                }
                writeAll(batch);
            }
            failure = mine.failure;
        }
        if (failure != null) {
            throw failure;
        }
    }

    /**
     * Links the records to the chain, writes their lines in one buffer, forces them to disk once, and marks each written
     * or failed. The link is taken from the file's last line under the locks, so no other append comes in between.
     */
    private void writeAll(List<Pending> batch) {
        boolean created = Files.notExists(path);
        try (FileChannel channel = PrivateFiles.open(
                        path, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
                FileLock lock = FileLocks.exclusive(channel)) {
            long end = new TornTail(channel, path, codec, warnings).repair();
            List<byte[]> linked =
                    chain.link(channel, batch.stream().map(p -> p.body).toList());
            ByteBuffer lines =
                    ByteBuffer.allocate(linked.stream().mapToInt(l -> l.length).sum());
            linked.forEach(lines::put);
            lines.flip();
            while (lines.hasRemaining()) {
                end += channel.write(lines, end);
            }
            channel.force(true);
            written.upTo(channel, end);
        } catch (IOException e) {
            batch.forEach(p -> p.failure = new UncheckedIOException(
                    "Cannot append ledger record " + p.id + " to " + path + ": " + e.getMessage()
                            + "; check that the ledger directory is writable and not full.",
                    e));
        }
        batch.forEach(p -> p.written = true);
        if (created) {
            syncDirectoryOf(path);
        }
    }

    /** A record waiting to be appended; its fields are read and written under the file's monitor only. */
    private static final class Pending {
        private final String id;
        private final byte[] body;
        private boolean written;
        private UncheckedIOException failure;

        Pending(String id, byte[] body) {
            this.id = id;
            this.body = body;
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
