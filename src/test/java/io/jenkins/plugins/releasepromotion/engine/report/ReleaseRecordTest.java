package io.jenkins.plugins.releasepromotion.engine.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.releasepromotion.engine.ledger.JsonLinesLedger;
import io.jenkins.plugins.releasepromotion.engine.ledger.Ledger;
import io.jenkins.plugins.releasepromotion.engine.ledger.LedgerRecord;
import io.jenkins.plugins.releasepromotion.engine.ledger.RecordKind;
import io.jenkins.plugins.releasepromotion.engine.model.Outcome;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReleaseRecordTest {
    private static final double HOUR = 3_600;

    @TempDir
    Path dir;

    private ReleaseReport report() {
        Ledger ledger = ReportFixture.write(dir);
        return new ReleaseRecord(ReportFixture.config(), ledger, CommitTimes.recorded())
                .read(ReportFixture.WINDOW, ReportFixture.NOW);
    }

    @Test
    void deploymentFrequencyCountsSuccessfulProductionDeploymentsPerWeek() {
        Figure frequency = report().figures().deploymentFrequency();

        assertThat(frequency.value()).isEqualTo(1.0);
        assertThat(frequency.counted()).isEqualTo(4);
        assertThat(frequency.weekly()).containsExactly(1.0, 0.0, 1.0, 2.0);
        assertThat(frequency.rows())
                .extracting(r -> r.record().tag())
                .containsExactly("v1.2.2", "v1.2.0", "v1.1.1", "v1.0.0");
    }

    @Test
    void leadTimeIsTheMedianFromCommitToProductionSuccess() {
        Figure lead = report().figures().leadTime();

        assertThat(lead.value()).isEqualTo(18 * HOUR);
        assertThat(lead.weekly()).containsExactly(12 * HOUR, null, 24 * HOUR, 21 * HOUR);
        assertThat(lead.rows()).extracting(FigureRow::value).containsExactly(6 * HOUR, 36 * HOUR, 24 * HOUR, 12 * HOUR);
        assertThat(lead.note()).isNull();
    }

    @Test
    void changeFailureRateCountsFailedDeploysVerificationsAndRollbacks() {
        Figure rate = report().figures().changeFailureRate();

        assertThat(rate.value()).isEqualTo(0.5);
        assertThat(rate.counted()).isEqualTo(6);
        assertThat(rate.weekly()).containsExactly(0.0, 1.0, 0.0, 2 / 3.0);
        assertThat(rate.rows())
                .filteredOn(r -> r.value() == 1.0)
                .extracting(r -> r.record().tag())
                .containsExactly("v1.2.1", "v1.2.0", "v1.1.0");
        assertThat(rate.rows())
                .filteredOn(r -> r.record().tag().equals("v1.2.0"))
                .singleElement()
                .satisfies(r -> assertThat(r.related().kind()).isEqualTo(RecordKind.ROLLBACK));
    }

    @Test
    void timeToRestoreRunsFromAFailureToTheNextGoodState() {
        Figure restore = report().figures().timeToRestore();

        assertThat(restore.value()).isEqualTo(HOUR);
        assertThat(restore.counted()).isEqualTo(3);
        assertThat(restore.weekly()).containsExactly(null, 0.25 * HOUR, null, 2.5 * HOUR);
        assertThat(restore.rows()).extracting(FigureRow::value).containsExactly(null, 4 * HOUR, HOUR, 0.25 * HOUR);
        assertThat(restore.note()).isEqualTo("1 failures not restored yet");
    }

    @Test
    void tilesShowWhatRunsWithItsLastVerificationAndFlags() {
        List<Tile> tiles = report().tiles();

        assertThat(tiles).extracting(Tile::where).containsExactly("staging slot 1", "staging slot 2", "production");
        Tile staging1 = tiles.get(0);
        assertThat(staging1.current().tag()).isEqualTo("v1.2.2");
        assertThat(staging1.lastVerification().outcome()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(staging1.uncertain()).isNull();
        Tile staging2 = tiles.get(1);
        assertThat(staging2.current().tag()).isEqualTo("v1.2.0");
        assertThat(staging2.uncertain()).contains("v1.2.1", "DEPLOY_FAILED");
        Tile production = tiles.get(2);
        assertThat(production.current().tag()).isEqualTo("v1.2.2");
        assertThat(production.current().approvers()).containsExactly("bob", "carol");
        assertThat(production.lastVerification().outcome()).isEqualTo(Outcome.VERIFY_FAILED);
        assertThat(production.anchor()).isEqualTo("env-production");
    }

    @Test
    void lanesHoldTheFinishedOperationsOfTheWindowNewestFirst() {
        List<Lane> lanes = report().lanes();

        assertThat(lanes).extracting(Lane::environment).containsExactly("staging", "production");
        assertThat(lanes.get(0).marks()).hasSize(4);
        assertThat(lanes.get(1).marks()).hasSize(12);
        assertThat(lanes.get(1).marks().get(0).kind()).isEqualTo(RecordKind.VERIFICATION);
        assertThat(lanes.get(1).marks()).extracting(Mark::tag).doesNotContain("v0.9.0");
    }

    @Test
    void aLaneDrawsItsNewestMarksAndOutsideProductionReadsNoFurther() {
        Ledger ledger = new JsonLinesLedger(dir);
        Instant at = ReportFixture.NOW.minus(Duration.ofDays(1));
        for (int i = 0; i < Lane.MARKS + 5; i++) {
            ledger.append(LedgerRecord.started(RecordKind.VERIFICATION, "staging", 1, "v1.0." + i, "c" + i, "ci", at)
                    .finish(Outcome.SUCCEEDED, at.plusSeconds(i)));
        }
        AtomicInteger read = new AtomicInteger();

        Lane staging = new ReleaseRecord(
                        ReportFixture.config(), new CountingLedger(ledger, read), CommitTimes.recorded())
                .read(ReportFixture.WINDOW, ReportFixture.NOW)
                .lanes()
                .get(0);

        assertThat(staging.marks()).hasSize(Lane.MARKS);
        assertThat(staging.marks().get(0).tag()).isEqualTo("v1.0." + (Lane.MARKS + 4));
        assertThat(staging.older()).isTrue();
        // Nothing runs on staging (no tile reads back); the window stops at the first mark the lane does not draw.
        assertThat(read).hasValue(Lane.MARKS + 1);
    }

    @Test
    void aDeploymentWithoutACommitTimeIsListedButNotCounted() {
        Ledger ledger = new JsonLinesLedger(dir);
        LedgerRecord old = LedgerRecord.started(
                RecordKind.DEPLOYMENT,
                "production",
                null,
                "v2.0.0",
                ReportFixture.commit("v2.0.0"),
                "ci",
                ReportFixture.NOW.minus(Duration.ofDays(2)));
        ledger.append(old);
        ledger.append(old.finish(Outcome.SUCCEEDED, ReportFixture.NOW.minus(Duration.ofDays(2))));

        Figure lead = new ReleaseRecord(ReportFixture.config(), ledger, CommitTimes.recorded())
                .read(ReportFixture.WINDOW, ReportFixture.NOW)
                .figures()
                .leadTime();

        assertThat(lead.value()).isNull();
        assertThat(lead.rows()).singleElement().satisfies(r -> assertThat(r.value())
                .isNull());
        assertThat(lead.note()).isEqualTo("1 deployments without a known commit time");
    }

    @Test
    void aRepositoryAnswersForRecordsWithoutACommitTime() {
        Ledger ledger = new JsonLinesLedger(dir);
        Instant at = ReportFixture.NOW.minus(Duration.ofDays(2));
        LedgerRecord old = LedgerRecord.started(
                RecordKind.DEPLOYMENT, "production", null, "v2.0.0", ReportFixture.commit("v2.0.0"), "ci", at);
        ledger.append(old);
        ledger.append(old.finish(Outcome.SUCCEEDED, at));

        Figure lead = new ReleaseRecord(
                        ReportFixture.config(),
                        ledger,
                        CommitTimes.recordedOr(commit -> Optional.of(at.minus(Duration.ofHours(5)))))
                .read(ReportFixture.WINDOW, ReportFixture.NOW)
                .figures()
                .leadTime();

        assertThat(lead.value()).isEqualTo(5 * HOUR);
    }

    @Test
    void aRepositoryThatHoldsNoneOfTheFirstCommitsIsAskedNoMore() {
        AtomicInteger asked = new AtomicInteger();
        CommitTimes times = CommitTimes.recordedOr(commit -> {
            asked.incrementAndGet();
            return Optional.empty();
        });
        Instant at = ReportFixture.NOW;
        for (int i = 0; i < CommitTimes.GIVE_UP + 50; i++) {
            LedgerRecord old = LedgerRecord.started(
                            RecordKind.DEPLOYMENT,
                            "production",
                            null,
                            "v1.0." + i,
                            ReportFixture.commit("v1.0." + i),
                            "ci",
                            at)
                    .finish(Outcome.SUCCEEDED, at);
            assertThat(times.of(old)).isEmpty();
        }

        assertThat(asked).hasValue(CommitTimes.GIVE_UP);
    }

    @Test
    void readingStopsAtTheStartOfTheWindowOnceEveryTileIsFound() {
        Ledger ledger = ReportFixture.write(dir);
        AtomicInteger read = new AtomicInteger();
        Ledger counting = new CountingLedger(ledger, read);

        new ReleaseRecord(ReportFixture.config(), counting, CommitTimes.recorded())
                .read(ReportWindow.last(Duration.ofDays(2), ReportFixture.NOW), ReportFixture.NOW);

        // Production's tile reads its tail back to the STARTED record of v1.2.2, what runs there: 6 records. Staging's
        // slot 1 runs what its very first record started: all 8 of staging. Then the window, through newestFirst as
        // the port's default reads it: production back to v1.2.2's success, which restores the failure of Nov 29
        // (that failure, v1.3.0's refusal, each with its STARTED record, and v1.2.2: 5), and staging's newest record,
        // already older than the window (1).
        assertThat(read.get()).isEqualTo(6 + 8 + 5 + 1);
    }
}
