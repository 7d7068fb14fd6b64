package io.jenkins.plugins.releasepromotion.cli;

import io.jenkins.plugins.releasepromotion.engine.ledger.LedgerKeys;
import io.jenkins.plugins.releasepromotion.engine.ledger.LedgerWarnings;
import io.jenkins.plugins.releasepromotion.engine.ledger.postgres.PostgresLedger;
import io.jenkins.plugins.releasepromotion.engine.ledger.postgres.PostgresTarget;
import io.jenkins.plugins.releasepromotion.engine.ledger.postgres.PostgresTimeouts;
import java.util.Map;

/**
 * Who a shared ledger logs in as: the user of the URL, else the credential's {@code _USERNAME}, else the user of this
 * process (as {@code psql} does); the password only from the credential ({@code _PASSWORD} or {@code _PASSWORD_FILE}),
 * never from the URL or an argument.
 */
final class LedgerLogin {
    private final PostgresTarget target;
    private final String user;
    private final String password;

    private LedgerLogin(PostgresTarget target, String user, String password) {
        this.target = target;
        this.user = user;
        this.password = password;
    }

    static LedgerLogin of(PostgresTarget target, String credentialsId, Map<String, String> environment) {
        EnvironmentCredentials.Login login = new EnvironmentCredentials(environment).optionalLogin(credentialsId);
        String user = target.user() != null
                ? target.user()
                : login.username() != null ? login.username() : System.getProperty("user.name");
        return new LedgerLogin(target, user, login.password());
    }

    /** The shared ledger, logged in, with the default timeouts, its records signed and checked with {@code keys}. */
    PostgresLedger open(LedgerWarnings warnings, LedgerKeys keys) {
        return PostgresLedger.open(
                target,
                user,
                password == null ? null : password.toCharArray(),
                PostgresTimeouts.defaults(),
                warnings,
                keys);
    }

    /** Never the password. */
    @Override
    public String toString() {
        return "LedgerLogin[" + user + "@" + target + "]";
    }
}
