package io.jenkins.plugins.releasepromotion.cli;

import io.jenkins.plugins.releasepromotion.engine.config.EnvironmentKind;
import io.jenkins.plugins.releasepromotion.engine.config.ReleaseConfig;
import io.jenkins.plugins.releasepromotion.engine.report.DeliveryFigures;
import io.jenkins.plugins.releasepromotion.engine.report.Figure;
import io.jenkins.plugins.releasepromotion.engine.report.ReleaseReport;
import io.jenkins.plugins.releasepromotion.engine.report.page.FigureText;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code metrics}: production's four delivery figures over a window. */
@Command(
        name = "metrics",
        mixinStandardHelpOptions = true,
        description = "Prints production's four delivery figures over the window: deployment frequency, lead time for"
                + " changes, change failure rate and time to restore service. docs/report.md defines each.")
final class MetricsCommand implements Callable<Integer> {
    private static final String ROW = "%-24s %-14s %s%n";

    @Mixin
    CommonOptions options;

    @Mixin
    ReleaseRecordOptions record;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        ReleaseConfig config = options.loadConfig();
        List<String> production = config.environments().stream()
                .filter(e -> e.kind() == EnvironmentKind.PRODUCTION)
                .map(e -> e.name())
                .toList();
        ReleaseReport report = record.read(options, config, false);
        DeliveryFigures figures = report.figures();
        PrintWriter out = spec.commandLine().getOut();
        if (options.json) {
            out.println(Json.write(MetricsJson.of(figures, production)));
            return ExitCode.SUCCESS;
        }
        out.println("Delivery figures of "
                + (production.isEmpty() ? "no production environment" : String.join(", ", production)) + " from "
                + figures.window().since() + " to " + figures.window().until() + ":");
        for (Figure figure : figures.all()) {
            String counted = figure.counted()
                    + (figure.unit() == Figure.Unit.PER_WEEK
                            ? " deployments"
                            : figure.unit() == Figure.Unit.RATIO ? " changes" : " counted");
            out.printf(
                    ROW,
                    figure.name(),
                    FigureText.of(figure.unit(), figure.value()),
                    figure.note() == null ? counted : counted + "; not counted: " + figure.note());
        }
        out.println("The records behind each figure: release-promotion report --html FILE, or --json.");
        report.warnings().forEach(spec.commandLine().getErr()::println);
        return ExitCode.SUCCESS;
    }
}
