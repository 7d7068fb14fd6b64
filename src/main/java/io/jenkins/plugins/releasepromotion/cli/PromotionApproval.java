package io.jenkins.plugins.releasepromotion.cli;

import io.jenkins.plugins.releasepromotion.engine.config.GatesConfig;
import io.jenkins.plugins.releasepromotion.engine.gate.Approval;
import io.jenkins.plugins.releasepromotion.engine.gate.Gate;
import io.jenkins.plugins.releasepromotion.engine.gate.GateViolation;
import io.jenkins.plugins.releasepromotion.engine.gate.PromotionPlan;
import io.jenkins.plugins.releasepromotion.engine.gate.PromotionRequest;
import io.jenkins.plugins.releasepromotion.engine.model.Outcome;
import io.jenkins.plugins.releasepromotion.engine.usecase.ApprovalEvidence;
import io.jenkins.plugins.releasepromotion.engine.usecase.PromoteRequest;
import io.jenkins.plugins.releasepromotion.engine.usecase.Promotion;
import io.jenkins.plugins.releasepromotion.engine.usecase.PromotionResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The approvals of a promotion on the command line: signed statements, typed names or the prompt, each decision
 * recorded; a promotion goes on only with approvals the gates would count.
 */
final class PromotionApproval {
    private final OpenedRepository repo;
    private final OperationOptions operation;
    private final boolean json;
    private final Terminal terminal;
    private final Duration timeout;

    PromotionApproval(
            OpenedRepository repo, OperationOptions operation, boolean json, Terminal terminal, Duration timeout) {
        this.repo = repo;
        this.operation = operation;
        this.json = json;
        this.terminal = terminal;
        this.timeout = timeout;
    }

    /** The request with its approvals, or the exit code when the approvals do not count. */
    record Approved(PromotionRequest gate, Integer exitCode) {}

    Approved approve(
            Promotion promotion,
            PromotionResult planned,
            PromotionRequest gate,
            List<String> approvedBy,
            List<Path> approvals)
            throws InterruptedException {
        PromotionPlan plan = planned.decision().plan();
        GatesConfig gates = repo.engine
                .config()
                .environment(plan.environment())
                .orElseThrow()
                .gates();
        ApprovalCollector.Given given = ApprovalCollector.collect(
                gates, plan, approvedBy, approvals, repo.engine.clock().instant());
        ApprovalRecorder recorder = new ApprovalRecorder(repo.engine, plan, gate);
        if (!given.refusals().isEmpty()) {
            recorder.refused(given.approvals(), given.refusals());
            given.refusals().forEach(v -> operation.out().println(repo.mask("REFUSED " + v)));
            operation
                    .out()
                    .println(repo.mask(Outcome.GATE_FAILED + " " + plan.tag() + " to " + where(plan) + ": "
                            + given.refusals().size() + " approval(s) not proven; nothing was deployed."));
            return new Approved(gate, ExitCode.GATE_REFUSED);
        }
        List<Approval> approvalsGiven = given.approvals();
        if (approvalsGiven.isEmpty()) {
            ApprovalPrompt.Decision decision = given.signed()
                    ? new ApprovalPrompt.Decision(
                            Outcome.REJECTED,
                            List.of(),
                            "no --approval given; " + plan.environment() + " takes signed approvals only")
                    : new ApprovalPrompt(terminal, timeout)
                            .ask(
                                    ApprovalEvidence.of(repo.engine, planned.decision()),
                                    new ApprovalPrompt.Quorum(
                                            plan.approvers(),
                                            plan.approvals(),
                                            gate.actor(),
                                            gate.breakGlassReason() != null));
            List<Approval> prompted = decision.approvers().stream()
                    .map(name -> Approval.named(name, ApprovalCollector.PROMPTED))
                    .toList();
            if (!decision.approved()) {
                recorder.decided(prompted, decision.outcome(), decision.reason());
                return new Approved(gate, operation.rejected(json, plan, decision, wayOut(given, plan)));
            }
            approvalsGiven = prompted;
        }
        PromotionRequest approved = gate.withApprovals(approvalsGiven);
        List<GateViolation> refused =
                promotion.promote(PromoteRequest.of(approved.asDryRun()), line -> {}).decision().violations().stream()
                        .filter(v -> v.gate() == Gate.APPROVAL)
                        .toList();
        if (refused.isEmpty()) {
            recorder.decided(approvalsGiven, Outcome.SUCCEEDED, null);
        } else {
            recorder.refused(approvalsGiven, refused);
        }
        return new Approved(approved, null);
    }

    private String wayOut(ApprovalCollector.Given given, PromotionPlan plan) {
        if (given.signed()) {
            return "Have " + plan.approvals() + " approver(s) sign a statement (release-promotion approval request "
                    + plan.tag() + " --env " + plan.environment()
                    + (plan.slot() == null ? "" : " --slot " + plan.slot())
                    + " --out FILE; ssh-keygen -Y sign -n release-promotion -f KEY FILE) and give --approval FILE"
                    + " for each.";
        }
        return terminal.interactive()
                ? "Run it again and answer the prompt, or give --approved-by NAME."
                : "Give --approved-by NAME, or run it on a terminal and answer the prompt.";
    }

    private static String where(PromotionPlan plan) {
        return plan.slot() == null ? plan.environment() : plan.environment() + " slot " + plan.slot();
    }
}
