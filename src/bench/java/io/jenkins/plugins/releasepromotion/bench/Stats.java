package io.jenkins.plugins.releasepromotion.bench;

import java.util.Arrays;
import java.util.Locale;

/** Repeated measurements: min, median and max. */
record Stats(double min, double median, double max, int runs) {

    static Stats of(double... samples) {
        if (samples.length == 0) {
            throw new IllegalArgumentException("no samples");
        }
        double[] sorted = samples.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        return new Stats(sorted[0], median, sorted[n - 1], n);
    }

    String format(String unit) {
        return String.format(Locale.ROOT, "%s / %s / %s %s (n=%d)", num(min), num(median), num(max), unit, runs);
    }

    static String num(double value) {
        if (value >= 100) {
            return String.format(Locale.ROOT, "%.0f", value);
        }
        return value >= 10 ? String.format(Locale.ROOT, "%.1f", value) : String.format(Locale.ROOT, "%.3f", value);
    }
}
