package io.jenkins.plugins.releasepromotion.cli;

import io.jenkins.plugins.releasepromotion.engine.ledger.Ledger;
import io.jenkins.plugins.releasepromotion.engine.ledger.LedgerRecord;
import io.jenkins.plugins.releasepromotion.engine.model.DisplayText;
import io.jenkins.plugins.releasepromotion.engine.model.TerminalText;
import java.io.PrintWriter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code history}: what happened on an environment, newest first; unfinished operations shown as interrupted. */
@Command(name = "history", mixinStandardHelpOptions = true, description = "What the ledger recorded, newest first.")
final class HistoryCommand implements Callable<Integer> {
    private static final String ROW = "%-24s %-12s %-4s %-10s %-7s %-13s %-12s %s%n";

    @Mixin
    CommonOptions options;

    @Mixin
    TargetOptions target;

    @Option(
            names = "--limit",
            paramLabel = "N",
            defaultValue = "20",
            description = "At most N entries (${DEFAULT-VALUE}).")
    int limit;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (limit < 1) {
            throw new IllegalArgumentException(
                    "--limit " + limit + ": must be 1 or more; leave it out for the newest 20 entries");
        }
        try (CommandLedger opened = options.openLedger()) {
            return show(opened.ledger());
        }
    }

    private int show(Ledger ledger) {
        Set<String> interrupted = ledger.interrupted(target.environment).stream()
                .map(LedgerRecord::id)
                .collect(Collectors.toSet());
        // Newest first, and only as far back as the limit reaches: a long ledger is never read whole.
        List<LedgerRecord> shown = new ArrayList<>();
        ledger.newestFirst(target.environment, r -> {
            if ((target.slot == null || r.isAt(target.slot)) && (r.isFinished() || interrupted.contains(r.id()))) {
                shown.add(r);
            }
            return shown.size() < limit;
        });
        PrintWriter out = spec.commandLine().getOut();
        if (options.json) {
            out.println(
                    Json.write(shown.stream().map(r -> entry(r, interrupted)).toList()));
            return ExitCode.SUCCESS;
        }
        if (shown.isEmpty()) {
            out.println("Nothing recorded for " + target.environment + ".");
            return ExitCode.SUCCESS;
        }
        out.printf(ROW, "AT", "KIND", "SLOT", "TAG", "COMMIT", "OUTCOME", "ACTOR", "APPROVERS");
        for (LedgerRecord r : shown) {
            Map<String, Object> e = entry(r, interrupted);
            out.printf(
                    ROW,
                    (r.isFinished() ? r.finishedAt() : r.startedAt()).truncatedTo(ChronoUnit.MILLIS),
                    e.get("kind"),
                    r.slot() == null ? "-" : r.slot(),
                    TerminalText.of(r.tag()),
                    r.commit() == null
                            ? ""
                            : TerminalText.of(r.commit()
                                    .substring(0, Math.min(7, r.commit().length()))),
                    e.get("outcome"),
                    r.actor() == null ? "-" : TerminalText.of(r.actor()),
                    approvers(r));
        }
        return ExitCode.SUCCESS;
    }

    /** The approvers, and a mark when the starter approved under break-glass. */
    private static String approvers(LedgerRecord r) {
        String names = r.approver() == null ? "-" : TerminalText.of(r.approver());
        return r.breakGlassReason() == null
                ? names
                : names + " [BREAK-GLASS: " + DisplayText.of(r.breakGlassReason()) + "]";
    }

    private static Map<String, Object> entry(LedgerRecord r, Set<String> interrupted) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("id", r.id());
        e.put("at", String.valueOf(r.isFinished() ? r.finishedAt() : r.startedAt()));
        e.put("kind", r.kind().name());
        e.put("environment", r.environment());
        e.put("slot", r.slot());
        e.put("tag", r.tag());
        e.put("commit", r.commit());
        e.put("outcome", interrupted.contains(r.id()) ? "INTERRUPTED" : String.valueOf(r.outcome()));
        e.put("actor", r.actor());
        e.put("approver", r.approver());
        e.put(
                "approvers",
                r.approvers().stream()
                        .map(a -> Map.of("name", a.name(), "proof", a.proof()))
                        .toList());
        e.put("breakGlassReason", r.breakGlassReason());
        e.put("reason", r.reason());
        return e;
    }
}
