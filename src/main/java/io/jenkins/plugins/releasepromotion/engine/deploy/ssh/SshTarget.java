package io.jenkins.plugins.releasepromotion.engine.deploy.ssh;

import io.jenkins.plugins.releasepromotion.engine.config.SshDeployConfig;
import java.time.Duration;
import java.util.Objects;

/**
 * Where and as whom to log in, for connecting and for messages.
 *
 * @param host as configured; a bracketed IPv6 address keeps its brackets here
 */
record SshTarget(String host, int port, String user, String credentialsId, Duration connectTimeout) {

    SshTarget {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
    }

    /** The credential's user name wins over the configured one, as the credential is what the server knows. */
    static SshTarget of(SshDeployConfig config, String credentialsId, String credentialUser) {
        String user = credentialUser == null || credentialUser.isBlank() ? config.user() : credentialUser;
        return new SshTarget(config.host(), config.port(), user, credentialsId, config.connectTimeout());
    }

    /** The host to open a socket to: an IPv6 address without its brackets. */
    String connectHost() {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    /** {@code host:port}. */
    String address() {
        return host + ":" + port;
    }

    /** {@code user@host:port}. */
    String display() {
        return user + "@" + address();
    }
}
