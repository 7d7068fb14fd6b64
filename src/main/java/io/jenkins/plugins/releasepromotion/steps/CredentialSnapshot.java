package io.jenkins.plugins.releasepromotion.steps;

import io.jenkins.plugins.releasepromotion.engine.port.Credentials;
import io.jenkins.plugins.releasepromotion.engine.port.CredentialsException;
import io.jenkins.plugins.releasepromotion.engine.port.Secrets;
import java.io.Serial;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The credentials one operation needs, resolved on the controller (looked up in the build's context and tracked) and
 * carried to the agent that does the work, as plain values only for as long as the work runs. It never shows a
 * secret: not in {@link #toString()}, not in an exception.
 */
final class CredentialSnapshot implements Credentials, Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    static final String SSH_KEY = "SSH private key";
    static final String USERNAME_PASSWORD = "username with password";
    static final String SECRET_TEXT = "secret text";

    private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>();

    void add(UsernamePassword credential) {
        entries.put(credential.id(), new Entry(USERNAME_PASSWORD, credential.username(), credential.password(), null));
    }

    void add(SecretText credential) {
        entries.put(credential.id(), new Entry(SECRET_TEXT, null, credential.secret(), null));
    }

    void add(SshKey credential) {
        entries.put(
                credential.id(),
                new Entry(SSH_KEY, credential.username(), credential.privateKey(), credential.passphrase()));
    }

    boolean contains(String id) {
        return entries.containsKey(id);
    }

    @Override
    public UsernamePassword usernamePassword(String id) {
        Entry e = entry(id, USERNAME_PASSWORD);
        return new UsernamePassword(id, e.username, e.secret);
    }

    @Override
    public SecretText secretText(String id) {
        return new SecretText(id, entry(id, SECRET_TEXT).secret);
    }

    @Override
    public SshKey sshKey(String id) {
        Entry e = entry(id, SSH_KEY);
        return new SshKey(id, e.username, e.secret, e.passphrase);
    }

    /** Every value to mask: passwords, tokens, keys (whole and line by line) and passphrases. */
    Secrets secrets() {
        Secrets secrets = Secrets.none();
        for (Entry e : entries.values()) {
            secrets = USERNAME_PASSWORD.equals(e.type)
                    ? secrets.withBasicAuth(e.username, e.secret)
                    : secrets.with(e.secret);
            secrets = secrets.with(e.passphrase);
            if (SSH_KEY.equals(e.type) && e.secret != null) {
                for (String line : e.secret.split("\n")) {
                    if (line.strip().length() > 16 && !line.startsWith("-----")) {
                        secrets = secrets.with(line.strip());
                    }
                }
            }
        }
        return secrets;
    }

    private Entry entry(String id, String type) {
        Entry e = entries.get(id);
        if (e == null) {
            throw CredentialsException.missing(id, type);
        }
        if (!type.equals(e.type)) {
            throw CredentialsException.wrongType(id, type, e.type);
        }
        return e;
    }

    @Override
    public String toString() {
        Map<String, String> types = new LinkedHashMap<>();
        entries.forEach((id, e) -> types.put(id, e.type));
        return "CredentialSnapshot" + types;
    }

    private static final class Entry implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;

        private final String type;
        private final String username;
        private final String secret;
        private final String passphrase;

        Entry(String type, String username, String secret, String passphrase) {
            this.type = type;
            this.username = username;
            this.secret = secret;
            this.passphrase = passphrase;
        }

        @Override
        public String toString() {
            return type;
        }
    }
}
