package io.jenkins.plugins.releasepromotion.cli.demo;

import io.jenkins.plugins.releasepromotion.engine.git.TagInfo;
import io.jenkins.plugins.releasepromotion.engine.ledger.Ledger;
import io.jenkins.plugins.releasepromotion.engine.ledger.LedgerRecord;
import io.jenkins.plugins.releasepromotion.engine.ledger.RecordKind;
import io.jenkins.plugins.releasepromotion.engine.model.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * The sample app's releases of the eight weeks before the demo, as the ledger would have recorded them: a release a
 * week through staging to production, one production verification that failed and was rolled back automatically,
 * one deploy that failed and was fixed the same day, and one promotion a gate refused. The demo repository holds
 * their tags (v0.x, older than its v1.0.0), each committed the evening before it reached staging, so the release
 * record page of the demo has a history to show.
 */
public final class DemoHistory {
    /** How far back the earlier releases go. */
    public static final Duration LENGTH = Duration.ofDays(56);

    /** The earlier releases, oldest first. */
    static final List<Release> RELEASES = List.of(
            new Release("0.1.0", 0, 1, Outcome.SUCCEEDED, 1),
            new Release("0.2.0", 7, 8, Outcome.SUCCEEDED, 2),
            new Release("0.3.0", 14, 15, Outcome.SUCCEEDED, 1),
            new Release("0.4.0", 21, 22, Outcome.ROLLED_BACK, 2),
            new Release("0.4.1", 23, 24, Outcome.SUCCEEDED, 2),
            new Release("0.5.0", 28, 29, Outcome.SUCCEEDED, 1),
            new Release("0.6.0", 35, 36, Outcome.DEPLOY_FAILED, 2),
            new Release("0.6.1", 36, 36, Outcome.SUCCEEDED, 2),
            new Release("0.7.0", 42, 42, Outcome.GATE_FAILED, 0),
            new Release("0.7.1", 42, 43, Outcome.SUCCEEDED, 1),
            new Release("0.8.0", 49, 50, Outcome.SUCCEEDED, 2));

    private static final String CI = "ci";
    private static final List<LedgerRecord.Approver> APPROVED =
            List.of(new LedgerRecord.Approver("alice", "signed approval"));

    /**
     * One earlier release.
     *
     * @param stagingDay the day it reached staging, counted from the start of the history
     * @param productionDay the day it reached production
     * @param outcome how its production deployment ended
     * @param slot its staging slot; 0 when it never reached staging
     */
    record Release(String version, int stagingDay, int productionDay, Outcome outcome, int slot) {
        String tag() {
            return "v" + version;
        }

        /** At nine in the morning (a same-day fix three hours later). */
        Instant staging(Instant start) {
            return start.plus(Duration.ofDays(stagingDay)).plus(Duration.ofHours(version.equals("0.6.1") ? 10 : 9));
        }

        Instant production(Instant start) {
            return start.plus(Duration.ofDays(productionDay)).plus(Duration.ofHours(version.equals("0.6.1") ? 12 : 9));
        }

        /** The evening before it first went anywhere. */
        Instant committed(Instant start) {
            return (slot == 0 ? production(start) : staging(start)).minus(Duration.ofHours(14));
        }
    }

    private final Ledger ledger;
    private final Instant start;
    private final Function<String, TagInfo> tags;

    private DemoHistory(Ledger ledger, Instant start, Function<String, TagInfo> tags) {
        this.ledger = ledger;
        this.start = start;
        this.tags = tags;
    }

    /** The first instant of the history that ends at {@code now}. */
    static Instant start(Instant now) {
        return now.minus(LENGTH);
    }

    /**
     * Writes the earlier releases into {@code ledger}.
     *
     * @param now when the sandbox was made: the history ends then
     * @param tags the demo repository's tags, by name
     */
    public static void write(Ledger ledger, Instant now, Function<String, TagInfo> tags) {
        DemoHistory history = new DemoHistory(ledger, start(now), tags);
        RELEASES.forEach(history::release);
    }

    private void release(Release release) {
        if (release.slot() > 0) {
            staged(release);
        }
        Instant at = release.production(start);
        LedgerRecord deploy = deployment("production", null, release.tag(), at).withApprovals(APPROVED, null);
        switch (release.outcome()) {
            case GATE_FAILED ->
                ledger.append(deploy.withEvidence(
                                "violations", "NOT_STAGED: " + release.tag() + " was never verified on staging")
                        .finish(Outcome.GATE_FAILED, at));
            case ROLLED_BACK -> rolledBack(deploy, at);
            default -> {
                ledger.append(deploy);
                if (release.outcome() == Outcome.SUCCEEDED) {
                    verification("production", null, release.tag(), at.plus(Duration.ofMinutes(5)), true);
                }
                String message = release.outcome() == Outcome.SUCCEEDED
                        ? "Promoted " + release.tag() + " to production: 4 checks passed"
                        : "Deploying " + release.tag() + " to production failed: deploy-production.sh exited with 1";
                ledger.append(deploy.withEvidence("message", message)
                        .finish(release.outcome(), at.plus(Duration.ofMinutes(6))));
            }
        }
    }

    private void staged(Release release) {
        Instant at = release.staging(start);
        LedgerRecord deploy = deployment("staging", release.slot(), release.tag(), at);
        ledger.append(deploy);
        verification("staging", release.slot(), release.tag(), at.plus(Duration.ofMinutes(3)), true);
        ledger.append(deploy.withEvidence(
                        "message",
                        "Promoted " + release.tag() + " to staging slot " + release.slot() + ": 4 checks passed")
                .finish(Outcome.SUCCEEDED, at.plus(Duration.ofMinutes(4))));
    }

    /** The promotion's verification fails, and it rolls production back to the tag before. */
    private void rolledBack(LedgerRecord deploy, Instant at) {
        ledger.append(deploy);
        verification("production", null, deploy.tag(), at.plus(Duration.ofMinutes(5)), false);
        String back = RELEASES.get(RELEASES.indexOf(release(deploy.tag())) - 1).tag();
        TagInfo target = tags.apply(back);
        LedgerRecord rollback = LedgerRecord.started(
                        RecordKind.ROLLBACK,
                        "production",
                        null,
                        back,
                        target.commit(),
                        CI,
                        at.plus(Duration.ofMinutes(6)))
                .withPrevious(deploy.tag(), deploy.commit())
                .withReason("automatic rollback after the failed verification of " + deploy.tag());
        ledger.append(rollback);
        ledger.append(rollback.finish(Outcome.SUCCEEDED, at.plus(Duration.ofMinutes(17))));
        ledger.append(deploy.withEvidence(
                        "message",
                        "Verification of " + deploy.tag() + " on production failed; rolled" + " back to " + back + ".")
                .finish(Outcome.ROLLED_BACK, at.plus(Duration.ofMinutes(18))));
    }

    private void verification(String env, Integer slot, String tag, Instant at, boolean passed) {
        LedgerRecord check = LedgerRecord.started(
                RecordKind.VERIFICATION, env, slot, tag, tags.apply(tag).commit(), CI, at.minus(Duration.ofMinutes(1)));
        ledger.append(check);
        ledger.append(check.withEvidence("summary", passed ? "4 checks passed" : "version: /api/version answered 503")
                .finish(passed ? Outcome.SUCCEEDED : Outcome.VERIFY_FAILED, at));
    }

    private LedgerRecord deployment(String env, Integer slot, String tag, Instant at) {
        TagInfo info = tags.apply(tag);
        LedgerRecord record = LedgerRecord.started(RecordKind.DEPLOYMENT, env, slot, tag, info.commit(), CI, at);
        return info.committedAt() == null
                ? record
                : record.withEvidence(
                        LedgerRecord.COMMITTED_AT, info.committedAt().toString());
    }

    private static Release release(String tag) {
        return RELEASES.stream().filter(r -> r.tag().equals(tag)).findFirst().orElseThrow();
    }
}
