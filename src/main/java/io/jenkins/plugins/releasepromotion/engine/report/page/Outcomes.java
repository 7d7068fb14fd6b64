package io.jenkins.plugins.releasepromotion.engine.report.page;

import io.jenkins.plugins.releasepromotion.engine.report.Mark;
import java.util.Locale;

/** How an outcome reads on the page: its name, in the colour of its sort. */
final class Outcomes {
    private Outcomes() {}

    static String sortClass(Mark mark) {
        return "rp-" + mark.sort().name().toLowerCase(Locale.ROOT);
    }

    static void badge(Html html, Mark mark) {
        html.element("span", mark.outcome().name(), "class", "rp-outcome " + sortClass(mark));
    }

    /** {@code deployment}, {@code verification}, {@code rollback}. */
    static String kind(Mark mark) {
        return mark.kind().name().toLowerCase(Locale.ROOT);
    }
}
