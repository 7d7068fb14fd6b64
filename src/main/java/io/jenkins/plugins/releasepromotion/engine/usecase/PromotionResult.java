package io.jenkins.plugins.releasepromotion.engine.usecase;

import io.jenkins.plugins.releasepromotion.engine.gate.GateDecision;
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

    public boolean succeeded() {
        return outcome == Outcome.SUCCEEDED;
    }
}
