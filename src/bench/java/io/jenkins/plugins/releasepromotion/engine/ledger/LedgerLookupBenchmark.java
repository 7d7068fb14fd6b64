package io.jenkins.plugins.releasepromotion.engine.ledger;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The look-ups the gates and status make, on a ledger of a thousand and of a million records: what runs in production,
 * the last good tag before it, and the attestations of a recent release on staging. A fresh ledger object per call,
 * as a command line or a build step has.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
        value = 1,
        jvmArgs = {"-Xmx512m"})
public class LedgerLookupBenchmark {
    @Param({"1000", "1000000"})
    int records;

    private Path dir;
    private String recentTag;
    private String recentCommit;

    @Setup
    public void ledger() throws IOException {
        dir = LedgerFixture.ledger(Path.of(System.getProperty("bench.dir", "target/bench")), records);
        int last = LedgerFixture.releases(records) - 1;
        recentTag = LedgerFixture.tag(last);
        recentCommit = LedgerFixture.commit(last);
    }

    @Benchmark
    public Optional<LedgerRecord> whatRunsInProduction() {
        return new JsonLinesLedger(dir).current(LedgerFixture.PRODUCTION, null);
    }

    @Benchmark
    public Optional<LedgerRecord> lastGoodTag() {
        return new JsonLinesLedger(dir).lastGoodBefore(LedgerFixture.PRODUCTION, null, recentTag);
    }

    @Benchmark
    public List<LedgerRecord> attestations() {
        return new JsonLinesLedger(dir).attestations(LedgerFixture.STAGING, recentTag, recentCommit);
    }
}
