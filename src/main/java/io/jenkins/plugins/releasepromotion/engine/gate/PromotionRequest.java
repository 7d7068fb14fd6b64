package io.jenkins.plugins.releasepromotion.engine.gate;

import java.util.Objects;

/**
 * What someone asks for: this tag onto this environment (and slot).
 *
 * @param actor who started it (a Jenkins user ID or a login name)
 * @param approvedBy who approved it, when the environment asks for approval
 * @param windowOverrideReason why the deploy may go ahead outside a window or during a freeze; recorded
 * @param breakGlassReason why the person who started it may also approve it; recorded
 * @param dryRun evaluate only: approval and the lock are reported, not required
 */
public record PromotionRequest(
        String tag,
        String environment,
        Integer slot,
        String actor,
        String approvedBy,
        String windowOverrideReason,
        String breakGlassReason,
        boolean dryRun) {

    public PromotionRequest {
        Objects.requireNonNull(environment, "environment");
        windowOverrideReason = blankToNull(windowOverrideReason);
        breakGlassReason = blankToNull(breakGlassReason);
        approvedBy = blankToNull(approvedBy);
    }

    public static PromotionRequest of(String tag, String environment, Integer slot) {
        return new PromotionRequest(tag, environment, slot, null, null, null, null, false);
    }

    public PromotionRequest asDryRun() {
        return new PromotionRequest(
                tag, environment, slot, actor, approvedBy, windowOverrideReason, breakGlassReason, true);
    }

    public PromotionRequest approvedBy(String approver) {
        return new PromotionRequest(
                tag, environment, slot, actor, approver, windowOverrideReason, breakGlassReason, dryRun);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
