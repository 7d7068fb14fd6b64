package io.jenkins.plugins.releasepromotion.sample;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How to run the sample app.
 *
 * @param dir the deployment directory: a git checkout of the tag to serve, with an optional {@code faults.json}
 * @param port the loopback port to listen on; 0 for any free one
 * @param slot the staging slot, or {@code null} for an environment without slots
 * @param username the one user that can log in
 * @param password that user's password
 */
public record SampleConfig(Path dir, int port, String environment, Integer slot, String username, String password) {
    public static final String DEFAULT_USERNAME = "demo";
    public static final String DEFAULT_PASSWORD = "demo-password";

    public SampleConfig {
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("Port " + port + " is out of range; use 0 to 65535 (0 for any).");
        }
    }

    /** Any free port, the demo user. */
    public static SampleConfig of(Path dir, String environment, Integer slot) {
        return new SampleConfig(dir, 0, environment, slot, DEFAULT_USERNAME, DEFAULT_PASSWORD);
    }

    /** {@code toString()} never shows the password. */
    @Override
    public String toString() {
        return "SampleConfig[dir=" + dir + ", port=" + port + ", environment=" + environment + ", slot=" + slot
                + ", username=" + username + "]";
    }
}
