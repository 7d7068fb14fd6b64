package io.jenkins.plugins.releasepromotion.engine.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * One of the four delivery figures over a report's window.
 *
 * @param key the figure's name in JSON: {@code deploymentFrequency}, {@code leadTime}, {@code changeFailureRate},
 *     {@code timeToRestore}
 * @param value in the figure's unit; {@code null} when the window holds nothing to compute it from
 * @param weekly the same figure for each week of the window, oldest first; {@code null} for a week without data
 * @param counted how many records the value was computed from
 * @param rows the records it was computed from, newest first, at most {@link #SHOWN}
 * @param omitted how many more records it was computed from than {@code rows} holds
 * @param note what the figure leaves out and why, one line; {@code null} when it leaves out nothing
 */
public record Figure(
        String key,
        String name,
        Unit unit,
        String definition,
        Double value,
        List<Double> weekly,
        int counted,
        List<FigureRow> rows,
        int omitted,
        String note) {
    /** The most records a figure lists; the ledger's history has the rest. */
    public static final int SHOWN = 50;

    public Figure {
        Objects.requireNonNull(key, "key");
        weekly = Collections.unmodifiableList(new ArrayList<>(weekly));
        rows = List.copyOf(rows);
    }

    /** What a figure's value measures. */
    public enum Unit {
        /** Deployments per week. */
        PER_WEEK,
        /** A duration in seconds. */
        SECONDS,
        /** A share from 0 to 1. */
        RATIO
    }
}
