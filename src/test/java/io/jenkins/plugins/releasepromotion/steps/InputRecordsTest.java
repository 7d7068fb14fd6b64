package io.jenkins.plugins.releasepromotion.steps;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.jenkinsci.plugins.workflow.actions.TimingAction;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.junit.jupiter.api.Test;

class InputRecordsTest {
    private final TestFlow flow = new TestFlow();

    @Test
    void readsWhoSubmittedTheInputsBeforeTheStepInTheOrderTheyWereAsked() {
        flow.step();
        FlowNode alice = flow.inputSubmittedBy("alice", Map.of("APPROVER", "alice"));
        flow.inputSubmittedBy("bob", null);
        FlowNode promote = flow.step();

        assertThat(InputRecords.before(promote, null))
                .extracting(InputRecords.Submitted::userId)
                .containsExactly("alice", "bob");
        assertThat(InputRecords.before(promote, null).get(0).proof("job/app/7/"))
                .startsWith("input submitted on job/app/7/ (flow node " + alice.getId() + ", asked at ");
    }

    @Test
    void inputsAfterTheStepOrAskedBeforeTheVerificationDoNotCount() {
        FlowNode early = flow.inputSubmittedBy("alice", null);
        Instant verified = Instant.ofEpochMilli(TimingAction.getStartTime(early) + 1);
        awaitMillisecondAfter(verified);
        flow.inputSubmittedBy("bob", null);
        FlowNode promote = flow.step();
        flow.inputSubmittedBy("carol", null);

        assertThat(InputRecords.before(promote, verified))
                .extracting(InputRecords.Submitted::userId)
                .containsExactly("bob");
    }

    @Test
    void anAnonymousSubmitterAnAbortedInputAndASecondAnswerAddNobody() {
        flow.inputSubmittedBy(null, Map.of());
        flow.inputAborted();
        flow.inputSubmittedBy("alice", null);
        flow.inputSubmittedBy("alice", null);

        assertThat(InputRecords.before(flow.step(), null))
                .extracting(InputRecords.Submitted::userId)
                .containsExactly("alice");
    }

    @Test
    void theParametersSubmittedStayWithTheRecord() {
        // InputSubmittedAction(String, Map) (pipeline-input-step 560.v56198a_642157 l.46-51) copies the parameters;
        // the approver is only the user ID given, whatever a parameter claims.
        Map<String, Object> submitted = new HashMap<>(Map.of("APPROVER", "mallory"));
        flow.inputSubmittedBy("alice", submitted);
        submitted.put("APPROVER", "changed later");

        assertThat(InputRecords.before(flow.step(), null))
                .singleElement()
                .extracting(InputRecords.Submitted::userId)
                .isEqualTo("alice");
    }

    @Test
    void noFlowGraphFindsNothing() {
        assertThat(InputRecords.before(null, null)).isEmpty();
    }

    /** Lets the controller's clock pass {@code moment}, so a node made next is later than it. */
    static void awaitMillisecondAfter(Instant moment) {
        while (System.currentTimeMillis() <= moment.toEpochMilli()) {
            Thread.onSpinWait();
        }
    }
}
