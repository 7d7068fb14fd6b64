package io.jenkins.plugins.releasepromotion.engine.usecase;

import io.jenkins.plugins.releasepromotion.engine.config.EnvironmentConfig;
import io.jenkins.plugins.releasepromotion.engine.deploy.DeployTarget;
import io.jenkins.plugins.releasepromotion.engine.git.TagInfo;
import io.jenkins.plugins.releasepromotion.engine.ledger.LedgerRecord;
import io.jenkins.plugins.releasepromotion.engine.model.Outcome;
import io.jenkins.plugins.releasepromotion.engine.port.LogSink;
import io.jenkins.plugins.releasepromotion.engine.verify.Times;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * Verifies several slots of an environment at once, each exactly as {@link VerifyDeployment} verifies one and recorded
 * in the ledger the same way, on a pool of at most {@link FanOutRequest#parallelism()} threads. Each slot's lines
 * carry its number and reach the log one whole line at a time. Stopping the calling thread stops every slot; each
 * verification is one ledger record, written whole or not at all.
 */
public final class FanOutVerification {
    private final Engine engine;

    public FanOutVerification(Engine engine) {
        this.engine = engine;
    }

    public FanOutResult verify(FanOutRequest request, LogSink log) {
        EnvironmentConfig env = Targets.environment(engine.config(), request.environment());
        List<Integer> slots = slots(env, request.slots());
        VerifyDeployment single = new VerifyDeployment(engine);
        TagInfo tag = request.tag() == null ? null : single.tag(request.tag());
        // One read of the ledger for every slot rather than one per slot: a long history is read once.
        Map<Integer, LedgerRecord> running = tag == null ? engine.ledger().currentOfSlots(env.name(), slots) : Map.of();
        LogSink shared = LogSink.serialized(log);
        int threads = Math.min(request.parallelism(), slots.size());
        shared.line("Verifying " + slots.size() + " slots of " + env.name() + ", " + threads + " at a time.");
        Instant start = engine.clock().instant();
        ExecutorService pool = Executors.newFixedThreadPool(threads, threads(env.name()));
        List<Future<VerifyResult>> futures = new ArrayList<>();
        try {
            for (int slot : slots) {
                LogSink slotLog = text -> shared.line("[slot " + slot + "] " + text);
                Optional<DeployTarget> target = tag != null
                        ? Optional.of(single.target(env, slot, tag))
                        : Optional.ofNullable(running.get(slot))
                                .map(r -> new DeployTarget(env, slot, r.tag(), r.commit()));
                futures.add(pool.submit(
                        () -> verifySlot(single, env, slot, target, request.actor(), request.buildUrl(), slotLog)));
            }
            FanOutResult result = FanOutResult.of(env.name(), collect(futures));
            shared.line(summary(result, Duration.between(start, engine.clock().instant())));
            return result;
        } catch (InterruptedException e) {
            awaitStop(pool);
            Thread.currentThread().interrupt();
            throw new OperationStoppedException(
                    "the verification of " + slots.size() + " slots of " + env.name() + " was stopped" + done(futures),
                    e);
        } finally {
            pool.shutdownNow();
        }
    }

    private static VerifyResult verifySlot(
            VerifyDeployment single,
            EnvironmentConfig env,
            int slot,
            Optional<DeployTarget> target,
            String actor,
            String buildUrl,
            LogSink log) {
        if (target.isEmpty()) {
            String why = "nothing is recorded as running there, so nothing was verified; deploy a tag to it or"
                    + " name the tag to verify";
            log.line("NOT VERIFIED: " + VerifyDeployment.where(env, slot) + ": " + why + ".");
            return new VerifyResult(Outcome.VERIFY_FAILED, env.name(), slot, null, null, why, null);
        }
        return single.verify(target.get(), actor, buildUrl, log);
    }

    /** Every slot's result, waiting for all; the first unexpected failure of a slot is thrown once all have ended. */
    private static List<VerifyResult> collect(List<Future<VerifyResult>> running) throws InterruptedException {
        List<VerifyResult> results = new ArrayList<>();
        RuntimeException failure = null;
        for (Future<VerifyResult> slot : running) {
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

    private static List<Integer> slots(EnvironmentConfig env, List<Integer> asked) {
        if (!env.hasSlots()) {
            throw new IllegalArgumentException(
                    env.name() + " has no slots to verify at once; verify it on its own, without slots.");
        }
        List<Integer> slots = new ArrayList<>(new LinkedHashSet<>(asked));
        if (slots.isEmpty()) {
            for (int slot = 1; slot <= env.slots(); slot++) {
                slots.add(slot);
            }
        }
        slots.forEach(slot -> Targets.checkSlot(env, slot));
        return slots;
    }

    private static String summary(FanOutResult result, Duration took) {
        long passed = result.slots().stream().filter(VerifyResult::passed).count();
        String failed = result.slots().stream()
                .filter(s -> !s.passed())
                .map(s -> s.slot() + (FanOutResult.verified(s) ? "" : " (not verified)"))
                .collect(Collectors.joining(", "));
        return result.outcome() + ": " + passed + " of " + result.slots().size() + " slots of "
                + result.environment() + " passed in " + Times.text(took)
                + (failed.isEmpty() ? "." : "; failed: slot " + failed + ".");
    }

    /** Waits for the stopped slots to end, so that nothing is still writing when the caller learns of the stop. */
    private static void awaitStop(ExecutorService pool) {
        pool.shutdownNow();
        boolean interrupted = false;
        while (true) {
            try {
                if (pool.awaitTermination(1, TimeUnit.MINUTES)) {
                    break;
                }
            } catch (InterruptedException again) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static String done(List<Future<VerifyResult>> running) {
        List<String> recorded = new ArrayList<>();
        for (Future<VerifyResult> slot : running) {
            if (slot.isDone() && !slot.isCancelled()) {
                try {
                    VerifyResult result = slot.get();
                    if (FanOutResult.verified(result)) {
                        recorded.add(Integer.toString(result.slot()));
                    }
                } catch (ExecutionException | InterruptedException e) {
                    // Stopped or failed before its record: nothing of it is in the ledger.
                }
            }
        }
        return recorded.isEmpty() ? "" : "; slots verified and recorded before that: " + String.join(", ", recorded);
    }

    private static ThreadFactory threads(String environment) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread =
                    new Thread(task, "release-promotion verify " + environment + " #" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
