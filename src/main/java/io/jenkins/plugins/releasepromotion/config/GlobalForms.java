package io.jenkins.plugins.releasepromotion.config;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.util.FormValidation;
import io.jenkins.plugins.releasepromotion.engine.ledger.postgres.PostgresTarget;
import io.jenkins.plugins.releasepromotion.engine.model.TagPattern;
import io.jenkins.plugins.releasepromotion.engine.port.CredentialsException;
import java.nio.file.Path;

/** The global configuration's field checks, for the form and for saving. */
final class GlobalForms {
    private GlobalForms() {}

    static FormValidation checkTagPattern(String value) {
        if (value == null || value.isBlank()) {
            return FormValidation.ok();
        }
        try {
            TagPattern.of(value);
            return FormValidation.ok();
        } catch (IllegalArgumentException e) {
            return FormValidation.error(e.getMessage());
        }
    }

    static FormValidation checkLedgerDirectory(String value) {
        if (value == null || value.isBlank() || Path.of(value.strip()).isAbsolute()) {
            return FormValidation.ok();
        }
        return FormValidation.error(Messages.ReleasePromotionConfiguration_LedgerDirectoryAbsolute());
    }

    /** What is wrong with a ledger URL, in one line, or {@code null} for none or a good one. */
    static String problemOf(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        try {
            PostgresTarget.parse(url.strip());
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    /**
     * A credential that builds could bind as well (Global scope) is allowed with a warning: whoever can write a
     * Pipeline could then write to the ledger directly, past the gates.
     */
    static FormValidation checkLogin(String id) {
        if (id == null || id.isBlank()) {
            return FormValidation.ok();
        }
        StandardUsernamePasswordCredentials login;
        try {
            login = ConfiguredLedger.login(id.strip());
        } catch (CredentialsException e) {
            return FormValidation.error(e.getMessage());
        }
        if (login.getScope() != CredentialsScope.SYSTEM) {
            return FormValidation.warning(Messages.ReleasePromotionConfiguration_LedgerCredentialsBuildsCanBind(id));
        }
        return FormValidation.ok();
    }
}
