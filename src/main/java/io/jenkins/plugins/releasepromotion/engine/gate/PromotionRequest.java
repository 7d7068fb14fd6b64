package io.jenkins.plugins.releasepromotion.engine.gate;

import java.util.List;
import java.util.Objects;

/**
 * What someone asks for: this tag onto this environment (and slot).
 *
 * @param actor who started it (a Jenkins user ID or a login name)
 * @param approvals the approvals given so far, when the environment asks for approval
 * @param windowOverrideReason why the deploy may go ahead outside a window or during a freeze; recorded
 * @param breakGlassReason why the person who started it may also approve it; recorded
 * @param dryRun evaluate only: approval and the lock are reported, not required
 */
public record PromotionRequest(
        String tag,
        String environment,
        Integer slot,
        String actor,
        List<Approval> approvals,
        String windowOverrideReason,
        String breakGlassReason,
        boolean dryRun) {

    public PromotionRequest {
        Objects.requireNonNull(environment, "environment");
        windowOverrideReason = blankToNull(windowOverrideReason);
        breakGlassReason = blankToNull(breakGlassReason);
        approvals = approvals == null ? List.of() : List.copyOf(approvals);
    }

    public static PromotionRequest of(String tag, String environment, Integer slot) {
        return new PromotionRequest(tag, environment, slot, null, null, null, null, false);
    }

    public PromotionRequest asDryRun() {
        return new PromotionRequest(
                tag, environment, slot, actor, approvals, windowOverrideReason, breakGlassReason, true);
    }

    public PromotionRequest withApprovals(List<Approval> given) {
        return new PromotionRequest(
                tag, environment, slot, actor, given, windowOverrideReason, breakGlassReason, dryRun);
    }

    /** The approvers' names, in the order they approved. */
    public List<String> approverNames() {
        return approvals.stream().map(Approval::approver).toList();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
