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
        DeployTarget target = target(env, request.slot(), request.tag() == null ? null : tag(request.tag()));
        return verify(target, request.actor(), request.buildUrl(), log);
    }

    /**
     * Verifies a target already resolved and records the outcome. Several threads may do so at once, one slot each:
     * the ledger serializes its writers, the HTTP client is shared and safe for that, and each verification has its own
     * attempt loop.
     */
    VerifyResult verify(DeployTarget target, String actor, String buildUrl, LogSink log) {
        VerificationStep.Outcome outcome;
        // Logs and migrations commands run where the deploy runs; an SSH connection opens only if one is asked for.
        try (DeployMethod method = engine.deployMethods().open(target.environment())) {
            outcome = new Verifications(engine, log).verifyAndRecord(target, null, method.runner(), actor, buildUrl);
        }
        Outcome named = outcome.passed() ? Outcome.SUCCEEDED : Outcome.VERIFY_FAILED;
        log.line(named + ": " + target.tag() + " on " + DeploySequence.where(target) + ": " + outcome.summary());
        return new VerifyResult(
                named,
                target.environment().name(),
                target.slot(),
                target.tag(),
                target.commit(),
                outcome.summary(),
                outcome.reportJson());
    }

    /** A release tag of the repository, checked against the tag pattern. */
    TagInfo tag(String name) {
        TagPattern.of(engine.config().tagPattern()).parse(name);
        return engine.git().resolveTag(name);
    }

    /** What to verify on a slot: {@code tag}, or when {@code null} what the ledger says runs there. */
    DeployTarget target(EnvironmentConfig env, Integer slot, TagInfo tag) {
        if (tag != null) {
            return new DeployTarget(env, slot, tag.name(), tag.commit());
        }
        LedgerRecord current = engine.ledger()
                .current(env.name(), slot)
                .orElseThrow(() -> new IllegalArgumentException(
                        "Nothing is recorded as running on " + where(env, slot) + "; name the tag to verify."));
        return new DeployTarget(env, slot, current.tag(), current.commit());
    }

    static String where(EnvironmentConfig env, Integer slot) {
        return slot == null ? env.name() : env.name() + " slot " + slot;
    }
}
