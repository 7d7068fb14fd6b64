package io.jenkins.plugins.releasepromotion.engine.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.releasepromotion.engine.config.BackupConfig;
import io.jenkins.plugins.releasepromotion.engine.config.DeployConfig;
import io.jenkins.plugins.releasepromotion.engine.config.DeployWindow;
import io.jenkins.plugins.releasepromotion.engine.config.EnvironmentConfig;
import io.jenkins.plugins.releasepromotion.engine.config.EnvironmentKind;
import io.jenkins.plugins.releasepromotion.engine.config.Freeze;
import io.jenkins.plugins.releasepromotion.engine.config.GatesConfig;
import io.jenkins.plugins.releasepromotion.engine.config.LiveVersionMode;
import io.jenkins.plugins.releasepromotion.engine.config.ReleaseConfig;
import io.jenkins.plugins.releasepromotion.engine.config.ScriptDeployConfig;
import io.jenkins.plugins.releasepromotion.engine.gate.Facts.LiveVersion;
import io.jenkins.plugins.releasepromotion.engine.gate.GateDecision;
import io.jenkins.plugins.releasepromotion.engine.gate.Gates;
import io.jenkins.plugins.releasepromotion.engine.gate.PromotionRequest;
import io.jenkins.plugins.releasepromotion.engine.gate.ViolationCode;
import io.jenkins.plugins.releasepromotion.engine.git.GitFacts;
import io.jenkins.plugins.releasepromotion.engine.ledger.DeploymentLock;
import io.jenkins.plugins.releasepromotion.engine.ledger.JsonLinesLedger;
import io.jenkins.plugins.releasepromotion.engine.ledger.LedgerRecord;
import io.jenkins.plugins.releasepromotion.engine.ledger.RecordKind;
import io.jenkins.plugins.releasepromotion.engine.model.Outcome;
import io.jenkins.plugins.releasepromotion.engine.model.TagPattern;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gates over facts gathered from a real repository, a real ledger on disk and a live-version source. */
class GateFactsGathererTest {
    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z"); // a Tuesday

    @TempDir
    Path tmp;

    private MissionRepository mission;
    private GitFacts git;
    private JsonLinesLedger ledger;
    private final Map<Integer, LiveVersion> live = new HashMap<>();
    private GatesConfig productionGates = gates(List.of(), List.of());
    private BackupConfig backup = new BackupConfig("migrations/", List.of("./scripts/backup-db.sh"));

    @BeforeEach
    void setUp() throws Exception {
        mission = MissionRepository.create(tmp.resolve("repo"));
        git = GitFacts.open(mission.dir(), TagPattern.defaultPattern());
        ledger = new JsonLinesLedger(tmp.resolve("ledger"));
        deployed("production", null, "v1.2.2", NOW.minus(Duration.ofDays(30)));
        deployed("production", null, "v1.2.3", NOW.minus(Duration.ofDays(10)));
    }

    @AfterEach
    void tearDown() {
        git.close();
    }

    @Test
    void annotatedTagOnMainStagedAndLiveIsAllowedWithItsPlan() {
        staged("v1.3.0", 1, NOW.minus(Duration.ofHours(3)));
        GateDecision decision = decide("v1.3.0", "production", null);
        assertThat(decision.violations()).isEmpty();
        assertThat(decision.warnings()).isEmpty();
        assertThat(decision.plan().commit()).isEqualTo(mission.commit("v1.3.0"));
        assertThat(decision.plan().currentTag()).isEqualTo("v1.2.3");
        assertThat(decision.plan().rollbackTag()).isEqualTo("v1.2.3");
        assertThat(decision.plan().releaseNotes())
                .contains("Campaign scheduling")
                .contains("Run migration 004");
        assertThat(decision.plan().backupRequired()).isTrue();
        assertThat(decision.plan().migrationChanges()).containsExactly("migrations/004_add_campaigns.sql");
    }

    @Test
    void refusesLightweightTag() {
        staged("v1.3.1", 1, NOW.minus(Duration.ofHours(3)));
        assertThat(decide("v1.3.1", "production", null).violation(ViolationCode.LIGHTWEIGHT_TAG))
                .isPresent();
    }

    @Test
    void refusesBranchAndCommit() {
        assertThat(decide("main", "production", null)
                        .violation(ViolationCode.NOT_A_RELEASE_TAG)
                        .orElseThrow()
                        .message())
                .startsWith("main is a branch");
        String sha = mission.commit("v1.3.0").substring(0, 10);
        assertThat(decide(sha, "production", null)
                        .violation(ViolationCode.NOT_A_RELEASE_TAG)
                        .orElseThrow()
                        .message())
                .startsWith(sha + " is a commit");
    }

    @Test
    void missingTagTellsHowToFetch() {
        GateDecision decision = decide("v9.9.9", "production", null);
        assertThat(decision.violation(ViolationCode.TAG_NOT_FOUND).orElseThrow().message())
                .contains("v9.9.9")
                .containsIgnoringCase("fetch");
    }

    @Test
    void refusesATagNeverVerifiedOnStaging() {
        assertThat(decide("v1.3.0", "production", null).violation(ViolationCode.NOT_STAGED))
                .isPresent();
    }

    @Test
    void hotfixFromTheProductionTagWithThePatchBumpIsAllowed() {
        staged("v1.2.4", 2, NOW.minus(Duration.ofHours(1)));
        GateDecision decision = decide("v1.2.4", "production", null);
        assertThat(decision.violations()).isEmpty();
        assertThat(decision.plan().backupRequired()).isFalse();
        assertThat(decision.plan().migrationChanges()).isEmpty();
    }

    @Test
    void hotfixThatSkipsAVersionIsRefused() {
        staged("v1.2.5", 2, NOW.minus(Duration.ofHours(1)));
        assertThat(decide("v1.2.5", "production", null)
                        .violation(ViolationCode.HOTFIX_NOT_NEXT_PATCH)
                        .orElseThrow()
                        .message())
                .contains("must be the next patch release of v1.2.3");
    }

    @Test
    void hotfixNotDescendingFromProductionIsRefused() {
        deployed("production", null, "v1.3.0", NOW.minus(Duration.ofDays(1)));
        staged("v1.2.4", 1, NOW.minus(Duration.ofHours(1)));
        GateDecision decision = decide("v1.2.4", "production", null);
        assertThat(decision.violation(ViolationCode.HOTFIX_NOT_FROM_RUNNING_TAG)
                        .orElseThrow()
                        .message())
                .contains("v1.2.4 (" + mission.commit("v1.2.4").substring(0, 7) + ") is not on main and does not"
                        + " descend from v1.3.0");
        assertThat(decision.violation(ViolationCode.OLDER_THAN_RUNNING)).isPresent();
    }

    @Test
    void hotfixOnAStagingSlotIsCheckedAgainstProduction() {
        deployed("staging", 2, "v1.3.0", NOW.minus(Duration.ofDays(2)));
        GateDecision decision = decide("v1.2.4", "staging", 2);
        assertThat(decision.violations()).isEmpty();
        assertThat(decision.warning(ViolationCode.OLDER_THAN_RUNNING)
                        .orElseThrow()
                        .message())
                .contains("v1.2.4 is older than v1.3.0, which runs on staging slot 2");
    }

    @Test
    void refusesATagMovedAfterStagingVerifiedIt() throws Exception {
        staged("v1.3.0", 1, NOW.minus(Duration.ofHours(3)));
        mission.repo.git().tagDelete().setTags("v1.3.0").call();
        mission.repo.tagObject(
                "v1.3.0",
                mission.repo
                        .git()
                        .getRepository()
                        .parseCommit(mission.repo.git().getRepository().resolve(mission.commit("v1.3.1"))));
        try (GitFacts moved = GitFacts.open(mission.dir(), TagPattern.defaultPattern())) {
            GateDecision decision = Gates.evaluate(gatherer(moved).gather(request("v1.3.0", "production", null)));
            assertThat(decision.violation(ViolationCode.STAGED_COMMIT_MISMATCH)
                            .orElseThrow()
                            .message())
                    .contains("v1.3.0 now points to commit "
                            + mission.commit("v1.3.1").substring(0, 7))
                    .contains("staging verified commit "
                            + mission.commit("v1.3.0").substring(0, 7));
        }
    }

    @Test
    void refusesAnOlderTagThanProduction() {
        deployed("production", null, "v1.3.0", NOW.minus(Duration.ofDays(1)));
        staged("v1.2.3", 1, NOW.minus(Duration.ofHours(1)));
        assertThat(decide("v1.2.3", "production", null)
                        .violation(ViolationCode.OLDER_THAN_RUNNING)
                        .orElseThrow()
                        .message())
                .contains("v1.2.3 is older than v1.3.0, which runs on production");
    }

    @Test
    void refusesAStaleAttestation() {
        staged("v1.3.0", 1, NOW.minus(Duration.ofDays(20)));
        assertThat(decide("v1.3.0", "production", null).violation(ViolationCode.ATTESTATION_STALE))
                .isPresent();
    }

    @Test
    void refusesALaterFailedVerification() {
        staged("v1.3.0", 1, NOW.minus(Duration.ofHours(5)));
        append(RecordKind.VERIFICATION, "staging", 1, "v1.3.0", Outcome.VERIFY_FAILED, NOW.minus(Duration.ofHours(2)));
        assertThat(decide("v1.3.0", "production", null)
                        .violation(ViolationCode.LATER_FAILED_VERIFICATION)
                        .orElseThrow()
                        .message())
                .contains("v1.3.0 failed verification on staging slot 1");
    }

    @Test
    void refusesWhenTheStagingSlotNoLongerRunsTheTag() {
        staged("v1.3.0", 1, NOW.minus(Duration.ofHours(3)));
        live.put(1, new LiveVersion("staging", 1, "u", "v1.4.0", mission.commit("v1.4.0"), null));
        assertThat(decide("v1.3.0", "production", null)
                        .violation(ViolationCode.STAGING_NO_LONGER_RUNS_TAG)
                        .orElseThrow()
                        .message())
                .contains("staging slot 1 reports v1.4.0");
    }

    @Test
    void changelogWithoutTheEntryRefuses() {
        staged("v1.4.0", 1, NOW.minus(Duration.ofHours(3)));
        assertThat(decide("v1.4.0", "production", null)
                        .violation(ViolationCode.CHANGELOG_PROBLEM)
                        .orElseThrow()
                        .message())
                .contains("1.4.0");
    }

    @Test
    void windowAcrossMidnightAndFreezeFromTheConfiguration() {
        staged("v1.3.0", 1, NOW.minus(Duration.ofHours(3)));
        DeployWindow night = new DeployWindow(
                Set.of(DayOfWeek.MONDAY), LocalTime.of(22, 0), LocalTime.of(2, 0), ZoneId.of("America/New_York"));
        productionGates = gates(List.of(night), List.of());
        // Tuesday 10:00 UTC is Tuesday 05:00 in New York: after the Monday-night window closed.
        assertThat(decide("v1.3.0", "production", null).violation(ViolationCode.OUTSIDE_WINDOW))
                .isPresent();
        // Tuesday 05:30 UTC is Tuesday 00:30 in New York: inside Monday night's window.
        assertThat(decide("v1.3.0", "production", null, NOW.minus(Duration.ofMinutes(270)))
                        .allowed())
                .isTrue();
        productionGates = gates(List.of(), List.of(new Freeze(NOW.minusSeconds(60), NOW.plusSeconds(3600), "audit")));
        assertThat(decide("v1.3.0", "production", null).violation(ViolationCode.IN_FREEZE))
                .isPresent();
    }

    @Test
    void migrationsChangedWithoutABackupCommandRefuses() {
        staged("v1.3.0", 1, NOW.minus(Duration.ofHours(3)));
        backup = new BackupConfig("migrations/", List.of());
        assertThat(decide("v1.3.0", "production", null).violation(ViolationCode.BACKUP_NOT_CONFIGURED))
                .isPresent();
    }

    @Test
    void rollbackTargetWhoseTagIsGoneRefuses() throws Exception {
        staged("v1.3.0", 1, NOW.minus(Duration.ofHours(3)));
        mission.repo.git().tagDelete().setTags("v1.2.3").call();
        try (GitFacts fresh = GitFacts.open(mission.dir(), TagPattern.defaultPattern())) {
            GateDecision decision = Gates.evaluate(gatherer(fresh).gather(request("v1.3.0", "production", null)));
            assertThat(decision.violation(ViolationCode.ROLLBACK_TARGET_MISSING))
                    .isPresent();
        }
    }

    @Test
    void redeployingTheRunningTagPlansTheOneBefore() {
        staged("v1.2.3", 1, NOW.minus(Duration.ofHours(3)));
        GateDecision decision = decide("v1.2.3", "production", null);
        assertThat(decision.warning(ViolationCode.ALREADY_RUNNING)).isPresent();
        assertThat(decision.plan().rollbackTag()).isEqualTo("v1.2.2");
    }

    @Test
    void failedDeploymentKeepsTheLastGoodTagAsRollbackTarget() {
        staged("v1.3.0", 1, NOW.minus(Duration.ofHours(3)));
        append(RecordKind.DEPLOYMENT, "production", null, "v1.3.0", Outcome.DEPLOY_FAILED, NOW.minusSeconds(600));
        GateDecision decision = decide("v1.3.0", "production", null);
        assertThat(decision.allowed()).isTrue();
        assertThat(decision.plan().currentTag()).isEqualTo("v1.2.3");
        assertThat(decision.plan().rollbackTag()).isEqualTo("v1.2.3");
    }

    @Test
    void heldLockRefusesAndAnInterruptedDeploymentIsReported() {
        staged("v1.3.0", 1, NOW.minus(Duration.ofHours(3)));
        ledger.append(LedgerRecord.started(
                RecordKind.DEPLOYMENT,
                "production",
                null,
                "v1.3.0",
                mission.commit("v1.3.0"),
                "bob",
                NOW.minusSeconds(300)));
        try (DeploymentLock held = ledger.lock("production", null, "release #42 (bob)")) {
            GateDecision locked = decide("v1.3.0", "production", null);
            assertThat(locked.violation(ViolationCode.LOCKED).orElseThrow().message())
                    .contains("release #42 (bob)");
            assertThat(locked.warning(ViolationCode.INTERRUPTED_DEPLOYMENT)).isEmpty();
        }
        GateDecision after = decide("v1.3.0", "production", null);
        assertThat(after.violation(ViolationCode.LOCKED)).isEmpty();
        assertThat(after.warning(ViolationCode.INTERRUPTED_DEPLOYMENT)).isPresent();
    }

    @Test
    void badEnvironmentOrSlotIsOneClearLine() {
        assertThatThrownBy(() -> decide("v1.3.0", "prod", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Environment 'prod' is not configured; use one of: staging, production.");
        assertThatThrownBy(() -> decide("v1.3.0", "staging", 4))
                .hasMessage("Slot 4 is not a slot of staging; give a slot from 1 to 3.");
        assertThatThrownBy(() -> decide("v1.3.0", "staging", null))
                .hasMessage("No slot given of staging; give a slot from 1 to 3.");
        assertThatThrownBy(() -> decide("v1.3.0", "production", 1))
                .hasMessage("production has no slots, but slot 1 was given; leave the slot out.");
    }

    private GateDecision decide(String tag, String environment, Integer slot) {
        return decide(tag, environment, slot, NOW);
    }

    private GateDecision decide(String tag, String environment, Integer slot, Instant now) {
        GateFactsGatherer gatherer =
                new GateFactsGatherer(config(), git, ledger, this::readLive, Clock.fixed(now, ZoneOffset.UTC));
        return Gates.evaluate(gatherer.gather(request(tag, environment, slot)));
    }

    private GateFactsGatherer gatherer(GitFacts facts) {
        return new GateFactsGatherer(config(), facts, ledger, this::readLive, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static PromotionRequest request(String tag, String environment, Integer slot) {
        return PromotionRequest.of(tag, environment, slot);
    }

    private LiveVersion readLive(EnvironmentConfig env, Integer slot) {
        return live.getOrDefault(slot, new LiveVersion(env.name(), slot, env.urlFor(slot), null, null, "no answer"));
    }

    /** A passing verification on a staging slot, and the slot reporting the tag. */
    private void staged(String tag, int slot, Instant at) {
        append(RecordKind.VERIFICATION, "staging", slot, tag, Outcome.SUCCEEDED, at);
        live.put(slot, new LiveVersion("staging", slot, "u", tag, mission.commit(tag), null));
    }

    private void deployed(String environment, Integer slot, String tag, Instant at) {
        append(RecordKind.DEPLOYMENT, environment, slot, tag, Outcome.SUCCEEDED, at);
    }

    private void append(RecordKind kind, String environment, Integer slot, String tag, Outcome outcome, Instant at) {
        ledger.append(
                LedgerRecord.started(kind, environment, slot, tag, mission.commit(tag), "alice", at.minusSeconds(60))
                        .finish(outcome, at));
    }

    private ReleaseConfig config() {
        DeployConfig deploy =
                new DeployConfig(new ScriptDeployConfig(List.of("./deploy.sh", "{tag}"), null, null), null);
        EnvironmentConfig staging = new EnvironmentConfig(
                "staging",
                EnvironmentKind.STAGING,
                3,
                "http://staging-{slot}.example.com",
                null,
                deploy,
                List.of(),
                GatesConfig.NONE,
                null,
                null);
        EnvironmentConfig production = new EnvironmentConfig(
                "production",
                EnvironmentKind.PRODUCTION,
                0,
                "http://example.com",
                null,
                deploy,
                List.of(),
                productionGates,
                backup,
                null);
        return new ReleaseConfig(null, "main", null, List.of(staging, production));
    }

    private static GatesConfig gates(List<DeployWindow> windows, List<Freeze> freezes) {
        return new GatesConfig(
                "staging", Duration.ofDays(7), LiveVersionMode.REQUIRE, List.of(), windows, freezes, 1, null);
    }
}
