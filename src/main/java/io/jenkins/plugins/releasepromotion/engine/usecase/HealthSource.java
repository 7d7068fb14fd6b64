package io.jenkins.plugins.releasepromotion.engine.usecase;

import io.jenkins.plugins.releasepromotion.engine.config.EnvironmentConfig;

/** Reads an environment slot's health endpoint once. Never throws: what it found is a {@link Health}. */
@FunctionalInterface
public interface HealthSource {
    Health health(EnvironmentConfig environment, Integer slot);

    /**
     * One slot's health.
     *
     * @param state one word for a table: {@code ok}, {@code down} (nothing listens), {@code unreachable} (no
     *     connection or no answer in time), {@code HTTP 503} (an answer other than 2xx), or {@code error}
     * @param detail why it is not ok, one line naming the request; {@code null} when ok
     */
    record Health(String state, String detail) {
        public static final Health OK = new Health("ok", null);

        public boolean ok() {
            return detail == null;
        }
    }
}
