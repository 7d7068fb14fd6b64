package io.jenkins.plugins.releasepromotion.config;

import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.IdCredentials;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.model.Run;
import hudson.security.ACL;
import io.jenkins.plugins.releasepromotion.engine.ledger.JsonLinesLedger;
import io.jenkins.plugins.releasepromotion.engine.ledger.Ledger;
import io.jenkins.plugins.releasepromotion.engine.ledger.LedgerKeys;
import io.jenkins.plugins.releasepromotion.engine.ledger.LedgerWarnings;
import io.jenkins.plugins.releasepromotion.engine.ledger.SpoolingLedger;
import io.jenkins.plugins.releasepromotion.engine.ledger.postgres.PostgresLedger;
import io.jenkins.plugins.releasepromotion.engine.ledger.postgres.PostgresTarget;
import io.jenkins.plugins.releasepromotion.engine.ledger.postgres.PostgresTimeouts;
import io.jenkins.plugins.releasepromotion.engine.port.CredentialsException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import jenkins.model.Jenkins;

/**
 * The ledger the global configuration names, opened for one step's run or one view of the Releases page: the JSON
 * Lines files of the ledger directory by default, the shared PostgreSQL ledger when a ledger URL is set. The password
 * is read from the credential as the ledger opens and goes to the driver only; nothing here keeps it. The ledger key,
 * when one is configured, signs every record written and is required of every record read as evidence. Close it when
 * done: the PostgreSQL ledger holds connections.
 */
public final class ConfiguredLedger implements AutoCloseable {
    static final String LOGIN = "username with password";

    private final Ledger ledger;
    private final PostgresLedger shared;
    private final String where;

    private ConfiguredLedger(Ledger ledger, PostgresLedger shared, String where) {
        this.ledger = ledger;
        this.shared = shared;
        this.where = where;
    }

    /**
     * The shared ledger behind a spool in the ledger directory: a record the database cannot take once a deploy has
     * started is kept there and written by the next step or page that reaches the database, each once.
     */
    private static ConfiguredLedger shared(
            ReleasePromotionConfiguration global, PostgresLedger shared, LedgerWarnings warnings) {
        boolean opened = false;
        try {
            Path spool = shared.target().spoolIn(global.ledgerPath());
            SpoolingLedger spooling =
                    SpoolingLedger.open(shared, shared.target().toString(), spool, warnings);
            if (spooling.replayReport() != null) {
                warnings.warn(spooling.replayReport());
            }
            opened = true;
            return new ConfiguredLedger(spooling, shared, shared.target().toString());
        } finally {
            if (!opened) {
                shared.close();
            }
        }
    }

    /**
     * Opens the configured ledger; a PostgreSQL ledger's tables are created or checked on the way.
     *
     * @param run the build that uses the ledger's credential, to record the use on; {@code null} for none
     * @throws CredentialsException when the ledger credential is missing or not a username with password, or the ledger
     *     key credential is missing, not secret text, or holds no valid key
     * @throws io.jenkins.plugins.releasepromotion.engine.ledger.postgres.PostgresUnavailableException when the database
     *     cannot be reached
     * @throws io.jenkins.plugins.releasepromotion.engine.ledger.postgres.PostgresRefusedException when it refuses the
     *     login, lacks a right or has a newer schema
     * @throws IllegalArgumentException when the URL does not read, or names no user and no credential gives one
     */
    public static ConfiguredLedger open(ReleasePromotionConfiguration global, Run<?, ?> run) {
        return open(global, run, LedgerWarnings.standardError());
    }

    /**
     * As {@link #open(ReleasePromotionConfiguration, Run)}, with the ledger's warnings (a damaged line, a record kept
     * in the spool) sent to {@code warnings}.
     */
    public static ConfiguredLedger open(ReleasePromotionConfiguration global, Run<?, ?> run, LedgerWarnings warnings) {
        String url = global.getLedgerUrl();
        String keyId = global.getLedgerKeyCredentialsId();
        LedgerKeys keys = keyId == null ? LedgerKeys.NONE : LedgerKeyCredential.keys(keyId, run);
        if (url == null) {
            return new ConfiguredLedger(
                    new JsonLinesLedger(global.ledgerPath(), warnings, keys),
                    null,
                    global.ledgerPath().toString());
        }
        PostgresTarget target = PostgresTarget.parse(url);
        String id = global.getLedgerCredentialsId();
        if (id == null) {
            return shared(
                    global,
                    PostgresLedger.open(target, null, null, PostgresTimeouts.defaults(), warnings, keys),
                    warnings);
        }
        StandardUsernamePasswordCredentials login = login(id);
        if (run != null) {
            CredentialsProvider.track(run, login);
        }
        char[] password = login.getPassword().getPlainText().toCharArray();
        try {
            return shared(
                    global,
                    PostgresLedger.open(
                            target, login.getUsername(), password, PostgresTimeouts.defaults(), warnings, keys),
                    warnings);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    /**
     * The ledger's login: a username-with-password credential of Jenkins itself, System or Global scope. Jenkins opens
     * the ledger, not the build, so it is looked up as SYSTEM at the root, where System-scoped credentials are found
     * (and builds, which cannot bind those, never see the password).
     */
    static StandardUsernamePasswordCredentials login(String id) {
        IdCredentials found = CredentialsMatchers.firstOrNull(
                CredentialsProvider.lookupCredentialsInItemGroup(
                        IdCredentials.class, Jenkins.get(), ACL.SYSTEM2, List.of()),
                CredentialsMatchers.withId(id));
        if (found == null) {
            throw CredentialsException.missing(id, LOGIN);
        }
        if (!(found instanceof StandardUsernamePasswordCredentials login)) {
            throw CredentialsException.wrongType(
                    id, LOGIN, "a " + found.getClass().getSimpleName() + " credential");
        }
        return login;
    }

    public Ledger ledger() {
        return ledger;
    }

    /** True when the ledger is the shared PostgreSQL one. */
    public boolean isShared() {
        return shared != null;
    }

    @Override
    public void close() {
        if (shared != null) {
            shared.close();
        }
    }

    /** Where the ledger is; never a password. */
    @Override
    public String toString() {
        return "ConfiguredLedger[" + where + "]";
    }
}
