package io.jenkins.plugins.releasepromotion.cli;

import io.jenkins.plugins.releasepromotion.engine.usecase.VerifyDeployment;
import io.jenkins.plugins.releasepromotion.engine.usecase.VerifyRequest;
import io.jenkins.plugins.releasepromotion.engine.usecase.VerifyResult;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code verify}: runs the environment's checks against what runs there; a pass is recorded as an attestation. */
@Command(
        name = "verify",
        mixinStandardHelpOptions = true,
        description = "Runs the environment's checks against a slot; a pass is recorded as an attestation that"
                + " later promotions rely on.")
final class VerifyCommand implements Callable<Integer> {
    @Mixin
    CommonOptions options;

    @Mixin
    TargetOptions target;

    @Mixin
    OperationOptions operation;

    @Option(
            names = "--tag",
            paramLabel = "TAG",
            description = "The tag that should run there. Default: what the ledger says runs there.")
    String tag;

    @ParentCommand
    ReleasePromotionCommand root;

    @Override
    public Integer call() {
        try (OpenedRepository repo = OpenedRepository.open(options, root)) {
            VerifyResult result;
            try (Progress progress = repo.progress(operation.err(), root.terminal())) {
                result = new VerifyDeployment(repo.engine)
                        .verify(
                                new VerifyRequest(target.environment, target.slot, tag, operation.actor(), null),
                                repo.masked(progress));
            }
            operation.writeReport(result.reportJson());
            if (options.json) {
                operation.out().println(repo.mask(Json.write(Json.verification(result))));
            } else {
                String where =
                        result.slot() == null ? result.environment() : result.environment() + " slot " + result.slot();
                operation
                        .out()
                        .println(repo.mask((result.passed() ? "PASSED " : "FAILED ") + result.tag() + " on " + where
                                + ": " + result.summary()));
            }
            return ExitCode.of(result.outcome());
        }
    }
}
