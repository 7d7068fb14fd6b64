package io.jenkins.plugins.releasepromotion.cli;

import io.jenkins.plugins.releasepromotion.engine.config.ReleaseConfig;
import io.jenkins.plugins.releasepromotion.engine.gate.GateDecision;
import io.jenkins.plugins.releasepromotion.engine.gate.GateViolation;
import io.jenkins.plugins.releasepromotion.engine.gate.PromotionRequest;
import io.jenkins.plugins.releasepromotion.engine.git.GitFacts;
import io.jenkins.plugins.releasepromotion.engine.model.DisplayText;
import io.jenkins.plugins.releasepromotion.engine.model.TerminalText;
import io.jenkins.plugins.releasepromotion.engine.port.Credentials;
import io.jenkins.plugins.releasepromotion.engine.port.Secrets;
import io.jenkins.plugins.releasepromotion.engine.usecase.PromoteRequest;
import io.jenkins.plugins.releasepromotion.engine.usecase.Promotion;
import io.jenkins.plugins.releasepromotion.engine.usecase.PromotionResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code check}: the gates as a dry run: allowed or refused, every violation, and the plan. Records nothing. */
@Command(
        name = "check",
        mixinStandardHelpOptions = true,
        description = "May this tag go to this environment? Runs every gate as a dry run and prints the plan;"
                + " records nothing.")
final class CheckCommand implements Callable<Integer> {
    @Mixin
    CommonOptions options;

    @Parameters(index = "0", paramLabel = "TAG", description = "The release tag, e.g. v1.2.3.")
    String tag;

    @Mixin
    TargetOptions target;

    @Option(
            names = "--approved-by",
            paramLabel = "NAME",
            description = "Check as if NAME approved it (where the environment has no approverKeys); repeatable.")
    List<String> approvedBy = new ArrayList<>();

    @Option(
            names = "--approval",
            paramLabel = "FILE",
            description = "Check the signed approval statement FILE (and FILE.sig) as promote would; repeatable.")
    List<Path> approvals = new ArrayList<>();

    @Option(
            names = "--window-override",
            paramLabel = "REASON",
            description = "Check as if promote were given --window-override: outside a deployment window or during a"
                    + " freeze.")
    String windowOverride;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        ReleaseConfig config = options.loadConfig();
        try (GitFacts git = options.openRepository(config);
                CommandLedger ledger = options.openLedger(config)) {
            PromotionRequest request = new PromotionRequest(
                    tag,
                    target.environment,
                    target.slot,
                    System.getProperty("user.name"),
                    List.of(),
                    windowOverride,
                    null,
                    true);
            Promotion promotion = new Promotion(CliEngine.create(
                    config, git, ledger.ledger(), options.repo(), Map.of(), Credentials.none(), Secrets.none()));
            PromotionResult result = promotion.promote(PromoteRequest.of(request), line -> {});
            GateDecision decision = result.decision();
            if ((!approvedBy.isEmpty() || !approvals.isEmpty())
                    && decision.plan().commit() != null) {
                decision = withApprovals(promotion, request, decision, config);
                print(decision);
                return decision.allowed() ? ExitCode.SUCCESS : ExitCode.GATE_REFUSED;
            }
            print(decision);
            return ExitCode.of(result.outcome());
        }
    }

    /** The decision as promote would make it with these approvals; refused statements are refusals too. */
    private GateDecision withApprovals(
            Promotion promotion, PromotionRequest request, GateDecision planned, ReleaseConfig config) {
        ApprovalCollector.Given given = ApprovalCollector.collect(
                config.environment(request.environment()).orElseThrow().gates(),
                planned.plan(),
                approvedBy,
                approvals,
                Instant.now());
        GateDecision decision = promotion
                .promote(PromoteRequest.of(request.withApprovals(given.approvals())), line -> {})
                .decision();
        List<GateViolation> violations = new ArrayList<>(given.refusals());
        violations.addAll(decision.violations());
        return new GateDecision(violations, decision.warnings(), decision.plan());
    }

    private void print(GateDecision decision) {
        PrintWriter out = spec.commandLine().getOut();
        if (options.json) {
            out.println(Json.write(Json.decision(decision)));
            return;
        }
        out.println(decision.allowed() ? "ALLOWED " + describe(decision) : "REFUSED " + describe(decision));
        decision.violations().forEach(v -> out.println("  refused  " + v.code() + ": " + v.message()));
        decision.warnings().forEach(w -> out.println("  warning  " + w.code() + ": " + w.message()));
        out.println(decision.plan().rollbackLine());
        if (decision.plan().backupRequired()) {
            out.println("Backup first: migrations changed ("
                    + String.join(", ", decision.plan().migrationChanges()) + ").");
        }
        if (!decision.plan().approvers().isEmpty()) {
            out.println(
                    "Approval by one of: " + String.join(", ", decision.plan().approvers()));
        }
        if (decision.plan().releaseNotes() != null
                && !decision.plan().releaseNotes().isBlank()) {
            out.println("Release notes:");
            TerminalText.lines(decision.plan().releaseNotes().strip())
                    .forEach(l -> out.println(l.isBlank() ? "" : "  " + l));
        }
    }

    private static String describe(GateDecision decision) {
        var plan = decision.plan();
        String commit = plan.commit() == null ? "" : " (" + plan.commit().substring(0, 7) + ")";
        String where = plan.slot() == null ? plan.environment() : plan.environment() + " slot " + plan.slot();
        return DisplayText.of(plan.tag()) + commit + " to " + where;
    }
}
