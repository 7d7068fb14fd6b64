package io.jenkins.plugins.releasepromotion.engine.report;

import io.jenkins.plugins.releasepromotion.engine.config.ConfigLoader;
import io.jenkins.plugins.releasepromotion.engine.config.ReleaseConfig;
import io.jenkins.plugins.releasepromotion.engine.ledger.JsonLinesLedger;
import io.jenkins.plugins.releasepromotion.engine.ledger.Ledger;
import io.jenkins.plugins.releasepromotion.engine.ledger.LedgerRecord;
import io.jenkins.plugins.releasepromotion.engine.ledger.RecordKind;
import io.jenkins.plugins.releasepromotion.engine.model.Outcome;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A ledger whose report is known by hand: four weeks ending {@link #NOW}, a staging environment with two slots and a
 * production one without. docs/report.md works through the same figures.
 *
 * <pre>
 * production (window: Nov 2 12:00 to Nov 30 12:00, weeks end Nov 9, 16, 23, 30 at 12:00)
 *   Oct 20        v0.9.0 succeeded                      (before the window)
 *   Nov 3 10:00   v1.0.0 succeeded, committed Nov 2 22:00   lead 12h           week 0
 *   Nov 10 10:05  v1.1.0 verification failed                incident starts     week 1
 *   Nov 10 10:20  rollback to v1.0.0 succeeded              restored after 15m
 *   Nov 10 10:21  v1.1.0 ROLLED_BACK                        failed change
 *   Nov 17 12:00  v1.1.1 succeeded, committed Nov 16 12:00  lead 24h           week 2
 *   Nov 24 09:00  v1.2.0 succeeded, committed Nov 22 21:00  lead 36h, rolled back later: failed change   week 3
 *   Nov 25 08:00  v1.2.0 verification failed                incident starts
 *   Nov 25 09:00  rollback to v1.1.1 succeeded              restored after 1h
 *   Nov 26 10:00  v1.2.1 DEPLOY_FAILED                      failed change, incident starts
 *   Nov 26 14:00  v1.2.2 succeeded, committed Nov 26 08:00  lead 6h, restored after 4h
 *   Nov 27 09:00  v1.3.0 GATE_FAILED                        not a change
 *   Nov 29 10:00  v1.2.2 verification failed                not restored yet
 * </pre>
 *
 * Deployment frequency 4 in 4 weeks: 1 per week (weeks 1, 0, 1, 2). Lead time median of 6h, 12h, 24h, 36h: 18h.
 * Change failure rate 3 of 6 changes: 50% (weeks 0%, 100%, 0%, 67%). Time to restore median of 15m, 1h, 4h: 1h.
 */
public final class ReportFixture {
    public static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
    public static final ReportWindow WINDOW = ReportWindow.last(Duration.ofDays(28), NOW);
    public static final String CONFIG =
            """
            environments:
              - name: staging
                kind: staging
                slots: 2
                deploy: {script: {command: ["true"]}}
              - name: production
                kind: production
                deploy: {script: {command: ["true"]}}
                gates: {promotesFrom: staging}
            """;

    private final Ledger ledger;

    public ReportFixture(Ledger ledger) {
        this.ledger = ledger;
    }

    public static ReleaseConfig config() {
        return ConfigLoader.parse(CONFIG, "report fixture");
    }

    /** The fixture written into a new file ledger in {@code dir}. */
    public static Ledger write(Path dir) {
        Ledger ledger = new JsonLinesLedger(dir);
        new ReportFixture(ledger).all();
        return ledger;
    }

    public void all() {
        staging();
        production();
    }

    private void staging() {
        deploy("staging", 1, "v1.2.2", "2026-11-26T12:00:00Z", Outcome.SUCCEEDED, "2026-11-26T08:00:00Z", "alice");
        verify("staging", 1, "v1.2.2", "2026-11-26T12:05:00Z", Outcome.SUCCEEDED);
        deploy("staging", 2, "v1.2.0", "2026-11-20T10:00:00Z", Outcome.SUCCEEDED, "2026-11-19T10:00:00Z", "alice");
        deploy("staging", 2, "v1.2.1", "2026-11-25T10:00:00Z", Outcome.DEPLOY_FAILED, "2026-11-25T09:00:00Z", "dave");
    }

    private void production() {
        deploy("production", null, "v0.9.0", "2026-10-20T10:00:00Z", Outcome.SUCCEEDED, "2026-10-19T10:00:00Z", "ci");
        deploy("production", null, "v1.0.0", "2026-11-03T10:00:00Z", Outcome.SUCCEEDED, "2026-11-02T22:00:00Z", "ci");
        String failing = start("production", null, "v1.1.0", "2026-11-10T10:00:00Z", "2026-11-09T10:00:00Z", "ci");
        verify("production", null, "v1.1.0", "2026-11-10T10:05:00Z", Outcome.VERIFY_FAILED);
        rollback("production", "v1.0.0", "v1.1.0", "2026-11-10T10:20:00Z");
        finish(failing, "2026-11-10T10:21:00Z", Outcome.ROLLED_BACK);
        deploy("production", null, "v1.1.1", "2026-11-17T12:00:00Z", Outcome.SUCCEEDED, "2026-11-16T12:00:00Z", "ci");
        deploy("production", null, "v1.2.0", "2026-11-24T09:00:00Z", Outcome.SUCCEEDED, "2026-11-22T21:00:00Z", "ci");
        verify("production", null, "v1.2.0", "2026-11-25T08:00:00Z", Outcome.VERIFY_FAILED);
        rollback("production", "v1.1.1", "v1.2.0", "2026-11-25T09:00:00Z");
        deploy(
                "production",
                null,
                "v1.2.1",
                "2026-11-26T10:00:00Z",
                Outcome.DEPLOY_FAILED,
                "2026-11-26T07:00:00Z",
                "ci");
        deploy("production", null, "v1.2.2", "2026-11-26T14:00:00Z", Outcome.SUCCEEDED, "2026-11-26T08:00:00Z", "ci");
        deploy("production", null, "v1.3.0", "2026-11-27T09:00:00Z", Outcome.GATE_FAILED, "2026-11-27T08:00:00Z", "ci");
        verify("production", null, "v1.2.2", "2026-11-29T10:00:00Z", Outcome.VERIFY_FAILED);
    }

    /** A deployment started five minutes before it finished. */
    public void deploy(
            String env, Integer slot, String tag, String at, Outcome outcome, String committedAt, String actor) {
        String id = start(env, slot, tag, Instant.parse(at).minusSeconds(300).toString(), committedAt, actor);
        finish(id, at, outcome);
    }

    private LedgerRecord started;

    public String start(String env, Integer slot, String tag, String at, String committedAt, String actor) {
        started = LedgerRecord.started(RecordKind.DEPLOYMENT, env, slot, tag, commit(tag), actor, Instant.parse(at))
                .withApprovals(
                        env.equals("production")
                                ? List.of(
                                        new LedgerRecord.Approver("bob", "input on build #7"),
                                        new LedgerRecord.Approver("carol", "input on build #7"))
                                : List.of(),
                        null)
                .withEvidence(CommitTimes.EVIDENCE, committedAt);
        ledger.append(started);
        return started.id();
    }

    public void finish(String id, String at, Outcome outcome) {
        if (!started.id().equals(id)) {
            throw new IllegalStateException("finish the deployment started last");
        }
        ledger.append(started.withEvidence("message", "deployment of " + started.tag() + " " + outcome)
                .finish(outcome, Instant.parse(at)));
    }

    public void verify(String env, Integer slot, String tag, String at, Outcome outcome) {
        LedgerRecord v = LedgerRecord.started(
                RecordKind.VERIFICATION,
                env,
                slot,
                tag,
                commit(tag),
                "ci",
                Instant.parse(at).minusSeconds(60));
        ledger.append(v);
        ledger.append(
                v.withEvidence("summary", "checks of " + tag + " " + outcome).finish(outcome, Instant.parse(at)));
    }

    public void rollback(String env, String to, String from, String at) {
        LedgerRecord r = LedgerRecord.started(
                        RecordKind.ROLLBACK,
                        env,
                        null,
                        to,
                        commit(to),
                        "ci",
                        Instant.parse(at).minusSeconds(120))
                .withPrevious(from, commit(from))
                .withReason("verification of " + from + " failed");
        ledger.append(r);
        ledger.append(r.finish(Outcome.SUCCEEDED, Instant.parse(at)));
    }

    /** A fixed commit per tag: the SHA-1 of its name. */
    public static String commit(String tag) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-1")
                    .digest(tag.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
