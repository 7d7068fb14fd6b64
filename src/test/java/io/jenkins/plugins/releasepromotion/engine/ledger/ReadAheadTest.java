package io.jenkins.plugins.releasepromotion.engine.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.releasepromotion.engine.model.Outcome;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A long newest-first scan read partly on a thread of its own gives what a scan on the caller's thread gives: the same
 * records in the same order, the same warnings on the caller's thread among them, nothing after the caller said no,
 * and no thread or open file left when it returns.
 */
class ReadAheadTest {
    private static final String THREAD = "release-promotion ledger read-ahead";
    private static final int RECORDS = 3_000;

    @TempDir
    Path dir;

    private Path file;
    private final List<String> warnings = new ArrayList<>();
    private final List<Thread> warnedOn = new ArrayList<>();

    @BeforeEach
    void writeALedgerWithDamageAndATornTail() throws IOException {
        LedgerCodec codec = new LedgerCodec();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < RECORDS; i++) {
            LedgerRecord started = LedgerRecord.started(
                    RecordKind.DEPLOYMENT, "production", null, "v1." + i, "c" + i, "ci", Records.T0.plusSeconds(i));
            out.write(codec.encode(started));
            byte[] finished = codec.encode(started.finish(Outcome.SUCCEEDED, Records.T0.plusSeconds(i + 1)));
            if (i % 500 == 7) {
                // A damaged line: its checksum no longer matches, so it is told of and passed over.
                finished[finished.length - 20] ^= 1;
            }
            out.write(finished);
            if (i % 900 == 5) {
                // A sound line of another environment: told of while it is decoded, on the caller's thread.
                out.write(codec.encode(Records.deployed("staging", 1, "v0." + i, "s" + i, Outcome.SUCCEEDED)));
            }
            if (i % 700 == 3) {
                // A line written by hand, without a checksum: read as it is.
                out.write(("{\"id\":\"hand-" + i + "\",\"kind\":\"DEPLOYMENT\",\"phase\":\"FINISHED\","
                                + "\"environment\":\"production\",\"outcome\":\"SUCCEEDED\","
                                + "\"startedAt\":\"2025-01-22T10:30:00Z\",\"finishedAt\":\"2025-01-22T10:31:00Z\"}\n")
                        .getBytes(StandardCharsets.US_ASCII));
            }
        }
        out.write("{\"id\":\"torn".getBytes(StandardCharsets.US_ASCII));
        file = dir.resolve("production.jsonl");
        Files.write(file, out.toByteArray());
    }

    @Test
    void givesTheRecordsAndWarningsOfAScanOnTheCallersThread() {
        Scan alone = scan(Integer.MAX_VALUE, r -> true);

        assertThat(alone.records).hasSize(RECORDS + 5 - 6);
        assertThat(alone.warnings)
                .hasSize(11)
                .anyMatch(w -> w.contains("it belongs to the environment"))
                .last()
                .asString()
                .contains("ends with an incomplete record");
        for (int inline : new int[] {0, 1, 100, 5_000}) {
            Scan ahead = scan(inline, r -> true);

            assertThat(ahead.records).as("after %d lines inline", inline).isEqualTo(alone.records);
            assertThat(ahead.warnings).as("after %d lines inline", inline).isEqualTo(alone.warnings);
            assertThat(warnedOn).containsOnly(Thread.currentThread());
        }
        assertNothingLeft();
    }

    @Test
    void stopsWhereTheCallerSaysNoAndLeavesNothingOpen() throws IOException {
        Scan alone = scan(Integer.MAX_VALUE, firstOf(1_234));
        Scan ahead = scan(0, firstOf(1_234));

        assertThat(ahead.records).hasSize(1_234).isEqualTo(alone.records);
        assertThat(ahead.asked).isEqualTo(1_234);
        assertThat(ahead.warnings).isEqualTo(alone.warnings);
        assertNothingLeft();
    }

    @Test
    void aFailureOfTheCallerGoesUpAfterTheReadingThreadEnded() throws IOException {
        Predicate<LedgerRecord> failing = r -> {
            throw new IllegalStateException("the caller's own failure");
        };

        assertThatThrownBy(() -> scan(0, failing)).hasMessage("the caller's own failure");
        assertThat(warnings).last().asString().contains("ends with an incomplete record");
        assertNothingLeft();
    }

    @Test
    void anInterruptDoesNotCutTheReadShortAndIsKept() {
        Scan alone = scan(Integer.MAX_VALUE, r -> true);
        Predicate<LedgerRecord> interrupting = r -> {
            Thread.currentThread().interrupt();
            return true;
        };

        Scan ahead = scan(0, interrupting);

        assertThat(Thread.interrupted()).isTrue();
        assertThat(ahead.records).isEqualTo(alone.records);
        assertNothingLeft();
    }

    private record Scan(List<LedgerRecord> records, List<String> warnings, int asked) {}

    private Scan scan(int inline, Predicate<LedgerRecord> more) {
        warnings.clear();
        warnedOn.clear();
        LedgerFile ledger = new LedgerFile(file, "production", new LedgerCodec(), line -> {
            warnings.add(line);
            warnedOn.add(Thread.currentThread());
        });
        List<LedgerRecord> records = new ArrayList<>();
        int[] asked = {0};
        ledger.scanNow(
                true,
                List.of(CanonicalLine.FINISHED),
                r -> {
                    asked[0]++;
                    records.add(r);
                    return more.test(r);
                },
                inline);
        return new Scan(records, List.copyOf(warnings), asked[0]);
    }

    private static Predicate<LedgerRecord> firstOf(int count) {
        int[] seen = {0};
        return r -> ++seen[0] < count;
    }

    private void assertNothingLeft() {
        assertThat(Thread.getAllStackTraces().keySet())
                .noneMatch(t -> t.getName().equals(THREAD) && t.isAlive());
        assertThat(openFiles()).doesNotContain(file.toString());
    }

    /** What this process holds open, as Linux lists it. */
    private static List<String> openFiles() {
        List<String> open = new ArrayList<>();
        try (var fds = Files.list(Path.of("/proc/self/fd"))) {
            fds.forEach(fd -> {
                try {
                    open.add(Files.readSymbolicLink(fd).toString());
                } catch (IOException e) {
                    // Closed while listed.
                }
            });
        } catch (IOException e) {
            throw new IllegalStateException("Cannot list /proc/self/fd", e);
        }
        return open;
    }
}
