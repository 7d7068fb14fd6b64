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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code promote}: gates, approval, lock, deploy, verify, record; one automatic rollback when verification fails where
 * that is on. An environment with approvers needs {@code --approved-by} or a yes at the terminal prompt.
 */
@Command(
        name = "promote",
        mixinStandardHelpOptions = true,
        description = "Deploys a release tag to an environment slot once every gate allows it, verifies it and"
                + " records the outcome.")
final class PromoteCommand implements Callable<Integer> {
    @Mixin
    CommonOptions options;

    @Mixin
    TargetOptions target;

    @Mixin
    OperationOptions operation;

    @Parameters(index = "0", paramLabel = "TAG", description = "The release tag, e.g. v1.2.3.")
    String tag;

    @Option(
            names = "--approved-by",
            paramLabel = "NAME",
            description = "Who approved it, for an environment with approvers and no approverKeys; repeat it for"
                    + " several approvers. Without it, a terminal prompt asks; with no terminal the promotion is"
                    + " REJECTED.")
    List<String> approvedBy = new ArrayList<>();

    @Option(
            names = "--approval",
            paramLabel = "FILE",
            description = "A signed approval statement (FILE, with FILE.sig beside it) for an environment with"
                    + " approverKeys; repeat it for several approvers.")
    List<Path> approvals = new ArrayList<>();

    @Option(
            names = "--approval-timeout",
            paramLabel = "DURATION",
            defaultValue = "30m",
            description = "How long the prompt waits for an answer before the approval EXPIRED, e.g. 90s, 15m,"
                    + " 1h30m or PT15M (default ${DEFAULT-VALUE}).")
    Duration approvalTimeout;

    @Option(
            names = "--break-glass",
            paramLabel = "REASON",
            description = "Lets the person who started the promotion approve it too; the reason is recorded.")
    String breakGlass;

    @Option(
            names = "--window-override",
            paramLabel = "REASON",
            description = "Deploys outside a deployment window or during a freeze; the reason is recorded.")
    String windowOverride;

    @Option(names = "--no-verify", description = "Skip the environment's checks after the deploy.")
    boolean skipVerify;

    @Option(
            names = "--auto-rollback",
            negatable = true,
            description = "Roll back once to the previous good tag when verification fails (default: on for"
                    + " production environments, off elsewhere).")
    Boolean autoRollback;

    @ParentCommand
    ReleasePromotionCommand root;

    @Override
    public Integer call() throws Exception {
        try (OpenedRepository repo = OpenedRepository.open(options, root)) {
            PromotionRequest gate = new PromotionRequest(
                    tag,
                    target.environment,
                    target.slot,
                    operation.actor(),
                    List.of(),
                    windowOverride,
                    breakGlass,
                    false);
            Promotion promotion = new Promotion(repo.engine);
            PromotionResult planned = promotion.promote(request(gate.asDryRun()), line -> {});
            PromotionPlan plan = planned.decision().plan();
            if (!plan.approvers().isEmpty() && planned.decision().allowed()) {
                Approved approved = approve(repo, promotion, planned, gate);
                if (approved.exitCode() != null) {
                    return approved.exitCode();
                }
                gate = approved.gate();
            } else if (!approvedBy.isEmpty()) {
                gate = gate.withApprovals(ApprovalCollector.typed(approvedBy));
            }
            PromotionResult result;
            try (Progress progress = repo.progress(operation.err(), root.terminal())) {
                result = promotion.promote(request(gate), ResultOnce.around(repo.masked(progress)));
            }
            return print(repo, result, gate.approverNames().isEmpty() ? null : String.join(", ", gate.approverNames()));
        }
    }

    /** The request with its approvals, or the exit code when the approvals do not count. */
    private record Approved(PromotionRequest gate, Integer exitCode) {}

    private Approved approve(OpenedRepository repo, Promotion promotion, PromotionResult planned, PromotionRequest gate)
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
                    : new ApprovalPrompt(root.terminal(), approvalTimeout)
                            .ask(
                                    ApprovalEvidence.of(repo.engine, planned.decision()),
                                    new ApprovalPrompt.Quorum(
                                            plan.approvers(), plan.approvals(), gate.actor(), breakGlass != null));
            List<Approval> prompted = decision.approvers().stream()
                    .map(name -> Approval.named(name, ApprovalCollector.PROMPTED))
                    .toList();
            if (!decision.approved()) {
                recorder.decided(prompted, decision.outcome(), decision.reason());
                return new Approved(gate, operation.rejected(options.json, plan, decision, wayOut(given, plan)));
            }
            approvalsGiven = prompted;
        }
        PromotionRequest approved = gate.withApprovals(approvalsGiven);
        List<GateViolation> refused =
                promotion.promote(request(approved.asDryRun()), line -> {}).decision().violations().stream()
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
        return root.terminal().interactive()
                ? "Run it again and answer the prompt, or give --approved-by NAME."
                : "Give --approved-by NAME, or run it on a terminal and answer the prompt.";
    }

    private static String where(PromotionPlan plan) {
        return plan.slot() == null ? plan.environment() : plan.environment() + " slot " + plan.slot();
    }

    /** What to run next when the deploy failed: the slot may be half-way, and the ledger says what ran before. */
    private String nextAfterFailedDeploy(PromotionResult result) {
        String target = "--env " + result.environment() + (result.slot() == null ? "" : " --slot " + result.slot());
        String again = "fix what the deploy printed above, then promote again: release-promotion promote "
                + result.tag() + " " + target;
        return result.previousTag() == null
                ? "Next: " + again + " (nothing ran there before, so there is nothing to roll back to)."
                : "Next: " + again + "; or put " + result.previousTag() + " back: release-promotion rollback " + target
                        + " --to " + result.previousTag();
    }

    private PromoteRequest request(PromotionRequest gate) {
        return new PromoteRequest(gate, !skipVerify, autoRollback, null);
    }

    private int print(OpenedRepository repo, PromotionResult result, String approver) {
        operation.writeReport(repo.mask(result.reportJson()));
        Map<String, Object> json = Json.promotion(result, approver);
        if (options.json) {
            operation.out().println(repo.mask(Json.write(json)));
        } else {
            operation.out().println(repo.mask(result.outcome() + " " + result.message()));
            if (result.verificationSummary() != null && !result.message().contains(result.verificationSummary())) {
                operation.out().println(repo.mask("Verification: " + result.verificationSummary()));
            }
            if (result.recordId() != null) {
                operation
                        .out()
                        .println(
                                "Recorded as " + result.recordId() + " in the ledger of " + result.environment() + ".");
            }
            if (result.outcome() == Outcome.DEPLOY_FAILED) {
                operation.out().println(repo.mask(nextAfterFailedDeploy(result)));
            }
        }
        return result.outcome() == Outcome.SUCCEEDED ? ExitCode.SUCCESS : ExitCode.of(result.outcome());
    }
}
