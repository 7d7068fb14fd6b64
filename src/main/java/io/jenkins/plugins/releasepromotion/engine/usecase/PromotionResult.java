package io.jenkins.plugins.releasepromotion.engine.usecase;

import io.jenkins.plugins.releasepromotion.engine.gate.GateDecision;
import io.jenkins.plugins.releasepromotion.engine.gate.PromotionPlan;
import io.jenkins.plugins.releasepromotion.engine.model.Outcome;

/**
 * How a promotion ended. For a dry run nothing was recorded and {@code recordId} is {@code null}.
 *
 * @param outcome the named outcome; a dry run is {@code SUCCEEDED} when the gates allow it, else {@code GATE_FAILED}
 * @param message one line for the console
 * @param verificationSummary one line, {@code null} when nothing was verified
 * @param reportJson the verification report, {@code null} when nothing was verified
 */
public record PromotionResult(
        Outcome outcome,
        String tag,
        String commit,
        String environment,
        Integer slot,
        String previousTag,
        String releaseNotes,
        GateDecision decision,
        String verificationSummary,
        String reportJson,
        String message,
        String recordId) {

    static PromotionResult of(
            GateDecision decision,
            Outcome outcome,
            VerificationStep.Outcome verified,
            String message,
            String recordId) {
        PromotionPlan plan = decision.plan();
        return new PromotionResult(
                outcome,
                plan.tag(),
                plan.commit(),
                plan.environment(),
                plan.slot(),
                plan.currentTag(),
                plan.releaseNotes(),
                decision,
                verified == null ? null : verified.summary(),
                verified == null ? null : verified.reportJson(),
                message,
                recordId);
    }

    public boolean succeeded() {
        return outcome == Outcome.SUCCEEDED;
    }
}
