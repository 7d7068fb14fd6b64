package io.jenkins.plugins.releasepromotion.engine.usecase;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads that verify the slots of one fan-out, and their results in the order the slots were handed in. Its
 * threads are daemons named for the environment, and end when it is closed.
 */
final class SlotPool implements AutoCloseable {
    private final ExecutorService threads;
    private final List<Thread> started = new CopyOnWriteArrayList<>();
    private final List<Future<VerifyResult>> slots = new ArrayList<>();

    SlotPool(String environment, int size) {
        AtomicInteger count = new AtomicInteger();
        this.threads = Executors.newFixedThreadPool(size, task -> {
            Thread thread =
                    new Thread(task, "release-promotion verify " + environment + " #" + count.incrementAndGet());
            thread.setDaemon(true);
            started.add(thread);
            return thread;
        });
    }

    void submit(Callable<VerifyResult> slot) {
        slots.add(threads.submit(slot));
    }

    /** Every slot's result, waiting for all; the first unexpected failure of a slot is thrown once all have ended. */
    List<VerifyResult> results() throws InterruptedException {
        List<VerifyResult> results = new ArrayList<>();
        RuntimeException failure = null;
        for (Future<VerifyResult> slot : slots) {
            try {
                results.add(slot.get());
            } catch (ExecutionException e) {
                RuntimeException cause =
                        e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                if (failure == null) {
                    failure = cause;
                } else {
                    failure.addSuppressed(cause);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
        return results;
    }

    /** Interrupts every slot and waits for each to end, so that nothing is still writing when the caller goes on. */
    void stop() {
        threads.shutdownNow();
        boolean interrupted = false;
        while (true) {
            try {
                if (threads.awaitTermination(1, TimeUnit.MINUTES)) {
                    break;
                }
            } catch (InterruptedException again) {
                interrupted = true;
            }
        }
        // The pool ends before its threads do (each still leaves runWorker): wait for the threads themselves.
        for (Thread thread : started) {
            while (thread.isAlive()) {
                try {
                    thread.join();
                } catch (InterruptedException again) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** The slots whose verification ended and was recorded, after {@link #stop()}. */
    List<Integer> recorded() {
        List<Integer> recorded = new ArrayList<>();
        for (Future<VerifyResult> slot : slots) {
            if (slot.isDone() && !slot.isCancelled()) {
                try {
                    VerifyResult result = slot.get();
                    if (FanOutResult.verified(result)) {
                        recorded.add(result.slot());
                    }
                } catch (ExecutionException | InterruptedException e) {
                    // Stopped or failed before its record: nothing of it is in the ledger.
                }
            }
        }
        return recorded;
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}
