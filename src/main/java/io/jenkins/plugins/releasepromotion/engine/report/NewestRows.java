package io.jenkins.plugins.releasepromotion.engine.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/** The {@link Figure#SHOWN} newest rows of a figure, and how many there were in all: a page lists a bounded few. */
final class NewestRows {
    private static final Comparator<FigureRow> BY_TIME = Comparator.comparing(
                    (FigureRow row) -> row.record().at())
            .thenComparing(row -> row.record().id());
    private final PriorityQueue<FigureRow> oldestFirst = new PriorityQueue<>(BY_TIME);
    private int total;

    void add(FigureRow row) {
        total++;
        oldestFirst.add(row);
        if (oldestFirst.size() > Figure.SHOWN) {
            oldestFirst.poll();
        }
    }

    int total() {
        return total;
    }

    int omitted() {
        return total - oldestFirst.size();
    }

    List<FigureRow> newestFirst() {
        List<FigureRow> rows = new ArrayList<>(oldestFirst);
        rows.sort(BY_TIME.reversed());
        return rows;
    }
}
