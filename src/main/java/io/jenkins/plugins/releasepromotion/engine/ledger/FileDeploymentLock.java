package io.jenkins.plugins.releasepromotion.engine.ledger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A deployment lock held as an operating-system lock on a small file that names the holder, so that a refused caller
 * in another process can say who is deploying. The file is emptied on close but never deleted: deleting a lock file
 * lets two processes lock two different files of the same name.
 */
final class FileDeploymentLock implements DeploymentLock {
    // Holders in this JVM: the operating-system lock cannot tell two threads of one process apart.
    private static final ConcurrentMap<Path, String> HELD = new ConcurrentHashMap<>();
    private static final int MAX_HOLDER_BYTES = 512;

    private final Path file;
    private final String environment;
    private final Integer slot;
    private final String holder;
    private final FileChannel channel;
    private final FileLock lock;
    private final AtomicBoolean open = new AtomicBoolean(true);

    private FileDeploymentLock(
            Path file, String environment, Integer slot, String holder, FileChannel channel, FileLock lock) {
        this.file = file;
        this.environment = environment;
        this.slot = slot;
        this.holder = holder;
        this.channel = channel;
        this.lock = lock;
    }

    static DeploymentLock acquire(Path file, String environment, Integer slot, String holder) {
        return Uninterrupted.call(() -> take(file, environment, slot, holder));
    }

    private static DeploymentLock take(Path file, String environment, Integer slot, String holder) {
        String description = describe(holder);
        String inThisJvm = HELD.putIfAbsent(file, description);
        if (inThisJvm != null) {
            throw new LedgerLockedException(environment, slot, inThisJvm);
        }
        FileChannel channel = null;
        boolean acquired = false;
        try {
            channel = PrivateFiles.open(
                    file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock = FileLocks.tryExclusive(channel);
            if (lock == null) {
                throw new LedgerLockedException(environment, slot, readHolder(channel));
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(description.getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(true);
            acquired = true;
            return new FileDeploymentLock(file, environment, slot, holder, channel, lock);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Cannot take the deployment lock " + file + ": " + e.getMessage()
                            + "; check that the ledger directory is writable.",
                    e);
        } finally {
            if (!acquired) {
                HELD.remove(file);
                closeQuietly(channel);
            }
        }
    }

    @Override
    public String environment() {
        return environment;
    }

    @Override
    public Integer slot() {
        return slot;
    }

    @Override
    public String holder() {
        return holder;
    }

    @Override
    public void close() {
        Uninterrupted.run(this::release);
    }

    private void release() {
        if (!open.compareAndSet(true, false)) {
            return;
        }
        try (FileChannel c = channel) {
            c.truncate(0);
            lock.release();
        } catch (IOException e) {
            // Closing the channel releases the lock whatever happened to the truncate.
        } finally {
            HELD.remove(file);
        }
    }

    /** The holder as written into the file: one printable line with the time it was taken and the process. */
    private static String describe(String holder) {
        String who = holder == null || holder.isBlank() ? "an unnamed holder" : "'" + printable(holder) + "'";
        return who + " since " + Instant.now() + " (process "
                + ProcessHandle.current().pid() + ")";
    }

    private static String readHolder(FileChannel channel) throws IOException {
        ByteBuffer text = ByteBuffer.allocate(MAX_HOLDER_BYTES);
        channel.read(text, 0);
        String holder = printable(new String(text.array(), 0, text.position(), StandardCharsets.UTF_8));
        return holder.isBlank() ? "another process (it did not say who)" : holder;
    }

    private static String printable(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().limit(200).forEach(c -> out.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return out.toString().strip();
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // Nothing more to release: a channel that failed to close holds no lock of ours.
            }
        }
    }
}
