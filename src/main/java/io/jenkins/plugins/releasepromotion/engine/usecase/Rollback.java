package io.jenkins.plugins.releasepromotion.engine.usecase;

import io.jenkins.plugins.releasepromotion.engine.config.EnvironmentConfig;
import io.jenkins.plugins.releasepromotion.engine.deploy.DeployMethod;
import io.jenkins.plugins.releasepromotion.engine.deploy.DeployTarget;
import io.jenkins.plugins.releasepromotion.engine.ledger.DeploymentLock;
import io.jenkins.plugins.releasepromotion.engine.ledger.LedgerLockedException;
import io.jenkins.plugins.releasepromotion.engine.ledger.LedgerRecord;
import io.jenkins.plugins.releasepromotion.engine.ledger.RecordKind;
import io.jenkins.plugins.releasepromotion.engine.model.DisplayText;
import io.jenkins.plugins.releasepromotion.engine.model.Outcome;
import io.jenkins.plugins.releasepromotion.engine.port.LogSink;

/**
 * Goes back to an earlier good tag: by default the most recent one that succeeded there and is older than the current
 * one; an explicit tag must have succeeded there before, unless forced with a reason, and one newer than what runs is
 * warned about. Locked, deployed, verified and recorded; windows
 * and freezes do not apply, as a rollback is how an incident ends.
 */
public final class Rollback {
    private final Engine engine;

    public Rollback(Engine engine) {
        this.engine = engine;
    }

    public RollbackResult rollback(RollbackRequest request, LogSink log) {
        EnvironmentConfig env = Targets.environment(engine.config(), request.environment());
        Targets.checkSlot(env, request.slot());
        RollbackTarget chooser = new RollbackTarget(engine, env, request.slot());
        RollbackTarget.Choice choice = chooser.choose(request);
        if (choice.refusal() != null) {
            return refuse(request, choice, log);
        }
        String warning = chooser.warning(choice);
        if (warning != null) {
            log.line("WARNING " + warning);
        }
        DeploymentLock lock;
        try {
            lock = engine.ledger().lock(env.name(), request.slot(), holder(request));
        } catch (LedgerLockedException e) {
            return refuse(
                    request,
                    choice.refused(DeploySequence.where(choice.target()) + " is being deployed by "
                            + DisplayText.of(e.holder()) + "; wait for it to finish, one deployment at a time."),
                    log);
        }
        try (lock;
                DeployMethod method = engine.deployMethods().open(env)) {
            DeployTarget target = choice.target();
            String reason = request.reason() != null ? request.reason() : "rollback to the previous good tag";
            RollbackRun.Result result = new RollbackRun(engine, method, log)
                    .run(
                            target,
                            choice.fromTag(),
                            choice.fromCommit(),
                            new RollbackRun.Who(request.actor(), request.buildUrl(), reason),
                            request.verify());
            VerificationStep.Outcome verified = result.verified();
            return new RollbackResult(
                    result.outcome(),
                    env.name(),
                    request.slot(),
                    target.tag(),
                    target.commit(),
                    choice.fromTag(),
                    result.message(),
                    verified == null ? null : verified.summary(),
                    verified == null ? null : verified.reportJson(),
                    result.recordId());
        }
    }

    private RollbackResult refuse(RollbackRequest request, RollbackTarget.Choice choice, LogSink log) {
        log.line("REFUSED " + choice.refusal());
        String tag = choice.target() != null
                ? choice.target().tag()
                : request.tag() == null ? null : DisplayText.of(request.tag());
        String commit = choice.target() != null ? choice.target().commit() : null;
        LedgerRecord record = LedgerRecord.started(
                        RecordKind.ROLLBACK,
                        request.environment(),
                        request.slot(),
                        tag,
                        commit,
                        request.actor(),
                        engine.clock().instant())
                .withBuildUrl(request.buildUrl())
                .withReason(request.reason())
                .withEvidence("message", choice.refusal())
                .finish(Outcome.GATE_FAILED, engine.clock().instant());
        engine.ledger().append(record);
        return new RollbackResult(
                Outcome.GATE_FAILED,
                request.environment(),
                request.slot(),
                tag,
                commit,
                choice.fromTag(),
                choice.refusal(),
                null,
                null,
                record.id());
    }

    private static String holder(RollbackRequest request) {
        String who = request.actor() == null ? "a rollback" : "a rollback by " + request.actor();
        return request.buildUrl() == null ? who : who + " (" + request.buildUrl() + ")";
    }
}
