package io.jenkins.plugins.releasepromotion.engine.usecase;

import java.time.Instant;

/**
 * What runs on one environment slot: the ledger's view beside the live one (the mission's "Version Comparison").
 *
 * @param tag what the ledger says runs there; {@code null} when nothing was ever deployed
 * @param liveTag what {@code /api/version} reports; {@code null} when it could not be read
 * @param health "ok", a status, or why it could not be read; {@code null} when not looked at
 * @param drift why the ledger and the live version disagree; {@code null} when they agree
 * @param uncertain a later deployment there failed or never finished
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
        boolean uncertain) {

    public boolean inAgreement() {
        return drift == null;
    }
}
