package io.jenkins.plugins.releasepromotion.engine.usecase;

import io.jenkins.plugins.releasepromotion.engine.config.EnvironmentConfig;
import io.jenkins.plugins.releasepromotion.engine.gate.Facts.LiveVersion;

/** Reads what an environment slot reports on {@code /api/version} right now. Never throws: errors are facts. */
@FunctionalInterface
public interface LiveVersionSource {
    LiveVersion read(EnvironmentConfig environment, Integer slot);
}
