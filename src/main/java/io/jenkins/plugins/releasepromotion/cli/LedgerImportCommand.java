package io.jenkins.plugins.releasepromotion.cli;

import io.jenkins.plugins.releasepromotion.engine.config.LedgerConfig;
import io.jenkins.plugins.releasepromotion.engine.ledger.JsonLinesLedger;
import io.jenkins.plugins.releasepromotion.engine.ledger.LedgerCopy;
import io.jenkins.plugins.releasepromotion.engine.ledger.LedgerKeys;
import io.jenkins.plugins.releasepromotion.engine.ledger.postgres.PostgresLedger;
import io.jenkins.plugins.releasepromotion.engine.ledger.postgres.PostgresTarget;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ledger import}: copies a folder of JSON Lines files into a shared ledger, environment by environment in the
 * order the records were made. Each record is written once: running it again, or after it stopped half-way, writes
 * only what is missing.
 */
@Command(
        name = "import",
        mixinStandardHelpOptions = true,
        description = "Copies a ledger folder into a shared PostgreSQL ledger; running it again writes only what is"
                + " missing.")
final class LedgerImportCommand implements Callable<Integer> {
    @Option(names = "--from", paramLabel = "DIR", required = true, description = "The ledger folder to copy.")
    Path from;

    @Option(
            names = "--to",
            paramLabel = "URL",
            required = true,
            description = "The shared ledger, postgresql://HOST[:PORT]/DATABASE[?sslmode=MODE]; the password from"
                    + " RELEASE_PROMOTION_LEDGER_PASSWORD or _PASSWORD_FILE, never in the URL.")
    String to;

    @Option(
            names = "--credentials",
            paramLabel = "ID",
            defaultValue = LedgerConfig.DEFAULT_CREDENTIALS_ID,
            description = "The credential to log in with (default ${DEFAULT-VALUE}: RELEASE_PROMOTION_LEDGER_*).")
    String credentialsId;

    @Option(names = "--json", description = "Print machine-readable JSON instead of text.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (!Files.isDirectory(from)) {
            throw new IllegalArgumentException("--from " + from + ": not a folder; give the ledger folder to copy,"
                    + " e.g. .release-promotion/ledger");
        }
        PostgresTarget target = LedgerLocation.of(to, null, Path.of("")).target();
        if (target == null) {
            throw new IllegalArgumentException("--to " + to + ": not a shared ledger; write it as"
                    + " postgresql://HOST[:PORT]/DATABASE[?sslmode=MODE]");
        }
        PrintWriter err = spec.commandLine().getErr();
        JsonLinesLedger source = new JsonLinesLedger(from, line -> err.println("WARNING: " + line));
        Map<String, String> environment = ((ReleasePromotionCommand) spec.root().userObject()).environment();
        List<LedgerCopy.Count> counts = new ArrayList<>();
        try (PostgresLedger shared = LedgerLogin.of(target, credentialsId, environment)
                .open(line -> err.println("WARNING: " + line), LedgerKeys.NONE)) {
            for (String name : source.environments().stream().sorted().toList()) {
                counts.add(LedgerCopy.environment(source, shared, name));
            }
        }
        print(target, counts);
        return ExitCode.SUCCESS;
    }

    private void print(PostgresTarget target, List<LedgerCopy.Count> counts) {
        PrintWriter out = spec.commandLine().getOut();
        int written = counts.stream().mapToInt(LedgerCopy.Count::written).sum();
        int present = counts.stream().mapToInt(LedgerCopy.Count::present).sum();
        if (json) {
            Map<String, Object> all = new LinkedHashMap<>();
            all.put("from", from.toString());
            all.put("to", target.toString());
            all.put("written", written);
            all.put("present", present);
            all.put(
                    "environments",
                    counts.stream().map(LedgerImportCommand::entry).toList());
            out.println(Json.write(all));
            return;
        }
        for (LedgerCopy.Count c : counts) {
            out.println(c.environment() + ": " + c.total() + " records, " + c.written() + " written, " + c.present()
                    + " already there");
        }
        out.println("Imported " + from + " into " + target + ": " + written + " records written, " + present
                + " already there.");
    }

    private static Map<String, Object> entry(LedgerCopy.Count c) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("environment", c.environment());
        e.put("written", c.written());
        e.put("present", c.present());
        return e;
    }
}
