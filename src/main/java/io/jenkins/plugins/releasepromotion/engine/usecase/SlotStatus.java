package io.jenkins.plugins.releasepromotion.engine.usecase;

import java.time.Instant;

/**
 * What runs on one environment slot: the ledger's view beside the live one (the mission's "Version Comparison").
 *
 * @param tag what the ledger says runs there; {@code null} when nothing was ever deployed
 * @param liveTag what {@code /api/version} reports; {@code null} when it could not be read
 * @param health one word: "ok", "down", "unreachable", "HTTP 503", "error"; {@code null} when not looked at (nothing
 *     recorded there, no URL, or the ledger read alone)
 * @param drift how the ledger's version and the live one differ; {@code null} when they agree or the live one could
 *     not be read
 * @param problem why the health or the live version could not be read, one line; {@code null} when both were
 * @param uncertain a later deployment there failed or never finished
 * @param breakGlassReason why what runs there was approved under break-glass; {@code null} when it was not
 */
public record SlotStatus(
        String environment,
        Integer slot,
        String tag,
        String commit,
        Instant deployedAt,
        String liveTag,
        String liveCommit,
        String health,
        String drift,
        String problem,
        boolean uncertain,
        String breakGlassReason) {

    public boolean inAgreement() {
        return drift == null;
    }
}
