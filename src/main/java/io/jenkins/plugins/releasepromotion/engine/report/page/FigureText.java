package io.jenkins.plugins.releasepromotion.engine.report.page;

import io.jenkins.plugins.releasepromotion.engine.report.Figure;
import io.jenkins.plugins.releasepromotion.engine.report.Spans;
import java.util.Locale;

/** A figure's value as a person reads it. */
public final class FigureText {
    private FigureText() {}

    /** {@code 2.5 per week}, {@code 3h 20m}, {@code 25%}; a dash when there was nothing to compute it from. */
    public static String of(Figure.Unit unit, Double value) {
        if (value == null) {
            return "–";
        }
        return switch (unit) {
            case PER_WEEK -> decimal(value) + " per week";
            case SECONDS -> Spans.of(value);
            case RATIO -> decimal(value * 100) + "%";
        };
    }

    /** Whole numbers without a point, others with one decimal. */
    static String decimal(double value) {
        long tenths = Math.round(value * 10);
        return tenths % 10 == 0 ? Long.toString(tenths / 10) : String.format(Locale.ROOT, "%.1f", tenths / 10.0);
    }
}
