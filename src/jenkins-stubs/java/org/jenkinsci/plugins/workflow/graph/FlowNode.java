// Compile-only declaration of a Jenkins API type (same name and signatures as the real one); never packaged.
package org.jenkinsci.plugins.workflow.graph;

import hudson.model.Action;
import hudson.model.Actionable;
import java.util.List;
import org.jenkinsci.plugins.workflow.flow.FlowExecution;

public abstract class FlowNode extends Actionable {
    private final String id;
    private final List<FlowNode> parents;

    protected FlowNode(FlowExecution exec, String id, FlowNode... parents) {
        this.id = id;
        this.parents = List.of(parents);
    }

    // FlowNode#getParents, workflow-api 1413.v2ff1a_5e720fa_ l.154: the nodes this one follows (several after a join).
    public List<FlowNode> getParents() {
        return parents;
    }

    public String getId() {
        return id;
    }

    // FlowNode#getPersistentAction, l.373-381: the first action of that type added to the node.
    public final <T extends Action> T getPersistentAction(Class<T> type) {
        return getAction(type);
    }

    protected abstract String getTypeDisplayName();
}
