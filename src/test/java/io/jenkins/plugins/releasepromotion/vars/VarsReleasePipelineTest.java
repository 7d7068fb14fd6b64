package io.jenkins.plugins.releasepromotion.vars;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.AbortException;
import io.jenkins.plugins.releasepromotion.vars.PipelineHarness.Call;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VarsReleasePipelineTest {
    static final Path ROOT = Path.of("").toAbsolutePath();
    static final String COMMIT = "a8adb0a3c2d1e0f9a8b7c6d5e4f3a2b1c0d9e8f7";

    /** promoteTag's one line for each way a promotion ends badly (engine/usecase/Promotion and PromotionRun). */
    static final String REFUSED =
            "Refused: 1 gate(s) failed. v1.2.0 to production: outside the deploy windows of production";

    static final String DEPLOY_FAILED = "Deploying v1.2.0 to production failed: ./deploy.sh exited with 1.";
    static final String VERIFY_FAILED =
            "Verification of v1.2.0 on production failed: health: 503 from /api/health (3 attempts)";

    /** The plugin's steps as a healthy staging and production answer them. */
    static PipelineHarness healthy(String startedBy) {
        return new PipelineHarness(ROOT, startedBy)
                .ours("promoteTag", Environments::promote)
                .ours("verifyDeployment", Environments::verify)
                .ours("rollbackTo", Environments::rollback)
                .ours("releaseStatus", Environments.status(false))
                .input(Environments.approvedBy("alice"));
    }

    static Map<String, Object> config() {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("tag", "v1.2.0");
        config.put("approvers", "release-managers");
        config.put("stagingSlot", 1);
        return config;
    }

    @Test
    void promotesTheSameTagAndCommitFromStagingToProductionStageByStage() {
        PipelineHarness h = healthy("carol");

        Object result = h.runVar("releasePipeline", config());

        assertThat(h.calls("stage").stream().map(c -> c.positional().get(0)))
                .containsExactly("Checkout", "Gates", "Staging", "Approval", "Production");
        List<Call> deploys = h.calls("promoteTag").stream()
                .filter(c -> !Boolean.TRUE.equals(c.args().get("dryRun")))
                .toList();
        assertThat(deploys).extracting(c -> c.args().get("environment")).containsExactly("staging", "production");
        assertThat(deploys).extracting(c -> c.args().get("tag")).containsOnly("v1.2.0");
        assertThat(deploys.get(1).args()).containsEntry("approvedBy", "alice").containsEntry("autoRollback", false);
        assertThat(h.calls("verifyDeployment").get(0).args())
                .containsEntry("environment", "staging")
                .containsEntry("slot", 1)
                .containsEntry("tag", "v1.2.0");
        assertThat(result)
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("commit", COMMIT)
                .containsEntry("outcome", "SUCCEEDED")
                .containsEntry("approvedBy", "alice");
        assertThat(h.echoes().get(h.echoes().size() - 1))
                .startsWith("[release-promotion] releasePipeline: v1.2.0 (" + COMMIT + ")")
                .contains("SUCCEEDED, approved by alice");
    }

    @Test
    void holdsLocksAndNodesOnlyWhileDeployingAndVerifyingNeverAcrossTheApproval() {
        PipelineHarness h = healthy("carol");

        h.runVar("releasePipeline", config());

        Call input = h.calls("input").get(0);
        assertThat(input.nodeDepth()).isZero();
        assertThat(input.locks()).isEmpty();
        assertThat(h.calls("timeout").get(0).locks()).isEmpty();
        for (Call c : h.calls()) {
            boolean deploysOrVerifies = c.name().equals("verifyDeployment") || deploys(c);
            if (deploysOrVerifies) {
                assertThat(c.locks()).as(c.toString()).hasSize(1);
                assertThat(c.locks().get(0))
                        .endsWith(String.valueOf(c.args().get("environment"))
                                + (c.args().get("slot") == null ? "" : " slot 1"));
                assertThat(c.nodeDepth()).isEqualTo(1);
            }
            if (c.name().equals("promoteTag")
                    || c.name().equals("verifyDeployment")
                    || c.name().equals("checkout")) {
                assertThat(c.nodeDepth()).as(c.toString()).isEqualTo(1);
            }
        }
    }

    @Test
    void asksTheEnvironmentsApproversWithTheEvidenceAndTheChecklist() {
        PipelineHarness h = healthy("carol");

        h.runVar("releasePipeline", config());

        Map<String, Object> input = h.calls("input").get(0).args();
        assertThat(input)
                .containsEntry("submitter", "release-managers")
                .containsEntry("submitterParameter", "APPROVER");
        assertThat(String.valueOf(input.get("message")))
                .contains("v1.2.0", COMMIT, "passed verification on staging slot 1", "### Added", "v1.1.0");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> parameters = (List<Map<String, Object>>) input.get("parameters");
        assertThat(parameters)
                .extracting(p -> p.get("$class"))
                .containsExactly(
                        "booleanParam", "booleanParam", "booleanParam", "booleanParam", "booleanParam", "string");
        assertThat(parameters).extracting(p -> p.get("name")).contains("ROLLBACK_READY", "BREAK_GLASS_REASON");
    }

    @Test
    void takesAFreeStagingSlotFromThePool() {
        PipelineHarness h = healthy("carol").pool("staging-slots", "staging-slot-2");
        Map<String, Object> config = config();
        config.remove("stagingSlot");
        config.put("stagingSlotPool", "staging-slots");

        h.runVar("releasePipeline", config);

        assertThat(h.calls("verifyDeployment").get(0).args()).containsEntry("slot", 2);
        assertThat(h.calls("verifyDeployment").get(0).locks()).containsExactly("staging-slot-2");
    }

    @Test
    void aPoolResourceWithoutASlotNumberIsOneLineAndNothingIsDeployed() {
        PipelineHarness h = healthy("carol").pool("staging-slots", "staging-slot-two");
        Map<String, Object> config = config();
        config.remove("stagingSlot");
        config.put("stagingSlotPool", "staging-slots");

        assertThatThrownBy(() -> h.runVar("releasePipeline", config))
                .isInstanceOf(PipelineError.class)
                .hasMessageContaining("'staging-slot-two' of pool 'staging-slots' does not end in -<slot number>");
        assertThat(h.calls("promoteTag"))
                .noneMatch(c -> !Boolean.TRUE.equals(c.args().get("dryRun")));
    }

    @Test
    void aRejectionIsRecordedAsRejectedAndNothingReachesProduction() {
        PipelineHarness h = healthy("carol").input(args -> {
            throw new Interrupted("Rejected by bob");
        });

        assertThatThrownBy(() -> h.runVar("releasePipeline", config())).isInstanceOf(Interrupted.class);

        assertThat(h.build().getDescription()).startsWith("v1.2.0 to production: REJECTED");
        assertThat(productionDeploys(h)).isEmpty();
        assertThat(last(h.echoes())).contains(": REJECTED").doesNotContain("approved by");
        assertRecordedRefusal(h, "REJECTED", null, "rejected by an approver");
    }

    @Test
    void aDecisionThatCannotBeRecordedIsReportedAndTheBuildStillEndsRejected() {
        PipelineHarness h = healthy("carol")
                .input(args -> {
                    throw new Interrupted("Rejected by bob");
                })
                .ours("promoteTag", args -> {
                    if (args.get("approvalDecision") != null) {
                        throw new PipelineError("[release-promotion] no agent with label deploy");
                    }
                    return Environments.promote(args);
                });

        assertThatThrownBy(() -> h.runVar("releasePipeline", config())).isInstanceOf(Interrupted.class);

        assertThat(h.echoes())
                .anyMatch(line ->
                        line.contains("The REJECTED decision could not be recorded in the ledger of production"));
        assertThat(last(h.echoes())).contains(": REJECTED");
    }

    @Test
    void noAnswerWithinTheTimeoutIsRecordedAsExpired() {
        PipelineHarness h = healthy("carol");
        h.input(args -> h.expire());
        Map<String, Object> config = config();
        config.put("approvalTimeoutMinutes", 30);

        assertThatThrownBy(() -> h.runVar("releasePipeline", config)).isInstanceOf(Interrupted.class);

        assertThat(h.calls("timeout").get(0).args()).containsEntry("time", 30).containsEntry("unit", "MINUTES");
        assertThat(h.build().getDescription())
                .isEqualTo("v1.2.0 to production: EXPIRED (no answer within 30 minutes (0 of 1 approved))");
        assertThat(productionDeploys(h)).isEmpty();
        assertRecordedRefusal(h, "EXPIRED", null, "no answer within 30 minutes (0 of 1 approved)");
    }

    @Test
    void theStarterMayNotApproveTheirOwnBuild() {
        PipelineHarness h = healthy("alice");

        assertThatThrownBy(() -> h.runVar("releasePipeline", config()))
                .isInstanceOf(PipelineError.class)
                .hasMessageContaining("alice started this build and may not approve it too");

        assertThat(h.build().getDescription()).contains("REJECTED");
        assertThat(productionDeploys(h)).isEmpty();
        assertRecordedRefusal(h, "REJECTED", "alice", "alice started this build and may not approve it too");
    }

    @Test
    void theStarterMayApproveUnderBreakGlassAndTheReasonIsPassedOn() {
        PipelineHarness h = healthy("alice").input(args -> {
            Map<String, Object> answer = new HashMap<>(Environments.ticked("alice"));
            answer.put("BREAK_GLASS_REASON", "on-call alone during the outage");
            return answer;
        });

        h.runVar("releasePipeline", config());

        assertThat(productionDeploys(h).get(0).args())
                .containsEntry("approvedBy", "alice")
                .hasEntrySatisfying("breakGlassReason", v -> assertThat(String.valueOf(v))
                        .isEqualTo("on-call alone during the outage"));
    }

    /** Production's gates need two approvers: its dry run says so, as promoteTag's result does. */
    static Object twoApprovals(Map<String, Object> args) {
        Map<String, Object> result = new LinkedHashMap<>(Environments.promote(args));
        result.put("approvals", "production".equals(args.get("environment")) ? 2 : 1);
        return result;
    }

    /** The approvers who answer input, one per prompt, in turn. */
    static java.util.function.Function<Map<String, Object>, Object> answers(String... approvers) {
        java.util.Iterator<String> next = List.of(approvers).iterator();
        return args -> Environments.ticked(next.next());
    }

    @Test
    void asksUntilTwoDistinctApproversHaveApprovedShowingWhoHasSoFar() {
        PipelineHarness h = healthy("carol")
                .ours("promoteTag", VarsReleasePipelineTest::twoApprovals)
                .input(answers("alice", "alice", "bob"));

        Object result = h.runVar("releasePipeline", config());

        assertThat(h.calls("input"))
                .extracting(c -> String.valueOf(c.args().get("message")))
                .satisfiesExactly(
                        first -> assertThat(first).contains("Approvals: 0 of 2 approved\n"),
                        second -> assertThat(second).contains("Approvals: 1 of 2 approved: alice\n"),
                        third -> assertThat(third).contains("Approvals: 1 of 2 approved: alice\n"));
        assertThat(h.calls("timeout")).hasSize(1);
        assertThat(h.echoes()).contains("[release-promotion] alice has already approved; another approver is needed.");
        assertThat(productionDeploys(h).get(0).args()).containsEntry("approvedBy", "alice,bob");
        assertThat(result)
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("approvers", List.of("alice", "bob"));
        assertThat(last(h.echoes())).contains("SUCCEEDED, approved by alice, bob");
    }

    @Test
    void anApprovalThatTimesOutBeforeTheSecondApproverIsExpiredAndSaysWhoHadApproved() {
        PipelineHarness h = healthy("carol").ours("promoteTag", VarsReleasePipelineTest::twoApprovals);
        java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();
        h.input(args -> asked.incrementAndGet() == 1 ? Environments.ticked("alice") : h.expire());

        assertThatThrownBy(() -> h.runVar("releasePipeline", config())).isInstanceOf(Interrupted.class);

        assertThat(productionDeploys(h)).isEmpty();
        assertRecordedRefusal(h, "EXPIRED", null, "no answer within 60 minutes (1 of 2 approved: alice)");
    }

    @Test
    void theStarterCountsAsOneOfTwoOnlyUnderBreakGlass() {
        PipelineHarness h = healthy("alice").ours("promoteTag", VarsReleasePipelineTest::twoApprovals);
        java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();
        h.input(args -> {
            if (asked.incrementAndGet() == 2) {
                return Environments.ticked("bob");
            }
            Map<String, Object> answer = new HashMap<>(Environments.ticked("alice"));
            answer.put("BREAK_GLASS_REASON", "on-call alone during the outage");
            return answer;
        });

        h.runVar("releasePipeline", config());

        assertThat(productionDeploys(h).get(0).args())
                .containsEntry("approvedBy", "alice,bob")
                .containsEntry("breakGlassReason", "on-call alone during the outage");
        assertThat(last(h.echoes())).contains("approved by alice, bob (break-glass: on-call alone during the outage)");
    }

    @Test
    void anUntickedChecklistItemIsARejection() {
        PipelineHarness h = healthy("carol").input(args -> {
            Map<String, Object> answer = new HashMap<>(Environments.ticked("alice"));
            answer.put("BACKUP_READY", false);
            return answer;
        });

        assertThatThrownBy(() -> h.runVar("releasePipeline", config()))
                .isInstanceOf(PipelineError.class)
                .hasMessageContaining("Database backup created");
        assertThat(productionDeploys(h)).isEmpty();
        assertRecordedRefusal(h, "REJECTED", "alice", "alice left unticked: Database backup created (if needed)");
        assertThat(last(h.echoes())).doesNotContain("approved by");
    }

    @Test
    void aFailedVerificationInProductionRollsBackOnce() {
        PipelineHarness h = healthy("carol")
                .ours("promoteTag", Environments.productionFails(VERIFY_FAILED))
                .ours("releaseStatus", Environments.status(true));

        assertThatThrownBy(() -> h.runVar("releasePipeline", config()))
                .isInstanceOf(AbortException.class)
                .hasMessageContaining("Verification of v1.2.0 on production failed");

        assertThat(h.calls("rollbackTo")).hasSize(1);
        assertThat(h.calls("rollbackTo").get(0).args()).containsEntry("environment", "production");
        assertThat(h.calls("rollbackTo").get(0).locks()).containsExactly("release-promotion/production");
        assertThat(last(h.echoes())).contains("ROLLED_BACK", "rolled back to v1.1.0", "Verification of v1.2.0");
    }

    @Test
    void aRefusalAtTheGatesOfTheProductionPromotionIsNotRolledBack() {
        PipelineHarness h = healthy("carol")
                .ours("promoteTag", Environments.productionFails(REFUSED))
                .ours("releaseStatus", Environments.status(false));

        assertThatThrownBy(() -> h.runVar("releasePipeline", config()))
                .isInstanceOf(AbortException.class)
                .hasMessageContaining("Refused");

        assertThat(h.calls("releaseStatus")).singleElement().satisfies(c -> assertThat(c.args())
                .containsEntry("environment", "production"));
        assertThat(h.calls("rollbackTo")).isEmpty();
        assertThat(last(h.echoes())).contains(": GATE_FAILED, approved by alice (" + "[release-promotion] " + REFUSED);
    }

    @Test
    void aFailedDeployWhoseRollbackFailsTooEndsDeployFailed() {
        PipelineHarness h = healthy("carol")
                .ours("promoteTag", Environments.productionFails(DEPLOY_FAILED))
                .ours("releaseStatus", Environments.status(true))
                .ours("rollbackTo", args -> {
                    throw Environments.abort("Rolling back production to v1.1.0 failed: exit status 1.");
                });

        assertThatThrownBy(() -> h.runVar("releasePipeline", config()))
                .isInstanceOf(AbortException.class)
                .hasMessageContaining(DEPLOY_FAILED);

        assertThat(h.calls("rollbackTo")).hasSize(1);
        assertThat(h.echoes())
                .anyMatch(line -> line.contains("production could not be checked or rolled back after the failure")
                        && line.contains("Rolling back production to v1.1.0 failed"));
        assertThat(last(h.echoes())).contains(": DEPLOY_FAILED, approved by alice", DEPLOY_FAILED);
    }

    @Test
    void anAbortDuringTheProductionPromotionStartsNoRollbackAndSaysHowToCheck() {
        PipelineHarness h = healthy("carol").ours("promoteTag", args -> {
            if ("production".equals(args.get("environment")) && !Boolean.TRUE.equals(args.get("dryRun"))) {
                throw new Interrupted("Aborted by carol");
            }
            return Environments.promote(args);
        });

        assertThatThrownBy(() -> h.runVar("releasePipeline", config())).isInstanceOf(Interrupted.class);

        assertThat(h.calls("rollbackTo")).isEmpty();
        assertThat(h.calls("releaseStatus")).isEmpty();
        assertThat(last(h.echoes()))
                .contains(
                        ": INTERRUPTED",
                        "releaseStatus(environment: 'production')",
                        "rollbackTo(environment: 'production')");
    }

    @Test
    void aFreezeOverriddenWithAReasonPromotesAndEveryProductionCallCarriesTheReason() {
        PipelineHarness h = healthy("carol").ours("promoteTag", VarsReleasePipelineTest::frozenProduction);
        Map<String, Object> config = config();
        config.put("windowOverrideReason", "security fix during the freeze");

        Object result = h.runVar("releasePipeline", config);

        assertThat(result)
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("outcome", "SUCCEEDED");
        assertThat(h.calls("promoteTag").stream()
                        .filter(c -> "production".equals(c.args().get("environment")))
                        .filter(c -> c.args().get("approvalDecision") == null))
                .hasSize(3)
                .allSatisfy(c ->
                        assertThat(c.args()).containsEntry("windowOverrideReason", "security fix during the freeze"));
    }

    @Test
    void aFreezeWithoutAReasonIsRefusedBeforeProductionIsTouched() {
        PipelineHarness h = healthy("carol").ours("promoteTag", VarsReleasePipelineTest::frozenProduction);

        assertThatThrownBy(() -> h.runVar("releasePipeline", config()))
                .isInstanceOf(PipelineError.class)
                .hasMessageContaining("Refused v1.2.0 to production: production is frozen");

        assertThat(productionDeploys(h)).isEmpty();
        assertThat(h.calls("rollbackTo")).isEmpty();
        assertThat(last(h.echoes())).contains("GATE_FAILED");
    }

    /** Production in a freeze: its gates refuse every promotion that gives no window override reason. */
    static Object frozenProduction(Map<String, Object> args) {
        if (!"production".equals(args.get("environment")) || args.get("windowOverrideReason") != null) {
            return Environments.promote(args);
        }
        String refusal = "production is frozen until 2025-01-06; give windowOverrideReason to deploy anyway";
        if (!Boolean.TRUE.equals(args.get("dryRun")) && args.get("approvalDecision") == null) {
            throw Environments.abort("Refused: 1 gate(s) failed. v1.2.0 to production: " + refusal);
        }
        Map<String, Object> result = new LinkedHashMap<>(Environments.promote(args));
        result.put("outcome", "GATE_FAILED");
        result.put("message", refusal);
        return result;
    }

    @Test
    void aFailedStagingVerificationStopsBeforeTheApprovalWithoutRollingBack() {
        PipelineHarness h = healthy("carol").ours("verifyDeployment", args -> {
            throw new PipelineError("[release-promotion] v1.2.0 failed verification on staging slot 1");
        });

        assertThatThrownBy(() -> h.runVar("releasePipeline", config())).isInstanceOf(PipelineError.class);

        assertThat(h.calls("input")).isEmpty();
        assertThat(h.calls("rollbackTo")).isEmpty();
        assertThat(last(h.echoes())).contains("VERIFY_FAILED");
    }

    @Test
    void aGateRefusalFailsEarlyBeforeAnythingIsDeployed() {
        PipelineHarness h = healthy("carol").ours("promoteTag", args -> {
            Map<String, Object> result = new LinkedHashMap<>(Environments.promote(args));
            result.put("outcome", "GATE_FAILED");
            result.put("message", "v1.2.0 is older than v1.3.0, which staging slot 1 runs");
            return result;
        });

        assertThatThrownBy(() -> h.runVar("releasePipeline", config()))
                .isInstanceOf(PipelineError.class)
                .hasMessage("[release-promotion] Refused v1.2.0 to staging slot 1: v1.2.0 is older than v1.3.0, which"
                        + " staging slot 1 runs");

        assertThat(h.calls("promoteTag")).hasSize(1);
        assertThat(h.calls("lock")).isEmpty();
        assertThat(last(h.echoes())).contains("GATE_FAILED");
    }

    @Test
    void refusesAnInvalidConfigurationBeforeAnyStep() {
        Map<Map<String, Object>, String> mistakes = Map.of(
                Map.of("approvers", "release-managers"), "needs tag",
                Map.of("tag", "v1.2.0"), "needs approvers",
                Map.of("tag", "v1.2.0", "approvers", "rm", "stagingSlot", 0), "stagingSlot is '0'",
                Map.of("tag", "v1.2.0", "approvers", "rm", "stagingSlot", 1, "stagingSlotPool", "p"), "not both",
                Map.of("tag", "v1.2.0", "approvers", "rm", "aprovers", "rm"), "does not know the option(s) [aprovers]",
                Map.of("tag", "v1.2.0", "approvers", "rm", "approvalTimeoutMinutes", "soon"), "approvalTimeoutMinutes",
                Map.of("tag", "v1.2.0", "approvers", "rm", "productionEnvironment", "staging"),
                        "name two environments");
        mistakes.forEach((config, message) -> {
            PipelineHarness h = healthy("carol");
            assertThatThrownBy(() -> h.runVar("releasePipeline", config))
                    .as(config.toString())
                    .isInstanceOf(PipelineError.class)
                    .hasMessageContaining(message);
            assertThat(h.stepNames()).as(config.toString()).containsOnly("error");
        });
    }

    static List<Call> productionDeploys(PipelineHarness h) {
        return h.calls("promoteTag").stream()
                .filter(c -> "production".equals(c.args().get("environment")))
                .filter(VarsReleasePipelineTest::deploys)
                .toList();
    }

    /** A promoteTag that deploys: not a dry run, and not the record of a refused approval. */
    static boolean deploys(Call c) {
        return c.name().equals("promoteTag")
                && !Boolean.TRUE.equals(c.args().get("dryRun"))
                && c.args().get("approvalDecision") == null;
    }

    /**
     * The one refusal recorded in production's ledger: promoteTag with an approvalDecision, on an agent for the moment
     * it takes and outside every lock.
     */
    static void assertRecordedRefusal(PipelineHarness h, String decision, String refuser, String reason) {
        assertThat(recordedDecisions(h)).singleElement().satisfies(c -> {
            assertThat(c.args())
                    .containsEntry("tag", "v1.2.0")
                    .containsEntry("environment", "production")
                    .containsEntry("approvalDecision", decision)
                    .containsEntry("approvedBy", refuser);
            assertThat(String.valueOf(c.args().get("decisionReason"))).isEqualTo(reason);
            assertThat(c.nodeDepth()).isEqualTo(1);
            assertThat(c.locks()).isEmpty();
        });
    }

    /** The refusals recorded in production's ledger: promoteTag with an approvalDecision. */
    static List<Call> recordedDecisions(PipelineHarness h) {
        return h.calls("promoteTag").stream()
                .filter(c -> c.args().get("approvalDecision") != null)
                .toList();
    }

    static String last(List<String> lines) {
        return lines.get(lines.size() - 1);
    }
}
