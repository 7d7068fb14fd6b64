package io.jenkins.plugins.releasepromotion.engine.report;

import java.time.Instant;
import java.util.List;

/**
 * The release record at a glance: what runs where, the timeline of the window, and production's delivery figures.
 *
 * @param tiles one per environment and slot, in the configuration's order
 * @param lanes one per environment, in the configuration's order
 * @param warnings what could not be read, one line each (e.g. an environment whose ledger is unreadable)
 */
public record ReleaseReport(
        Instant generatedAt,
        ReportWindow window,
        List<Tile> tiles,
        List<Lane> lanes,
        DeliveryFigures figures,
        List<String> warnings) {

    public ReleaseReport {
        tiles = List.copyOf(tiles);
        lanes = List.copyOf(lanes);
        warnings = List.copyOf(warnings);
    }
}
