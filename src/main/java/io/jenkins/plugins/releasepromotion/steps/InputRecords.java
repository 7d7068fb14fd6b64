package io.jenkins.plugins.releasepromotion.steps;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jenkinsci.plugins.workflow.actions.TimingAction;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.graphanalysis.DepthFirstScanner;
import org.jenkinsci.plugins.workflow.support.steps.input.InputSubmittedAction;

/**
 * The {@code input} steps of this run that someone submitted, as the input step itself recorded them: when an input
 * proceeds, the plugin adds an {@code InputSubmittedAction} naming the submitting user's ID to the input's flow node.
 * Nothing a Jenkinsfile passes can write one. Only the inputs that came before the asking step in the flow graph
 * are read (its ancestors: the same run, earlier in the program), and only those asked at or after {@code since}.
 *
 * <p>Reads the flow graph of the build on the controller; call it off the CPS VM thread (a step's work does).
 */
final class InputRecords {

    /**
     * One submitted input.
     *
     * @param userId the Jenkins user who submitted it
     * @param nodeId the input step's flow node in this run
     * @param askedAt when the input was asked (its flow node was added to the graph)
     */
    record Submitted(String userId, String nodeId, Instant askedAt) {
        /** How the approval was proven, as the ledger keeps it. */
        String proof(String buildUrl) {
            return "input submitted on " + buildUrl + " (flow node " + nodeId + ", asked at " + askedAt + ")";
        }
    }

    private InputRecords() {}

    /**
     * Nodes asked in the same millisecond go in the order they were made: a Pipeline numbers its nodes 1, 2, 3...
     * (CpsFlowExecution#iotaStr, workflow-cps 4350.vcc65d4958821 l.688-695).
     */
    private static long order(String nodeId) {
        try {
            return Long.parseLong(nodeId);
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    /**
     * @param step the flow node of the step that asks; {@code null} (no flow graph) finds nothing
     * @param since the earliest moment an input may have been asked to count; {@code null} for any
     * @return one entry per user, their earliest input that counts, in the order the inputs were asked
     */
    static List<Submitted> before(FlowNode step, Instant since) {
        if (step == null) {
            return List.of();
        }
        Instant from = since == null ? null : since.truncatedTo(ChronoUnit.MILLIS);
        List<Submitted> all = new ArrayList<>();
        for (FlowNode node : new DepthFirstScanner().allNodes(List.of(step))) {
            InputSubmittedAction submitted = node.getPersistentAction(InputSubmittedAction.class);
            // An anonymous submitter (security off) leaves no user ID: nobody to count.
            if (submitted == null || submitted.getApprover() == null) {
                continue;
            }
            Instant asked = Instant.ofEpochMilli(TimingAction.getStartTime(node));
            if (from == null || !asked.isBefore(from)) {
                all.add(new Submitted(submitted.getApprover(), node.getId(), asked));
            }
        }
        all.sort(Comparator.comparing(Submitted::askedAt).thenComparingLong(s -> order(s.nodeId())));
        Map<String, Submitted> firstOfEach = new LinkedHashMap<>();
        all.forEach(s -> firstOfEach.putIfAbsent(s.userId(), s));
        return List.copyOf(firstOfEach.values());
    }
}
