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
        try (SlotPool pool = new SlotPool(env.name(), threads)) {
            for (int slot : slots) {
                LogSink slotLog = text -> shared.line("[slot " + slot + "] " + text);
                LedgerRecord current = running.get(slot);
                DeployTarget target = tag != null
                        ? single.target(env, slot, tag)
                        : current == null ? null : new DeployTarget(env, slot, current.tag(), current.commit());
                pool.submit(() -> verifySlot(single, env, slot, target, request, slotLog));
            }
            try {
                FanOutResult result = FanOutResult.of(env.name(), pool.results());
                shared.line(
                        summary(result, Duration.between(start, engine.clock().instant())));
                return result;
            } catch (InterruptedException e) {
                pool.stop();
                Thread.currentThread().interrupt();
                throw new OperationStoppedException(stopped(env, slots, pool.recorded()), e);
            }
        }
    }

    /** Verifies one slot; {@code target} is {@code null} when nothing is known to run there, which is reported. */
    private static VerifyResult verifySlot(
            VerifyDeployment single,
            EnvironmentConfig env,
            int slot,
            DeployTarget target,
            FanOutRequest request,
            LogSink log) {
        if (target == null) {
            String why = "nothing is recorded as running there, so nothing was verified; deploy a tag to it or"
                    + " name the tag to verify";
            log.line("NOT VERIFIED: " + VerifyDeployment.where(env, slot) + ": " + why + ".");
            return new VerifyResult(Outcome.VERIFY_FAILED, env.name(), slot, null, null, why, null);
        }
        return single.verify(target, request.actor(), request.buildUrl(), log);
    }

    private static List<Integer> slots(EnvironmentConfig env, List<Integer> asked) {
        if (!env.hasSlots()) {
            throw new IllegalArgumentException(
                    env.name() + " has no slots to verify at once; verify it on its own, without slots.");
        }
        List<Integer> slots = asked.isEmpty() ? env.places() : new ArrayList<>(new LinkedHashSet<>(asked));
        slots.forEach(slot -> Targets.checkSlot(env, slot));
        return slots;
    }

    private static String stopped(EnvironmentConfig env, List<Integer> slots, List<Integer> recorded) {
        return "the verification of " + slots.size() + " slots of " + env.name() + " was stopped"
                + (recorded.isEmpty()
                        ? ""
                        : "; slots verified and recorded before that: "
                                + recorded.stream().map(String::valueOf).collect(Collectors.joining(", ")));
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
}
