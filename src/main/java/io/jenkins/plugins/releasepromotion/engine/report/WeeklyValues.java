package io.jenkins.plugins.releasepromotion.engine.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Values of one figure, each in the week it belongs to, kept as two primitive arrays: eight bytes and four per value,
 * however large the window. Medians are exact: the mean of the two middle values for an even count.
 */
final class WeeklyValues {
    private long[] values = new long[64];
    private int[] weeks = new int[64];
    private int size;

    void add(int week, long value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
            weeks = Arrays.copyOf(weeks, size * 2);
        }
        values[size] = value;
        weeks[size] = week;
        size++;
    }

    int size() {
        return size;
    }

    /** The median of all values; {@code null} when there are none. */
    Double median() {
        return median(Arrays.copyOf(values, size));
    }

    /** The median of each week's values, oldest week first; {@code null} for a week without any. */
    List<Double> weeklyMedians(int weekCount) {
        int[] counts = new int[weekCount];
        for (int i = 0; i < size; i++) {
            counts[weeks[i]]++;
        }
        long[][] byWeek = new long[weekCount][];
        for (int w = 0; w < weekCount; w++) {
            byWeek[w] = new long[counts[w]];
        }
        int[] filled = new int[weekCount];
        for (int i = 0; i < size; i++) {
            byWeek[weeks[i]][filled[weeks[i]]++] = values[i];
        }
        List<Double> medians = new ArrayList<>(weekCount);
        for (long[] week : byWeek) {
            medians.add(median(week));
        }
        return medians;
    }

    private static Double median(long[] all) {
        if (all.length == 0) {
            return null;
        }
        Arrays.sort(all);
        int middle = all.length / 2;
        return all.length % 2 == 1 ? all[middle] : (all[middle - 1] + all[middle]) / 2.0;
    }
}
