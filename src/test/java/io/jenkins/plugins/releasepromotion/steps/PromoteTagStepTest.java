package io.jenkins.plugins.releasepromotion.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.AbortException;
import io.jenkins.plugins.releasepromotion.action.ReleaseAction;
import io.jenkins.plugins.releasepromotion.engine.ledger.LedgerRecord;
import io.jenkins.plugins.releasepromotion.engine.ledger.RecordKind;
import io.jenkins.plugins.releasepromotion.engine.model.Outcome;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PromoteTagStepTest extends ScenarioTest {
    static PromoteTagStep promote(String tag, String environment, Integer slot) {
        PromoteTagStep step = new PromoteTagStep(tag, environment);
        step.setSlot(slot);
        return step;
    }

    @Test
    void promotesThroughStagingToProductionAndReturnsTheResult() throws Exception {
        Scenario.Running staging = scenario.start(promote("v1.0.0", "staging", 1));
        Map<?, ?> onStaging = (Map<?, ?>) staging.await();

        assertThat(onStaging.get("outcome")).isEqualTo("SUCCEEDED");
        assertThat(onStaging.get("tag")).isEqualTo("v1.0.0");
        assertThat(onStaging.get("slot")).isEqualTo(1);
        assertThat((String) onStaging.get("releaseNotes")).contains("First release");
        assertThat((String) onStaging.get("commit")).hasSize(40);

        Scenario.Running production = scenario.start(promote("v1.0.0", "production", null));
        Map<?, ?> onProduction = (Map<?, ?>) production.await();

        assertThat(onProduction.get("outcome")).isEqualTo("SUCCEEDED");
        assertThat(onProduction.get("commit")).isEqualTo(onStaging.get("commit"));
        assertThat(Files.readString(scenario.workspace.resolve("deployed-production.txt")))
                .isEqualTo("v1.0.0\n");
        assertThat(production.log())
                .contains("[release-promotion] deploying v1.0.0")
                .contains("[release-promotion] promoteTag: v1.0.0 to production: SUCCEEDED");
        assertThat(scenario.ledger().current("production", null))
                .get()
                .extracting(LedgerRecord::tag)
                .isEqualTo("v1.0.0");
    }

    @Test
    void gitDeployAndVerificationRunOnTheAgent() throws Exception {
        scenario.start(promote("v1.0.0", "staging", 1)).await();

        // The script deploy starts through the build's launcher; the logs check's command comes back to it.
        assertThat(scenario.channel.calls).contains("GitCall", "VerifyCall", "back:AgentCommands.run");
    }

    @Test
    void attachesABuildActionWithTheChecks() throws Exception {
        Scenario.Running running = scenario.start(promote("v1.0.0", "staging", 2));
        running.await();

        ReleaseAction action = running.build().getAction(ReleaseAction.class);
        assertThat(action.getOutcome()).isEqualTo("SUCCEEDED");
        assertThat(action.getWhere()).isEqualTo("staging slot 2");
        assertThat(action.getUrlName()).isEqualTo("release-1");
        assertThat(action.getChecks()).singleElement().satisfies(c -> assertThat(c.name())
                .isEqualTo("logs"));
    }

    @Test
    void aRefusedPromotionStopsTheBuildWithTheGatesMessage() throws Exception {
        Scenario.Running running = scenario.start(promote("v1.1.0", "production", null));

        assertThatThrownBy(running::await)
                .isInstanceOf(AbortException.class)
                .hasMessageStartingWith("[release-promotion] ")
                .hasMessageContaining("v1.1.0")
                .hasMessageContaining("staging");
        assertThat(running.build().getAction(ReleaseAction.class).getOutcome()).isEqualTo("GATE_FAILED");
        assertThat(scenario.ledger().history("production"))
                .singleElement()
                .extracting(LedgerRecord::outcome)
                .isEqualTo(Outcome.GATE_FAILED);
    }

    @Test
    void theUserWhoStartedTheBuildMayNotAlsoApproveIt() throws Exception {
        scenario.environments.get(1).getGates().setApprovers(java.util.List.of("alice", "bob"));
        scenario.reconfigure();
        scenario.start(promote("v1.0.0", "staging", 1)).await();
        scenario.flow.inputSubmittedBy("alice", null);
        PromoteTagStep step = promote("v1.0.0", "production", null);
        step.setApprovedBy("alice");

        Scenario.Running byAlice = scenario.start(step, new hudson.model.Cause.UserIdCause("alice"));

        assertThatThrownBy(byAlice::await)
                .isInstanceOf(AbortException.class)
                .hasMessageContaining("alice started this promotion and may not approve it too");
        Scenario.Running byBob = scenario.start(step, new hudson.model.Cause.UserIdCause("bob"));
        assertThat(((Map<?, ?>) byBob.await()).get("outcome")).isEqualTo("SUCCEEDED");
        assertThat(byBob.build().getAction(ReleaseAction.class).getApprovedBy()).isEqualTo("alice");
        assertThat(scenario.ledger().current("production", null).get().actor()).isEqualTo("bob");
    }

    @Test
    void aRejectionIsRecordedAgainstTheTagsCommitAndNothingIsDeployed() throws Exception {
        Map<?, ?> staged =
                (Map<?, ?>) scenario.start(promote("v1.0.0", "staging", 1)).await();
        PromoteTagStep step = promote("v1.0.0", "production", null);
        step.setApprovalDecision("REJECTED");
        step.setApprovedBy("bob");
        step.setDecisionReason("bob left unticked: Rollback plan ready");

        Scenario.Running running = scenario.start(step);
        Map<?, ?> result = (Map<?, ?>) running.await();

        assertThat(result.get("outcome")).isEqualTo("REJECTED");
        assertThat(result.get("succeeded")).isEqualTo(false);
        assertThat(result.get("commit")).isEqualTo(staged.get("commit"));
        assertThat(result.get("approvedBy")).isEqualTo("bob");
        assertThat(Files.exists(scenario.workspace.resolve("deployed-production.txt")))
                .isFalse();
        LedgerRecord recorded = scenario.ledger().history("production").get(0);
        assertThat(recorded.kind()).isEqualTo(RecordKind.APPROVAL);
        assertThat(recorded.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(recorded.commit()).isEqualTo(staged.get("commit"));
        assertThat(recorded.approver()).isEqualTo("bob");
        assertThat(recorded.reason()).isEqualTo("bob left unticked: Rollback plan ready");
        assertThat(recorded.id()).isEqualTo(result.get("recordId"));
        assertThat(scenario.ledger().current("production", null)).isEmpty();
        assertThat(running.log()).contains("promoteTag: approval of v1.0.0 to production: REJECTED (bob left unticked");
        ReleaseAction action = running.build().getAction(ReleaseAction.class);
        assertThat(action.getOperation()).isEqualTo("approval");
        assertThat(action.getOutcome()).isEqualTo("REJECTED");
    }

    @Test
    void anExpiryIsRecordedWithNobodyAsTheApproverEvenWhenTheGatesWouldRefuse() throws Exception {
        PromoteTagStep step = promote("v1.0.0", "production", null);
        step.setApprovalDecision("EXPIRED");
        step.setDecisionReason("no answer within 60 minutes");

        Map<?, ?> result = (Map<?, ?>) scenario.start(step).await();

        assertThat(result.get("outcome")).isEqualTo("EXPIRED");
        assertThat(scenario.ledger().history("production")).singleElement().satisfies(r -> {
            assertThat(r.kind()).isEqualTo(RecordKind.APPROVAL);
            assertThat(r.outcome()).isEqualTo(Outcome.EXPIRED);
            assertThat(r.approver()).isNull();
            assertThat(r.reason()).isEqualTo("no answer within 60 minutes");
        });
    }

    @Test
    void anApprovalDecisionOtherThanARefusalIsRefusedNamingTheChoices() {
        PromoteTagStep step = promote("v1.0.0", "production", null);

        assertThatThrownBy(() -> step.setApprovalDecision("SUCCEEDED"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("approvalDecision is 'SUCCEEDED'; give REJECTED or EXPIRED to record a refused approval,"
                        + " or leave it out to promote.");
        step.setApprovalDecision(" ");
        assertThat(step.getApprovalDecision()).isNull();
    }

    @Test
    void aDryRunReportsWithoutStoppingTheBuildOrRecording() throws Exception {
        PromoteTagStep step = promote("v1.1.0", "production", null);
        step.setDryRun(true);

        Scenario.Running running = scenario.start(step);
        Map<?, ?> result = (Map<?, ?>) running.await();

        assertThat(result.get("outcome")).isEqualTo("GATE_FAILED");
        assertThat(running.build().getAction(ReleaseAction.class)).isNull();
        assertThat(scenario.ledger().history("production")).isEmpty();
    }

    @Test
    void anUnknownEnvironmentNamesTheConfiguredOnes() throws Exception {
        Scenario.Running running = scenario.start(promote("v1.0.0", "qa", null));

        assertThatThrownBy(running::await)
                .isInstanceOf(AbortException.class)
                .hasMessage("[release-promotion] 'qa' is not a configured environment; use one of: staging,"
                        + " production (Manage Jenkins > System > Release Promotion).");
    }

    @Test
    void aSlotThatDoesNotExistStopsTheBuildWithOneLine() throws Exception {
        Scenario.Running running = scenario.start(promote("v1.0.0", "staging", 7));

        assertThatThrownBy(running::await)
                .isInstanceOf(AbortException.class)
                .hasMessageStartingWith("[release-promotion] ")
                .hasMessageContaining("7")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void aBrokenGlobalConfigurationStopsTheBuildNamingTheProblem() throws Exception {
        scenario.config.setEnvironments(java.util.List.of());

        Scenario.Running running = scenario.start(promote("v1.0.0", "staging", 1));

        assertThatThrownBy(running::await)
                .isInstanceOf(AbortException.class)
                .hasMessageContaining("Release Promotion global configuration")
                .hasMessageContaining("environments");
    }
}
