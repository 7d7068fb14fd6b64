package io.jenkins.plugins.releasepromotion.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The benchmark suite: each figure beside a baseline measured in the same run, as a ratio against a goal. Prints a
 * Markdown table (also written to target/bench/results.md) for docs/performance.md.
 *
 * <p>Usage: {@code benchmarks/run [readiness] [gates] [fanout] [ledger] [pgledger] [report] [ssh] [startup]}; no argument runs every figure.
 */
public final class Benchmarks {
    private static final List<String> FIGURES =
            List.of("readiness", "gates", "fanout", "ledger", "pgledger", "report", "ssh", "startup");

    private Benchmarks() {}

    public static void main(String[] args) throws Exception {
        Set<String> wanted = new LinkedHashSet<>(List.of(args));
        Set<String> unknown = new LinkedHashSet<>(wanted);
        unknown.removeAll(FIGURES);
        if (!unknown.isEmpty()) {
            System.err.println("benchmarks/run: no figure is called " + String.join(", ", unknown)
                    + "; the figures are " + String.join(", ", FIGURES) + ", and none means all.");
            System.exit(2);
        }
        Path dir = Path.of(System.getProperty("bench.dir", "target/bench")).toAbsolutePath();
        Files.createDirectories(dir);
        List<Figure> figures = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        run(wanted, "readiness", figures, failed, () -> new ReadinessFigure().run());
        run(wanted, "gates", figures, failed, () -> new GatesFigures(dir).run());
        run(wanted, "fanout", figures, failed, () -> List.of(new FanOutFigure(dir).run()));
        run(wanted, "ledger", figures, failed, () -> new LedgerFigures(dir).run());
        run(wanted, "pgledger", figures, failed, () -> new PgLedgerFigures(dir).run());
        run(wanted, "report", figures, failed, () -> new ReportFigures(dir).run());
        run(wanted, "ssh", figures, failed, () -> List.of(new SshFigure(dir).run()));
        run(wanted, "startup", figures, failed, () -> List.of(new StartupFigure(dir).run()));
        StringBuilder table = new StringBuilder();
        table.append("Run on ")
                .append(LocalDate.now())
                .append(", ")
                .append(machine())
                .append(", Java ")
                .append(System.getProperty("java.version"))
                .append(", command: benchmarks/run ")
                .append(String.join(" ", args))
                .append("\n\n")
                .append(Figure.header())
                .append('\n');
        figures.forEach(f -> table.append(f.row()).append('\n'));
        System.out.println();
        System.out.println(table);
        Files.writeString(dir.resolve("results.md"), table, StandardCharsets.UTF_8);
        if (!failed.isEmpty()) {
            System.err.println("These figures failed: " + String.join(", ", failed) + " (see above).");
            System.exit(1);
        }
    }

    @FunctionalInterface
    private interface FigureRun {
        List<Figure> run() throws Exception;
    }

    /**
     * Runs one figure if it was asked for, and prints its rows at once: a figure that fails is reported and the others
     * still run, so a long run never loses what it measured.
     */
    private static void run(Set<String> wanted, String name, List<Figure> figures, List<String> failed, FigureRun run) {
        if (!wanted.isEmpty() && !wanted.contains(name)) {
            return;
        }
        try {
            List<Figure> rows = run.run();
            rows.forEach(f -> System.out.println("RESULT " + f.row()));
            figures.addAll(rows);
        } catch (Exception | AssertionError e) {
            System.err.println("The " + name + " figure failed:");
            e.printStackTrace();
            failed.add(name);
        }
    }

    private static String machine() throws IOException {
        String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                .filter(l -> l.startsWith("model name"))
                .findFirst()
                .map(l -> l.substring(l.indexOf(':') + 1).strip())
                .orElse("unknown CPU");
        long memoryKb = Files.readAllLines(Path.of("/proc/meminfo")).stream()
                .filter(l -> l.startsWith("MemTotal"))
                .findFirst()
                .map(l -> Long.parseLong(l.replaceAll("\\D", "")))
                .orElse(0L);
        return Runtime.getRuntime().availableProcessors() + " cores (" + cpu + "), " + memoryKb / 1024 / 1024 + " GiB";
    }
}
