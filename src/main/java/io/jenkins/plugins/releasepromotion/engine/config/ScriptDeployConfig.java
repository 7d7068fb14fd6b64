package io.jenkins.plugins.releasepromotion.engine.config;

import java.time.Duration;
import java.util.List;

/**
 * A deploy command run as an argv list (never through a shell), e.g. {@code [./scripts/deploy-staging.sh, {slot},
 * {tag}]}. Placeholders {@code {tag} {slot} {environment} {commit}} are replaced as whole arguments or inside one.
 */
public record ScriptDeployConfig(List<String> command, String workingDirectory, Duration timeout) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(30);

    public ScriptDeployConfig {
        command = command == null ? List.of() : List.copyOf(command);
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
    }
}
