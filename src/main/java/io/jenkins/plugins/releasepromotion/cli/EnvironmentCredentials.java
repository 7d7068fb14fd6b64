package io.jenkins.plugins.releasepromotion.cli;

import io.jenkins.plugins.releasepromotion.engine.config.ChildEnvironment;
import io.jenkins.plugins.releasepromotion.engine.ledger.LedgerKeys;
import io.jenkins.plugins.releasepromotion.engine.model.DisplayText;
import io.jenkins.plugins.releasepromotion.engine.port.Credentials;
import io.jenkins.plugins.releasepromotion.engine.port.CredentialsException;
import io.jenkins.plugins.releasepromotion.engine.port.Secrets;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The command line's credentials: for the ID {@code prod-deploy} the variables {@code RELEASE_PROMOTION_PROD_DEPLOY_*}
 * (the ID upper-cased, every other character an underscore). Each secret comes from the variable itself or, with
 * {@code _FILE} appended, from the file it names (one trailing newline dropped, as {@code echo value > file} writes
 * one; a file that other users may read is used with a warning, one that every user may write is refused); never
 * from an argument, which other users could see. Every secret variable of the environment, and every file
 * one names, is read when the credentials are made and masked from then on, whether or not a credential is looked up:
 * No command the command starts receives any of these variables ({@link ChildEnvironment}).
 *
 * <ul>
 *   <li>SSH private key: {@code _KEY} or {@code _KEY_FILE}; optional {@code _PASSPHRASE}, {@code _USERNAME}
 *   <li>username with password: {@code _USERNAME} and {@code _PASSWORD}
 *   <li>secret text: {@code _SECRET}
 *   <li>the ledger's keys, for the ledger's credential: {@code _KEY} or {@code _KEY_FILE}
 * </ul>
 */
final class EnvironmentCredentials implements Credentials {
    static final String PREFIX = ChildEnvironment.CREDENTIAL_PREFIX;

    /** The fields that hold a secret; {@code _USERNAME} does not. */
    private static final List<String> SECRET_FIELDS = List.of("KEY", "PASSPHRASE", "PASSWORD", "SECRET");

    private final Map<String, String> env;
    /** What each secret file held when it was read, by variable; an unreadable one is absent. */
    private final Map<String, String> files = new HashMap<>();
    /** What to tell about the secret files read: one line each that other users may read. */
    private final List<String> warnings = new ArrayList<>();

    private Secrets secrets = Secrets.none();

    EnvironmentCredentials(Map<String, String> env) {
        this.env = Map.copyOf(env);
        this.env.forEach(this::maskAtOnce);
    }

    private void maskAtOnce(String name, String value) {
        if (!name.startsWith(PREFIX) || value.isEmpty()) {
            return;
        }
        for (String field : SECRET_FIELDS) {
            if (name.endsWith("_" + field)) {
                mask(value);
            } else if (name.endsWith("_" + field + "_FILE")) {
                try {
                    String content = SecretFile.read(name, value);
                    files.put(name, content);
                    mask(content);
                    SecretFile.warning(name, value).ifPresent(warnings::add);
                } catch (IOException | RuntimeException e) {
                    // Said when the credential is looked up, naming the variable; until then nothing to mask.
                }
            }
        }
    }

    /** One line for each secret file that other users may read, to show before the command works. */
    List<String> warnings() {
        return List.copyOf(warnings);
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

    /**
     * A login whose parts may both be absent, for a service that may name its user elsewhere or not ask for a
     * password (a database trusting this machine): {@code _USERNAME}, and {@code _PASSWORD} or {@code _PASSWORD_FILE}.
     */
    Login optionalLogin(String id) {
        String password = optionalSecret(id, "PASSWORD");
        mask(password);
        return new Login(plain(id, "USERNAME"), password);
    }

    /**
     * The ledger keys of the credential {@code id}: {@code _KEY}, or {@code _KEY_FILE} naming a file, as the command's
     * other secrets; {@link LedgerKeys#NONE} when neither is set.
     *
     * @throws IllegalArgumentException naming the variable when what it holds is not a ledger key
     */
    LedgerKeys ledgerKeys(String id) {
        String text = optionalSecret(id, "KEY");
        if (text == null) {
            return LedgerKeys.NONE;
        }
        mask(text);
        String direct = variable(id, "KEY");
        return LedgerKeys.parse(plain(id, "KEY") != null ? direct : direct + "_FILE", text);
    }

    /** A user name and password, each {@code null} when not given; never shown. */
    record Login(String username, String password) {
        @Override
        public String toString() {
            return "Login[" + username + "]";
        }
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
        String read = files.get(variable(id, field + "_FILE"));
        if (read != null) {
            return read;
        }
        try {
            return SecretFile.read(variable(id, field + "_FILE"), file);
        } catch (CredentialsException e) {
            throw e;
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
