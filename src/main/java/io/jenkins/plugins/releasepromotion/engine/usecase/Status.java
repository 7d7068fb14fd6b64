package io.jenkins.plugins.releasepromotion.engine.usecase;

import io.jenkins.plugins.releasepromotion.engine.config.EnvironmentConfig;
import io.jenkins.plugins.releasepromotion.engine.config.ReleaseConfig;
import io.jenkins.plugins.releasepromotion.engine.gate.Facts.LiveVersion;
import io.jenkins.plugins.releasepromotion.engine.ledger.Ledger;
import io.jenkins.plugins.releasepromotion.engine.ledger.LedgerRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** What runs where: per environment and slot, the ledger beside the live version and health, with drift flagged. */
public final class Status {
    private final ReleaseConfig config;
    private final Ledger ledger;
    private final LiveVersionSource live;
    private final HealthSource health;

    /** @param live and {@code health} may be {@code null} to report the ledger alone */
    public Status(ReleaseConfig config, Ledger ledger, LiveVersionSource live, HealthSource health) {
        this.config = Objects.requireNonNull(config, "config");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.live = live;
        this.health = health;
    }

    /** @param environment one environment, or {@code null} for all */
    public List<SlotStatus> of(String environment) {
        List<EnvironmentConfig> envs =
                environment == null ? config.environments() : List.of(Targets.environment(config, environment));
        List<SlotStatus> rows = new ArrayList<>();
        for (EnvironmentConfig env : envs) {
            if (env.hasSlots()) {
                for (int slot = 1; slot <= env.slots(); slot++) {
                    rows.add(row(env, slot));
                }
            } else {
                rows.add(row(env, null));
            }
        }
        return rows;
    }

    private SlotStatus row(EnvironmentConfig env, Integer slot) {
        EnvironmentState state = EnvironmentState.read(ledger, env.name(), slot);
        Optional<LedgerRecord> current = state.current();
        LiveVersion seen = live == null || env.url() == null ? null : live.read(env, slot);
        String healthy = health == null || env.url() == null ? null : health.health(env, slot);
        return new SlotStatus(
                env.name(),
                slot,
                current.map(LedgerRecord::tag).orElse(null),
                current.map(LedgerRecord::commit).orElse(null),
                current.map(LedgerRecord::finishedAt).orElse(null),
                seen == null ? null : seen.tag(),
                seen == null ? null : seen.commit(),
                healthy,
                drift(current, seen),
                state.dirty() || !state.interrupted().isEmpty());
    }

    private static String drift(Optional<LedgerRecord> current, LiveVersion seen) {
        if (seen == null) {
            return null;
        }
        if (seen.error() != null) {
            return current.isPresent() ? "live version could not be read: " + seen.error() : null;
        }
        if (current.isEmpty()) {
            return "the ledger records nothing, but it reports " + seen.tag();
        }
        LedgerRecord recorded = current.get();
        if (!Objects.equals(recorded.tag(), seen.tag())) {
            return "the ledger says " + recorded.tag() + ", it reports " + seen.tag();
        }
        // The app may report an abbreviated commit; seven characters is the shortest git itself prints.
        String reported = seen.commit();
        if (reported == null || reported.length() < 7 || !recorded.commit().startsWith(reported)) {
            return "the ledger says commit " + shortSha(recorded.commit()) + ", it reports " + shortSha(reported);
        }
        return null;
    }

    private static String shortSha(String sha) {
        return sha == null ? "none" : sha.substring(0, Math.min(7, sha.length()));
    }
}
