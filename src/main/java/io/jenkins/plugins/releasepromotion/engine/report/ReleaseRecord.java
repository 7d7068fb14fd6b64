package io.jenkins.plugins.releasepromotion.engine.report;

import io.jenkins.plugins.releasepromotion.engine.config.EnvironmentConfig;
import io.jenkins.plugins.releasepromotion.engine.config.EnvironmentKind;
import io.jenkins.plugins.releasepromotion.engine.config.ReleaseConfig;
import io.jenkins.plugins.releasepromotion.engine.ledger.Ledger;
import io.jenkins.plugins.releasepromotion.engine.ledger.LedgerRecord;
import io.jenkins.plugins.releasepromotion.engine.ledger.LedgerUnavailableException;
import io.jenkins.plugins.releasepromotion.engine.ledger.RecordKind;
import io.jenkins.plugins.releasepromotion.engine.usecase.SlotStatus;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Reads the release record of every configured environment for a report, from the end of each environment's ledger:
 * the tail back to the start of what runs on each slot, then one pass over the finished records back to the start of
 * the window (and no further than an open failure needs), so the time and memory it takes follow the window, not the
 * length of the history.
 */
public final class ReleaseRecord {
    private final ReleaseConfig config;
    private final Ledger ledger;
    private final CommitTimes commitTimes;

    public ReleaseRecord(ReleaseConfig config, Ledger ledger, CommitTimes commitTimes) {
        this.config = Objects.requireNonNull(config, "config");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.commitTimes = Objects.requireNonNull(commitTimes, "commitTimes");
    }

    /** The report of {@code window}, from the ledger alone. */
    public ReleaseReport read(ReportWindow window, Instant now) {
        List<Tile> tiles = new ArrayList<>();
        List<Lane> lanes = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        DeliveryTally tally = new DeliveryTally(window);
        for (EnvironmentConfig env : config.environments()) {
            EnvironmentPass pass = new EnvironmentPass(env, window, tally);
            try {
                pass.read();
            } catch (UncheckedIOException | LedgerUnavailableException e) {
                warnings.add("The ledger of " + env.name() + " could not be read: " + e.getMessage());
            }
            tiles.addAll(pass.tiles());
            lanes.add(pass.lane());
        }
        return new ReleaseReport(now, window, tiles, lanes, tally.figures(), warnings);
    }

    /** The same report with each tile's live version compared, as {@code status} found it. */
    public static ReleaseReport withLive(ReleaseReport report, List<SlotStatus> live) {
        List<Tile> tiles = report.tiles().stream()
                .map(tile -> live.stream()
                        .filter(s ->
                                s.environment().equals(tile.environment()) && Objects.equals(s.slot(), tile.slot()))
                        .findFirst()
                        .map(s -> tile.withLive(s.drift(), s.problem()))
                        .orElse(tile))
                .toList();
        return new ReleaseReport(
                report.generatedAt(), report.window(), tiles, report.lanes(), report.figures(), report.warnings());
    }

    /** One environment's reading: its tiles, its lane and, for production, its share of the figures. */
    private final class EnvironmentPass {
        private final EnvironmentConfig env;
        private final ReportWindow window;
        private final List<SlotScan> slots = new ArrayList<>();
        private final List<Mark> marks = new ArrayList<>();
        private final DeliveryScan delivery;
        private boolean older;

        EnvironmentPass(EnvironmentConfig env, ReportWindow window, DeliveryTally tally) {
            this.env = env;
            this.window = window;
            this.delivery =
                    env.kind() == EnvironmentKind.PRODUCTION ? new DeliveryScan(window, tally, commitTimes) : null;
        }

        void read() {
            for (Integer slot : env.places()) {
                slots.add(
                        new SlotScan(env, slot, ledger.current(env.name(), slot).orElse(null)));
            }
            // What runs on each slot and what came after it: the tail of the ledger, every record.
            if (!slots.stream().allMatch(SlotScan::done)) {
                ledger.newestFirst(env.name(), r -> {
                    slots.forEach(s -> s.take(r));
                    return !slots.stream().allMatch(SlotScan::done);
                });
            }
            // The window: finished records only.
            boolean[] toTheEnd = {true};
            ledger.newestFinishedFirst(env.name(), r -> {
                take(r);
                toTheEnd[0] = !enough(r);
                return toTheEnd[0];
            });
            if (toTheEnd[0] && delivery != null) {
                delivery.end();
            }
        }

        private void take(LedgerRecord r) {
            if (r.isFinished() && r.kind() != RecordKind.APPROVAL && window.contains(r.finishedAt())) {
                if (marks.size() < Lane.MARKS) {
                    marks.add(Mark.of(r));
                } else {
                    older = true;
                }
            }
            if (delivery != null) {
                delivery.take(r);
            }
        }

        /**
         * Past the window, with no failure waiting for the first of its run; or, outside production, once the lane
         * holds all the marks it draws: nothing older counts.
         */
        private boolean enough(LedgerRecord r) {
            if (delivery == null) {
                return older || r.finishedAt().isBefore(window.since());
            }
            return r.finishedAt().isBefore(window.since()) && !delivery.pending();
        }

        List<Tile> tiles() {
            return slots.stream().map(SlotScan::tile).toList();
        }

        Lane lane() {
            return new Lane(env.name(), env.kind(), marks, older);
        }
    }
}
