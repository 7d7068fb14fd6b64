package io.jenkins.plugins.releasepromotion.engine.usecase;

import io.jenkins.plugins.releasepromotion.engine.deploy.DeployTarget;
import io.jenkins.plugins.releasepromotion.engine.ledger.LedgerRecord;
import io.jenkins.plugins.releasepromotion.engine.ledger.RecordKind;
import io.jenkins.plugins.releasepromotion.engine.model.Outcome;
import io.jenkins.plugins.releasepromotion.engine.port.CommandRunner;
import io.jenkins.plugins.releasepromotion.engine.port.LogSink;
import io.jenkins.plugins.releasepromotion.engine.verify.VerificationTarget;
import java.time.Instant;

/**
 * Runs the environment's checks and records the result: a passing verification is an attestation of that tag and
 * commit on that environment slot, the evidence a later promotion's gates read.
 */
final class Verifications {
    private final Engine engine;
    private final LogSink log;

    Verifications(Engine engine, LogSink log) {
        this.engine = engine;
        this.log = log;
    }

    VerificationStep.Outcome verifyAndRecord(
            DeployTarget target, Instant deployStart, CommandRunner remote, String actor, String buildUrl) {
        Instant start = engine.clock().instant();
        VerificationTarget what =
                new VerificationTarget(target.environment(), target.slot(), target.tag(), target.commit(), deployStart);
        log.line("Verifying " + target.tag() + " on " + DeploySequence.where(target) + ".");
        VerificationStep.Outcome outcome =
                engine.verification().verify(what, target.environment().checks(), remote, log);
        record(target, outcome, actor, buildUrl, start);
        return outcome;
    }

    /** Records a verification outcome: a pass is an attestation of that tag and commit there. */
    void record(DeployTarget target, VerificationStep.Outcome outcome, String actor, String buildUrl, Instant start) {
        LedgerRecord record = LedgerRecord.started(
                        RecordKind.VERIFICATION,
                        target.environment().name(),
                        target.slot(),
                        target.tag(),
                        target.commit(),
                        actor,
                        start)
                .withBuildUrl(buildUrl)
                .withEvidence("summary", outcome.summary());
        if (outcome.reportJson() != null) {
            record = record.withEvidence("report", outcome.reportJson());
        }
        engine.ledger()
                .append(record.finish(
                        outcome.passed() ? Outcome.SUCCEEDED : Outcome.VERIFY_FAILED,
                        engine.clock().instant()));
    }
}
