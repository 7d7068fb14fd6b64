package io.jenkins.plugins.releasepromotion.config;

import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.common.IdCredentials;
import hudson.model.Run;
import hudson.security.ACL;
import hudson.util.FormValidation;
import io.jenkins.plugins.releasepromotion.engine.ledger.LedgerKeys;
import io.jenkins.plugins.releasepromotion.engine.port.CredentialsException;
import java.util.List;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;

/**
 * The ledger key: a Secret text credential of Jenkins itself holding one key, or several separated by spaces (the
 * first signs, every one verifies, so a key can be replaced without losing what the old one signed). Looked up as
 * SYSTEM at the root, as the ledger's login is; the key goes to the ledger only, never to a message.
 */
final class LedgerKeyCredential {
    static final String TYPE = "secret text";

    private LedgerKeyCredential() {}

    /**
     * The keys of the credential {@code id}.
     *
     * @param run the build that uses it, to record the use on; {@code null} for none
     * @throws CredentialsException when the credential is missing, of another kind, or holds no valid key
     */
    static LedgerKeys keys(String id, Run<?, ?> run) {
        StringCredentials found = find(id);
        if (run != null) {
            CredentialsProvider.track(run, found);
        }
        try {
            return LedgerKeys.parse(
                    "the credential '" + id + "'", found.getSecret().getPlainText());
        } catch (IllegalArgumentException e) {
            throw new CredentialsException(e.getMessage());
        }
    }

    static StringCredentials find(String id) {
        IdCredentials found = CredentialsMatchers.firstOrNull(
                CredentialsProvider.lookupCredentialsInItemGroup(
                        IdCredentials.class, Jenkins.get(), ACL.SYSTEM2, List.of()),
                CredentialsMatchers.withId(id));
        if (found == null) {
            throw CredentialsException.missing(id, TYPE);
        }
        if (!(found instanceof StringCredentials text)) {
            throw CredentialsException.wrongType(
                    id, TYPE, "a " + found.getClass().getSimpleName() + " credential");
        }
        return text;
    }

    /**
     * A key that builds could bind as well (Global scope) is allowed with a warning: whoever can write a Pipeline
     * could then sign records of their own.
     */
    static FormValidation check(String id) {
        if (id == null || id.isBlank()) {
            return FormValidation.ok();
        }
        try {
            keys(id.strip(), null);
            if (find(id.strip()).getScope() != CredentialsScope.SYSTEM) {
                return FormValidation.warning(Messages.ReleasePromotionConfiguration_LedgerKeyBuildsCanBind(id));
            }
            return FormValidation.ok();
        } catch (CredentialsException e) {
            return FormValidation.error(e.getMessage());
        }
    }
}
