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
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Consumer;

/**
 * Records a shared ledger could not take, kept in one local JSON Lines file in the order they were made, until they
 * are written to it. Every line is forced to disk before {@link #add} returns. The threads of this JVM and other
 * processes take turns on the file (a monitor per file and an operating-system lock): a record is never added while
 * the spool is being emptied, and two processes never empty it at once.
 */
final class LedgerSpool {
    private static final ConcurrentMap<Path, Object> MONITORS = new ConcurrentHashMap<>();

    private final Path file;
    private final LedgerCodec codec = new LedgerCodec();
    private final Object monitor;

    LedgerSpool(Path file) {
        this.file = file.toAbsolutePath().normalize();
        this.monitor = MONITORS.computeIfAbsent(this.file, f -> new Object());
    }

    Path file() {
        return file;
    }

    /** Keeps one record; it is on disk when this returns. A line torn by a crash before is cut off first. */
    void add(LedgerRecord record) {
        byte[] line = codec.encode(record);
        locked(channel -> {
            long end = soundEnd(read(channel));
            channel.truncate(end);
            channel.write(ByteBuffer.wrap(line), end);
            channel.force(true);
            return null;
        });
    }

    /** The records kept, oldest first; a line that cannot be read is handed to {@code damaged} by its byte offset. */
    List<LedgerRecord> records(Consumer<String> damaged) {
        return locked(channel -> parse(read(channel), damaged));
    }

    /**
     * Hands every record kept, oldest first, to {@code writer}, then empties the spool, all under its locks. When the
     * writer fails the spool is left as it is and the failure is thrown: the records it took are handed again next
     * time, so it must skip a record it already holds. Lines that could not be read are set aside in a file beside
     * the spool, {@code <spool>.damaged-<milliseconds>}, never silently dropped.
     *
     * @return how many records were handed over
     */
    int drain(Consumer<LedgerRecord> writer, Consumer<String> damaged) {
        return locked(channel -> {
            byte[] bytes = read(channel);
            boolean[] anyDamaged = {false};
            List<LedgerRecord> records = parse(bytes, line -> {
                anyDamaged[0] = true;
                damaged.accept(line);
            });
            records.forEach(writer);
            if (anyDamaged[0]) {
                Path aside = file.resolveSibling(file.getFileName() + ".damaged-" + System.currentTimeMillis());
                try (FileChannel out =
                        PrivateFiles.open(aside, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                    ByteBuffer buffer = ByteBuffer.wrap(bytes);
                    while (buffer.hasRemaining()) {
                        out.write(buffer);
                    }
                }
            }
            channel.truncate(0);
            channel.force(true);
            return records.size();
        });
    }

    /** True when nothing waits in the spool (it is not read under the locks: an answer for a warning, not a gate). */
    boolean isEmpty() {
        try {
            return !Files.exists(file) || Files.size(file) == 0;
        } catch (IOException e) {
            return false;
        }
    }

    private interface ChannelWork<T> {
        T on(FileChannel channel) throws IOException;
    }

    private <T> T locked(ChannelWork<T> work) {
        return Uninterrupted.call(() -> {
            synchronized (monitor) {
                try {
                    Path folder = file.toAbsolutePath().getParent();
                    if (folder != null) {
                        PrivateFiles.folder(folder);
                    }
                    try (FileChannel channel = PrivateFiles.open(
                                    file,
                                    StandardOpenOption.CREATE,
                                    StandardOpenOption.READ,
                                    StandardOpenOption.WRITE);
                            FileLock ignored = FileLocks.exclusive(channel)) {
                        return work.on(channel);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(
                            "Cannot use the ledger spool " + file + ": " + e.getMessage()
                                    + "; make its folder writable.",
                            e);
                }
            }
        });
    }

    private static byte[] read(FileChannel channel) throws IOException {
        long size = channel.size();
        if (size > Integer.MAX_VALUE - 8) {
            throw new IOException("the spool is " + size + " bytes long, more than it can ever hold");
        }
        ByteBuffer buffer = ByteBuffer.allocate((int) size);
        int read = 0;
        while (read < size) {
            int more = channel.read(buffer, read);
            if (more < 0) {
                break;
            }
            read += more;
        }
        return Arrays.copyOf(buffer.array(), read);
    }

    /** Where the last whole line ends: bytes after it were torn by a crash in the middle of an add. */
    private static long soundEnd(byte[] bytes) {
        int end = bytes.length;
        while (end > 0 && bytes[end - 1] != '\n') {
            end--;
        }
        return end;
    }

    private List<LedgerRecord> parse(byte[] bytes, Consumer<String> damaged) {
        List<LedgerRecord> records = new ArrayList<>();
        int start = 0;
        int end = (int) soundEnd(bytes);
        while (start < end) {
            int newline = start;
            while (bytes[newline] != '\n') {
                newline++;
            }
            byte[] line = Arrays.copyOfRange(bytes, start, newline);
            try {
                codec.verify(line, line.length);
                records.add(codec.parse(line, line.length));
            } catch (IllegalArgumentException e) {
                damaged.accept("the line at byte " + start + " of the ledger spool " + file
                        + " is damaged and was left out (" + e.getMessage() + ")");
            }
            start = newline + 1;
        }
        return records;
    }
}
