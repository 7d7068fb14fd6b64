package io.jenkins.plugins.releasepromotion.engine.ledger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The ledger file of one environment: appends ({@link FileAppends}), queries and the check of its chain. Reads take no
 * lock: they stop at the last newline and so never see half a line.
 */
final class LedgerFile {
    private final Path path;
    private final String environment;
    private final LedgerCodec codec;
    private final LedgerWarnings warnings;
    private final Set<String> warned = ConcurrentHashMap.newKeySet();
    private final LedgerIndex index;
    private final FileChain chain;
    private final FileAppends appends;

    LedgerFile(Path path, String environment, LedgerCodec codec, LedgerWarnings warnings) {
        this.path = path;
        this.environment = environment;
        this.codec = codec;
        this.warnings = warnings;
        this.index = new LedgerIndex(path.resolveSibling(environment + ".index"), codec);
        this.chain = new FileChain(codec);
        this.appends = new FileAppends(path, codec, warnings, chain, this::updateIndex);
    }

    void append(LedgerRecord record) {
        appends.append(record);
    }

    /** Checks the chain of the file as it is on disk. */
    ChainReport verifyChain() {
        return Uninterrupted.call(() -> {
            try {
                return chain.verify(path, environment);
            } catch (IOException e) {
                throw unreadable(e);
            }
        });
    }

    // The index is advice: when it cannot be written, look-ups read the ledger instead, and say so once.
    private void updateIndex(FileChannel channel, long end) {
        try {
            index.catchUp(channel, end);
        } catch (IOException | RuntimeException e) {
            warnOnce("The ledger index of " + environment + " could not be updated (" + e.getMessage()
                    + "); look-ups read the whole ledger until it can be.");
        }
    }

    /**
     * The finished verifications that {@code wanted} accepts, newest first, read through the index: the lines it names
     * and the part of the file it does not cover yet. {@code null} when there is no usable index.
     */
    List<LedgerRecord> indexedVerifications(String key, Predicate<LedgerRecord> wanted) {
        return Uninterrupted.call(() -> readIndexed(key, wanted));
    }

    private List<LedgerRecord> readIndexed(String key, Predicate<LedgerRecord> wanted) {
        long covered = index.covered();
        if (covered == 0) {
            return null;
        }
        List<LedgerRecord> found = new ArrayList<>();
        try (FileChannel channel = PrivateFiles.open(path, StandardOpenOption.READ)) {
            long size = channel.size();
            if (covered > size) {
                return null;
            }
            for (long offset : index.offsets(key)) {
                if (offset >= covered) {
                    // Written by an append still catching the index up; the tail read below finds that record.
                    continue;
                }
                LedgerRecord record;
                try {
                    record = index.recordAt(channel, offset);
                } catch (UnauthenticatedRecordException e) {
                    warnOnce(e.warning("the line at byte " + offset + " of " + path.getFileName()));
                    continue;
                }
                if (record == null || !wanted.test(record)) {
                    // Every line the index names for a key holds such a record; anything else is damage.
                    warnOnce("The ledger index of " + environment + " names a line that is not what it says; the"
                            + " ledger is read whole instead. Delete " + index.directory() + " to rebuild it.");
                    return null;
                }
                found.add(record);
            }
            LedgerIndex.forEachLine(channel, covered, size, (line, length, offset) -> {
                try {
                    LedgerRecord record = index.verification(line, length);
                    if (record != null && wanted.test(record)) {
                        found.add(record);
                    }
                } catch (UnauthenticatedRecordException e) {
                    warnOnce(e.warning("the line at byte " + offset + " of " + path.getFileName()));
                }
            });
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw unreadable(e);
        }
        Collections.reverse(found);
        return Collections.unmodifiableList(found);
    }

    /**
     * Hands the readable records to {@code action}, oldest first: all of them, or at least those whose canonical line
     * holds every one of {@code needles}.
     */
    void read(List<byte[]> needles, Consumer<LedgerRecord> action) {
        scan(false, needles, r -> {
            action.accept(r);
            return true;
        });
    }

    /** Like {@link #read}, newest first, for as long as {@code more} says so. */
    void readNewestFirst(List<byte[]> needles, Predicate<LedgerRecord> more) {
        scan(true, needles, more);
    }

    private void scan(boolean newestFirst, List<byte[]> needles, Predicate<LedgerRecord> more) {
        Uninterrupted.run(() -> scanNow(newestFirst, needles, more));
    }

    private void scanNow(boolean newestFirst, List<byte[]> needles, Predicate<LedgerRecord> more) {
        scanNow(newestFirst, needles, more, ReadAhead.INLINE_LINES);
    }

    /**
     * Reads on the caller's thread; a newest-first scan that passes {@code inline} lines reads the rest with a
     * {@link ReadAhead}, which closes the scan itself (closing it again does nothing).
     */
    void scanNow(boolean newestFirst, List<byte[]> needles, Predicate<LedgerRecord> more, int inline) {
        ReadAhead.Relay relay = new ReadAhead.Relay(this::warnOnce);
        LedgerScan scan;
        try {
            scan = open(newestFirst, relay);
        } catch (IOException e) {
            throw unreadable(e);
        }
        if (scan == null) {
            return;
        }
        try (LedgerScan closed = scan) {
            for (int read = 0; ; read++) {
                if (newestFirst && read == inline) {
                    ReadAhead.finish(closed, needles, relay, this::unreadable, more);
                    return;
                }
                if (!closed.next()) {
                    return;
                }
                if (closed.canonical() && !CanonicalLine.mayMatch(closed.bytes(), closed.length(), needles)) {
                    continue;
                }
                LedgerRecord record = closed.record();
                if (record != null && !more.test(record)) {
                    return;
                }
            }
        } catch (IOException e) {
            throw unreadable(e);
        }
    }

    /** Started records without a finished record of the same id, in append order. */
    List<LedgerRecord> unfinished() {
        return Uninterrupted.call(this::readUnfinished);
    }

    private List<LedgerRecord> readUnfinished() {
        // Canonical lines are told apart by their head alone; only the operations still open at the end are parsed.
        Map<String, Supplier<LedgerRecord>> open = new LinkedHashMap<>();
        try (LedgerScan scan = open(false, this::warnOnce)) {
            while (scan != null && scan.next()) {
                // Where records must carry a MAC, every line is parsed and checked: a head proves nothing.
                CanonicalLine.Head head =
                        scan.canonical() && !codec.keyed() ? CanonicalLine.head(scan.bytes(), scan.length()) : null;
                LedgerRecord record = head == null ? scan.record() : null;
                if (head == null && record == null) {
                    continue;
                }
                String id = head != null ? head.id() : record.id();
                if (head != null ? head.finished() : record.isFinished()) {
                    open.remove(id);
                } else if (!open.containsKey(id)) {
                    open.put(id, record != null ? () -> record : scan.later());
                }
            }
        } catch (IOException e) {
            throw unreadable(e);
        }
        List<LedgerRecord> started = new ArrayList<>();
        open.values().stream().map(Supplier::get).filter(Objects::nonNull).forEach(started::add);
        return Collections.unmodifiableList(started);
    }

    private LedgerScan open(boolean newestFirst, Consumer<String> warn) throws IOException {
        try {
            return new LedgerScan(path, newestFirst, environment, codec, warn, this::noWriterHolds);
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    private UncheckedIOException unreadable(IOException e) {
        return new UncheckedIOException(
                "Cannot read the ledger " + path + ": " + e.getMessage() + "; check that the file is readable.", e);
    }

    private boolean noWriterHolds(FileChannel channel) throws IOException {
        // Under the monitor no thread of this JVM holds the lock, so the probe cannot collide with our own writers.
        synchronized (FileAppends.monitor(path)) {
            return FileLocks.isFree(channel);
        }
    }

    private void warnOnce(String message) {
        if (warned.add(message)) {
            warnings.warn(message);
        }
    }
}
