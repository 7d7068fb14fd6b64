package io.jenkins.plugins.releasepromotion.engine.ledger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The rest of a long newest-first scan, in two threads: a thread of its own finds the lines that may answer the query
 * (each line's start, its checksum, a look at its head) while the caller decodes and weighs the ones found before. The
 * caller sees what a scan on its own thread would give: the same records in the same order, the warnings on its own
 * thread in their place among them, nothing after {@code more} said no, and the file closed when it returns.
 */
final class ReadAhead {
    /** A scan reads this many lines on the caller's thread first: most queries have their answer by then. */
    static final int INLINE_LINES = 4_096;

    private static final int BATCH_LINES = 256;
    private static final int BATCH_BYTES = 256 * 1024;
    /** Batches found and not yet taken: with the one being filled, about a MiB of lines at most. */
    private static final int QUEUED = 4;

    private final LedgerScan scan;
    private final List<byte[]> needles;
    private final Relay relay;
    private final Function<IOException, UncheckedIOException> unreadable;
    /** The ledger's own warnings, given on the caller's thread. */
    private final Consumer<String> callerWarnings;

    private final BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(QUEUED);
    private volatile boolean stopped;

    /** What the reading thread found: lines to decode (or warnings to give, in their place), and at the end, how it ended. */
    private record Batch(List<Supplier<LedgerRecord>> lines, boolean last, List<String> closing, Throwable failure) {}

    /**
     * Where a scan's warnings go: the ledger's own, except those the reading thread meets while it runs, which go to
     * its batches so that the caller gives them in their place. A line decoded on the caller's thread warns directly.
     */
    static final class Relay implements Consumer<String> {
        private final Consumer<String> ledger;
        private volatile Thread reading;
        private volatile Consumer<String> batches;

        Relay(Consumer<String> ledger) {
            this.ledger = ledger;
            this.batches = ledger;
        }

        @Override
        public void accept(String warning) {
            if (Thread.currentThread() == reading) {
                batches.accept(warning);
            } else {
                ledger.accept(warning);
            }
        }

        void divert(Thread thread, Consumer<String> to) {
            batches = to;
            reading = thread;
        }

        void end() {
            reading = null;
        }
    }

    private ReadAhead(
            LedgerScan scan,
            List<byte[]> needles,
            Relay relay,
            Function<IOException, UncheckedIOException> unreadable) {
        this.scan = scan;
        this.needles = needles;
        this.relay = relay;
        this.unreadable = unreadable;
        this.callerWarnings = relay.ledger;
    }

    /**
     * Reads the rest of {@code scan} and closes it, giving the records to {@code more} until it says no.
     *
     * @param relay the scan's warnings, which go to the reading thread's batches meanwhile
     */
    static void finish(
            LedgerScan scan,
            List<byte[]> needles,
            Relay relay,
            Function<IOException, UncheckedIOException> unreadable,
            Predicate<LedgerRecord> more) {
        new ReadAhead(scan, needles, relay, unreadable).run(more);
    }

    private void run(Predicate<LedgerRecord> more) {
        Reader reader = new Reader();
        Thread thread = new Thread(reader, "release-promotion ledger read-ahead");
        relay.divert(thread, reader::warn);
        thread.setDaemon(true);
        thread.start();
        boolean interrupted = false;
        boolean lastTaken = false;
        try {
            while (true) {
                Batch batch;
                try {
                    batch = queue.take();
                } catch (InterruptedException e) {
                    // Like any ledger read, this one ends whole; the interrupt is kept for the caller.
                    interrupted = true;
                    continue;
                }
                for (int i = 0; i < batch.lines().size() && !stopped; i++) {
                    LedgerRecord record = batch.lines().get(i).get();
                    if (record != null && !more.test(record)) {
                        stopped = true;
                    }
                }
                if (batch.last()) {
                    lastTaken = true;
                    batch.closing().forEach(callerWarnings);
                    if (batch.failure() != null && !stopped) {
                        throw rethrown(batch.failure());
                    }
                    return;
                }
            }
        } finally {
            if (!lastTaken) {
                // The caller's own failure: the reading thread stops, and the file is closed before it goes up.
                stopped = true;
                interrupted |= drain();
            }
            relay.end();
            interrupted |= join(thread);
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** An unreadable file as such; anything else the reading thread met as a failure of this scan, with its cause. */
    private static UncheckedIOException rethrown(Throwable failure) {
        if (failure instanceof UncheckedIOException unreadable) {
            return unreadable;
        }
        if (failure instanceof Error error) {
            throw error;
        }
        throw new IllegalStateException("Reading the ledger ahead failed: " + failure, failure);
    }

    /**
     * Takes what the reading thread still puts until its last batch, and gives the warnings of its close; true when
     * interrupted meanwhile.
     */
    private boolean drain() {
        boolean interrupted = false;
        while (true) {
            try {
                Batch batch = queue.take();
                if (batch.last()) {
                    batch.closing().forEach(callerWarnings);
                    return interrupted;
                }
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
    }

    private static boolean join(Thread thread) {
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                return interrupted;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
    }

    /** The reading thread: it owns the scan from here on, and closes it. */
    private final class Reader implements Runnable {
        private List<Supplier<LedgerRecord>> lines = new ArrayList<>();
        private int bytes;
        private List<String> closing;

        /** A warning of the scan, given in its place among the lines; those of the close come with the last batch. */
        void warn(String warning) {
            if (closing != null) {
                closing.add(warning);
            } else {
                lines.add(() -> {
                    callerWarnings.accept(warning);
                    return null;
                });
            }
        }

        @Override
        public void run() {
            Throwable failure = null;
            try {
                while (!stopped && scan.next()) {
                    if (scan.canonical() && !CanonicalLine.mayMatch(scan.bytes(), scan.length(), needles)) {
                        continue;
                    }
                    lines.add(scan.later());
                    bytes += scan.length();
                    if (lines.size() == BATCH_LINES || bytes >= BATCH_BYTES) {
                        put(new Batch(lines, false, List.of(), null));
                        lines = new ArrayList<>();
                        bytes = 0;
                    }
                }
            } catch (IOException e) {
                failure = unreadable.apply(e);
            } catch (RuntimeException | Error e) {
                // Whatever happens, the last batch is put: the caller waits for it.
                failure = e;
            }
            closing = new ArrayList<>();
            try {
                scan.close();
            } catch (IOException e) {
                failure = failure != null ? failure : unreadable.apply(e);
            } catch (RuntimeException | Error e) {
                failure = failure != null ? failure : e;
            }
            put(new Batch(lines, true, closing, failure));
        }

        /**
         * Waits for room: the caller takes every batch until the last, so a put always ends. The thread is this scan's
         * own and nothing stops it but the caller saying so; an interrupt is not kept, as it would close the file.
         */
        private void put(Batch batch) {
            while (true) {
                try {
                    queue.put(batch);
                    return;
                } catch (InterruptedException e) {
                    // Ignored, see above.
                }
            }
        }
    }
}
