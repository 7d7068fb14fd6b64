package io.jenkins.plugins.releasepromotion.action;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.releasepromotion.engine.config.ConfigLoader;
import io.jenkins.plugins.releasepromotion.engine.config.ReleaseConfig;
import io.jenkins.plugins.releasepromotion.engine.ledger.JsonLinesLedger;
import io.jenkins.plugins.releasepromotion.engine.ledger.Ledger;
import io.jenkins.plugins.releasepromotion.engine.ledger.LedgerRecord;
import io.jenkins.plugins.releasepromotion.engine.ledger.RecordKind;
import io.jenkins.plugins.releasepromotion.engine.model.Outcome;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A view of the Releases page reads the recent end of each ledger, never a whole history. */
class ReleasesPageTest {
    static final Instant T = Instant.parse("2026-11-20T10:00:00Z");
    static final ReleaseConfig CONFIG = ConfigLoader.parse(
            """
            environments:
              - name: staging
                slots: 2
                deploy: {script: {command: [./deploy.sh]}}
              - name: production
                deploy: {script: {command: [./deploy.sh]}}
            """,
            "test");

    @TempDir
    Path dir;

    final AtomicInteger recordsRead = new AtomicInteger();

    @Test
    void aViewReadsABoundedNumberOfRecordsHoweverLongTheLedger() {
        JsonLinesLedger ledger = new JsonLinesLedger(dir);
        for (int i = 0; i < 500; i++) {
            deploy(ledger, "staging", 1 + i % 2, i);
            deploy(ledger, "production", null, i);
        }

        List<ReleasesPage.Row> rows = ReleasesPage.rows(CONFIG, counting(ledger));

        assertThat(rows)
                .extracting(ReleasesPage.Row::getWhere)
                .containsExactly("staging slot 1", "staging slot 2", "production");
        assertThat(rows).allSatisfy(row -> assertThat(row.getHistory()).hasSize(ReleasesPage.HISTORY));
        assertThat(rows.get(0).getHistory()).allMatch(r -> r.isAt(1));
        assertThat(rows.get(0).getHistory().get(0).tag()).isEqualTo("v1.0.498");
        assertThat(rows.get(1).getHistory().get(0).tag()).isEqualTo("v1.0.499");
        assertThat(rows.get(2).getHistory().get(0).tag()).isEqualTo("v1.0.499");
        // Three slots of ten records, and what the status of each slot reads: far from the 1,500 records of the
        // ledgers.
        assertThat(recordsRead.get()).isLessThanOrEqualTo(3 * ReleasesPage.HISTORY + 10);
    }

    @Test
    void aSlotIdleForLongStopsTheReadingAtTheLimit() {
        JsonLinesLedger ledger = new JsonLinesLedger(dir);
        deploy(ledger, "staging", 2, 0);
        for (int i = 1; i < 1000; i++) {
            deploy(ledger, "staging", 1, i);
        }

        RecentHistory recent = RecentHistory.read(counting(ledger), "staging", List.of(1, 2), ReleasesPage.HISTORY);

        assertThat(recent.of(1)).hasSize(ReleasesPage.HISTORY);
        assertThat(recent.of(2)).isEmpty();
        assertThat(recordsRead.get()).isEqualTo(RecentHistory.READ_LIMIT);
    }

    @Test
    void aBreakGlassPromotionIsMarkedInItsRow() {
        JsonLinesLedger ledger = new JsonLinesLedger(dir);
        deploy(ledger, "staging", 1, 0);
        List<LedgerRecord.Approver> approvers = List.of(
                new LedgerRecord.Approver("carol", "input submitted on job/app/7/"),
                new LedgerRecord.Approver("bob", "input submitted on job/app/7/"));
        ledger.append(LedgerRecord.started(RecordKind.DEPLOYMENT, "staging", 1, "v1.0.1", "c1", "carol", T)
                .withApprovals(approvers, "on-call alone during the outage")
                .finish(Outcome.SUCCEEDED, T.plusSeconds(5)));
        deploy(ledger, "staging", 1, 2);

        List<LedgerRecord> history = ReleasesPage.rows(CONFIG, ledger).get(0).getHistory();

        assertThat(history)
                .extracting(ReleasesPage::approval)
                .containsExactly(null, "carol, bob (BREAK-GLASS: on-call alone during the outage)", null);
    }

    static void deploy(Ledger ledger, String environment, Integer slot, int i) {
        ledger.append(
                LedgerRecord.started(RecordKind.DEPLOYMENT, environment, slot, "v1.0." + i, "c" + i, "app#" + i, T)
                        .finish(Outcome.SUCCEEDED, T.plusSeconds(i)));
    }

    /** The ledger itself, counting every record it hands out whole. */
    @SuppressWarnings("unchecked")
    Ledger counting(Ledger real) {
        return (Ledger)
                Proxy.newProxyInstance(Ledger.class.getClassLoader(), new Class<?>[] {Ledger.class}, (p, m, a) -> {
                    if (m.getName().equals("newestFirst")) {
                        Predicate<LedgerRecord> more = (Predicate<LedgerRecord>) a[1];
                        a[1] = (Predicate<LedgerRecord>) r -> {
                            recordsRead.incrementAndGet();
                            return more.test(r);
                        };
                    }
                    try {
                        Object answer = m.invoke(real, a);
                        if (m.getName().equals("history")) {
                            recordsRead.addAndGet(((List<?>) answer).size());
                        }
                        return answer;
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
