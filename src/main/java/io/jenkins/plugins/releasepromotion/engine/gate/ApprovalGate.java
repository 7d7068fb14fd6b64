package io.jenkins.plugins.releasepromotion.engine.gate;

import io.jenkins.plugins.releasepromotion.engine.config.GatesConfig;
import io.jenkins.plugins.releasepromotion.engine.model.DisplayText;
import io.jenkins.plugins.releasepromotion.engine.model.ReleaseTag;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Environments with approvers need {@code approvals} distinct approvers, each allowed by the approvers list (a user or
 * one of their groups). The person who started the promotion never counts, unless a break-glass reason is given;
 * then they count as one, with a warning. A dry run only reports who may approve.
 */
final class ApprovalGate implements PromotionGate {

    @Override
    public void check(GateFacts facts, ReleaseTag tag, Findings out) {
        GatesConfig gates = facts.environment().gates();
        PromotionRequest request = facts.request();
        if (gates.approvers().isEmpty()
                || (request.dryRun() && request.approvals().isEmpty())) {
            return;
        }
        String env = facts.environment().name();
        Set<String> counted = new LinkedHashSet<>();
        for (Approval approval : request.approvals()) {
            if (allowed(approval, gates.approvers(), request, env, out)) {
                counted.add(approval.approver());
            }
        }
        if (counted.size() < gates.approvals()) {
            out.refuse(ViolationCode.APPROVAL_REQUIRED, missing(env, gates, new ArrayList<>(counted)));
        }
    }

    private static boolean allowed(
            Approval approval, List<String> approvers, PromotionRequest request, String env, Findings out) {
        String who = DisplayText.of(approval.approver());
        if (approvers.stream().noneMatch(approval.identities()::contains)) {
            out.refuse(
                    ViolationCode.APPROVER_NOT_ALLOWED,
                    who + " may not approve deployments to " + env + "; the approvers are " + approvers + ".");
            return false;
        }
        if (!approval.approver().equals(request.actor())) {
            return true;
        }
        if (request.breakGlassReason() == null) {
            out.refuse(
                    ViolationCode.SELF_APPROVAL,
                    who + " started this promotion and may not approve it too; ask another approver, or give a"
                            + " break-glass reason (it is recorded).");
            return false;
        }
        out.warn(
                ViolationCode.SELF_APPROVAL,
                who + " approved their own promotion under break-glass: " + DisplayText.of(request.breakGlassReason()));
        return true;
    }

    private static String missing(String env, GatesConfig gates, List<String> counted) {
        if (gates.approvals() == 1) {
            return env + " needs an approval from one of " + gates.approvers()
                    + "; ask one of them to approve the promotion.";
        }
        return env + " needs " + gates.approvals() + " approvals from " + gates.approvers() + "; " + counted.size()
                + " so far" + (counted.isEmpty() ? "" : ": " + DisplayText.of(String.join(", ", counted)))
                + "; ask " + (gates.approvals() - counted.size()) + " more (distinct approvers, not the starter).";
    }
}
