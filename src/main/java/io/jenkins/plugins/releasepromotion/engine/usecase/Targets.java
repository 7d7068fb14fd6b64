package io.jenkins.plugins.releasepromotion.engine.usecase;

import io.jenkins.plugins.releasepromotion.engine.config.EnvironmentConfig;
import io.jenkins.plugins.releasepromotion.engine.config.ReleaseConfig;
import io.jenkins.plugins.releasepromotion.engine.model.DisplayText;
import java.util.stream.Collectors;

/** The environment and slot a request names, checked against the configuration. */
final class Targets {
    private Targets() {}

    static EnvironmentConfig environment(ReleaseConfig config, String name) {
        return config.environment(name)
                .orElseThrow(() -> new IllegalArgumentException("Environment '" + DisplayText.of(name)
                        + "' is not configured; use one of: "
                        + config.environments().stream()
                                .map(EnvironmentConfig::name)
                                .collect(Collectors.joining(", "))
                        + "."));
    }

    static void checkSlot(EnvironmentConfig env, Integer slot) {
        if (env.hasSlots() && (slot == null || slot < 1 || slot > env.slots())) {
            throw new IllegalArgumentException((slot == null ? "No slot given" : "Slot " + slot + " is not a slot")
                    + " of " + env.name() + "; give a slot from 1 to " + env.slots() + ".");
        }
        if (!env.hasSlots() && slot != null) {
            throw new IllegalArgumentException(
                    env.name() + " has no slots, but slot " + slot + " was given; leave the slot out.");
        }
    }
}
