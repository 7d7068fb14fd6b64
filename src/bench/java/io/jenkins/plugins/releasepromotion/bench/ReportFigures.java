package io.jenkins.plugins.releasepromotion.bench;

import io.jenkins.plugins.releasepromotion.engine.config.ConfigLoader;
import io.jenkins.plugins.releasepromotion.engine.config.ReleaseConfig;
import io.jenkins.plugins.releasepromotion.engine.ledger.JsonLinesLedger;
import io.jenkins.plugins.releasepromotion.engine.ledger.LedgerFixture;
import io.jenkins.plugins.releasepromotion.engine.report.CommitTimes;
import io.jenkins.plugins.releasepromotion.engine.report.ReleaseRecord;
import io.jenkins.plugins.releasepromotion.engine.report.ReleaseReport;
import io.jenkins.plugins.releasepromotion.engine.report.ReportWindow;
import io.jenkins.plugins.releasepromotion.engine.report.page.ReportPage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The release record page over a million records, its window holding them all (figure 8): the page read and written
 * in a warm JVM against reading the same records and nothing else, and the command as a new process with a 128 MiB
 * heap against the same over a thousand records.
 */
final class ReportFigures {
    private static final int LARGE = 1_000_000;
    private static final int SMALL = 1_000;
    private static final int ROUNDS = 5;
    private static final String HEAP = "-Xmx128m";
    /** The release train of {@link LedgerFixture} runs from 2020 to late 2021: this window holds every record. */
    private static final Instant UNTIL = Instant.parse("2022-01-01T00:00:00Z");

    private static final String SINCE = "800d";
    private final Path dir;

    ReportFigures(Path dir) {
        this.dir = dir;
    }

    List<Figure> run() throws Exception {
        Path large = LedgerFixture.ledger(dir, LARGE);
        Path small = LedgerFixture.ledger(dir, SMALL);
        Path config = dir.resolve("report.yaml");
        Files.writeString(config, LedgerFixture.CONFIG, StandardCharsets.UTF_8);
        return List.of(warm(ConfigLoader.load(config), large), process(config, large, small));
    }

    /** Reading the report and writing the page, after a warm-up round, against the ledger's own newest-first read. */
    private Figure warm(ReleaseConfig config, Path ledger) {
        ReportWindow window = ReportWindow.last(java.time.Duration.ofDays(800), UNTIL);
        double[] ours = new double[ROUNDS];
        double[] read = new double[ROUNDS];
        long records = 0;
        for (int round = -1; round < ROUNDS; round++) {
            long start = System.nanoTime();
            ReleaseReport report =
                    new ReleaseRecord(config, new JsonLinesLedger(ledger), CommitTimes.recorded()).read(window, UNTIL);
            int length = ReportPage.standalone(report).length();
            double took = (System.nanoTime() - start) / 1e6;
            start = System.nanoTime();
            long[] count = {0};
            JsonLinesLedger plain = new JsonLinesLedger(ledger);
            for (String environment : List.of(LedgerFixture.STAGING, LedgerFixture.PRODUCTION)) {
                plain.newestFirst(environment, r -> ++count[0] > 0);
            }
            double baseline = (System.nanoTime() - start) / 1e6;
            if (length == 0 || report.figures().deploymentFrequency().counted() == 0) {
                throw new IllegalStateException("the report over " + ledger + " holds nothing");
            }
            if (round >= 0) {
                ours[round] = took;
                read[round] = baseline;
                records = count[0];
            }
        }
        Stats o = Stats.of(ours);
        Stats b = Stats.of(read);
        return new Figure(
                "Release record page over " + records + " records, all in its window, warm (ms)",
                o.format("ms"),
                b.format("ms") + ": reading every record newest first, nothing else",
                o.median() / b.median(),
                "< 2,000 ms",
                o.median() < 2_000);
    }

    /** {@code report --html} as a new process with a 128 MiB heap: its time and peak RSS, 1M records against 1k. */
    private Figure process(Path config, Path large, Path small) throws Exception {
        double[] largeMs = new double[3];
        double[] largeRss = new double[3];
        double[] smallRss = new double[3];
        double[] launcherMs = new double[3];
        // The first run through the launcher makes its class-data archive; the runs measured use it, as later ones do.
        Processes.millis(launcher(config, large));
        for (int i = 0; i < 3; i++) {
            launcherMs[i] = Processes.millis(launcher(config, large));
            largeMs[i] = Processes.millis(report(config, large));
            largeRss[i] = Processes.peakRssMib(report(config, large));
            smallRss[i] = Processes.peakRssMib(report(config, small));
        }
        Stats ms = Stats.of(largeMs);
        Stats l = Stats.of(largeRss);
        Stats s = Stats.of(smallRss);
        return new Figure(
                "`report --html` as a new process, heap " + HEAP + ", 1M records vs 1k: peak RSS (MiB); time at 1M "
                        + ms.format("ms") + ", through `bin/release-promotion` as it starts by default "
                        + Stats.of(launcherMs).format("ms"),
                l.format("MiB"),
                s.format("MiB") + " at 1k",
                l.median() / s.median(),
                "bounded: completes with a 128 MiB heap",
                true);
    }

    private List<String> report(Path config, Path ledger) {
        return withArguments(
                new ArrayList<>(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        HEAP,
                        "-XX:+UseSerialGC",
                        "-cp",
                        System.getProperty("java.class.path"),
                        "io.jenkins.plugins.releasepromotion.cli.ReleasePromotionCommand")),
                config,
                ledger);
    }

    /** The same command as a person runs it: the launcher, with its own JVM options and class-data archive. */
    private List<String> launcher(Path config, Path ledger) {
        return withArguments(
                new ArrayList<>(List.of(
                        Path.of("bin", "release-promotion").toAbsolutePath().toString())),
                config,
                ledger);
    }

    private List<String> withArguments(List<String> command, Path config, Path ledger) {
        command.addAll(List.of(
                "report",
                "--html",
                dir.resolve("report.html").toString(),
                "--since",
                SINCE,
                "--until",
                UNTIL.toString(),
                "--config",
                config.toString(),
                "--ledger",
                ledger.toString(),
                "--repo",
                dir.toString()));
        return command;
    }
}
