package io.jenkins.plugins.releasepromotion.engine.report.page;

/** What the marks mean: shape for the kind of operation, colour (and the word) for how it ended. */
final class Legend {
    private static final String[][] ITEMS = {
        {"deployment", "Deployment", "rp-success"},
        {"verification", "Verification", "rp-success"},
        {"rollback", "Rollback", "rp-success"},
        {"deployment", "Succeeded", "rp-success"},
        {"deployment", "Failed (deploy or verification failed, rolled back)", "rp-failure"},
        {"deployment", "Refused (gate, rejected, expired, superseded)", "rp-refusal"},
    };

    private Legend() {}

    static void write(Html html) {
        html.open("ul", "class", "rp-legend");
        for (String[] item : ITEMS) {
            html.open("li")
                    .open("svg", "width", "16", "height", "16", "viewBox", "-8 -8 16 16", "aria-hidden", "true")
                    .open("g", "class", item[2]);
            MarkShape.shape(html, item[0], 0, 0);
            html.close("g").close("svg").text(item[1]).close("li");
        }
        html.close("ul");
    }
}
