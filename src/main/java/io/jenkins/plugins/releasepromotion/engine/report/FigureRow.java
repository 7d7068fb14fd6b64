package io.jenkins.plugins.releasepromotion.engine.report;

/**
 * One record a figure was computed from.
 *
 * @param value what this record adds to the figure, in the figure's unit (a lead time, a restore time; 1 for a failed
 *     change, 0 for a good one); {@code null} when it adds nothing that can be measured (an unknown commit time, a
 *     failure not yet restored)
 * @param related the record that completes it: the good state that ended a failure, or the rollback that undid a
 *     deployment; {@code null} when there is none
 * @param detail one line on how the record counts
 */
public record FigureRow(Mark record, Double value, Mark related, String detail) {}
