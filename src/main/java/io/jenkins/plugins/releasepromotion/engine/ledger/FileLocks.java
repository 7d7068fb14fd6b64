package io.jenkins.plugins.releasepromotion.engine.ledger;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;

/**
 * Operating-system locks between processes. They cover one byte far beyond any content rather than the whole file:
 * where locks are mandatory (Windows) a whole-file lock would also stop others from reading the ledger, or the holder
 * written into a deployment lock file. The operating system frees them when the process dies.
 *
 * <p>Within one JVM a second lock on the same file fails instead of waiting, so callers also serialize their own
 * threads.
 */
final class FileLocks {
    private static final long POSITION = Long.MAX_VALUE - 1;

    private FileLocks() {}

    /** Waits for the exclusive lock. */
    static FileLock exclusive(FileChannel channel) throws IOException {
        return channel.lock(POSITION, 1, false);
    }

    /** The exclusive lock, or {@code null} when another process holds it. */
    static FileLock tryExclusive(FileChannel channel) throws IOException {
        return channel.tryLock(POSITION, 1, false);
    }

    /** True when nobody, in any process, holds the exclusive lock at this moment. */
    static boolean isFree(FileChannel readable) throws IOException {
        try (FileLock probe = readable.tryLock(POSITION, 1, true)) {
            return probe != null;
        } catch (OverlappingFileLockException heldInThisJvm) {
            return false;
        }
    }
}
