package io.jenkins.plugins.releasepromotion.engine.usecase;

import io.jenkins.plugins.releasepromotion.engine.model.Outcome;

/**
 * How a rollback ended: {@code GATE_FAILED} when it was refused before anything ran.
 *
 * @param fromTag what ran before, per the ledger
 */
public record RollbackResult(
        Outcome outcome,
        String environment,
        Integer slot,
        String tag,
        String commit,
        String fromTag,
        String message,
        String verificationSummary,
        String reportJson,
        String recordId) {

    public boolean succeeded() {
        return outcome == Outcome.SUCCEEDED;
    }
}
