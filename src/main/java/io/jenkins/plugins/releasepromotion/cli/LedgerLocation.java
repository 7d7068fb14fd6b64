package io.jenkins.plugins.releasepromotion.cli;

import io.jenkins.plugins.releasepromotion.engine.config.LedgerConfig;
import io.jenkins.plugins.releasepromotion.engine.ledger.JsonLinesLedger;
import io.jenkins.plugins.releasepromotion.engine.ledger.LedgerKeys;
import io.jenkins.plugins.releasepromotion.engine.ledger.LedgerUnavailableException;
import io.jenkins.plugins.releasepromotion.engine.ledger.LedgerWarnings;
import io.jenkins.plugins.releasepromotion.engine.ledger.SpoolingLedger;
import io.jenkins.plugins.releasepromotion.engine.ledger.postgres.PostgresLedger;
import io.jenkins.plugins.releasepromotion.engine.ledger.postgres.PostgresTarget;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where a command's ledger is: {@code --ledger} (a folder, or a {@code postgresql://} URL), else the configuration's
 * {@code ledger.url}, else {@code .release-promotion/ledger} at the top of the repository. A shared ledger keeps what
 * it cannot write in a spool under that local folder. Its keys, when there are any, are the ledger credential's
 * {@code _KEY} or {@code _KEY_FILE} ({@code RELEASE_PROMOTION_LEDGER_KEY_FILE} by default).
 *
 * @param folder the local ledger folder: the ledger itself, or where a shared ledger's spool is
 * @param target the shared ledger, or {@code null} for the folder
 * @param credentialsId the credential a shared ledger logs in with
 */
record LedgerLocation(Path folder, PostgresTarget target, String credentialsId) {

    static LedgerLocation of(String option, LedgerConfig configured, Path repo) {
        Path local = repo.resolve(".release-promotion").resolve("ledger");
        String credentialsId = configured == null ? LedgerConfig.DEFAULT_CREDENTIALS_ID : configured.credentialsId();
        if (option != null && !option.isBlank()) {
            return PostgresTarget.isUrl(option)
                    ? new LedgerLocation(local, url(option), credentialsId)
                    : new LedgerLocation(Path.of(option), null, credentialsId);
        }
        if (configured != null) {
            return new LedgerLocation(local, url(configured.url()), credentialsId);
        }
        return new LedgerLocation(local, null, credentialsId);
    }

    private static PostgresTarget url(String text) {
        try {
            return PostgresTarget.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--ledger: " + e.getMessage(), e);
        }
    }

    /** The spool of records made while the shared ledger could not be reached: one file per database. */
    Path spool() {
        return target.spoolIn(folder);
    }

    /**
     * Opens the ledger; a shared one first takes what earlier commands kept in its spool, and says so on {@code err}.
     *
     * @throws LedgerUnavailableException or the shared ledger's own exception, one line naming the host and cause
     */
    CommandLedger open(Map<String, String> environment, PrintWriter err) {
        LedgerKeys keys = new EnvironmentCredentials(environment).ledgerKeys(credentialsId);
        LedgerWarnings warnings = line -> err.println("WARNING: " + line);
        if (target == null) {
            return new CommandLedger(new JsonLinesLedger(folder, warnings, keys), null, folder.toString(), keys);
        }
        PostgresLedger shared =
                LedgerLogin.of(target, credentialsId, environment).open(warnings, keys);
        boolean opened = false;
        try {
            SpoolingLedger ledger = SpoolingLedger.open(shared, target.toString(), spool(), warnings);
            if (ledger.replayReport() != null) {
                err.println("release-promotion: " + ledger.replayReport());
            }
            opened = true;
            return new CommandLedger(ledger, shared, target.toString(), keys);
        } finally {
            if (!opened) {
                shared.close();
            }
        }
    }
}
