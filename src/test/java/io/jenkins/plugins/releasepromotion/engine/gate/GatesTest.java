package io.jenkins.plugins.releasepromotion.engine.gate;

import static io.jenkins.plugins.releasepromotion.engine.gate.GateFixtures.C122;
import static io.jenkins.plugins.releasepromotion.engine.gate.GateFixtures.C123;
import static io.jenkins.plugins.releasepromotion.engine.gate.GateFixtures.C124;
import static io.jenkins.plugins.releasepromotion.engine.gate.GateFixtures.NOW;
import static io.jenkins.plugins.releasepromotion.engine.gate.GateFixtures.failed;
import static io.jenkins.plugins.releasepromotion.engine.gate.GateFixtures.gates;
import static io.jenkins.plugins.releasepromotion.engine.gate.GateFixtures.goodPromotion;
import static io.jenkins.plugins.releasepromotion.engine.gate.GateFixtures.live;
import static io.jenkins.plugins.releasepromotion.engine.gate.GateFixtures.passed;
import static io.jenkins.plugins.releasepromotion.engine.gate.GateFixtures.production;
import static io.jenkins.plugins.releasepromotion.engine.gate.GateFixtures.running;
import static io.jenkins.plugins.releasepromotion.engine.gate.GateFixtures.staging;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.releasepromotion.engine.config.BackupConfig;
import io.jenkins.plugins.releasepromotion.engine.config.LiveVersionMode;
import io.jenkins.plugins.releasepromotion.engine.gate.Facts.Interrupted;
import io.jenkins.plugins.releasepromotion.engine.gate.Facts.LiveVersion;
import io.jenkins.plugins.releasepromotion.engine.gate.Facts.TagFact;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class GatesTest {

    @Test
    void allowsAStagedAnnotatedTagAndPlansTheRollback() {
        GateDecision decision = Gates.evaluate(goodPromotion(production()).build());
        assertThat(decision.violations()).isEmpty();
        assertThat(decision.warnings()).isEmpty();
        assertThat(decision.allowed()).isTrue();
        PromotionPlan plan = decision.plan();
        assertThat(plan.tag()).isEqualTo("v1.2.4");
        assertThat(plan.commit()).isEqualTo(C124);
        assertThat(plan.currentTag()).isEqualTo("v1.2.3");
        assertThat(plan.rollbackTag()).isEqualTo("v1.2.3");
        assertThat(plan.rollbackLine()).isEqualTo("Rollback plan for production: v1.2.3 (1230000)");
        assertThat(plan.releaseNotes()).contains("Bug in Y");
        assertThat(plan.backupRequired()).isFalse();
    }

    @Test
    void refusesLightweightTag() {
        GateDecision decision = Gates.evaluate(goodPromotion(production())
                .build()
                .withTag(new TagFact("v1.2.4", RefType.LIGHTWEIGHT_TAG, C124, null)));
        assertThat(decision.allowed()).isFalse();
        assertThat(decision.violation(ViolationCode.LIGHTWEIGHT_TAG)
                        .orElseThrow()
                        .message())
                .contains("v1.2.4 is a lightweight tag")
                .contains("git tag -a -f v1.2.4 1240000");
    }

    @Test
    void refusesBranchAndBareCommit() {
        GateDecision branch = Gates.evaluate(
                goodPromotion(production()).build().withTag(new TagFact("main", RefType.BRANCH, C124, null)));
        assertThat(branch.violation(ViolationCode.NOT_A_RELEASE_TAG)
                        .orElseThrow()
                        .message())
                .startsWith("main is a branch, not a release tag");
        GateDecision commit = Gates.evaluate(
                goodPromotion(production()).build().withTag(new TagFact("1240000", RefType.COMMIT, C124, null)));
        assertThat(commit.violation(ViolationCode.NOT_A_RELEASE_TAG)
                        .orElseThrow()
                        .message())
                .startsWith("1240000 is a commit, not a release tag");
        assertThat(commit.violations()).hasSize(1);
    }

    @Test
    void refusesNameOutsideThePattern() {
        GateDecision decision = Gates.evaluate(goodPromotion(production())
                .build()
                .withTag(new TagFact("release-7", RefType.ANNOTATED_TAG, C124, null)));
        assertThat(decision.violation(ViolationCode.NOT_A_RELEASE_TAG)
                        .orElseThrow()
                        .message())
                .contains("'release-7' is not a release tag");
    }

    @Test
    void missingTagCarriesTheActionableReason() {
        GateDecision decision = Gates.evaluate(goodPromotion(production())
                .build()
                .withTag(new TagFact(
                        "v1.2.4",
                        RefType.MISSING,
                        null,
                        "Tag v1.2.4 not found; this checkout is shallow: git fetch --tags")));
        assertThat(decision.violation(ViolationCode.TAG_NOT_FOUND).orElseThrow().message())
                .contains("git fetch --tags");
    }

    @Test
    void refusesATagNeverVerifiedOnStaging() {
        GateDecision decision = Gates.evaluate(
                goodPromotion(production()).sourceVerifications(List.of()).build());
        assertThat(decision.violation(ViolationCode.NOT_STAGED).orElseThrow().message())
                .isEqualTo("v1.2.4 was never verified on staging (no passing verification of commit 1240000);"
                        + " deploy it to a staging slot and verify it first.");
    }

    @Test
    void refusesATagMovedAfterStagingVerifiedIt() {
        GateDecision decision = Gates.evaluate(goodPromotion(production())
                .sourceVerifications(List.of(passed("v1.2.4", C122, NOW.minus(Duration.ofHours(2)))))
                .build());
        assertThat(decision.violation(ViolationCode.STAGED_COMMIT_MISMATCH)
                        .orElseThrow()
                        .message())
                .contains("now points to commit 1240000 but staging verified commit 1220000");
        assertThat(decision.violation(ViolationCode.NOT_STAGED)).isEmpty();
    }

    @Test
    void refusesStaleAttestationButNotAFreshOne() {
        GateDecision stale = Gates.evaluate(goodPromotion(production())
                .sourceVerifications(List.of(passed("v1.2.4", C124, NOW.minus(Duration.ofDays(9)))))
                .build());
        assertThat(stale.violation(ViolationCode.ATTESTATION_STALE)
                        .orElseThrow()
                        .message())
                .contains("is 9 days old, more than the 7 days allowed");
        GateDecision fresh = Gates.evaluate(goodPromotion(production())
                .sourceVerifications(List.of(passed("v1.2.4", C124, NOW.minus(Duration.ofDays(6)))))
                .build());
        assertThat(fresh.allowed()).isTrue();
    }

    @Test
    void refusesALaterFailedVerification() {
        GateDecision decision = Gates.evaluate(goodPromotion(production())
                .sourceVerifications(List.of(
                        passed("v1.2.4", C124, NOW.minus(Duration.ofDays(2))),
                        failed("v1.2.4", C124, NOW.minus(Duration.ofDays(1)))))
                .build());
        assertThat(decision.violation(ViolationCode.LATER_FAILED_VERIFICATION)).isPresent();
        GateDecision earlierFailure = Gates.evaluate(goodPromotion(production())
                .sourceVerifications(List.of(
                        failed("v1.2.4", C124, NOW.minus(Duration.ofDays(2))),
                        passed("v1.2.4", C124, NOW.minus(Duration.ofDays(1)))))
                .build());
        assertThat(earlierFailure.allowed()).isTrue();
    }

    @Test
    void liveVersionRequireWarnOff() {
        List<LiveVersion> moved = List.of(live("v1.3.0", C122));
        GateDecision require =
                Gates.evaluate(goodPromotion(production()).live(moved).build());
        assertThat(require.violation(ViolationCode.STAGING_NO_LONGER_RUNS_TAG)
                        .orElseThrow()
                        .message())
                .contains("staging slot 1 reports v1.3.0 (1220000)");
        GateDecision warn = Gates.evaluate(
                goodPromotion(production(gates(LiveVersionMode.WARN, List.of(), List.of(), List.of()), null))
                        .live(moved)
                        .build());
        assertThat(warn.allowed()).isTrue();
        assertThat(warn.warning(ViolationCode.STAGING_NO_LONGER_RUNS_TAG)).isPresent();
        GateDecision off = Gates.evaluate(
                goodPromotion(production(gates(LiveVersionMode.OFF, List.of(), List.of(), List.of()), null))
                        .live(moved)
                        .build());
        assertThat(off.allowed()).isTrue();
        assertThat(off.warnings()).isEmpty();
    }

    @Test
    void unreachableStagingSlotIsNamed() {
        GateDecision decision = Gates.evaluate(goodPromotion(production())
                .live(List.of(new LiveVersion("staging", 1, "u", null, null, "connection refused")))
                .build());
        assertThat(decision.violation(ViolationCode.STAGING_NO_LONGER_RUNS_TAG)
                        .orElseThrow()
                        .message())
                .contains("could not be read (connection refused)");
    }

    @Test
    void liveVersionNotLookedAtIsAWarning() {
        GateDecision decision =
                Gates.evaluate(goodPromotion(production()).live(null).build());
        assertThat(decision.allowed()).isTrue();
        assertThat(decision.warning(ViolationCode.LIVE_VERSION_NOT_CHECKED)).isPresent();
    }

    @Test
    void refusesAnOlderTagThanProduction() {
        GateDecision decision = Gates.evaluate(goodPromotion(production())
                .current(running("v1.3.0", C122), false)
                .build());
        assertThat(decision.violation(ViolationCode.OLDER_THAN_RUNNING)
                        .orElseThrow()
                        .message())
                .contains("v1.2.4 is older than v1.3.0, which runs on production")
                .contains("roll back to v1.2.4");
    }

    @Test
    void olderTagOnAStagingSlotIsOnlyAWarning() {
        var env = staging();
        GateFacts facts = GateFacts.builder(
                        PromotionRequest.of("v1.2.4", "staging", 2), env, TagFact.annotated("v1.2.4", C124), NOW)
                .current(new Facts.Deployed("staging", 2, "v1.3.0", C122, NOW), false)
                .build();
        GateDecision decision = Gates.evaluate(facts);
        assertThat(decision.allowed()).isTrue();
        assertThat(decision.warning(ViolationCode.OLDER_THAN_RUNNING)
                        .orElseThrow()
                        .message())
                .contains("staging slot 2");
    }

    @Test
    void sameTagAgainWarnsButAMovedTagIsRefused() {
        GateDecision again = Gates.evaluate(goodPromotion(production())
                .current(running("v1.2.4", C124), false)
                .rollbackTarget(running("v1.2.3", C123), true)
                .build());
        assertThat(again.allowed()).isTrue();
        assertThat(again.warning(ViolationCode.ALREADY_RUNNING)).isPresent();
        GateDecision moved = Gates.evaluate(goodPromotion(production())
                .current(running("v1.2.4", C122), false)
                .build());
        assertThat(moved.violation(ViolationCode.TAG_MOVED_SINCE_DEPLOY)
                        .orElseThrow()
                        .message())
                .contains("ran on production as commit 1220000 but now points to 1240000");
    }

    @Test
    void hotfixFromTheRunningTagWithTheNextPatchIsAllowed() {
        GateDecision decision = Gates.evaluate(goodPromotion(production())
                .lineage(running("v1.2.3", C123), false, true)
                .build());
        assertThat(decision.allowed()).isTrue();
    }

    @Test
    void hotfixThatSkipsAVersionIsRefused() {
        GateFacts facts = goodPromotion(production())
                .lineage(running("v1.2.3", C123), false, true)
                .build()
                .withTag(TagFact.annotated("v1.2.5", C124));
        GateDecision decision = Gates.evaluate(withStaged(facts, "v1.2.5"));
        assertThat(decision.violation(ViolationCode.HOTFIX_NOT_NEXT_PATCH)
                        .orElseThrow()
                        .message())
                .isEqualTo("Hotfix v1.2.5 must be the next patch release of v1.2.3, which runs on production;"
                        + " tag version 1.2.4 instead.");
    }

    @Test
    void hotfixNotDescendingFromTheRunningTagIsRefused() {
        GateDecision decision = Gates.evaluate(goodPromotion(production())
                .lineage(running("v1.2.3", C123), false, false)
                .build());
        assertThat(decision.violation(ViolationCode.HOTFIX_NOT_FROM_RUNNING_TAG)
                        .orElseThrow()
                        .message())
                .contains("is not on main and does not descend from v1.2.3 (1230000)");
    }

    @Test
    void offMainWithNothingRunningIsRefused() {
        GateFacts facts = goodPromotion(production())
                .current(null, false)
                .lineage(null, false, false)
                .rollbackTarget(null, true)
                .build();
        assertThat(Gates.evaluate(facts).violation(ViolationCode.NOT_ON_MAIN)).isPresent();
    }

    @Test
    void changelogProblemRefuses() {
        GateDecision decision = Gates.evaluate(goodPromotion(production())
                .changelog(
                        Facts.Changelog.problem("CHANGELOG.md has no entry for 1.2.4; add '## [1.2.4] - YYYY-MM-DD'"))
                .build());
        assertThat(decision.violation(ViolationCode.CHANGELOG_PROBLEM)
                        .orElseThrow()
                        .message())
                .contains("no entry for 1.2.4");
    }

    @Test
    void rollbackTargetMissingFromTheRepositoryRefuses() {
        GateDecision decision = Gates.evaluate(goodPromotion(production())
                .rollbackTarget(running("v1.2.3", C123), false)
                .build());
        assertThat(decision.violation(ViolationCode.ROLLBACK_TARGET_MISSING)
                        .orElseThrow()
                        .message())
                .contains("v1.2.3 of production is not in the repository");
    }

    @Test
    void firstDeploymentHasNoRollbackTargetAndSaysSo() {
        GateFacts facts = goodPromotion(production())
                .current(null, false)
                .lineage(null, true, false)
                .rollbackTarget(null, true)
                .build();
        GateDecision decision = Gates.evaluate(facts);
        assertThat(decision.allowed()).isTrue();
        assertThat(decision.warnings()).isEmpty();
        assertThat(decision.plan().rollbackLine()).contains("none, this is the first deployment");
    }

    @Test
    void unknownRollbackTargetAfterFailuresWarns() {
        GateFacts facts = goodPromotion(production())
                .current(null, true)
                .rollbackTarget(null, true)
                .build();
        assertThat(Gates.evaluate(facts).warning(ViolationCode.NO_ROLLBACK_TARGET))
                .isPresent();
    }

    @Test
    void migrationsChangedNeedABackupCommand() {
        GateFacts without = goodPromotion(production())
                .migrationChanges(List.of("migrations/004_add_campaigns.sql"))
                .build();
        GateDecision refused = Gates.evaluate(without);
        assertThat(refused.violation(ViolationCode.BACKUP_NOT_CONFIGURED)
                        .orElseThrow()
                        .message())
                .contains("between v1.2.3 and v1.2.4 (migrations/004_add_campaigns.sql)");
        assertThat(refused.plan().backupRequired()).isTrue();

        var withBackup = production(
                gates(LiveVersionMode.REQUIRE, List.of(), List.of(), List.of()),
                new BackupConfig("migrations/", List.of("./backup.sh")));
        GateDecision allowed = Gates.evaluate(goodPromotion(withBackup)
                .migrationChanges(List.of("migrations/004_add_campaigns.sql"))
                .build());
        assertThat(allowed.allowed()).isTrue();
        assertThat(allowed.plan().backupRequired()).isTrue();
        assertThat(allowed.plan().migrationChanges()).containsExactly("migrations/004_add_campaigns.sql");
    }

    @Test
    void noMigrationChangesNeedNoBackup() {
        GateDecision decision = Gates.evaluate(
                goodPromotion(production()).migrationChanges(List.of()).build());
        assertThat(decision.allowed()).isTrue();
        assertThat(decision.plan().backupRequired()).isFalse();
    }

    @Test
    void oneAtATime() {
        GateDecision locked = Gates.evaluate(
                goodPromotion(production()).lockHolder("build #42").build());
        assertThat(locked.violation(ViolationCode.LOCKED).orElseThrow().message())
                .isEqualTo("production is being deployed by build #42; wait for it to finish, one deployment at a"
                        + " time.");
        GateFacts dry = goodPromotion(production())
                .lockHolder("build #42")
                .build()
                .withRequest(PromotionRequest.of("v1.2.4", "production", null).asDryRun());
        assertThat(Gates.evaluate(dry).allowed()).isTrue();
        assertThat(Gates.evaluate(dry).warning(ViolationCode.LOCKED)).isPresent();
    }

    @Test
    void interruptedDeploymentIsPointedOut() {
        GateDecision decision = Gates.evaluate(goodPromotion(production())
                .interrupted(List.of(new Interrupted("r-1", "v1.2.3", null, NOW.minusSeconds(600), "ann")))
                .build());
        assertThat(decision.allowed()).isTrue();
        assertThat(decision.warning(ViolationCode.INTERRUPTED_DEPLOYMENT)
                        .orElseThrow()
                        .message())
                .contains("v1.2.3 to production started at")
                .contains("never finished (record r-1)");
    }

    @Test
    void everyViolationIsReportedTogether() {
        GateFacts facts = goodPromotion(production())
                .sourceVerifications(List.of())
                .current(running("v1.3.0", C122), false)
                .changelog(Facts.Changelog.problem("no entry"))
                .lockHolder("someone")
                .build();
        GateDecision decision = Gates.evaluate(facts);
        assertThat(decision.violations())
                .extracting(GateViolation::code)
                .containsExactly(
                        ViolationCode.NOT_STAGED,
                        ViolationCode.OLDER_THAN_RUNNING,
                        ViolationCode.CHANGELOG_PROBLEM,
                        ViolationCode.LOCKED);
        assertThat(decision.summary()).startsWith("Refused: 4 gate(s) failed.").contains("LOCKED: production");
    }

    @Test
    void messagesAreOneLine() {
        GateFacts facts = goodPromotion(production())
                .sourceVerifications(List.of())
                .current(running("v1.3.0", C122), false)
                .lockHolder("x\ny")
                .build()
                .withTag(new TagFact("v1.2.4\n", RefType.ANNOTATED_TAG, C124, null));
        for (GateViolation v : Gates.evaluate(facts).violations()) {
            assertThat(v.message()).doesNotContain("\n");
        }
    }

    private static GateFacts withStaged(GateFacts facts, String tag) {
        return facts.toBuilder()
                .sourceVerifications(List.of(passed(tag, facts.tag().commit(), NOW.minusSeconds(60))))
                .live(List.of(live(tag, facts.tag().commit())))
                .build();
    }
}
