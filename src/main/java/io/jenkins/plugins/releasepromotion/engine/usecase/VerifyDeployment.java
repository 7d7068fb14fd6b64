package io.jenkins.plugins.releasepromotion.engine.usecase;

import io.jenkins.plugins.releasepromotion.engine.config.EnvironmentConfig;
import io.jenkins.plugins.releasepromotion.engine.deploy.DeployMethod;
import io.jenkins.plugins.releasepromotion.engine.deploy.DeployTarget;
import io.jenkins.plugins.releasepromotion.engine.git.TagInfo;
import io.jenkins.plugins.releasepromotion.engine.ledger.LedgerRecord;
import io.jenkins.plugins.releasepromotion.engine.model.Outcome;
import io.jenkins.plugins.releasepromotion.engine.model.TagPattern;
import io.jenkins.plugins.releasepromotion.engine.port.LogSink;

/**
 * Verifies what runs on an environment slot and records it: a pass is an attestation, a failure a failed verification
 * (which also stops that tag from being promoted on the strength of an older pass).
 */
public final class VerifyDeployment {
    private final Engine engine;

    public VerifyDeployment(Engine engine) {
        this.engine = engine;
    }

    public VerifyResult verify(VerifyRequest request, LogSink log) {
        EnvironmentConfig env = Targets.environment(engine.config(), request.environment());
        Targets.checkSlot(env, request.slot());
        DeployTarget target = target(env, request);
        VerificationStep.Outcome outcome;
        // Logs and migrations commands run where the deploy runs; an SSH connection opens only if one is asked for.
        try (DeployMethod method = engine.deployMethods().open(env)) {
            outcome = new Verifications(engine, log)
                    .verifyAndRecord(target, null, method.runner(), request.actor(), request.buildUrl());
        }
        Outcome named = outcome.passed() ? Outcome.SUCCEEDED : Outcome.VERIFY_FAILED;
        log.line(named + ": " + target.tag() + " on " + DeploySequence.where(target) + ": " + outcome.summary());
        return new VerifyResult(
                named,
                env.name(),
                request.slot(),
                target.tag(),
                target.commit(),
                outcome.summary(),
                outcome.reportJson());
    }

    private DeployTarget target(EnvironmentConfig env, VerifyRequest request) {
        if (request.tag() == null) {
            LedgerRecord current = engine.ledger()
                    .current(env.name(), request.slot())
                    .orElseThrow(() -> new IllegalArgumentException("Nothing is recorded as running on "
                            + where(env, request.slot()) + "; name the tag to verify."));
            return new DeployTarget(env, request.slot(), current.tag(), current.commit());
        }
        TagPattern.of(engine.config().tagPattern()).parse(request.tag());
        TagInfo tag = engine.git().resolveTag(request.tag());
        return new DeployTarget(env, request.slot(), tag.name(), tag.commit());
    }

    private static String where(EnvironmentConfig env, Integer slot) {
        return slot == null ? env.name() : env.name() + " slot " + slot;
    }
}
