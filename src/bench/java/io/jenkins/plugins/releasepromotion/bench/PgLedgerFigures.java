package io.jenkins.plugins.releasepromotion.bench;

import io.jenkins.plugins.releasepromotion.engine.ledger.DeploymentLock;
import io.jenkins.plugins.releasepromotion.engine.ledger.JsonLinesLedger;
import io.jenkins.plugins.releasepromotion.engine.ledger.Ledger;
import io.jenkins.plugins.releasepromotion.engine.ledger.LedgerFixture;
import io.jenkins.plugins.releasepromotion.engine.ledger.LedgerLookupBenchmark;
import io.jenkins.plugins.releasepromotion.engine.ledger.LedgerRecord;
import io.jenkins.plugins.releasepromotion.engine.ledger.RecordKind;
import io.jenkins.plugins.releasepromotion.engine.ledger.postgres.PostgresCluster;
import io.jenkins.plugins.releasepromotion.engine.ledger.postgres.PostgresLedger;
import io.jenkins.plugins.releasepromotion.engine.ledger.postgres.PostgresLedgerFixture;
import io.jenkins.plugins.releasepromotion.engine.ledger.postgres.PostgresLookupBenchmark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.util.Statistics;

/**
 * Figure 7: the shared ledger on a PostgreSQL of the benchmark's own (Debian's packages, a temporary folder, loopback,
 * with fsync and synchronous commit on, as a production server runs): the look-ups at a thousand and a million records
 * beside the file ledger's, appends per second with 1 and 20 writers beside one file-ledger writer and what the server
 * itself takes here ({@code pgbench}), the deployment lock's acquire and release, and opening the ledger.
 */
final class PgLedgerFigures {
    private static final int SMALL = 1_000;
    private static final int LARGE = 1_000_000;
    private static final int APPENDS = 2_000;
    private static final int FILE_APPENDS = 500;
    private static final int PGBENCH_SECONDS = 5;
    private static final int WRITERS = 20;
    private static final int ROUNDS = 5;
    private static final int LOCKS = 500;
    private static final int OPENS = 30;

    private final Path dir;

    PgLedgerFigures(Path dir) {
        this.dir = dir;
    }

    List<Figure> run() throws Exception {
        PostgresCluster cluster = PostgresCluster.shared();
        System.out.println("Loading PostgreSQL ledgers of " + SMALL + " and " + LARGE + " records ...");
        long start = System.nanoTime();
        PostgresCluster.Database small = PostgresLedgerFixture.ledger(cluster, SMALL);
        PostgresCluster.Database large = PostgresLedgerFixture.ledger(cluster, LARGE);
        System.out.printf("loaded in %.0f s%n", (System.nanoTime() - start) / 1e9);
        // The tests' cluster runs without fsync; the figures are taken as a production server runs.
        cluster.admin(
                "postgres",
                "ALTER SYSTEM SET fsync = on",
                "ALTER SYSTEM SET synchronous_commit = on",
                "ALTER SYSTEM SET full_page_writes = on",
                "SELECT pg_reload_conf()");
        List<Figure> figures = new ArrayList<>(lookups(small, large));
        figures.addAll(appends(cluster));
        figures.add(locks(cluster));
        figures.add(opens(cluster));
        return figures;
    }

    /** JMH: the three look-ups on both ledgers at both sizes. */
    private List<Figure> lookups(PostgresCluster.Database small, PostgresCluster.Database large) throws Exception {
        LedgerFixture.ledger(dir, SMALL);
        LedgerFixture.ledger(dir, LARGE);
        var results = new Runner(new OptionsBuilder()
                        .include(PostgresLookupBenchmark.class.getName())
                        .include(LedgerLookupBenchmark.class.getName())
                        .jvmArgsAppend(
                                "-Dbench.dir=" + dir,
                                "-Dbench.pg." + SMALL + "=" + where(small),
                                "-Dbench.pg." + LARGE + "=" + where(large))
                        .build())
                .run();
        Map<String, Statistics> by = new HashMap<>();
        for (RunResult result : results) {
            String name = result.getParams().getBenchmark();
            by.put(
                    name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1) + "@"
                            + result.getParams().getParam("records"),
                    result.getPrimaryResult().getStatistics());
        }
        List<Figure> figures = new ArrayList<>();
        for (String lookup : List.of("whatRunsInProduction", "lastGoodTag", "attestations")) {
            Stats pgLarge = millis(by.get("PostgresLookupBenchmark." + lookup + "@" + LARGE));
            Stats pgSmall = millis(by.get("PostgresLookupBenchmark." + lookup + "@" + SMALL));
            Stats fileLarge = millis(by.get("LedgerLookupBenchmark." + lookup + "@" + LARGE));
            figures.add(new Figure(
                    "Shared ledger look-up " + lookup + " at 1M records, vs the file ledger (ms per call)",
                    pgLarge.format("ms"),
                    fileLarge.format("ms") + " (file ledger, 1M)",
                    pgLarge.median() / fileLarge.median(),
                    "≤ 2 ms median",
                    pgLarge.median() <= 2));
            double growth = pgLarge.median() / pgSmall.median();
            figures.add(new Figure(
                    "Shared ledger look-up " + lookup + " at 1M records vs 1k (ms per call)",
                    pgLarge.format("ms"),
                    pgSmall.format("ms") + " at 1k",
                    growth,
                    "< 2",
                    growth < 2));
        }
        return figures;
    }

    private static String where(PostgresCluster.Database database) {
        return PostgresLedgerFixture.url(database) + " " + database.password();
    }

    /** Appends per second: 1 and 20 writers on the shared ledger (one ledger object each), one on the file ledger. */
    private List<Figure> appends(PostgresCluster cluster) throws Exception {
        double[] file = new double[ROUNDS];
        double[] one = new double[ROUNDS];
        double[] many = new double[ROUNDS];
        double[] spread = new double[ROUNDS];
        double[] server = new double[ROUNDS];
        // A first round, not counted, warms up the code every writer runs (this JVM ran nothing before: JMH forks).
        for (int round = -1; round < ROUNDS; round++) {
            double f =
                    rate(List.of(new JsonLinesLedger(Files.createTempDirectory(dir, "appends"))), false, FILE_APPENDS);
            PostgresCluster.Database database = cluster.newDatabase();
            double o = rate(open(database, 1), false, APPENDS / 10);
            double m = rate(open(database, WRITERS), false, APPENDS / WRITERS);
            double s = rate(open(database, WRITERS), true, APPENDS / WRITERS);
            double b = PostgresLedgerFixture.pgbench(database, dir, WRITERS, PGBENCH_SECONDS);
            System.out.printf(
                    "appends %s: file %.0f/s, shared 1 writer %.0f/s, 20 writers %.0f/s (one environment),"
                            + " %.0f/s (20 environments); pgbench, 20 clients: %.0f/s%n",
                    round < 0 ? "warm-up (not counted)" : "round " + (round + 1), f, o, m, s, b);
            if (round >= 0) {
                file[round] = f;
                one[round] = o;
                many[round] = m;
                spread[round] = s;
                server[round] = b;
            }
        }
        Stats f = Stats.of(file);
        Stats o = Stats.of(one);
        Stats m = Stats.of(many);
        Stats s = Stats.of(spread);
        Stats b = Stats.of(server);
        return List.of(
                new Figure(
                        "Shared ledger appends, 1 writer (per second)",
                        o.format("/s"),
                        f.format("/s") + " (one file-ledger writer)",
                        o.median() / f.median(),
                        "none set",
                        true),
                new Figure(
                        "Shared ledger appends, 20 writers on one environment (per second)",
                        m.format("/s"),
                        f.format("/s") + " (one file-ledger writer)",
                        m.median() / f.median(),
                        "≥ 5",
                        m.median() / f.median() >= 5),
                new Figure(
                        "Shared ledger appends, 20 writers on 20 environments (per second)",
                        s.format("/s"),
                        f.format("/s") + " (one file-ledger writer)",
                        s.median() / f.median(),
                        "≥ 5",
                        s.median() / f.median() >= 5),
                new Figure(
                        "What the server takes on this machine: pgbench, 20 clients inserting the ledger's rows, vs one"
                                + " file-ledger writer (per second)",
                        b.format("/s"),
                        f.format("/s") + " (one file-ledger writer)",
                        b.median() / f.median(),
                        "none set (the ceiling of 7i here)",
                        true));
    }

    private static List<Ledger> open(PostgresCluster.Database database, int writers) {
        List<Ledger> ledgers = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            ledgers.add(database.open());
        }
        return ledgers;
    }

    /** Appends per second, each writer appending {@code each} records at once; the ledgers are closed after. */
    private static double rate(List<Ledger> writers, boolean ownEnvironment, int each) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(writers.size());
        try {
            // One append each first: connections opened, statements prepared.
            run(pool, writers, ownEnvironment, 1);
            long start = System.nanoTime();
            run(pool, writers, ownEnvironment, each);
            return writers.size() * each / ((System.nanoTime() - start) / 1e9);
        } finally {
            pool.shutdown();
            for (Ledger l : writers) {
                if (l instanceof AutoCloseable c) {
                    c.close();
                }
            }
        }
    }

    private static void run(ExecutorService pool, List<Ledger> writers, boolean ownEnvironment, int each)
            throws Exception {
        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < writers.size(); w++) {
            Ledger ledger = writers.get(w);
            String environment = ownEnvironment ? "env" + w : "staging";
            int slot = 1 + w;
            done.add(pool.submit(() -> {
                for (int i = 0; i < each; i++) {
                    ledger.append(LedgerRecord.started(
                                    RecordKind.DEPLOYMENT,
                                    environment,
                                    slot,
                                    LedgerFixture.tag(i),
                                    LedgerFixture.commit(i),
                                    "ci",
                                    Instant.now())
                            .withBuildUrl("https://jenkins.example.com/job/release/" + i + "/"));
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
    }

    /** Milliseconds to take and give back the deployment lock of one slot, against the file ledger's lock. */
    private Figure locks(PostgresCluster cluster) throws Exception {
        JsonLinesLedger file = new JsonLinesLedger(Files.createTempDirectory(dir, "locks"));
        double[] ours;
        try (PostgresLedger shared = cluster.newDatabase().open()) {
            ours = lockTimes(shared);
        }
        Stats o = Stats.of(ours);
        Stats b = Stats.of(lockTimes(file));
        return new Figure(
                "Shared ledger deployment lock, acquire and release (ms)",
                o.format("ms"),
                b.format("ms") + " (file ledger's lock)",
                o.median() / b.median(),
                "none set",
                true);
    }

    private static double[] lockTimes(Ledger ledger) {
        for (int i = 0; i < 20; i++) {
            ledger.lock("production", null, "bench").close();
        }
        double[] times = new double[LOCKS];
        for (int i = 0; i < LOCKS; i++) {
            long start = System.nanoTime();
            DeploymentLock lock = ledger.lock("production", null, "bench");
            lock.close();
            times[i] = (System.nanoTime() - start) / 1e6;
        }
        return times;
    }

    /** Milliseconds to open the shared ledger (connect, check the schema) and close it, as each step does. */
    private Figure opens(PostgresCluster cluster) throws Exception {
        PostgresCluster.Database database = cluster.newDatabase();
        database.open().close();
        double[] times = new double[OPENS];
        for (int i = 0; i < OPENS; i++) {
            long start = System.nanoTime();
            try (PostgresLedger ledger = database.open()) {
                ledger.current("production", null);
            }
            times[i] = (System.nanoTime() - start) / 1e6;
        }
        double[] file = new double[OPENS];
        for (int i = 0; i < OPENS; i++) {
            long start = System.nanoTime();
            new JsonLinesLedger(LedgerFixture.ledger(dir, SMALL)).current("production", null);
            file[i] = (System.nanoTime() - start) / 1e6;
        }
        Stats o = Stats.of(times);
        Stats b = Stats.of(file);
        return new Figure(
                "Opening the shared ledger and one look-up, as a step does (ms)",
                o.format("ms"),
                b.format("ms") + " (file ledger, 1k)",
                o.median() / b.median(),
                "none set",
                true);
    }

    private static Stats millis(Statistics s) {
        // PostgresLookupBenchmark samples single calls; LedgerLookupBenchmark averages per iteration. Both in µs.
        return new Stats(s.getMin() / 1000, s.getPercentile(50) / 1000, s.getMax() / 1000, (int) s.getN());
    }
}
