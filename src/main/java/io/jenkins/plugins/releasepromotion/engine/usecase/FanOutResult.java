package io.jenkins.plugins.releasepromotion.engine.usecase;

import io.jenkins.plugins.releasepromotion.engine.model.Outcome;
import java.util.List;

/**
 * Several slots verified at once: one result per slot asked for, in slot order, and {@code SUCCEEDED} only when every
 * one of them passed. A slot with nothing recorded as running is among them, unverified (see {@link #verified}).
 */
public record FanOutResult(Outcome outcome, String environment, List<VerifyResult> slots) {

    public FanOutResult {
        slots = List.copyOf(slots);
    }

    static FanOutResult of(String environment, List<VerifyResult> slots) {
        boolean all = slots.stream().allMatch(VerifyResult::passed);
        return new FanOutResult(all ? Outcome.SUCCEEDED : Outcome.VERIFY_FAILED, environment, slots);
    }

    public boolean passed() {
        return outcome == Outcome.SUCCEEDED;
    }

    /** Whether the slot's checks ran (and their outcome was recorded); false when nothing was known to run there. */
    public static boolean verified(VerifyResult slot) {
        return slot.tag() != null;
    }

    /** The slots that did not pass, verified or not. */
    public List<Integer> failedSlots() {
        return slots.stream().filter(s -> !s.passed()).map(VerifyResult::slot).toList();
    }
}
