package io.jenkins.plugins.releasepromotion.engine.usecase;

import io.jenkins.plugins.releasepromotion.engine.config.EnvironmentConfig;
import io.jenkins.plugins.releasepromotion.engine.config.EnvironmentKind;
import io.jenkins.plugins.releasepromotion.engine.deploy.DeployMethod;
import io.jenkins.plugins.releasepromotion.engine.deploy.DeployTarget;
import io.jenkins.plugins.releasepromotion.engine.gate.GateDecision;
import io.jenkins.plugins.releasepromotion.engine.gate.PromotionPlan;
import io.jenkins.plugins.releasepromotion.engine.ledger.LedgerRecord;
import io.jenkins.plugins.releasepromotion.engine.model.Outcome;
import io.jenkins.plugins.releasepromotion.engine.port.CommandException;
import io.jenkins.plugins.releasepromotion.engine.port.CommandRunner;
import io.jenkins.plugins.releasepromotion.engine.port.LogSink;
import java.time.Instant;
import java.util.Optional;

/** One allowed promotion, after its STARTED record: deploy, verify, roll back once if needed, finish the record. */
final class PromotionRun {
    private final Engine engine;
    private final EnvironmentConfig env;
    private final PromoteRequest request;
    private final GateDecision decision;
    private final PromotionPlan plan;
    private final LedgerRecord started;
    private final LogSink log;
    private boolean finished;
    private Outcome ifStopped = Outcome.DEPLOY_FAILED;

    PromotionRun(
            Engine engine,
            EnvironmentConfig env,
            PromoteRequest request,
            GateDecision decision,
            LedgerRecord started,
            LogSink log) {
        this.engine = engine;
        this.env = env;
        this.request = request;
        this.decision = decision;
        this.plan = decision.plan();
        this.started = started;
        this.log = log;
    }

    PromotionResult execute() {
        DeployTarget target = new DeployTarget(env, plan.slot(), plan.tag(), plan.commit());
        try (DeployMethod method = engine.deployMethods().open(env)) {
            Instant deployStart = engine.clock().instant();
            Optional<String> failed = deploy(new DeploySequence(method, log), target, plan.backupRequired());
            if (failed.isPresent()) {
                return finish(
                        Outcome.DEPLOY_FAILED,
                        "Deploying " + plan.tag() + " to " + where() + " failed: " + failed.get() + ".",
                        null);
            }
            if (!request.verify()) {
                return finish(
                        Outcome.SUCCEEDED, "Deployed " + plan.tag() + " to " + where() + " (not verified).", null);
            }
            ifStopped = Outcome.VERIFY_FAILED;
            VerificationStep.Outcome verified = verifyAndBake(target, deployStart, method.runner());
            if (verified.passed()) {
                return finish(
                        Outcome.SUCCEEDED,
                        "Promoted " + plan.tag() + " to " + where() + ": " + verified.summary(),
                        verified);
            }
            if (autoRollback() && plan.rollbackTag() != null) {
                boolean back = rollBack(method);
                return finish(
                        back ? Outcome.ROLLED_BACK : Outcome.VERIFY_FAILED,
                        "Verification of " + plan.tag()
                                + " on " + where() + " failed (" + verified.summary() + "); "
                                + (back ? "rolled back to " + plan.rollbackTag() + "." : "the rollback failed too."),
                        verified);
            }
            return finish(
                    Outcome.VERIFY_FAILED,
                    "Verification of " + plan.tag() + " on " + where() + " failed: " + verified.summary(),
                    verified);
        } catch (RuntimeException | Error e) {
            if (!finished) {
                finish(
                        ifStopped,
                        "Promotion of " + plan.tag() + " to " + where() + " stopped: "
                                + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()),
                        null);
            }
            throw e;
        }
    }

    /** The checks, then the bake window; a failure in the window is recorded as a failed verification. */
    private VerificationStep.Outcome verifyAndBake(DeployTarget target, Instant deployStart, CommandRunner remote) {
        Verifications verifications = new Verifications(engine, log);
        VerificationStep.Outcome verified = verifications.verifyAndRecord(
                target, deployStart, remote, request.gate().actor(), request.buildUrl());
        if (!verified.passed()) {
            return verified;
        }
        Optional<VerificationStep.Outcome> bakeFailure;
        try {
            bakeFailure = new BakeWindow(engine, log).watch(target);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OperationStoppedException("the bake window of " + target.tag() + " was stopped", e);
        }
        bakeFailure.ifPresent(failure -> verifications.record(
                target,
                failure,
                request.gate().actor(),
                request.buildUrl(),
                engine.clock().instant()));
        return bakeFailure.orElse(verified);
    }

    private static Optional<String> deploy(DeploySequence sequence, DeployTarget target, boolean backup) {
        try {
            return sequence.run(target, backup);
        } catch (CommandException e) {
            return Optional.of(e.getMessage());
        }
    }

    private boolean rollBack(DeployMethod method) {
        DeployTarget previous = new DeployTarget(env, plan.slot(), plan.rollbackTag(), plan.rollbackCommit());
        RollbackRun.Who who = new RollbackRun.Who(
                request.gate().actor(),
                request.buildUrl(),
                "automatic rollback after the failed verification of " + plan.tag());
        return new RollbackRun(engine, method, log)
                        .run(previous, plan.tag(), plan.commit(), who, true)
                        .outcome()
                == Outcome.SUCCEEDED;
    }

    private boolean autoRollback() {
        return request.autoRollback() != null ? request.autoRollback() : env.kind() == EnvironmentKind.PRODUCTION;
    }

    private PromotionResult finish(Outcome outcome, String message, VerificationStep.Outcome verified) {
        LedgerRecord record = started.withEvidence("message", message);
        if (verified != null) {
            record = record.withEvidence("verification", verified.summary());
        }
        engine.ledger().append(record.finish(outcome, engine.clock().instant()));
        finished = true;
        log.line(outcome + ": " + message);
        return PromotionResult.of(decision, outcome, verified, message, started.id());
    }

    private String where() {
        return Promotion.where(plan);
    }
}
