package io.jenkins.plugins.releasepromotion.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.AbortException;
import io.jenkins.plugins.releasepromotion.action.ReleaseAction;
import io.jenkins.plugins.releasepromotion.config.Check;
import io.jenkins.plugins.releasepromotion.engine.ledger.LedgerRecord;
import io.jenkins.plugins.releasepromotion.engine.ledger.RecordKind;
import io.jenkins.plugins.releasepromotion.engine.model.Outcome;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OtherStepsTest extends ScenarioTest {
    @Test
    void verifyDeploymentChecksWhatTheLedgerSaysRunsThere() throws Exception {
        scenario.start(PromoteTagStepTest.promote("v1.0.0", "staging", 1)).await();
        VerifyDeploymentStep step = new VerifyDeploymentStep("staging");
        step.setSlot(1);

        Scenario.Running running = scenario.start(step);
        Map<?, ?> result = (Map<?, ?>) running.await();

        assertThat(result.get("outcome")).isEqualTo("SUCCEEDED");
        assertThat(result.get("passed")).isEqualTo(true);
        assertThat(result.get("tag")).isEqualTo("v1.0.0");
        assertThat((String) result.get("report")).contains("\"checks\"");
        assertThat(running.build().getAction(ReleaseAction.class).getOperation())
                .isEqualTo("verification");
        assertThat(scenario.ledger().attestations("staging", "v1.0.0", (String) result.get("commit")))
                .hasSize(2);
    }

    @Test
    void aFailedVerificationStopsTheBuildUnlessToldNotTo() throws Exception {
        scenario.start(PromoteTagStepTest.promote("v1.0.0", "staging", 1)).await();
        Check failing = new Check("logs");
        failing.setCommand(List.of("echo", "ERROR: the database is gone"));
        failing.setFailurePatterns(List.of("ERROR"));
        scenario.environments.get(0).setChecks(List.of(failing));
        scenario.reconfigure();
        VerifyDeploymentStep step = new VerifyDeploymentStep("staging");
        step.setSlot(1);

        assertThatThrownBy(scenario.start(step)::await)
                .isInstanceOf(AbortException.class)
                .hasMessageContaining("FAILED verification on staging slot 1");

        step.setFailOnError(false);
        Map<?, ?> result = (Map<?, ?>) scenario.start(step).await();
        assertThat(result.get("outcome")).isEqualTo("VERIFY_FAILED");
        assertThat(result.get("passed")).isEqualTo(false);
    }

    @Test
    void rollbackToGoesBackToThePreviousGoodTag() throws Exception {
        scenario.start(PromoteTagStepTest.promote("v1.0.0", "staging", 2)).await();
        scenario.start(PromoteTagStepTest.promote("v1.1.0", "staging", 2)).await();
        RollbackToStep step = new RollbackToStep("staging");
        step.setSlot(2);

        Scenario.Running running = scenario.start(step);
        Map<?, ?> result = (Map<?, ?>) running.await();

        assertThat(result.get("outcome")).isEqualTo("SUCCEEDED");
        assertThat(result.get("tag")).isEqualTo("v1.0.0");
        assertThat(result.get("fromTag")).isEqualTo("v1.1.0");
        assertThat(running.log()).contains("rollbackTo: v1.0.0 on staging slot 2: SUCCEEDED");
        assertThat(scenario.ledger().current("staging", 2))
                .get()
                .extracting(LedgerRecord::tag)
                .isEqualTo("v1.0.0");
    }

    @Test
    void rollbackToATagThatNeverRanThereIsRefusedWithTheWayOut() throws Exception {
        scenario.start(PromoteTagStepTest.promote("v1.0.0", "staging", 2)).await();
        RollbackToStep step = new RollbackToStep("staging");
        step.setSlot(2);
        step.setTag("v1.1.0");

        assertThatThrownBy(scenario.start(step)::await)
                .isInstanceOf(AbortException.class)
                .hasMessageContaining("v1.1.0 never succeeded on staging slot 2")
                .hasMessageContaining("force");
        assertThat(scenario.ledger().history("staging"))
                .filteredOn(r -> r.kind() == RecordKind.ROLLBACK)
                .singleElement()
                .extracting(LedgerRecord::outcome)
                .isEqualTo(Outcome.GATE_FAILED);
    }

    @Test
    void releaseStatusListsEverySlotAndNeedsNoWorkspace() throws Exception {
        scenario.start(PromoteTagStepTest.promote("v1.0.0", "staging", 1)).await();
        scenario.channel.calls.clear();
        Scenario.Running running = scenario.startWithoutWorkspace(new ReleaseStatusStep());

        List<?> rows = (List<?>) running.await();

        assertThat(rows).hasSize(3);
        Map<?, ?> first = (Map<?, ?>) rows.get(0);
        assertThat(first.get("environment")).isEqualTo("staging");
        assertThat(first.get("slot")).isEqualTo(1);
        assertThat(first.get("tag")).isEqualTo("v1.0.0");
        assertThat(((Map<?, ?>) rows.get(2)).get("tag")).isNull();
        assertThat(running.log())
                .contains("[release-promotion] staging slot 1: v1.0.0")
                .contains("[release-promotion] production: nothing recorded")
                .contains("[release-promotion] what the slots report was not read: the requests go from an agent;"
                        + " call releaseStatus inside node { } to read it");
        assertThat(scenario.channel.calls).isEmpty();
    }

    @Test
    void stepsThatWorkInTheWorkspaceSayWhereToCallThem() throws Exception {
        Scenario.Running running = scenario.startWithoutWorkspace(new VerifyDeploymentStep("staging"));

        assertThatThrownBy(running::await).isInstanceOf(AbortException.class).hasMessageContaining("inside node { }");
    }
}
