package io.jenkins.plugins.releasepromotion.engine.report;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The sums behind the four delivery figures, told record by record by the {@link DeliveryScan}s of production. */
final class DeliveryTally {
    private final ReportWindow window;
    private final int[] deploymentsByWeek;
    private final int[] changesByWeek;
    private final int[] failuresByWeek;
    private final WeeklyValues leadTimes = new WeeklyValues();
    private final WeeklyValues restoreTimes = new WeeklyValues();
    private final NewestRows deployments = new NewestRows();
    private final NewestRows changes = new NewestRows();
    private final NewestRows incidents = new NewestRows();
    private int deploymentCount;
    private int changeCount;
    private int failureCount;
    private int unknownCommitTimes;
    private int ongoing;

    DeliveryTally(ReportWindow window) {
        this.window = window;
        this.deploymentsByWeek = new int[window.weeks()];
        this.changesByWeek = new int[window.weeks()];
        this.failuresByWeek = new int[window.weeks()];
    }

    /** A successful production deployment in the window, and when its commit was made if that is known. */
    void deployment(Mark deployment, Optional<Instant> committedAt) {
        int week = window.week(deployment.at());
        deploymentCount++;
        deploymentsByWeek[week]++;
        if (committedAt.isEmpty()) {
            unknownCommitTimes++;
            deployments.add(new FigureRow(deployment, null, null, "commit time not known: not counted"));
            return;
        }
        long seconds =
                Math.max(0, Duration.between(committedAt.get(), deployment.at()).toSeconds());
        leadTimes.add(week, seconds);
        deployments.add(new FigureRow(
                deployment,
                (double) seconds,
                null,
                "committed " + UtcText.of(committedAt.get()) + ", lead time " + Spans.of(seconds)));
    }

    /** A production change in the window; {@code undoneBy} is the later rollback that undid it, if one did. */
    void change(Mark change, boolean failed, Mark undoneBy) {
        int week = window.week(change.at());
        changeCount++;
        changesByWeek[week]++;
        if (failed) {
            failureCount++;
            failuresByWeek[week]++;
        }
        String detail = !failed
                ? "good change"
                : undoneBy != null ? "failed: rolled back later" : "failed: " + change.outcome();
        changes.add(new FigureRow(change, failed ? 1.0 : 0.0, undoneBy, detail));
    }

    /** A run of failures that began in the window; {@code restoredBy} is {@code null} while it lasts. */
    void incident(Mark failure, Mark restoredBy) {
        if (restoredBy == null) {
            ongoing++;
            incidents.add(new FigureRow(failure, null, null, "not restored yet: not counted"));
            return;
        }
        long seconds =
                Math.max(0, Duration.between(failure.at(), restoredBy.at()).toSeconds());
        restoreTimes.add(window.week(failure.at()), seconds);
        incidents.add(new FigureRow(failure, (double) seconds, restoredBy, "restored after " + Spans.of(seconds)));
    }

    DeliveryFigures figures() {
        int weeks = window.weeks();
        double windowWeeks = window.length().toMillis() / (double) ReportWindow.WEEK.toMillis();
        List<Double> perWeek = new ArrayList<>();
        List<Double> rates = new ArrayList<>();
        for (int w = 0; w < weeks; w++) {
            perWeek.add((double) deploymentsByWeek[w]);
            rates.add(changesByWeek[w] == 0 ? null : failuresByWeek[w] / (double) changesByWeek[w]);
        }
        return new DeliveryFigures(
                window,
                figure(
                        "deploymentFrequency",
                        "Deployment frequency",
                        Figure.Unit.PER_WEEK,
                        Definitions.FREQUENCY,
                        deploymentCount == 0 ? null : deploymentCount / windowWeeks,
                        perWeek,
                        deploymentCount,
                        deployments,
                        null),
                figure(
                        "leadTime",
                        "Lead time for changes",
                        Figure.Unit.SECONDS,
                        Definitions.LEAD_TIME,
                        leadTimes.median(),
                        leadTimes.weeklyMedians(weeks),
                        leadTimes.size(),
                        deployments,
                        unknownCommitTimes == 0
                                ? null
                                : unknownCommitTimes + " deployments without a known commit time"),
                figure(
                        "changeFailureRate",
                        "Change failure rate",
                        Figure.Unit.RATIO,
                        Definitions.FAILURE_RATE,
                        changeCount == 0 ? null : failureCount / (double) changeCount,
                        rates,
                        changeCount,
                        changes,
                        null),
                figure(
                        "timeToRestore",
                        "Time to restore service",
                        Figure.Unit.SECONDS,
                        Definitions.RESTORE,
                        restoreTimes.median(),
                        restoreTimes.weeklyMedians(weeks),
                        restoreTimes.size(),
                        incidents,
                        ongoing == 0 ? null : ongoing + " failures not restored yet"));
    }

    private static Figure figure(
            String key,
            String name,
            Figure.Unit unit,
            String definition,
            Double value,
            List<Double> weekly,
            int counted,
            NewestRows rows,
            String note) {
        return new Figure(
                key, name, unit, definition, value, weekly, counted, rows.newestFirst(), rows.omitted(), note);
    }
}
