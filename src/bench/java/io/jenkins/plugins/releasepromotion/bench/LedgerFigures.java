package io.jenkins.plugins.releasepromotion.bench;

import io.jenkins.plugins.releasepromotion.engine.ledger.ChainLink;
import io.jenkins.plugins.releasepromotion.engine.ledger.JsonLinesLedger;
import io.jenkins.plugins.releasepromotion.engine.ledger.LedgerFixture;
import io.jenkins.plugins.releasepromotion.engine.ledger.LedgerKeys;
import io.jenkins.plugins.releasepromotion.engine.ledger.LedgerLookupBenchmark;
import io.jenkins.plugins.releasepromotion.engine.ledger.LedgerRecord;
import io.jenkins.plugins.releasepromotion.engine.ledger.LedgerText;
import io.jenkins.plugins.releasepromotion.engine.ledger.RecordChain;
import io.jenkins.plugins.releasepromotion.engine.ledger.RecordKind;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.util.Statistics;

/** Figure 4: the ledger's appends with flushing, its look-ups at a thousand and a million records, and status' memory. */
final class LedgerFigures {
    private static final int SMALL = 1_000;
    private static final int LARGE = 1_000_000;
    private static final int APPENDS = 200;
    private static final int ROUNDS = 5;
    private static final String STATUS_HEAP = "-Xmx64m";

    private final Path dir;

    LedgerFigures(Path dir) {
        this.dir = dir;
    }

    List<Figure> run() throws Exception {
        List<Figure> figures = new ArrayList<>();
        figures.add(appends());
        figures.addAll(lookups());
        figures.add(statusMemory());
        figures.add(keyedEncoding());
        return figures;
    }

    /** Appends per second, each forced to disk, against the same bytes written and forced by hand. */
    private Figure appends() throws IOException {
        double[] ours = new double[ROUNDS];
        double[] raw = new double[ROUNDS];
        for (int round = 0; round < ROUNDS; round++) {
            Path ledgerDir = Files.createTempDirectory(dir, "appends");
            JsonLinesLedger ledger = new JsonLinesLedger(ledgerDir);
            List<LedgerRecord> records = deployments(APPENDS);
            long start = System.nanoTime();
            records.forEach(ledger::append);
            ours[round] = APPENDS / seconds(start);
            byte[] line = (Files.readAllLines(ledgerDir.resolve("production.jsonl"))
                                    .get(0) + "\n")
                    .getBytes(StandardCharsets.UTF_8);
            Path file = ledgerDir.resolve("raw.jsonl");
            start = System.nanoTime();
            for (int i = 0; i < APPENDS; i++) {
                try (FileChannel channel = FileChannel.open(
                        file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
                    channel.write(ByteBuffer.wrap(line));
                    channel.force(true);
                }
            }
            raw[round] = APPENDS / seconds(start);
        }
        Stats o = Stats.of(ours);
        Stats b = Stats.of(raw);
        double ratio = o.median() / b.median();
        return new Figure(
                "Ledger appends, each forced to disk (per second)",
                o.format("/s"),
                b.format("/s") + " (open, write, fsync by hand)",
                ratio,
                "none set (the hand-written loop is the disk's floor)",
                true);
    }

    /**
     * The cost of a ledger key where a record is made: encoding a record with its chain link and a keyed MAC, against
     * the same without a key (microseconds per record, medians of rounds after a warm-up round).
     */
    private Figure keyedEncoding() {
        int count = 20_000;
        LedgerKeys keys = LedgerKeys.parse("the benchmark", "k".repeat(LedgerKeys.MIN_CHARS) + "-benchmark-key");
        List<LedgerRecord> records = deployments(count);
        ChainLink link = new ChainLink(42, RecordChain.GENESIS);
        double[] keyed = new double[ROUNDS];
        double[] plain = new double[ROUNDS];
        long sink = 0;
        for (int round = -1; round < ROUNDS; round++) {
            long start = System.nanoTime();
            for (LedgerRecord record : records) {
                sink += LedgerText.of(record, link, keys).length();
            }
            double withKey = (System.nanoTime() - start) / 1_000.0 / count;
            start = System.nanoTime();
            for (LedgerRecord record : records) {
                sink += LedgerText.of(record, link, LedgerKeys.NONE).length();
            }
            double without = (System.nanoTime() - start) / 1_000.0 / count;
            if (round >= 0) {
                keyed[round] = withKey;
                plain[round] = without;
            }
        }
        if (sink == 0) {
            throw new IllegalStateException("nothing was encoded");
        }
        Stats o = Stats.of(keyed);
        Stats b = Stats.of(plain);
        return new Figure(
                "Encoding a record with a ledger key's MAC (microseconds per record)",
                o.format("us"),
                b.format("us") + " (the same record and link without a key)",
                o.median() / b.median(),
                "none set (an append waits milliseconds for the disk)",
                true);
    }

    /** Started production deployments, each of another release, as a promotion appends them. */
    private static List<LedgerRecord> deployments(int count) {
        List<LedgerRecord> records = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            records.add(LedgerRecord.started(
                            RecordKind.DEPLOYMENT,
                            "production",
                            null,
                            LedgerFixture.tag(i),
                            LedgerFixture.commit(i),
                            "ci",
                            Instant.now())
                    .withBuildUrl("https://jenkins.example.com/job/release/" + i + "/"));
        }
        return records;
    }

    /** JMH: each look-up at a thousand and at a million records; the ratio is how much it grows. */
    private List<Figure> lookups() throws Exception {
        LedgerFixture.ledger(dir, SMALL);
        System.out.println("Writing a ledger of " + LARGE + " records (once; kept in " + dir + ") ...");
        LedgerFixture.ledger(dir, LARGE);
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                        .include(LedgerLookupBenchmark.class.getName())
                        .jvmArgsAppend("-Dbench.dir=" + dir)
                        .build())
                .run();
        Map<String, Map<Integer, Statistics>> byLookup = new HashMap<>();
        for (RunResult result : results) {
            String name = result.getParams().getBenchmark();
            name = name.substring(name.lastIndexOf('.') + 1);
            int records = Integer.parseInt(result.getParams().getParam("records"));
            byLookup.computeIfAbsent(name, k -> new HashMap<>())
                    .put(records, result.getPrimaryResult().getStatistics());
        }
        List<Figure> figures = new ArrayList<>();
        for (String lookup : List.of("whatRunsInProduction", "lastGoodTag", "attestations")) {
            Statistics large = byLookup.get(lookup).get(LARGE);
            Statistics small = byLookup.get(lookup).get(SMALL);
            double ratio = large.getPercentile(50) / small.getPercentile(50);
            figures.add(new Figure(
                    "Ledger look-up " + lookup + " at 1M records vs 1k (µs per call)",
                    stats(large).format("µs"),
                    stats(small).format("µs") + " at 1k",
                    ratio,
                    "< 2",
                    ratio < 2));
        }
        return figures;
    }

    /**
     * Peak RSS of status (offline, so the ledger alone) at a million records against a thousand, with a heap of
     * {@value #STATUS_HEAP}: finishing at all with that heap shows the memory does not grow with the ledger.
     */
    private Figure statusMemory() throws Exception {
        Path config = dir.resolve("status.yaml");
        Files.writeString(config, LedgerFixture.CONFIG, StandardCharsets.UTF_8);
        double[] large = new double[3];
        double[] small = new double[3];
        for (int i = 0; i < 3; i++) {
            large[i] = Processes.peakRssMib(status(config, LedgerFixture.ledger(dir, LARGE)));
            small[i] = Processes.peakRssMib(status(config, LedgerFixture.ledger(dir, SMALL)));
        }
        Stats l = Stats.of(large);
        Stats s = Stats.of(small);
        double ratio = l.median() / s.median();
        return new Figure(
                "Peak RSS of `status --offline` at 1M records vs 1k, heap " + STATUS_HEAP + " (MiB)",
                l.format("MiB"),
                s.format("MiB") + " at 1k",
                ratio,
                "bounded: completes with a 64 MiB heap",
                true);
    }

    private List<String> status(Path config, Path ledger) {
        return List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                STATUS_HEAP,
                "-XX:+UseSerialGC",
                "-cp",
                System.getProperty("java.class.path"),
                "io.jenkins.plugins.releasepromotion.cli.ReleasePromotionCommand",
                "status",
                "--offline",
                "--config",
                config.toString(),
                "--ledger",
                ledger.toString(),
                "--repo",
                dir.toString());
    }

    private static Stats stats(Statistics s) {
        return new Stats(s.getMin(), s.getPercentile(50), s.getMax(), (int) s.getN());
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
