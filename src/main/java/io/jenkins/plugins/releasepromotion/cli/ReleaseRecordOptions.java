package io.jenkins.plugins.releasepromotion.cli;

import io.jenkins.plugins.releasepromotion.engine.config.ReleaseConfig;
import io.jenkins.plugins.releasepromotion.engine.git.GitFacts;
import io.jenkins.plugins.releasepromotion.engine.git.GitFactsException;
import io.jenkins.plugins.releasepromotion.engine.report.CommitTimes;
import io.jenkins.plugins.releasepromotion.engine.report.ReleaseRecord;
import io.jenkins.plugins.releasepromotion.engine.report.ReleaseReport;
import io.jenkins.plugins.releasepromotion.engine.report.ReportWindow;
import io.jenkins.plugins.releasepromotion.engine.usecase.HttpLive;
import io.jenkins.plugins.releasepromotion.engine.usecase.Status;
import java.time.Duration;
import java.time.Instant;
import picocli.CommandLine.Option;

/** The window of {@code report} and {@code metrics}, and how they read the release record. */
final class ReleaseRecordOptions {
    @Option(
            names = "--since",
            paramLabel = "DURATION",
            defaultValue = "84d",
            description = "How far back the timeline and the figures look, e.g. 28d or 2160h (default ${DEFAULT-VALUE},"
                    + " twelve weeks).")
    Duration since;

    @Option(
            names = "--until",
            paramLabel = "TIME",
            description = "Where the window ends, as ISO-8601 like 2026-11-30T12:00:00Z. Default: now.")
    Instant until;

    ReportWindow window() {
        return ReportWindow.last(since, until != null ? until : Instant.now());
    }

    /**
     * The release record of the window, from the ledger; a deployment recorded before deployments kept their commit's
     * time takes it from the repository, when there is one.
     */
    ReleaseReport read(CommonOptions options, ReleaseConfig config, boolean live) {
        ReportWindow window = window();
        try (CommandLedger ledger = options.openLedger(config);
                GitFacts git = repository(options, config)) {
            CommitTimes times = git == null ? CommitTimes.recorded() : CommitTimes.recordedOr(git::commitTime);
            ReleaseReport report = new ReleaseRecord(config, ledger.ledger(), times).read(window, Instant.now());
            if (!live) {
                return report;
            }
            HttpLive http = new HttpLive(Duration.ofSeconds(5));
            return ReleaseRecord.withLive(report, new Status(config, ledger.ledger(), http, http).of(null));
        }
    }

    private static GitFacts repository(CommonOptions options, ReleaseConfig config) {
        try {
            return options.openRepository(config);
        } catch (GitFactsException | IllegalArgumentException e) {
            return null;
        }
    }
}
