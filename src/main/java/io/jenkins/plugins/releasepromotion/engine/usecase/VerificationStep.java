package io.jenkins.plugins.releasepromotion.engine.usecase;

import io.jenkins.plugins.releasepromotion.engine.config.CheckConfig;
import io.jenkins.plugins.releasepromotion.engine.port.CommandRunner;
import io.jenkins.plugins.releasepromotion.engine.port.Credentials;
import io.jenkins.plugins.releasepromotion.engine.port.LogSink;
import io.jenkins.plugins.releasepromotion.engine.port.Secrets;
import io.jenkins.plugins.releasepromotion.engine.verify.CheckResult;
import io.jenkins.plugins.releasepromotion.engine.verify.Sleeper;
import io.jenkins.plugins.releasepromotion.engine.verify.VerificationReport;
import io.jenkins.plugins.releasepromotion.engine.verify.VerificationTarget;
import io.jenkins.plugins.releasepromotion.engine.verify.Verifier;
import java.time.Clock;
import java.util.List;

/** Runs verification checks against what runs on an environment slot. */
@FunctionalInterface
public interface VerificationStep {

    /** @param remote runs the logs and migrations commands where the deploy runs; {@code null} when there is none */
    Outcome verify(VerificationTarget target, List<CheckConfig> checks, CommandRunner remote, LogSink log);

    /** The checks of the verify package; an interrupted verification stops the operation, it never passes. */
    static VerificationStep using(Credentials credentials, Clock clock, Sleeper sleeper, Secrets secrets) {
        return (target, checks, remote, log) -> {
            try {
                Verifier verifier = new Verifier(credentials, remote, clock, sleeper, secrets);
                VerificationReport report = verifier.verify(target, checks, log);
                String why = report.checks().stream()
                        .filter(CheckResult::blocking)
                        .findFirst()
                        .map(c -> "; " + c.name() + ": " + c.message())
                        .orElse("");
                return new Outcome(report.passed(), report.summary() + why, report.toJson());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new OperationStoppedException("the verification of " + target.tag() + " was stopped", e);
            }
        };
    }

    /**
     * @param summary one line for the console and the ledger
     * @param reportJson the full report, for the ledger's evidence, the build page and a JSON file
     */
    record Outcome(boolean passed, String summary, String reportJson) {}
}
