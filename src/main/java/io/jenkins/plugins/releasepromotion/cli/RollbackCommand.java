package io.jenkins.plugins.releasepromotion.cli;

import io.jenkins.plugins.releasepromotion.engine.usecase.Rollback;
import io.jenkins.plugins.releasepromotion.engine.usecase.RollbackRequest;
import io.jenkins.plugins.releasepromotion.engine.usecase.RollbackResult;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code rollback}: back to the previous good tag (or a named one), deployed, verified and recorded. */
@Command(
        name = "rollback",
        mixinStandardHelpOptions = true,
        description =
                "Rolls an environment slot back to the most recent tag that succeeded there and is older than the current one,"
                        + " or to --to TAG; verifies and records it.")
final class RollbackCommand implements Callable<Integer> {
    @Mixin
    CommonOptions options;

    @Mixin
    TargetOptions target;

    @Mixin
    OperationOptions operation;

    @Option(
            names = "--to",
            paramLabel = "TAG",
            description = "The tag to go back to. Default: the previous good tag of that slot.")
    String tag;

    @Option(names = "--force", description = "Allow a tag that never succeeded there; needs --reason.")
    boolean force;

    @Option(names = "--reason", paramLabel = "TEXT", description = "Why; recorded in the ledger.")
    String reason;

    @Option(names = "--no-verify", description = "Skip the environment's checks after the rollback.")
    boolean skipVerify;

    @ParentCommand
    ReleasePromotionCommand root;

    @Override
    public Integer call() {
        try (OpenedRepository repo = OpenedRepository.open(options, root)) {
            RollbackResult result;
            try (Progress progress = repo.progress(operation.err(), root.terminal())) {
                result = new Rollback(repo.engine)
                        .rollback(
                                new RollbackRequest(
                                        target.environment,
                                        target.slot,
                                        tag,
                                        force,
                                        reason,
                                        operation.actor(),
                                        null,
                                        !skipVerify),
                                ResultOnce.around(repo.masked(progress)));
            }
            operation.writeReport(repo.mask(result.reportJson()));
            if (options.json) {
                operation.out().println(repo.mask(Json.write(Json.rollback(result))));
            } else {
                operation.out().println(repo.mask(result.outcome() + " " + result.message()));
                if (result.verificationSummary() != null && !result.message().contains(result.verificationSummary())) {
                    operation.out().println(repo.mask("Verification: " + result.verificationSummary()));
                }
            }
            return ExitCode.of(result.outcome());
        }
    }
}
