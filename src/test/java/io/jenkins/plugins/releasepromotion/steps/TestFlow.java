package io.jenkins.plugins.releasepromotion.steps;

import java.util.Map;
import org.jenkinsci.plugins.workflow.actions.TimingAction;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.support.steps.input.InputSubmittedAction;

/** A build's flow graph made as Pipeline makes it, and input steps answered as the input step answers them. */
final class TestFlow {
    private int ids;
    private FlowNode head;

    /** A node of the running program. */
    static final class Node extends FlowNode {
        Node(String id, FlowNode... parents) {
            super(null, id, parents);
            // FlowHead#setNewHead, workflow-cps 4350.vcc65d4958821 l.139: every node added to the graph gets its
            // TimingAction then, so its start time is when the step began (for an input: when it was asked).
            addAction(new TimingAction());
        }

        @Override
        protected String getTypeDisplayName() {
            return "Step";
        }
    }

    /** The next step of the program; its node follows the previous one. */
    FlowNode step() {
        head = head == null ? new Node(String.valueOf(++ids)) : new Node(String.valueOf(++ids), head);
        return head;
    }

    /**
     * An input step that {@code userId} submitted, as InputStepExecution#proceed (pipeline-input-step
     * 560.v56198a_642157 l.245-266) records it: the submitter is User.current(), and when there is one its ID goes into
     * an InputSubmittedAction on the input's own flow node (l.253), with the parameters submitted; null for anonymous.
     */
    FlowNode inputSubmittedBy(String userId, Map<String, Object> parameters) {
        FlowNode input = step();
        input.addAction(new InputSubmittedAction(userId, parameters));
        return input;
    }

    /**
     * An input step that was aborted (rejected) or timed out: InputStepExecution#doAbort (l.303-315) and #stop
     * (l.135-148) settle it without an InputSubmittedAction ("TODO: record this decision to FlowNode", l.312).
     */
    FlowNode inputAborted() {
        return step();
    }
}
