package io.jenkins.plugins.releasepromotion.cli;

import io.jenkins.plugins.releasepromotion.engine.config.GatesConfig;
import io.jenkins.plugins.releasepromotion.engine.gate.Approval;
import io.jenkins.plugins.releasepromotion.engine.gate.GateViolation;
import io.jenkins.plugins.releasepromotion.engine.gate.PromotionPlan;
import io.jenkins.plugins.releasepromotion.engine.gate.ViolationCode;
import io.jenkins.plugins.releasepromotion.engine.model.DisplayText;
import io.jenkins.plugins.releasepromotion.engine.signing.AllowedSigners;
import io.jenkins.plugins.releasepromotion.engine.signing.ApprovalStatement;
import io.jenkins.plugins.releasepromotion.engine.signing.SignedApprovals;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * The approvals given on the command line. Where the environment names {@code approverKeys}, only signed statements
 * count ({@code --approval FILE}); a typed name is refused. Elsewhere names typed with {@code --approved-by} count, as
 * {@code --approved-by}.
 */
final class ApprovalCollector {
    static final String TYPED = "--approved-by";
    static final String PROMPTED = "typed at the prompt";

    private ApprovalCollector() {}

    /**
     * What was given: approvals, or the one-line refusals of what was not proven.
     *
     * @param signed whether the environment takes signed approvals only
     */
    record Given(List<Approval> approvals, List<GateViolation> refusals, boolean signed) {
        Given {
            approvals = List.copyOf(approvals);
            refusals = List.copyOf(refusals);
        }

        boolean asked() {
            return !approvals.isEmpty() || !refusals.isEmpty();
        }
    }

    /** Names given with {@code --approved-by}, each an approval proven only by being typed. */
    static List<Approval> typed(List<String> names) {
        return names.stream().map(name -> Approval.named(name, TYPED)).toList();
    }

    /** @throws IllegalArgumentException when {@code --approval} is given where no keys are configured */
    static Given collect(GatesConfig gates, PromotionPlan plan, List<String> names, List<Path> files, Instant now) {
        if (gates.approverKeys() == null) {
            if (!files.isEmpty()) {
                throw new IllegalArgumentException("--approval " + files.get(0) + " needs approverKeys in the gates of "
                        + plan.environment() + " (the approvers' allowed_signers file); set it, or name the approver"
                        + " with --approved-by.");
            }
            return new Given(typed(names), List.of(), false);
        }
        if (!names.isEmpty()) {
            return new Given(
                    List.of(),
                    List.of(new GateViolation(
                            ViolationCode.APPROVAL_NOT_PROVEN,
                            "--approved-by " + DisplayText.of(String.join(", ", names)) + " is a typed name, and "
                                    + plan.environment() + " takes signed approvals only (approverKeys is set); have"
                                    + " the approver sign a statement and give --approval FILE.")),
                    true);
        }
        AllowedSigners signers = AllowedSigners.read(Path.of(gates.approverKeys()));
        ApprovalStatement expected =
                new ApprovalStatement(plan.tag(), plan.commit(), plan.environment(), plan.slot(), now);
        SignedApprovals.Result result = new SignedApprovals(signers, now).verify(files, expected);
        return new Given(result.approvals(), result.refusals(), true);
    }
}
