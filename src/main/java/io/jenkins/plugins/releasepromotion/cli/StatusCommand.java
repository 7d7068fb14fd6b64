package io.jenkins.plugins.releasepromotion.cli;

import io.jenkins.plugins.releasepromotion.engine.config.ReleaseConfig;
import io.jenkins.plugins.releasepromotion.engine.model.DisplayText;
import io.jenkins.plugins.releasepromotion.engine.usecase.HttpLive;
import io.jenkins.plugins.releasepromotion.engine.usecase.SlotStatus;
import io.jenkins.plugins.releasepromotion.engine.usecase.Status;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code status}: what runs where, the ledger beside the live {@code /api/version}, with drift flagged. */
@Command(
        name = "status",
        mixinStandardHelpOptions = true,
        description = "What runs where: per environment and slot the tag the ledger records, its commit and time, the"
                + " live health, and whether the live /api/version agrees.")
final class StatusCommand implements Callable<Integer> {
    private static final String ROW = "%-12s %-4s %-10s %-8s %-20s %-11s %s%n";

    @Mixin
    CommonOptions options;

    @Option(
            names = {"--env", "-e"},
            paramLabel = "NAME",
            description = "One environment. Default: all.")
    String environment;

    @Option(names = "--offline", description = "Read the ledger only; do not ask the running applications.")
    boolean offline;

    @Option(
            names = "--timeout",
            paramLabel = "DURATION",
            defaultValue = "5s",
            description = "How long to wait for each live answer, e.g. 500ms, 5s or PT5S (default ${DEFAULT-VALUE}).")
    Duration timeout;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        ReleaseConfig config = options.loadConfig();
        HttpLive live = offline ? null : new HttpLive(timeout);
        List<SlotStatus> rows;
        try (CommandLedger ledger = options.openLedger(config)) {
            rows = new Status(config, ledger.ledger(), live, live).of(environment);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (options.json) {
            out.println(Json.write(rows.stream().map(Json::status).toList()));
            return ExitCode.SUCCESS;
        }
        out.printf(ROW, "ENVIRONMENT", "SLOT", "TAG", "COMMIT", "DEPLOYED AT", "HEALTH", "LEDGER AND LIVE");
        for (SlotStatus row : rows) {
            out.printf(
                    ROW,
                    row.environment(),
                    row.slot() == null ? "-" : row.slot(),
                    row.tag() == null ? "-" : row.tag(),
                    row.commit() == null
                            ? "-"
                            : row.commit().substring(0, Math.min(7, row.commit().length())),
                    row.deployedAt() == null ? "-" : row.deployedAt().toString().replaceFirst("\\.\\d+Z$", "Z"),
                    row.health() == null ? "-" : row.health(),
                    agreement(row));
        }
        List<SlotStatus> unread = rows.stream().filter(r -> r.problem() != null).toList();
        if (!unread.isEmpty()) {
            out.println();
            unread.forEach(r ->
                    out.println(r.environment() + (r.slot() == null ? "" : " slot " + r.slot()) + ": " + r.problem()));
        }
        return ExitCode.SUCCESS;
    }

    private String agreement(SlotStatus row) {
        String text;
        if (row.tag() == null) {
            text = "nothing deployed";
        } else if (offline) {
            text = "not asked (--offline)";
        } else if (row.drift() != null) {
            text = "DRIFT: " + row.drift();
        } else {
            text = row.liveTag() == null ? "unknown (see below)" : "agree";
        }
        text = row.uncertain() ? text + "; a later deployment failed or never finished" : text;
        return row.breakGlassReason() == null
                ? text
                : text + "; BREAK-GLASS: " + DisplayText.of(row.breakGlassReason());
    }
}
