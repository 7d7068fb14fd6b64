package io.jenkins.plugins.releasepromotion.engine.verify;

import io.jenkins.plugins.releasepromotion.engine.config.EnvironmentConfig;
import java.time.Instant;
import java.util.Objects;

/**
 * What should run on an environment slot now.
 *
 * @param deployStartedAt when the deploy began; the app's {@code deployed_at} must be after it ({@code null} when
 *     verifying without a deploy)
 */
public record VerificationTarget(
        EnvironmentConfig environment, Integer slot, String tag, String commit, Instant deployStartedAt) {

    public VerificationTarget {
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(commit, "commit");
    }

    public String baseUrl() {
        return environment.urlFor(slot);
    }
}
