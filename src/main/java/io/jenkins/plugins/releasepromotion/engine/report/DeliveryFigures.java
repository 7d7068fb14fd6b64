package io.jenkins.plugins.releasepromotion.engine.report;

import java.util.List;

/**
 * The four delivery figures of production over a window. Their exact definitions are {@link Definitions}; the report
 * page and {@code metrics} print them beside the values.
 */
public record DeliveryFigures(
        ReportWindow window,
        Figure deploymentFrequency,
        Figure leadTime,
        Figure changeFailureRate,
        Figure timeToRestore) {

    public List<Figure> all() {
        return List.of(deploymentFrequency, leadTime, changeFailureRate, timeToRestore);
    }
}
