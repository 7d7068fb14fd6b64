package io.jenkins.plugins.releasepromotion.engine.ledger.postgres;

import io.jenkins.plugins.releasepromotion.engine.ledger.LedgerFixture;
import io.jenkins.plugins.releasepromotion.engine.ledger.LedgerRecord;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The look-ups of {@code LedgerLookupBenchmark} on the shared ledger, at a thousand and a million records: what runs in
 * production, the last good tag before it, the attestations of a recent release on staging. One ledger object per
 * trial, open, as a step's run or a command keeps it for its look-ups; each call is sampled, so the median is per call.
 * The databases come from the figure ({@code bench.pg.<records>} is {@code URL password}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
        value = 1,
        jvmArgs = {"-Xmx512m"})
public class PostgresLookupBenchmark {
    @Param({"1000", "1000000"})
    int records;

    private PostgresLedger ledger;
    private String recentTag;
    private String recentCommit;

    @Setup(Level.Trial)
    public void open() {
        String[] where = System.getProperty("bench.pg." + records).split(" ");
        ledger = PostgresLedger.open(PostgresTarget.parse(where[0]), null, where[1].toCharArray());
        int last = LedgerFixture.releases(records) - 1;
        recentTag = LedgerFixture.tag(last);
        recentCommit = LedgerFixture.commit(last);
    }

    @TearDown(Level.Trial)
    public void close() {
        ledger.close();
    }

    @Benchmark
    public Optional<LedgerRecord> whatRunsInProduction() {
        return ledger.current(LedgerFixture.PRODUCTION, null);
    }

    @Benchmark
    public Optional<LedgerRecord> lastGoodTag() {
        return ledger.lastGoodBefore(LedgerFixture.PRODUCTION, null, recentTag);
    }

    @Benchmark
    public List<LedgerRecord> attestations() {
        return ledger.attestations(LedgerFixture.STAGING, recentTag, recentCommit);
    }
}
