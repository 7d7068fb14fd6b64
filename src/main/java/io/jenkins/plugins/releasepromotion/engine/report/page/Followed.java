package io.jenkins.plugins.releasepromotion.engine.report.page;

import static io.jenkins.plugins.releasepromotion.engine.report.page.TimelineSection.num;

import io.jenkins.plugins.releasepromotion.engine.ledger.RecordKind;
import io.jenkins.plugins.releasepromotion.engine.report.Lane;
import io.jenkins.plugins.releasepromotion.engine.report.Mark;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Tags followed across environments: a line through the first successful deployment of a tag in each lane that
 * has one (staging, then production, in the configuration's order).
 */
final class Followed {
    /** The most tags the timeline follows; the newest ones. */
    static final int MOST = 200;

    private Followed() {}

    static void write(Html html, List<Lane> lanes, TimelineSection.Geometry g) {
        Map<String, List<double[]>> points = new LinkedHashMap<>();
        Map<String, List<String>> where = new LinkedHashMap<>();
        for (int i = 0; i < lanes.size(); i++) {
            Map<String, Mark> first = new LinkedHashMap<>();
            for (Mark mark : lanes.get(i).marks()) {
                // Marks are newest first: the last one put is the tag's first deployment in the window.
                if (mark.kind() == RecordKind.DEPLOYMENT && mark.sort() == Mark.Sort.SUCCESS && mark.tag() != null) {
                    first.put(mark.tag(), mark);
                }
            }
            int y = g.laneY(i);
            String environment = lanes.get(i).environment();
            first.forEach((tag, mark) -> {
                points.computeIfAbsent(tag, t -> new ArrayList<>()).add(new double[] {g.x(mark.at()), y});
                where.computeIfAbsent(tag, t -> new ArrayList<>()).add(environment);
            });
        }
        html.open("g", "class", "rp-followed");
        int drawn = 0;
        for (Map.Entry<String, List<double[]>> tag : points.entrySet()) {
            if (tag.getValue().size() < 2 || drawn++ >= MOST) {
                continue;
            }
            StringBuilder line = new StringBuilder();
            for (double[] p : tag.getValue()) {
                line.append(line.length() == 0 ? "" : " ")
                        .append(num(p[0]))
                        .append(',')
                        .append(num(p[1]));
            }
            html.open("polyline", "class", "rp-follow", "points", line.toString())
                    .element("title", tag.getKey() + ": " + String.join(" → ", where.get(tag.getKey())))
                    .close("polyline");
        }
        html.close("g");
    }
}
