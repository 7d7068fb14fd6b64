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
            env.places().forEach(slot -> rows.add(row(env, slot)));
        }
        return rows;
    }

    private SlotStatus row(EnvironmentConfig env, Integer slot) {
        EnvironmentState state = EnvironmentState.read(ledger, env.name(), slot);
        Optional<LedgerRecord> current = state.current();
        // A slot the ledger records nothing on is not asked: there is nothing to compare, and it may not exist yet.
        boolean ask = current.isPresent() && env.url() != null;
        LiveVersion seen = live == null || !ask ? null : live.read(env, slot);
        HealthSource.Health healthy = health == null || !ask ? null : health.health(env, slot);
        return new SlotStatus(
                env.name(),
                slot,
                current.map(LedgerRecord::tag).orElse(null),
                current.map(LedgerRecord::commit).orElse(null),
                current.map(LedgerRecord::finishedAt).orElse(null),
                seen == null ? null : seen.tag(),
                seen == null ? null : seen.commit(),
                healthy == null ? null : healthy.state(),
                current.flatMap(recorded -> drift(recorded, seen)).orElse(null),
                problem(healthy, seen),
                state.dirty() || !state.interrupted().isEmpty(),
                current.map(LedgerRecord::breakGlassReason).orElse(null));
    }

    /** Drift is a disagreement of two versions both known; a version that could not be read is a problem. */
    private static Optional<String> drift(LedgerRecord recorded, LiveVersion seen) {
        if (seen == null || seen.error() != null) {
            return Optional.empty();
        }
        if (!Objects.equals(recorded.tag(), seen.tag())) {
            return Optional.of("the ledger says " + recorded.tag() + ", it reports " + seen.tag());
        }
        // The app may report an abbreviated commit; seven characters is the shortest git itself prints.
        String reported = seen.commit();
        if (reported == null || reported.length() < 7 || !recorded.commit().startsWith(reported)) {
            return Optional.of(
                    "the ledger says commit " + shortSha(recorded.commit()) + ", it reports " + shortSha(reported));
        }
        return Optional.empty();
    }

    /** Why the slot could not be read; when nothing answers at all, the health request alone says so. */
    private static String problem(HealthSource.Health healthy, LiveVersion seen) {
        boolean silent = healthy != null && ("down".equals(healthy.state()) || "unreachable".equals(healthy.state()));
        String versionError = seen == null || seen.error() == null || silent
                ? null
                : "live version could not be read: " + seen.error();
        String healthError = healthy == null ? null : healthy.detail();
        if (healthError == null || versionError == null) {
            return healthError != null ? healthError : versionError;
        }
        return healthError + "; " + versionError;
    }

    private static String shortSha(String sha) {
        return sha == null ? "none" : sha.substring(0, Math.min(7, sha.length()));
    }
}
