package io.jenkins.plugins.releasepromotion.cli;

import io.jenkins.plugins.releasepromotion.engine.gate.PromotionPlan;
import io.jenkins.plugins.releasepromotion.engine.gate.PromotionRequest;
import io.jenkins.plugins.releasepromotion.engine.model.Outcome;
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
                PromotionApproval.Approved approved = new PromotionApproval(
                                repo, operation, options.json, root.terminal(), approvalTimeout)
                        .approve(promotion, planned, gate, approvedBy, approvals);
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
