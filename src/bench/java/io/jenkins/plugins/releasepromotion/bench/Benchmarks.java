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
 * <p>Usage: {@code benchmarks/run [readiness] [gates] [fanout] [ledger] [ssh] [startup]}; no argument runs every figure.
 */
public final class Benchmarks {
    private Benchmarks() {}

    public static void main(String[] args) throws Exception {
        Set<String> wanted = new LinkedHashSet<>(List.of(args));
        Path dir = Path.of(System.getProperty("bench.dir", "target/bench")).toAbsolutePath();
        Files.createDirectories(dir);
        List<Figure> figures = new ArrayList<>();
        if (wanted.isEmpty() || wanted.contains("readiness")) {
            figures.addAll(new ReadinessFigure().run());
        }
        if (wanted.isEmpty() || wanted.contains("gates")) {
            figures.addAll(new GatesFigures(dir).run());
        }
        if (wanted.isEmpty() || wanted.contains("fanout")) {
            figures.add(new FanOutFigure(dir).run());
        }
        if (wanted.isEmpty() || wanted.contains("ledger")) {
            figures.addAll(new LedgerFigures(dir).run());
        }
        if (wanted.isEmpty() || wanted.contains("ssh")) {
            figures.add(new SshFigure(dir).run());
        }
        if (wanted.isEmpty() || wanted.contains("startup")) {
            figures.add(new StartupFigure(dir).run());
        }
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
