// Compile-only declaration of a Jenkins API type (same name and signatures as the real one); never packaged.
package org.jenkinsci.plugins.workflow.actions;

import hudson.model.Action;
import org.jenkinsci.plugins.workflow.graph.FlowNode;

// TimingAction, workflow-api 1413.v2ff1a_5e720fa_: when the node was added to the graph (FlowHead#setNewHead adds it).
public class TimingAction implements Action {
    private final long startTime = System.currentTimeMillis();

    public long getStartTime() {
        return startTime;
    }

    // TimingAction#getStartTime(FlowNode): 0 for a node without one.
    public static long getStartTime(FlowNode flowNode) {
        TimingAction timing = flowNode.getPersistentAction(TimingAction.class);
        return timing == null ? 0 : timing.getStartTime();
    }

    @Override
    public String getIconFileName() {
        return null;
    }

    @Override
    public String getDisplayName() {
        return "Timing";
    }

    @Override
    public String getUrlName() {
        return null;
    }
}
