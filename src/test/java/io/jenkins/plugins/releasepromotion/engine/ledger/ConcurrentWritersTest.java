package io.jenkins.plugins.releasepromotion.engine.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.releasepromotion.engine.model.Outcome;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass
@EnumSource(LedgerKind.class)
@Timeout(120)
class ConcurrentWritersTest {
    private static final int PROCESSES = 4;
    private static final int THREADS = 8;
    private static final int RECORDS = 50;

    @Parameter
    LedgerKind kind;

    @TempDir
    Path scratch;

    private LedgerStore store;

    @BeforeEach
    void createStore() {
        store = LedgerStore.create(kind, scratch);
    }

    @AfterEach
    void closeStore() throws Exception {
        store.close();
    }

    private final List<String> warnings = Collections.synchronizedList(new ArrayList<>());

    @Test
    void manyProcessesWithManyThreadsWriteEveryRecordExactlyOnce() throws Exception {
        List<ChildJvm> children = new ArrayList<>();
        Set<String> reported = new HashSet<>();
        try {
            for (int p = 0; p < PROCESSES; p++) {
                children.add(ChildJvm.start(
                        scratch,
                        store.childEnvironment(),
                        "append",
                        store.spec(),
                        "staging",
                        "" + THREADS,
                        "" + RECORDS,
                        "single"));
            }
            for (ChildJvm child : children) {
                child.await("READY");
            }
            for (ChildJvm child : children) {
                child.send("go");
            }
            for (ChildJvm child : children) {
                for (String line = child.readLine(); !"DONE".equals(line); line = child.readLine()) {
                    assertThat(line)
                            .as("output of a writer; errors: %s", child.errors())
                            .startsWith("F ");
                    reported.add(line.substring(2));
                }
                assertThat(child.waitFor()).isZero();
            }
        } finally {
            for (ChildJvm child : children) {
                child.close();
            }
        }

        assertThat(reported).hasSize(PROCESSES * THREADS * RECORDS);
        assertEveryRecordStoredOnce("staging", reported);
    }

    @Test
    void manyThreadsAndTwoLedgerObjectsInOneJvmWriteEveryRecordExactlyOnceWhileOthersRead() throws Exception {
        List<Ledger> ledgers = List.of(store.open(warnings::add), store.open(warnings::add));
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS + 2);
        List<Future<List<String>>> results = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            Ledger ledger = ledgers.get(t % 2);
            results.add(pool.submit(() -> {
                go.await();
                List<String> ids = new ArrayList<>();
                for (int n = 0; n < RECORDS; n++) {
                    LedgerRecord r = Records.verified("qa", 1, "v1.0." + n, "c", Outcome.SUCCEEDED);
                    ledger.append(r);
                    ids.add(r.id());
                }
                return ids;
            }));
        }
        CountDownLatch writersDone = new CountDownLatch(1);
        List<Future<Integer>> readers = new ArrayList<>();
        for (Ledger ledger : ledgers) {
            readers.add(pool.submit(() -> readUntil(writersDone, ledger)));
        }
        go.countDown();
        Set<String> written = new HashSet<>();
        for (Future<List<String>> result : results) {
            written.addAll(result.get());
        }
        writersDone.countDown();
        for (Future<Integer> reader : readers) {
            assertThat(reader.get()).as("reads while writing").isPositive();
        }
        pool.shutdown();

        assertThat(written).hasSize(THREADS * RECORDS);
        assertEveryRecordStoredOnce("qa", written);
    }

    /** Reads over and over while the writers work: the history only ever grows, and always by whole records. */
    private static int readUntil(CountDownLatch done, Ledger ledger) {
        int reads = 0;
        int seen = 0;
        do {
            List<LedgerRecord> history = ledger.history("qa");
            assertThat(history).hasSizeGreaterThanOrEqualTo(seen).allMatch(r -> r.isSucceeded());
            assertThat(ledger.attestations("qa", "v1.0.0", "c")).hasSizeLessThanOrEqualTo(THREADS);
            seen = history.size();
            reads++;
        } while (done.getCount() > 0);
        return reads;
    }

    private void assertEveryRecordStoredOnce(String environment, Set<String> ids) throws Exception {
        List<LedgerRecord> history = store.open(warnings::add).history(environment);
        assertThat(history).extracting(LedgerRecord::id).doesNotHaveDuplicates();
        assertThat(history).extracting(LedgerRecord::id).containsExactlyInAnyOrderElementsOf(ids);
        if (kind == LedgerKind.FILE) {
            List<String> lines =
                    Files.readAllLines(store.directory().resolve(environment + ".jsonl"), StandardCharsets.US_ASCII);
            assertThat(lines)
                    .hasSameSizeAs(ids)
                    .allSatisfy(line -> assertThat(line).startsWith("{\"id\":").matches(".*\"crc\":\"[0-9a-f]{8}\"}"));
        } else {
            try (Connection c = store.connect();
                    PreparedStatement s =
                            c.prepareStatement("SELECT count(*) FROM ledger_record WHERE environment = ?")) {
                s.setString(1, environment);
                try (ResultSet r = s.executeQuery()) {
                    assertThat(r.next()).isTrue();
                    assertThat(r.getInt(1)).isEqualTo(ids.size());
                }
            }
        }
        assertThat(warnings).isEmpty();
    }
}
