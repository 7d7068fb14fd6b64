package io.jenkins.plugins.releasepromotion.engine.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
@Timeout(300)
class KilledWriterTest {
    private static final Pattern COMMITTED = Pattern.compile("([SF]) ([0-9a-f-]{36})");
    // A database writer boots slower (it checks the schema), so it is killed in fewer rounds.
    private static final int FILE_ROUNDS = 15;
    private static final int DATABASE_ROUNDS = 6;
    private static final int WRITERS = 2;

    @Parameter
    LedgerKind kind;

    @TempDir
    Path scratch;

    private LedgerStore store;

    @BeforeEach
    void createStore() {
        store = LedgerStore.create(kind, scratch);
    }

    private final List<ChildJvm> children = new ArrayList<>();
    private final Set<String> startedIds = new HashSet<>();
    private final Set<String> finishedIds = new HashSet<>();

    @AfterEach
    void killLeftovers() throws Exception {
        for (ChildJvm child : children) {
            child.close();
        }
        store.close();
    }

    @Test
    void writersKilledAtAnyMomentLoseNothingTheyReportedAndDamageNothing() throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        int rounds = kind == LedgerKind.FILE ? FILE_ROUNDS : DATABASE_ROUNDS;
        List<ChildJvm> next = writers();
        for (int round = 1; round <= rounds; round++) {
            List<ChildJvm> current = next;
            for (ChildJvm child : current) {
                child.await("READY");
            }
            // The next writers boot while these write.
            next = round < rounds ? writers() : List.of();
            for (ChildJvm child : current) {
                child.send("go");
            }
            for (ChildJvm child : current) {
                killAfterSomeRecords(child, 1 + random.nextInt(12));
            }
            checkLedger("round " + round + " of seed " + seed);
        }
        assertThat(finishedIds).hasSizeGreaterThanOrEqualTo(rounds * WRITERS);
    }

    private List<ChildJvm> writers() throws IOException {
        List<ChildJvm> started = new ArrayList<>();
        for (int i = 0; i < WRITERS; i++) {
            started.add(ChildJvm.start(
                    scratch, store.childEnvironment(), "append", store.spec(), "production", "1", "-1", "pairs"));
        }
        children.addAll(started);
        return started;
    }

    private void killAfterSomeRecords(ChildJvm child, int wanted) throws IOException, InterruptedException {
        int before = finishedIds.size();
        while (finishedIds.size() - before < wanted) {
            String line = child.readLine();
            assertThat(line).as("writer output; errors: %s", child.errors()).isNotNull();
            record(line);
        }
        child.kill();
        // Whatever it printed before dying was durable before it was printed.
        for (String line = child.readLine(); line != null; line = child.readLine()) {
            record(line);
        }
    }

    private void record(String line) {
        Matcher m = COMMITTED.matcher(line);
        if (m.matches()) {
            (m.group(1).equals("S") ? startedIds : finishedIds).add(m.group(2));
        }
    }

    private void checkLedger(String why) {
        List<String> warnings = new ArrayList<>();
        Ledger ledger = store.open(warnings::add);
        Set<String> started = new HashSet<>();
        Set<String> finished = new HashSet<>();
        for (LedgerRecord r : ledger.history("production")) {
            boolean unique = (r.isFinished() ? finished : started).add(r.id());
            assertThat(unique)
                    .as("%s: %s %s appears once", why, r.phase(), r.id())
                    .isTrue();
        }
        assertThat(started).as(why).containsAll(startedIds).containsAll(finished);
        assertThat(finished).as(why).containsAll(finishedIds);
        assertThat(warnings).as(why).allSatisfy(w -> assertThat(w).contains("incomplete record"));
        assertThat(ledger.interrupted("production")).as(why).allSatisfy(r -> assertThat(finishedIds)
                .doesNotContain(r.id()));
    }
}
