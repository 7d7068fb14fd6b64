package io.jenkins.plugins.releasepromotion.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code ledger}: work on the ledger itself. */
@Command(
        name = "ledger",
        description = "Work on the ledger itself.",
        mixinStandardHelpOptions = true,
        subcommands = {LedgerVerifyCommand.class, LedgerImportCommand.class})
final class LedgerCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
