package io.jenkins.plugins.releasepromotion.cli;

import io.jenkins.plugins.releasepromotion.engine.config.ReleaseConfig;
import io.jenkins.plugins.releasepromotion.engine.gate.PromotionPlan;
import io.jenkins.plugins.releasepromotion.engine.gate.PromotionRequest;
import io.jenkins.plugins.releasepromotion.engine.git.GitFacts;
import io.jenkins.plugins.releasepromotion.engine.port.Credentials;
import io.jenkins.plugins.releasepromotion.engine.port.Secrets;
import io.jenkins.plugins.releasepromotion.engine.signing.ApprovalStatement;
import io.jenkins.plugins.releasepromotion.engine.signing.SignedApprovals;
import io.jenkins.plugins.releasepromotion.engine.usecase.PromoteRequest;
import io.jenkins.plugins.releasepromotion.engine.usecase.Promotion;
import io.jenkins.plugins.releasepromotion.engine.usecase.PromotionResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code release-promotion approval request}: the statement an approver signs for one promotion. */
@Command(
        name = "approval",
        mixinStandardHelpOptions = true,
        description = "Signed approvals: write the statement an approver signs with ssh-keygen -Y sign.",
        subcommands = ApprovalCommand.Request.class)
final class ApprovalCommand {

    @Command(
            name = "request",
            mixinStandardHelpOptions = true,
            description = "Writes the statement approving TAG (at its commit) onto an environment and slot until a"
                    + " time; the approver signs it with ssh-keygen -Y sign -n release-promotion -f KEY FILE.")
    static final class Request implements Callable<Integer> {
        @Mixin
        CommonOptions options;

        @Parameters(index = "0", paramLabel = "TAG", description = "The release tag, e.g. v1.2.3.")
        String tag;

        @Mixin
        TargetOptions target;

        @Option(
                names = "--valid-for",
                paramLabel = "DURATION",
                defaultValue = "24h",
                description = "How long the approval may be used, e.g. 2h or 3d (default ${DEFAULT-VALUE}).")
        Duration validFor;

        @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the statement.")
        Path out;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            if (validFor.isNegative() || validFor.isZero()) {
                throw new IllegalArgumentException(
                        "--valid-for " + validFor + " is not a length of time; give e.g. 24h or 2h.");
            }
            ReleaseConfig config = options.loadConfig();
            try (GitFacts git = options.openRepository(config);
                    CommandLedger ledger = options.openLedger(config)) {
                PromotionRequest request =
                        new PromotionRequest(tag, target.environment, target.slot, null, List.of(), null, null, true);
                PromotionResult planned = new Promotion(CliEngine.create(
                                config,
                                git,
                                ledger.ledger(),
                                options.repo(),
                                Map.of(),
                                Credentials.none(),
                                Secrets.none()))
                        .promote(PromoteRequest.of(request), line -> {});
                PromotionPlan plan = planned.decision().plan();
                if (plan.commit() == null) {
                    throw new IllegalArgumentException(
                            planned.decision().violations().get(0).message());
                }
                ApprovalStatement statement = new ApprovalStatement(
                        plan.tag(),
                        plan.commit(),
                        plan.environment(),
                        plan.slot(),
                        Instant.now().plus(validFor));
                Files.writeString(out, statement.text(), StandardCharsets.UTF_8);
                PrintWriter printed = spec.commandLine().getOut();
                printed.println("Wrote " + out + ": approval of " + plan.tag() + " ("
                        + plan.commit().substring(0, 7) + ") to " + statement.where() + ", valid until "
                        + statement.notAfter() + ".");
                printed.println("The approver signs it with: ssh-keygen -Y sign -n " + SignedApprovals.NAMESPACE
                        + " -f KEY " + out + "   (writes " + out + ".sig)");
                return ExitCode.SUCCESS;
            }
        }
    }
}
