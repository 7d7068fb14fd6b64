package io.jenkins.plugins.releasepromotion.engine.usecase;

import io.jenkins.plugins.releasepromotion.engine.config.EnvironmentConfig;

/** Reads an environment slot's health endpoint once. Never throws: "ok", an HTTP status, or why it failed. */
@FunctionalInterface
public interface HealthSource {
    String health(EnvironmentConfig environment, Integer slot);
}
