package io.jenkins.plugins.releasepromotion.cli;

import io.jenkins.plugins.releasepromotion.engine.ledger.ChainBreak;
import io.jenkins.plugins.releasepromotion.engine.ledger.ChainReport;
import io.jenkins.plugins.releasepromotion.engine.ledger.Ledger;
import io.jenkins.plugins.releasepromotion.engine.ledger.LedgerKeys;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ledger verify}: checks the chain of every environment (or one) and names, per environment, the first record
 * that breaks it; where a ledger key is configured, also counts the records without a valid MAC and names the first.
 */
@Command(
        name = "verify",
        mixinStandardHelpOptions = true,
        description = "Check that no record of the ledger was changed, removed, inserted or reordered, and, where a"
                + " ledger key is configured, that every record carries a valid MAC.")
final class LedgerVerifyCommand implements Callable<Integer> {
    @Mixin
    CommonOptions options;

    @Option(
            names = {"--env", "-e"},
            paramLabel = "NAME",
            description = "Only this environment. Default: every environment the ledger holds.")
    String environment;

    @Spec
    CommandSpec spec;

    private String where;
    private LedgerKeys keys;

    @Override
    public Integer call() {
        Path folder = options.ledgerFolder();
        if (folder != null && !Files.isDirectory(folder)) {
            throw new IllegalArgumentException("no ledger at " + folder
                    + ": the directory does not exist; give the ledger's directory with --ledger DIR");
        }
        try (CommandLedger opened = options.openLedger()) {
            return verify(opened);
        }
    }

    private int verify(CommandLedger opened) {
        Ledger ledger = opened.ledger();
        where = opened.where();
        keys = opened.keys();
        Set<String> present = ledger.environments();
        if (environment != null && !present.contains(environment)) {
            throw new IllegalArgumentException("--env " + environment + ": the ledger " + where
                    + " holds no records of it (it holds " + (present.isEmpty() ? "none" : String.join(", ", present))
                    + "); name one of those, or leave --env out to check them all");
        }
        List<ChainReport> reports = (environment != null ? Set.of(environment) : present)
                .stream().map(ledger::verify).toList();
        boolean intact = reports.stream().allMatch(r -> r.intact() && r.authentic());
        PrintWriter out = spec.commandLine().getOut();
        if (options.json) {
            out.println(Json.write(json(reports, intact)));
        } else {
            reports.stream()
                    .filter(r -> !r.intact())
                    .forEach(r -> out.println(
                            "BROKEN " + r.environment() + ": " + r.broken().message()));
            reports.stream()
                    .filter(r -> !r.authentic())
                    .forEach(r -> out.println("UNAUTHENTICATED " + r.environment() + ": "
                            + r.firstUnauthenticated().message()));
            out.println(summary(reports, intact));
        }
        return intact ? ExitCode.SUCCESS : ExitCode.LEDGER_BROKEN;
    }

    private String summary(List<ChainReport> reports, boolean intact) {
        long records = reports.stream().mapToLong(ChainReport::records).sum();
        long broken = reports.stream().filter(r -> !r.intact()).count();
        StringBuilder line = new StringBuilder(intact ? "INTACT " : "BROKEN ")
                .append(where)
                .append(": ")
                .append(records)
                .append(records == 1 ? " record" : " records")
                .append(" in ")
                .append(reports.size())
                .append(reports.size() == 1 ? " environment" : " environments")
                .append(" checked");
        long unauthenticated =
                reports.stream().mapToLong(ChainReport::unauthenticated).sum();
        if (broken > 0) {
            line.append(", ").append(broken).append(" broken");
        }
        if (unauthenticated > 0) {
            line.append(", ")
                    .append(unauthenticated)
                    .append(unauthenticated == 1 ? " record" : " records")
                    .append(" without a valid MAC");
        }
        if (keys.present()) {
            line.append("; MACs checked with the key").append(keys.ids().size() == 1 ? " " : "s ");
            line.append(String.join(", ", keys.ids()));
        }
        reports.stream().filter(r -> r.beforeChain() > 0).forEach(r -> line.append("; ")
                .append(r.environment())
                .append(": ")
                .append(r.beforeChain())
                .append(r.beforeChain() == 1 ? " record" : " records")
                .append(" before the chain began"));
        return line.append('.').toString();
    }

    private Map<String, Object> json(List<ChainReport> reports, boolean intact) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("intact", intact);
        out.put("exitCode", intact ? ExitCode.SUCCESS : ExitCode.LEDGER_BROKEN);
        out.put("ledger", where);
        out.put("records", reports.stream().mapToLong(ChainReport::records).sum());
        out.put("keys", keys.ids());
        out.put("environments", reports.stream().map(LedgerVerifyCommand::json).toList());
        return out;
    }

    private static Map<String, Object> json(ChainReport report) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("environment", report.environment());
        out.put("intact", report.intact());
        out.put("records", report.records());
        out.put("beforeChain", report.beforeChain());
        out.put("broken", json(report.broken()));
        out.put("unauthenticated", report.unauthenticated());
        out.put("firstUnauthenticated", json(report.firstUnauthenticated()));
        return out;
    }

    private static Map<String, Object> json(ChainBreak broken) {
        if (broken == null) {
            return null;
        }
        Map<String, Object> first = new LinkedHashMap<>();
        first.put("kind", broken.kind().name());
        first.put("position", broken.position());
        first.put("id", broken.id());
        first.put("message", broken.message());
        return first;
    }
}
