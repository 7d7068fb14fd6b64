package io.jenkins.plugins.releasepromotion.engine.gate;

import static io.jenkins.plugins.releasepromotion.engine.gate.GateFixtures.gates;
import static io.jenkins.plugins.releasepromotion.engine.gate.GateFixtures.goodPromotion;
import static io.jenkins.plugins.releasepromotion.engine.gate.GateFixtures.production;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.releasepromotion.engine.config.EnvironmentConfig;
import io.jenkins.plugins.releasepromotion.engine.config.GatesConfig;
import io.jenkins.plugins.releasepromotion.engine.config.LiveVersionMode;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApprovalGateTest {

    @Test
    void approval() {
        var env = production(
                gates(LiveVersionMode.REQUIRE, List.of("ann", "release-managers"), List.of(), List.of()), null);
        GateFacts base = goodPromotion(env).build();
        PromotionRequest started = new PromotionRequest("v1.2.4", "production", null, "bob", null, null, null, false);

        assertThat(Gates.evaluate(base.withRequest(started)).violation(ViolationCode.APPROVAL_REQUIRED))
                .isPresent();
        assertThat(Gates.evaluate(base.withRequest(started.asDryRun())).allowed())
                .isTrue();
        assertThat(Gates.evaluate(base.withRequest(started.withApprovals(typed("ann"))))
                        .allowed())
                .isTrue();
        assertThat(Gates.evaluate(base.withRequest(started.withApprovals(typed("eve"))))
                        .violation(ViolationCode.APPROVER_NOT_ALLOWED)
                        .orElseThrow()
                        .message())
                .isEqualTo("eve may not approve deployments to production; the approvers are [ann,"
                        + " release-managers].");
        GateFacts viaGroup = base.withRequest(
                started.withApprovals(List.of(new Approval("carol", Set.of("release-managers"), "input"))));
        assertThat(Gates.evaluate(viaGroup).allowed()).isTrue();
    }

    @Test
    void selfApprovalNeedsABreakGlassReason() {
        var env = production(gates(LiveVersionMode.REQUIRE, List.of("ann"), List.of(), List.of()), null);
        PromotionRequest self =
                new PromotionRequest("v1.2.4", "production", null, "ann", typed("ann"), null, null, false);
        GateDecision refused = Gates.evaluate(goodPromotion(env).build().withRequest(self));
        assertThat(refused.violation(ViolationCode.SELF_APPROVAL).orElseThrow().message())
                .contains("ann started this promotion and may not approve it too");
        PromotionRequest glass = new PromotionRequest(
                "v1.2.4", "production", null, "ann", typed("ann"), null, "outage, nobody else on call", false);
        GateDecision allowed = Gates.evaluate(goodPromotion(env).build().withRequest(glass));
        assertThat(allowed.allowed()).isTrue();
        assertThat(allowed.warning(ViolationCode.SELF_APPROVAL).orElseThrow().message())
                .contains("break-glass: outage, nobody else on call");
    }

    @Test
    void twoApprovalsNeedTwoDistinctAllowedApprovers() {
        GateFacts base = goodPromotion(twoApprovals()).build();
        PromotionRequest started = new PromotionRequest("v1.2.4", "production", null, "bob", null, null, null, false);

        GateDecision one = Gates.evaluate(base.withRequest(started.withApprovals(typed("ann"))));
        assertThat(one.violation(ViolationCode.APPROVAL_REQUIRED).orElseThrow().message())
                .startsWith("production needs 2 approvals from [ann, carol, release-managers]; 1 so far: ann;");
        GateDecision twice = Gates.evaluate(base.withRequest(started.withApprovals(typed("ann", "ann"))));
        assertThat(twice.violation(ViolationCode.APPROVAL_REQUIRED)
                        .orElseThrow()
                        .message())
                .contains("1 so far: ann");
        GateDecision withStranger = Gates.evaluate(base.withRequest(started.withApprovals(typed("ann", "eve"))));
        assertThat(withStranger.violations())
                .extracting(GateViolation::code)
                .containsExactly(ViolationCode.APPROVER_NOT_ALLOWED, ViolationCode.APPROVAL_REQUIRED);
        assertThat(Gates.evaluate(base.withRequest(started.withApprovals(typed("ann", "carol"))))
                        .allowed())
                .isTrue();
    }

    @Test
    void aGroupMemberCountsAsOneApprover() {
        GateFacts base = goodPromotion(twoApprovals()).build();
        PromotionRequest started = new PromotionRequest("v1.2.4", "production", null, "bob", null, null, null, false);
        Approval dave = new Approval("dave", Set.of("release-managers"), "input");

        assertThat(Gates.evaluate(base.withRequest(started.withApprovals(List.of(dave, dave))))
                        .violation(ViolationCode.APPROVAL_REQUIRED))
                .isPresent();
        assertThat(Gates.evaluate(base.withRequest(started.withApprovals(List.of(dave, Approval.named("ann", "x")))))
                        .allowed())
                .isTrue();
    }

    @Test
    void theStarterCountsTowardsTheQuorumOnlyUnderBreakGlass() {
        GateFacts base = goodPromotion(twoApprovals()).build();
        PromotionRequest byCarol =
                new PromotionRequest("v1.2.4", "production", null, "carol", typed("ann", "carol"), null, null, false);

        GateDecision refused = Gates.evaluate(base.withRequest(byCarol));
        assertThat(refused.violations())
                .extracting(GateViolation::code)
                .containsExactly(ViolationCode.SELF_APPROVAL, ViolationCode.APPROVAL_REQUIRED);
        assertThat(refused.violation(ViolationCode.APPROVAL_REQUIRED)
                        .orElseThrow()
                        .message())
                .contains("1 so far: ann");

        PromotionRequest glass = new PromotionRequest(
                "v1.2.4", "production", null, "carol", typed("ann", "carol"), null, "incident 42", false);
        GateDecision allowed = Gates.evaluate(base.withRequest(glass));
        assertThat(allowed.allowed()).isTrue();
        assertThat(allowed.warning(ViolationCode.SELF_APPROVAL)).isPresent();
        PromotionRequest aloneUnderGlass =
                new PromotionRequest("v1.2.4", "production", null, "carol", typed("carol"), null, "incident 42", false);
        assertThat(Gates.evaluate(base.withRequest(aloneUnderGlass)).violation(ViolationCode.APPROVAL_REQUIRED))
                .isPresent();
    }

    private static EnvironmentConfig twoApprovals() {
        GatesConfig one =
                gates(LiveVersionMode.REQUIRE, List.of("ann", "carol", "release-managers"), List.of(), List.of());
        return production(
                new GatesConfig(
                        one.promotesFrom(),
                        one.maxAttestationAge(),
                        one.liveVersion(),
                        one.approvers(),
                        one.windows(),
                        one.freezes(),
                        2,
                        null),
                null);
    }

    private static List<Approval> typed(String... names) {
        return Arrays.stream(names)
                .map(name -> Approval.named(name, "--approved-by"))
                .toList();
    }
}
