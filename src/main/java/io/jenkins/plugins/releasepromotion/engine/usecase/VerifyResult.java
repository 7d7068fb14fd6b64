package io.jenkins.plugins.releasepromotion.engine.usecase;

import io.jenkins.plugins.releasepromotion.engine.model.Outcome;

/** A verification on its own: {@code SUCCEEDED} (an attestation was recorded) or {@code VERIFY_FAILED}. */
public record VerifyResult(
        Outcome outcome,
        String environment,
        Integer slot,
        String tag,
        String commit,
        String summary,
        String reportJson) {

    public boolean passed() {
        return outcome == Outcome.SUCCEEDED;
    }
}
