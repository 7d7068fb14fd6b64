package io.jenkins.plugins.releasepromotion.cli;

import io.jenkins.plugins.releasepromotion.engine.model.DisplayText;
import io.jenkins.plugins.releasepromotion.engine.port.Credentials;
import io.jenkins.plugins.releasepromotion.engine.port.CredentialsException;
import io.jenkins.plugins.releasepromotion.engine.port.Secrets;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * The command line's credentials: for the ID {@code prod-deploy} the variables {@code RELEASE_PROMOTION_PROD_DEPLOY_*}
 * (the ID upper-cased, every other character an underscore). Each secret comes from the variable itself or, with
 * {@code _FILE} appended, from the file it names; never from an argument, which other users could see. Every secret
 * read is added to the masking list.
 *
 * <ul>
 *   <li>SSH private key: {@code _KEY} or {@code _KEY_FILE}; optional {@code _PASSPHRASE}, {@code _USERNAME}
 *   <li>username with password: {@code _USERNAME} and {@code _PASSWORD}
 *   <li>secret text: {@code _SECRET}
 * </ul>
 */
final class EnvironmentCredentials implements Credentials {
    static final String PREFIX = "RELEASE_PROMOTION_";

    private final Map<String, String> env;
    private Secrets secrets = Secrets.none();

    EnvironmentCredentials(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    /** Every secret read so far, for masking. */
    synchronized Secrets secrets() {
        return secrets;
    }

    static String variable(String id, String field) {
        return PREFIX + id.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_") + "_" + field;
    }

    @Override
    public UsernamePassword usernamePassword(String id) {
        String password = secret(id, "PASSWORD", "username with password");
        String username = plain(id, "USERNAME");
        if (username == null) {
            throw missing(id, "username with password", "USERNAME");
        }
        mask(password);
        return new UsernamePassword(id, username, password);
    }

    @Override
    public SecretText secretText(String id) {
        String secret = secret(id, "SECRET", "secret text");
        mask(secret);
        return new SecretText(id, secret);
    }

    @Override
    public SshKey sshKey(String id) {
        String key = secret(id, "KEY", "SSH private key");
        String passphrase = optionalSecret(id, "PASSPHRASE");
        mask(key);
        mask(passphrase);
        return new SshKey(id, plain(id, "USERNAME"), key, passphrase);
    }

    private String secret(String id, String field, String type) {
        String value = optionalSecret(id, field);
        if (value == null) {
            throw missing(id, type, field);
        }
        return value;
    }

    private String optionalSecret(String id, String field) {
        String direct = plain(id, field);
        if (direct != null) {
            return direct;
        }
        String file = plain(id, field + "_FILE");
        if (file == null) {
            return null;
        }
        try {
            return Files.readString(Path.of(file), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            throw new CredentialsException("Cannot read " + variable(id, field + "_FILE") + " ("
                    + DisplayText.of(file) + ") for credentials '" + DisplayText.of(id)
                    + "': " + e.getClass().getSimpleName() + "; point it at a readable file.");
        }
    }

    private String plain(String id, String field) {
        String value = env.get(variable(id, field));
        return value == null || value.isEmpty() ? null : value;
    }

    private static CredentialsException missing(String id, String type, String field) {
        return new CredentialsException("No credentials with ID '" + DisplayText.of(id) + "' found: the "
                + type + " needs " + variable(id, field) + " (or " + variable(id, field + "_FILE")
                + " naming a file) in the environment.");
    }

    private synchronized void mask(String secret) {
        if (secret != null) {
            secrets = secrets.with(secret);
        }
    }
}
