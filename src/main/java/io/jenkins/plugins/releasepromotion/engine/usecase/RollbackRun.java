package io.jenkins.plugins.releasepromotion.engine.usecase;

import io.jenkins.plugins.releasepromotion.engine.deploy.DeployMethod;
import io.jenkins.plugins.releasepromotion.engine.deploy.DeployTarget;
import io.jenkins.plugins.releasepromotion.engine.ledger.LedgerRecord;
import io.jenkins.plugins.releasepromotion.engine.ledger.RecordKind;
import io.jenkins.plugins.releasepromotion.engine.model.Outcome;
import io.jenkins.plugins.releasepromotion.engine.port.CommandException;
import io.jenkins.plugins.releasepromotion.engine.port.LogSink;
import java.time.Instant;
import java.util.Optional;

/**
 * Deploys an earlier good tag again and verifies it, recorded as a ROLLBACK with exactly one terminal record. Used by
 * the rollback use case and by the one automatic rollback of a promotion.
 */
final class RollbackRun {
    private final Engine engine;
    private final DeployMethod method;
    private final LogSink log;

    RollbackRun(Engine engine, DeployMethod method, LogSink log) {
        this.engine = engine;
        this.method = method;
        this.log = log;
    }

    /**
     * @param from the tag and commit being rolled back from, as recorded ({@code null} when unknown)
     */
    Result run(DeployTarget target, String fromTag, String fromCommit, Who who, boolean verify) {
        log.line("Rolling back " + DeploySequence.where(target) + " to " + target.tag() + ".");
        LedgerRecord started = LedgerRecord.started(
                        RecordKind.ROLLBACK,
                        target.environment().name(),
                        target.slot(),
                        target.tag(),
                        target.commit(),
                        who.actor(),
                        engine.clock().instant())
                .withBuildUrl(who.buildUrl())
                .withReason(who.reason())
                .withPrevious(fromTag, fromCommit);
        engine.ledger().append(started);
        boolean finished = false;
        try {
            Instant deployStart = engine.clock().instant();
            Optional<String> failed = deploy(target);
            VerificationStep.Outcome verified = null;
            Outcome outcome;
            String message;
            if (failed.isPresent()) {
                outcome = Outcome.DEPLOY_FAILED;
                message = "Rolling back to " + target.tag() + " failed: " + failed.get() + ".";
            } else if (verify) {
                verified = new Verifications(engine, log)
                        .verifyAndRecord(target, deployStart, method.runner(), who.actor(), who.buildUrl());
                outcome = verified.passed() ? Outcome.SUCCEEDED : Outcome.VERIFY_FAILED;
                message = "Rolled back " + DeploySequence.where(target) + " to " + target.tag() + "; verification "
                        + (verified.passed() ? "passed" : "failed") + ": " + verified.summary();
            } else {
                outcome = Outcome.SUCCEEDED;
                message = "Rolled back " + DeploySequence.where(target) + " to " + target.tag() + " (not verified).";
            }
            engine.ledger()
                    .append(started.withEvidence("message", message)
                            .finish(outcome, engine.clock().instant()));
            finished = true;
            log.line(outcome + ": " + message);
            return new Result(outcome, message, verified, started.id());
        } finally {
            if (!finished) {
                engine.ledger()
                        .append(started.withEvidence("message", "the rollback stopped before it finished")
                                .finish(Outcome.DEPLOY_FAILED, engine.clock().instant()));
            }
        }
    }

    private Optional<String> deploy(DeployTarget target) {
        try {
            return new DeploySequence(method, log).run(target, false);
        } catch (CommandException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** Who asks and why, recorded with the rollback. */
    record Who(String actor, String buildUrl, String reason) {}

    record Result(Outcome outcome, String message, VerificationStep.Outcome verified, String recordId) {}
}
