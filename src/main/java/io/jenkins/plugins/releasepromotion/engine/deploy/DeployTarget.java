package io.jenkins.plugins.releasepromotion.engine.deploy;

import io.jenkins.plugins.releasepromotion.engine.config.EnvironmentConfig;
import java.util.Map;
import java.util.Objects;

/** The tag and commit to put onto an environment slot ({@code slot} is {@code null} without slots). */
public record DeployTarget(EnvironmentConfig environment, Integer slot, String tag, String commit) {

    public DeployTarget {
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(commit, "commit");
    }

    /** The values of the placeholders {@code {tag} {slot} {environment} {commit}}; an empty slot is "". */
    public Map<String, String> placeholders() {
        return Map.of(
                "tag",
                tag,
                "slot",
                slot == null ? "" : slot.toString(),
                "environment",
                environment.name(),
                "commit",
                commit);
    }

    /** {@code RELEASE_TAG}, {@code RELEASE_COMMIT}, {@code RELEASE_ENVIRONMENT}, {@code RELEASE_SLOT}. */
    public Map<String, String> environmentVariables() {
        return Map.of(
                "RELEASE_TAG",
                tag,
                "RELEASE_COMMIT",
                commit,
                "RELEASE_ENVIRONMENT",
                environment.name(),
                "RELEASE_SLOT",
                slot == null ? "" : slot.toString());
    }
}
