package io.jenkins.plugins.releasepromotion.engine.usecase;

import io.jenkins.plugins.releasepromotion.engine.config.CheckConfig;
import io.jenkins.plugins.releasepromotion.engine.port.LogSink;
import io.jenkins.plugins.releasepromotion.engine.verify.VerificationTarget;
import java.util.List;

/** Runs verification checks against what runs on an environment slot. */
@FunctionalInterface
public interface VerificationStep {

    Outcome verify(VerificationTarget target, List<CheckConfig> checks, LogSink log);

    /**
     * @param summary one line for the console and the ledger
     * @param reportJson the full report, for the ledger's evidence, the build page and a JSON file
     */
    record Outcome(boolean passed, String summary, String reportJson) {}
}
