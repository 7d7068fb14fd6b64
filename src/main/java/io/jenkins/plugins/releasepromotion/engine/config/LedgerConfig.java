package io.jenkins.plugins.releasepromotion.engine.config;

/**
 * A ledger shared by a team, in PostgreSQL, instead of the local folder of JSON Lines files.
 *
 * @param url {@code postgresql://[USER@]HOST[:PORT]/DATABASE[?sslmode=MODE]}, never with a password
 * @param credentialsId the username with password to log in with; {@code null} for {@link #DEFAULT_CREDENTIALS_ID}
 */
public record LedgerConfig(String url, String credentialsId) {
    public static final String DEFAULT_CREDENTIALS_ID = "ledger";

    public LedgerConfig {
        credentialsId = credentialsId == null || credentialsId.isBlank() ? DEFAULT_CREDENTIALS_ID : credentialsId;
    }
}
