package io.jenkins.plugins.releasepromotion.engine.report;

import io.jenkins.plugins.releasepromotion.engine.config.EnvironmentKind;

/**
 * What runs on one environment slot, as a tile of the page shows it.
 *
 * @param slot {@code null} for an environment without slots
 * @param current the deployment or rollback that put what runs there; {@code null} when nothing ever did
 * @param lastVerification the latest verification on the slot since {@code current} began (or ever, when nothing
 *     runs); {@code null} when there was none
 * @param uncertain why what runs there is uncertain (a later deployment failed or never finished); {@code null}
 *     when nothing after {@code current} touched the slot
 * @param drift how the live version differs from the ledger's; {@code null} when they agree or were not compared
 * @param problem why the live version could not be read; {@code null} when it was, or was not asked
 * @param live true when the application itself was asked what it runs
 */
public record Tile(
        String environment,
        EnvironmentKind kind,
        Integer slot,
        Mark current,
        Mark lastVerification,
        String uncertain,
        String drift,
        String problem,
        boolean live) {

    /** The name of the place: {@code staging slot 2}, or the environment's name. */
    public String where() {
        return Mark.where(environment, slot);
    }

    /** The tile's anchor on the page, e.g. {@code env-staging-2}; the build page links to it. */
    public String anchor() {
        return anchor(environment, slot);
    }

    /** The anchor of an environment slot's tile; environment names are letters, digits, dots, dashes, underscores. */
    public static String anchor(String environment, Integer slot) {
        String safe = environment.replaceAll("[^A-Za-z0-9._-]", "_");
        return slot == null ? "env-" + safe : "env-" + safe + "-" + slot;
    }

    Tile withLive(String newDrift, String newProblem) {
        return new Tile(environment, kind, slot, current, lastVerification, uncertain, newDrift, newProblem, true);
    }
}
