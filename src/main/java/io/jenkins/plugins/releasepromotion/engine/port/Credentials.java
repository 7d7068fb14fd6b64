package io.jenkins.plugins.releasepromotion.engine.port;

/**
 * Looks up credentials by ID. The configuration holds only IDs; Jenkins answers from its credentials store (tracked
 * in the build), the command line from environment variables or files. A missing ID or one of another type is a
 * {@link CredentialsException} naming the ID and the type expected.
 */
public interface Credentials {

    UsernamePassword usernamePassword(String id);

    /** A secret text, e.g. an API token. */
    SecretText secretText(String id);

    SshKey sshKey(String id);

    /** No credentials at all: every ID is missing. */
    static Credentials none() {
        return new Credentials() {
            @Override
            public UsernamePassword usernamePassword(String id) {
                throw CredentialsException.missing(id, "username with password");
            }

            @Override
            public SecretText secretText(String id) {
                throw CredentialsException.missing(id, "secret text");
            }

            @Override
            public SshKey sshKey(String id) {
                throw CredentialsException.missing(id, "SSH private key");
            }
        };
    }

    /** A user name and password. {@link #toString()} never shows the password. */
    record UsernamePassword(String id, String username, String password) {
        @Override
        public String toString() {
            return "UsernamePassword[id=" + id + ", username=" + username + ", password=" + Secrets.MASK + "]";
        }
    }

    /** A token or other secret text. {@link #toString()} never shows it. */
    record SecretText(String id, String secret) {
        @Override
        public String toString() {
            return "SecretText[id=" + id + ", secret=" + Secrets.MASK + "]";
        }
    }

    /**
     * An SSH private key in OpenSSH or PEM text, with an optional passphrase. {@link #toString()} shows neither.
     *
     * @param username the login user the credential names, or {@code null} to use the configured one
     */
    record SshKey(String id, String username, String privateKey, String passphrase) {
        @Override
        public String toString() {
            return "SshKey[id=" + id + ", username=" + username + ", privateKey=" + Secrets.MASK + "]";
        }
    }
}
