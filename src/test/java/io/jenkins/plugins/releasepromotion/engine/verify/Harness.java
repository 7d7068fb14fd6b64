package io.jenkins.plugins.releasepromotion.engine.verify;

import io.jenkins.plugins.releasepromotion.engine.config.CheckConfig;
import io.jenkins.plugins.releasepromotion.engine.config.EnvironmentConfig;
import io.jenkins.plugins.releasepromotion.engine.config.EnvironmentKind;
import io.jenkins.plugins.releasepromotion.engine.port.CommandRunner;
import io.jenkins.plugins.releasepromotion.engine.port.MapCredentials;
import io.jenkins.plugins.releasepromotion.engine.port.Secrets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/** A verifier over fake time, map credentials and a log kept in memory, with the mission's staging slot 1. */
final class Harness {
    static final Instant START = Instant.parse("2026-01-24T10:00:00Z");
    static final String TAG = "v1.2.3";
    static final String COMMIT = "9d8e7f6a1b2c3d4e5f60718293a4b5c6d7e8f901";

    final FakeTime time = new FakeTime(START);
    final MapCredentials credentials = new MapCredentials();
    final List<String> log = new ArrayList<>();
    CommandRunner runner;
    Secrets secrets = Secrets.none();

    static EnvironmentConfig staging(String url, String caFile) {
        return new EnvironmentConfig(
                "staging", EnvironmentKind.STAGING, 3, url, caFile, null, List.of(), null, null, null);
    }

    static VerificationTarget slot1(String url) {
        return new VerificationTarget(staging(url, null), 1, TAG, COMMIT, null);
    }

    static VerificationTarget deployedSince(String url, Instant deployStarted) {
        return new VerificationTarget(staging(url, null), 1, TAG, COMMIT, deployStarted);
    }

    /** What {@code /api/version} answers, as in the deployment manual. */
    static String version(String branch, String commit, String environment, Object slot, String deployedAt) {
        return String.format(
                Locale.ROOT,
                "{\"environment\": \"%s\", \"slot\": %s, \"branch\": \"%s\", \"commit_sha\": \"%s\","
                        + " \"deployed_at\": \"%s\"}",
                environment,
                slot,
                branch,
                commit,
                deployedAt);
    }

    static String goodVersion() {
        return version(TAG, COMMIT, "staging", 1, "2026-01-24T10:00:30Z");
    }

    Verifier verifier() {
        return new Verifier(credentials, runner, time, time, secrets, new Random(7));
    }

    VerificationReport verify(VerificationTarget target, CheckConfig... checks) throws InterruptedException {
        return verifier().verify(target, List.of(checks), log::add);
    }

    /** The one check of a report. */
    static CheckResult only(VerificationReport report) {
        if (report.checks().size() != 1) {
            throw new AssertionError("expected one check, got " + report.checks());
        }
        return report.checks().get(0);
    }
}
