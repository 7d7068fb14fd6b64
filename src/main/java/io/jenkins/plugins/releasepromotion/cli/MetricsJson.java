package io.jenkins.plugins.releasepromotion.cli;

import io.jenkins.plugins.releasepromotion.engine.report.DeliveryFigures;
import io.jenkins.plugins.releasepromotion.engine.report.Figure;
import io.jenkins.plugins.releasepromotion.engine.report.FigureRow;
import io.jenkins.plugins.releasepromotion.engine.report.Mark;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code metrics --json}: docs/schema/metrics.schema.json. */
final class MetricsJson {
    private MetricsJson() {}

    static Map<String, Object> of(DeliveryFigures figures, List<String> production) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("since", figures.window().since().toString());
        out.put("until", figures.window().until().toString());
        out.put("weeks", figures.window().weeks());
        out.put("environments", production);
        Map<String, Object> all = new LinkedHashMap<>();
        for (Figure figure : figures.all()) {
            all.put(figure.key(), figure(figure));
        }
        out.put("figures", all);
        return out;
    }

    private static Map<String, Object> figure(Figure figure) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", figure.name());
        out.put(
                "unit",
                switch (figure.unit()) {
                    case PER_WEEK -> "perWeek";
                    case SECONDS -> "seconds";
                    case RATIO -> "ratio";
                });
        out.put("value", figure.value());
        out.put("counted", figure.counted());
        out.put("note", figure.note());
        out.put("definition", figure.definition());
        out.put("weekly", figure.weekly());
        out.put("records", figure.rows().stream().map(MetricsJson::row).toList());
        out.put("omitted", figure.omitted());
        return out;
    }

    private static Map<String, Object> row(FigureRow row) {
        Mark mark = row.record();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", mark.id());
        out.put("kind", mark.kind().name().toLowerCase(Locale.ROOT));
        out.put("environment", mark.environment());
        out.put("slot", mark.slot());
        out.put("tag", mark.tag());
        out.put("commit", mark.commit());
        out.put("outcome", mark.outcome().name());
        out.put("at", mark.at().toString());
        out.put("value", row.value());
        out.put("detail", row.detail());
        out.put("relatedId", row.related() == null ? null : row.related().id());
        return out;
    }
}
