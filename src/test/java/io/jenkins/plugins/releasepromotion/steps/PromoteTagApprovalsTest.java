package io.jenkins.plugins.releasepromotion.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.AbortException;
import hudson.model.Cause;
import io.jenkins.plugins.releasepromotion.engine.ledger.LedgerRecord;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Approvals in Jenkins are the input step's own records on the build, never a name typed into the Jenkinsfile. */
class PromoteTagApprovalsTest extends ScenarioTest {

    private void approvers(Integer approvals, String... names) {
        scenario.environments.get(1).getGates().setApprovers(List.of(names));
        scenario.environments.get(1).getGates().setApprovals(approvals);
        scenario.reconfigure();
    }

    private void staged() throws Exception {
        scenario.start(PromoteTagStepTest.promote("v1.0.0", "staging", 1)).await();
    }

    private Scenario.Running promote(String approvedBy) throws Exception {
        PromoteTagStep step = PromoteTagStepTest.promote("v1.0.0", "production", null);
        step.setApprovedBy(approvedBy);
        return scenario.start(step, new Cause.UserIdCause("carol"));
    }

    private boolean productionDeployed() {
        return Files.exists(scenario.workspace.resolve("deployed-production.txt"));
    }

    @Test
    void aTypedNameWithoutAnInputRecordIsRefusedNamingIt() throws Exception {
        approvers(null, "alice", "bob");
        staged();
        scenario.flow.inputSubmittedBy("alice", null);

        Scenario.Running running = promote("bob");

        assertThatThrownBy(running::await)
                .isInstanceOf(AbortException.class)
                .hasMessageStartingWith("[release-promotion] APPROVAL_NOT_RECORDED: 'bob' did not submit an input of"
                        + " this build asked after v1.0.0 passed verification on staging at ")
                .hasMessageContaining("ask bob to approve through the build's input")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        assertThat(productionDeployed()).isFalse();
    }

    @Test
    void anInputAnsweredBeforeTheStagingVerificationDoesNotCount() throws Exception {
        approvers(null, "alice", "bob");
        scenario.flow.inputSubmittedBy("bob", Map.of("APPROVER", "bob"));
        staged();

        assertThatThrownBy(promote("bob")::await)
                .isInstanceOf(AbortException.class)
                .hasMessageContaining("APPROVAL_NOT_RECORDED: 'bob'");
        assertThatThrownBy(promote(null)::await)
                .isInstanceOf(AbortException.class)
                .hasMessageContaining("production needs an approval from one of [alice, bob]");
        assertThat(productionDeployed()).isFalse();
    }

    @Test
    void theRecordedApproverIsWhoCountsAndIsRecordedWithItsProof() throws Exception {
        approvers(null, "alice", "bob");
        staged();
        scenario.flow.inputSubmittedBy("alice", Map.of("APPROVER", "Alice"));

        Scenario.Running running = promote("Alice");

        assertThat(((Map<?, ?>) running.await()).get("outcome")).isEqualTo("SUCCEEDED");
        LedgerRecord deployed = scenario.ledger().current("production", null).orElseThrow();
        assertThat(deployed.approvers()).singleElement().satisfies(a -> {
            assertThat(a.name()).isEqualTo("alice");
            assertThat(a.proof()).startsWith("input submitted on job/app/");
        });
        assertThat(running.build()
                        .getAction(io.jenkins.plugins.releasepromotion.action.ReleaseAction.class)
                        .getApprovedBy())
                .isEqualTo("alice");
    }

    @Test
    void twoApprovalsNeedTwoDistinctRecordedApprovers() throws Exception {
        approvers(2, "alice", "bob", "dave");
        staged();
        scenario.flow.inputSubmittedBy("alice", null);
        scenario.flow.inputSubmittedBy("alice", null);

        assertThatThrownBy(promote(null)::await)
                .isInstanceOf(AbortException.class)
                .hasMessageContaining("production needs 2 approvals from [alice, bob, dave]; 1 so far: alice");

        scenario.flow.inputSubmittedBy("bob", null);
        Scenario.Running running = promote(null);

        assertThat(((Map<?, ?>) running.await()).get("outcome")).isEqualTo("SUCCEEDED");
        assertThat(scenario.ledger().current("production", null).orElseThrow().approvers())
                .extracting(LedgerRecord.Approver::name)
                .containsExactly("alice", "bob");
    }

    @Test
    void theStarterCountsAsOneOnlyUnderBreakGlass() throws Exception {
        approvers(2, "alice", "bob", "carol");
        staged();
        scenario.flow.inputSubmittedBy("carol", null);
        scenario.flow.inputSubmittedBy("bob", null);

        assertThatThrownBy(promote("carol,bob")::await)
                .isInstanceOf(AbortException.class)
                .hasMessageContaining("carol started this promotion and may not approve it too");

        PromoteTagStep step = PromoteTagStepTest.promote("v1.0.0", "production", null);
        step.setApprovedBy("carol, bob");
        step.setBreakGlassReason("on-call alone during the outage");
        Scenario.Running running = scenario.start(step, new Cause.UserIdCause("carol"));

        assertThat(((Map<?, ?>) running.await()).get("outcome")).isEqualTo("SUCCEEDED");
        assertThat(scenario.ledger().current("production", null).orElseThrow().breakGlassReason())
                .isEqualTo("on-call alone during the outage");
    }

    /**
     * InputStepExecution#canSettle (pipeline-input-step 560.v56198a_642157 l.379-385): with security on, a user with
     * Jenkins/Administer may settle any input, whatever its submitter list; #proceed (l.245-253) then records the
     * administrator's own ID. The record shows who approved; the approvers list still decides whether it counts.
     */
    @Test
    void anAdministratorWhoSubmittedAnyInputCountsOnlyIfAmongTheApprovers() throws Exception {
        approvers(null, "alice", "bob");
        staged();
        scenario.flow.inputSubmittedBy("root", null);

        assertThatThrownBy(promote("root")::await)
                .isInstanceOf(AbortException.class)
                .hasMessageContaining("root may not approve deployments to production; the approvers are [alice, bob]");
        assertThat(productionDeployed()).isFalse();
    }

    @Test
    void aRefusalNamesWhoRefusedFromTheirRecordWhenThereIsOne() throws Exception {
        staged();
        scenario.flow.inputSubmittedBy("bob", Map.of("ROLLBACK_READY", false));
        PromoteTagStep step = PromoteTagStepTest.promote("v1.0.0", "production", null);
        step.setApprovalDecision("REJECTED");
        step.setApprovedBy("bob");
        step.setDecisionReason("bob left unticked: Rollback plan ready");

        scenario.start(step).await();

        LedgerRecord refusal = scenario.ledger().history("production").get(0);
        assertThat(refusal.approvers()).singleElement().satisfies(a -> assertThat(a.proof())
                .startsWith("input submitted on "));
        assertThat(refusal.reason()).isEqualTo("bob left unticked: Rollback plan ready");
    }
}
