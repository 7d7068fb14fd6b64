package io.jenkins.plugins.releasepromotion.engine.config;

import java.time.Duration;
import java.util.List;

/**
 * A deploy over SSH with a pinned host key: {@code knownHosts} lines or a {@code SHA256:} fingerprint in
 * {@code hostKey}. {@code command}, when set, replaces the default procedure (fetch tags, check out the tag, compose
 * down, compose up).
 */
public record SshDeployConfig(
        String host,
        int port,
        String user,
        String credentialsId,
        String knownHosts,
        String hostKey,
        String directory,
        List<String> composeFiles,
        String command,
        Duration connectTimeout,
        Duration commandTimeout) {

    public static final int DEFAULT_PORT = 22;
    public static final List<String> DEFAULT_COMPOSE_FILES = List.of("docker-compose.yml");
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(15);
    public static final Duration DEFAULT_COMMAND_TIMEOUT = Duration.ofMinutes(30);

    public SshDeployConfig {
        port = port == 0 ? DEFAULT_PORT : port;
        composeFiles =
                List.copyOf(composeFiles == null || composeFiles.isEmpty() ? DEFAULT_COMPOSE_FILES : composeFiles);
        connectTimeout = connectTimeout == null ? DEFAULT_CONNECT_TIMEOUT : connectTimeout;
        commandTimeout = commandTimeout == null ? DEFAULT_COMMAND_TIMEOUT : commandTimeout;
    }
}
