package io.jenkins.plugins.releasepromotion.engine.config;

import java.time.Duration;
import java.util.List;

/**
 * A deploy command run as an argv list (never through a shell), e.g. {@code [./scripts/deploy-staging.sh, {slot},
 * {tag}]}. Placeholders {@code {tag} {slot} {environment} {commit}} are replaced as whole arguments or inside one.
 *
 * @param passEnvironment names of variables of the command line's environment that its commands receive besides
 *     the usual ones ({@code PATH}, {@code HOME}, …), e.g. {@code [DOCKER_HOST]}
 */
public record ScriptDeployConfig(
        List<String> command, String workingDirectory, Duration timeout, List<String> passEnvironment) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(30);

    public ScriptDeployConfig {
        command = command == null ? List.of() : List.copyOf(command);
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
        passEnvironment = passEnvironment == null ? List.of() : List.copyOf(passEnvironment);
    }

    /** A deploy whose commands receive only the usual variables. */
    public ScriptDeployConfig(List<String> command, String workingDirectory, Duration timeout) {
        this(command, workingDirectory, timeout, List.of());
    }
}
