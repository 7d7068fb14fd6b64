package io.jenkins.plugins.releasepromotion.cli;

import io.jenkins.plugins.releasepromotion.engine.usecase.FanOutRequest;
import io.jenkins.plugins.releasepromotion.engine.usecase.FanOutResult;
import io.jenkins.plugins.releasepromotion.engine.usecase.FanOutVerification;
import io.jenkins.plugins.releasepromotion.engine.usecase.VerifyDeployment;
import io.jenkins.plugins.releasepromotion.engine.usecase.VerifyRequest;
import io.jenkins.plugins.releasepromotion.engine.usecase.VerifyResult;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code verify}: runs the environment's checks against what runs there; a pass is recorded as an attestation. */
@Command(
        name = "verify",
        mixinStandardHelpOptions = true,
        description = "Runs the environment's checks against a slot, or every slot at once; a pass is recorded as an"
                + " attestation that later promotions rely on.")
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

    @Option(
            names = "--all-slots",
            description = "Verify every slot of the environment at once, each recorded as its own verification.")
    boolean allSlots;

    @Option(
            names = "--parallel",
            paramLabel = "N",
            description = "With --all-slots: how many slots are verified at the same time. Default: "
                    + FanOutRequest.DEFAULT_PARALLELISM + ".")
    Integer parallel;

    @ParentCommand
    ReleasePromotionCommand root;

    @Override
    public Integer call() {
        checkOptions();
        try (OpenedRepository repo = OpenedRepository.open(options, root)) {
            return allSlots ? verifyAll(repo) : verifyOne(repo);
        }
    }

    private int verifyOne(OpenedRepository repo) {
        VerifyResult result;
        try (Progress progress = repo.progress(operation.err(), root.terminal())) {
            result = new VerifyDeployment(repo.engine)
                    .verify(
                            new VerifyRequest(target.environment, target.slot, tag, operation.actor(), null),
                            ResultOnce.around(repo.masked(progress)));
        }
        operation.writeReport(repo.mask(result.reportJson()));
        if (options.json) {
            operation.out().println(repo.mask(Json.write(Json.verification(result))));
        } else {
            operation.out().println(repo.mask(line(result)));
        }
        return ExitCode.of(result.outcome());
    }

    private int verifyAll(OpenedRepository repo) {
        FanOutResult result;
        try (Progress progress = repo.progress(operation.err(), root.terminal())) {
            FanOutRequest request = new FanOutRequest(
                    target.environment, List.of(), tag, operation.actor(), null, parallel == null ? 0 : parallel);
            result = new FanOutVerification(repo.engine).verify(request, ResultOnce.around(repo.masked(progress)));
        }
        operation.writeReport(repo.mask(reports(result)));
        if (options.json) {
            operation.out().println(repo.mask(Json.write(Json.verifications(result))));
        } else {
            result.slots().forEach(slot -> operation.out().println(repo.mask(line(slot))));
            operation.out().println(summary(result));
        }
        return ExitCode.of(result.outcome());
    }

    /** Misused options are one line and exit code 2, before anything is opened. */
    private void checkOptions() {
        if (allSlots && target.slot != null) {
            throw new IllegalArgumentException("--slot " + target.slot + " and --all-slots exclude each other; give"
                    + " --slot N to verify one slot, or --all-slots to verify every slot.");
        }
        if (parallel != null && !allSlots) {
            throw new IllegalArgumentException("--parallel " + parallel
                    + " applies to --all-slots only; add --all-slots, or leave --parallel out.");
        }
        if (parallel != null && parallel < 1) {
            throw new IllegalArgumentException("--parallel " + parallel + " verifies nothing; give 1 or more, or"
                    + " leave it out for " + FanOutRequest.DEFAULT_PARALLELISM + ".");
        }
    }

    private static String line(VerifyResult result) {
        String where = result.slot() == null ? result.environment() : result.environment() + " slot " + result.slot();
        if (!FanOutResult.verified(result)) {
            return "NOT VERIFIED " + where + ": " + result.summary();
        }
        return (result.passed() ? "PASSED " : "FAILED ") + result.tag() + " on " + where + ": " + result.summary();
    }

    private static String summary(FanOutResult result) {
        int all = result.slots().size();
        if (result.passed()) {
            return "PASSED all " + all + " slots of " + result.environment();
        }
        List<Integer> failed = result.failedSlots();
        return "FAILED " + failed.size() + " of " + all + " slots of " + result.environment() + ": slot"
                + (failed.size() == 1 ? " " : "s ")
                + failed.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    /** The verified slots' reports as one JSON array, for --report. */
    private static String reports(FanOutResult result) {
        return result.slots().stream()
                .map(VerifyResult::reportJson)
                .filter(Objects::nonNull)
                .collect(Collectors.joining(",", "[", "]"));
    }
}
