package io.jenkins.plugins.releasepromotion.bench;

import java.util.Locale;

/**
 * One row of the results: our figure beside its baseline measured in the same run, the ratio, and the goal.
 *
 * @param lowerIsBetter whether a ratio under the goal meets it (times) or over it (throughput)
 */
record Figure(String name, String ours, String baseline, double ratio, String goal, boolean met) {

    String row() {
        return String.format(
                Locale.ROOT,
                "| %s | %s | %s | %.2f | %s | %s |",
                name,
                ours,
                baseline,
                ratio,
                goal,
                met ? "met" : "MISSED");
    }

    static String header() {
        return "| Figure | Ours (min / median / max) | Baseline (min / median / max) | Ratio (medians) | Goal | |\n"
                + "|---|---|---|---|---|---|";
    }
}
