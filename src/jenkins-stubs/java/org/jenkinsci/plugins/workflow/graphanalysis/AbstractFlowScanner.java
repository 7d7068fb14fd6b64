// Compile-only declaration of a Jenkins API type (same name and signatures as the real one); never packaged.
package org.jenkinsci.plugins.workflow.graphanalysis;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jenkinsci.plugins.workflow.graph.FlowNode;

public abstract class AbstractFlowScanner {
    // AbstractFlowScanner#allNodes, workflow-api 1413.v2ff1a_5e720fa_ l.312-322: every node reachable from the heads
    // through their parents, the heads included; empty for null or no heads. DepthFirstScanner#next (l.95-126) visits
    // each node once: it remembers the block starts, the only nodes of a real graph with several children.
    public List<FlowNode> allNodes(Collection<FlowNode> heads) {
        List<FlowNode> found = new ArrayList<>();
        if (heads == null) {
            return found;
        }
        Set<String> seen = new HashSet<>();
        List<FlowNode> toVisit = new ArrayList<>(heads);
        while (!toVisit.isEmpty()) {
            FlowNode node = toVisit.remove(toVisit.size() - 1);
            if (seen.add(node.getId())) {
                found.add(node);
                toVisit.addAll(node.getParents());
            }
        }
        return found;
    }
}
