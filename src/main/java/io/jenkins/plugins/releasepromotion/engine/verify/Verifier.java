package io.jenkins.plugins.releasepromotion.engine.verify;

import io.jenkins.plugins.releasepromotion.engine.config.CheckConfig;
import io.jenkins.plugins.releasepromotion.engine.config.CheckType;
import io.jenkins.plugins.releasepromotion.engine.port.CommandRunner;
import io.jenkins.plugins.releasepromotion.engine.port.Credentials;
import io.jenkins.plugins.releasepromotion.engine.port.LogSink;
import io.jenkins.plugins.releasepromotion.engine.port.MaskingLogSink;
import io.jenkins.plugins.releasepromotion.engine.port.Secrets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;

/**
 * Verifies what runs on an environment slot: its checks, health and version first (nothing else means much until
 * the right version is up), then the rest in the order configured. After an enforced failure the remaining checks
 * are skipped, except {@code logs} checks, which explain failures.
 */
public final class Verifier {
    private final Credentials credentials;
    private final CommandRunner remote;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Secrets secrets;
    private final Random jitter;

    /**
     * @param remote runs {@code logs} and {@code migrations} commands where the deploy runs; {@code null} when there
     *     is no such place, which fails those checks
     * @param secrets secrets already in play, masked along with the credentials the checks use
     */
    public Verifier(Credentials credentials, CommandRunner remote, Clock clock, Sleeper sleeper, Secrets secrets) {
        this(credentials, remote, clock, sleeper, secrets, new Random());
    }

    /** As above, with the source of the retries' jitter (seeded in tests). */
    public Verifier(
            Credentials credentials,
            CommandRunner remote,
            Clock clock,
            Sleeper sleeper,
            Secrets secrets,
            Random jitter) {
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.remote = remote;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.secrets = Objects.requireNonNull(secrets, "secrets");
        this.jitter = Objects.requireNonNull(jitter, "jitter");
    }

    /**
     * Runs the checks and reports on each. Lines go to {@code log} masked.
     *
     * @throws InterruptedException when the verification is aborted: an aborted verification has no verdict
     */
    public VerificationReport verify(VerificationTarget target, List<CheckConfig> checks, LogSink log)
            throws InterruptedException {
        List<CheckConfig> ordered = new ArrayList<>(checks);
        ordered.sort(Comparator.comparingInt(Verifier::rank));
        Authorizations authorizations = Authorizations.resolve(ordered, credentials, secrets);
        LogSink out = new MaskingLogSink(log, authorizations.secrets());
        String where = CheckContext.where(target);
        CheckContext context = new CheckContext(
                target,
                where,
                HttpProbe.forCaFile(target.environment().caFile()),
                authorizations,
                remote,
                clock,
                sleeper);
        Instant started = clock.instant();
        out.line("[verify] " + target.tag() + " (commit " + VerificationReport.abbreviate(target.commit()) + ") on "
                + where + ": " + ordered.size() + (ordered.size() == 1 ? " check" : " checks"));
        List<CheckResult> results = runAll(
                ordered,
                context,
                new AttemptLoop(clock, sleeper, jitter, new Redaction(authorizations.secrets())),
                out);
        VerificationReport report = new VerificationReport(
                target.environment().name(),
                target.slot(),
                target.tag(),
                target.commit(),
                started,
                clock.instant(),
                results);
        out.line("[verify] " + report.summary());
        return report;
    }

    private static List<CheckResult> runAll(
            List<CheckConfig> checks, CheckContext context, AttemptLoop loop, LogSink out) throws InterruptedException {
        List<CheckResult> results = new ArrayList<>();
        String failedFirst = null;
        for (CheckConfig check : checks) {
            if (failedFirst != null && check.type() != CheckType.LOGS) {
                results.add(skipped(check, "not run: " + failedFirst + " failed first"));
                out.line("[verify] " + check.name() + " skipped: " + failedFirst + " failed first");
                continue;
            }
            CheckResult result = loop.run(check, checkOf(check.type()), context, out);
            results.add(result);
            if (result.blocking() && failedFirst == null) {
                failedFirst = result.name();
            }
        }
        return results;
    }

    private static int rank(CheckConfig check) {
        if (check.type() == CheckType.HEALTH) {
            return 0;
        }
        return check.type() == CheckType.VERSION ? 1 : 2;
    }

    private static Check checkOf(CheckType type) {
        return switch (type) {
            case VERSION -> new VersionCheck();
            case HEALTH -> new HealthCheck();
            case FLOWS -> new FlowsCheck();
            case DAG -> new DagCheck();
            case LOGS -> new LogsCheck();
            case MIGRATIONS -> new MigrationsCheck();
        };
    }

    private static CheckResult skipped(CheckConfig check, String why) {
        return new CheckResult(
                check.name(), check.type(), check.mode(), CheckOutcome.SKIPPED, 0, Duration.ZERO, why, Map.of());
    }
}
