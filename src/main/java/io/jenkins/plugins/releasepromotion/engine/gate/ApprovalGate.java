package io.jenkins.plugins.releasepromotion.engine.gate;

import io.jenkins.plugins.releasepromotion.engine.model.DisplayText;
import io.jenkins.plugins.releasepromotion.engine.model.ReleaseTag;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Environments with approvers need an approval by one of them, and not by the person who started the promotion
 * unless a break-glass reason is given. A dry run only reports who may approve.
 */
final class ApprovalGate implements PromotionGate {

    @Override
    public void check(GateFacts facts, ReleaseTag tag, Findings out) {
        List<String> approvers = facts.environment().gates().approvers();
        PromotionRequest request = facts.request();
        if (approvers.isEmpty() || (request.dryRun() && request.approvedBy() == null)) {
            return;
        }
        String env = facts.environment().name();
        String approver = request.approvedBy();
        if (approver == null) {
            out.refuse(
                    ViolationCode.APPROVAL_REQUIRED,
                    env + " needs an approval from one of " + approvers
                            + "; ask one of them to approve the promotion.");
            return;
        }
        Set<String> identities = new HashSet<>(facts.approverIdentities());
        identities.add(approver);
        if (approvers.stream().noneMatch(identities::contains)) {
            out.refuse(
                    ViolationCode.APPROVER_NOT_ALLOWED,
                    DisplayText.of(approver) + " may not approve deployments to " + env + "; the approvers are "
                            + approvers + ".");
        }
        if (approver.equals(request.actor())) {
            if (request.breakGlassReason() == null) {
                out.refuse(
                        ViolationCode.SELF_APPROVAL,
                        DisplayText.of(approver) + " started this promotion and may"
                                + " not approve it too; ask another approver, or give a break-glass reason (it is recorded).");
            } else {
                out.warn(
                        ViolationCode.SELF_APPROVAL,
                        DisplayText.of(approver) + " approved their own promotion under" + " break-glass: "
                                + DisplayText.of(request.breakGlassReason()));
            }
        }
    }
}
