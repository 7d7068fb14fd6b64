package io.jenkins.plugins.releasepromotion.config;

import com.cloudbees.jenkins.plugins.sshcredentials.SSHUserPrivateKey;
import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.model.Item;
import hudson.model.Queue;
import hudson.model.queue.Tasks;
import hudson.security.ACL;
import hudson.util.ListBoxModel;
import java.util.List;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;

/**
 * Credential drop-downs. Only a user allowed to configure the place (Jenkins itself, or the job) sees the IDs that
 * exist, and only those a build can use; anyone else sees the value already chosen and nothing more.
 */
public final class CredentialsItems {

    private CredentialsItems() {}

    public static ListBoxModel sshKeys(Item item, String current) {
        return list(item, current, SSHUserPrivateKey.class);
    }

    /** Username/password and secret text credentials alike (flows and the DAG check take either). */
    public static ListBoxModel any(Item item, String current) {
        return list(item, current, StandardCredentials.class);
    }

    /**
     * The shared ledger's login: Jenkins itself opens the ledger, so the root's username-with-password credentials of
     * System scope (recommended: builds cannot bind them) and of Global scope; administrators only.
     */
    public static ListBoxModel ledgerLogins(String current) {
        return ofJenkins(current, StandardUsernamePasswordCredentials.class);
    }

    /** The ledger key: the root's Secret text credentials, System scope (recommended) and Global; administrators only. */
    public static ListBoxModel ledgerKeys(String current) {
        return ofJenkins(current, StringCredentials.class);
    }

    private static ListBoxModel ofJenkins(String current, Class<? extends StandardCredentials> type) {
        String value = current == null ? "" : current;
        StandardListBoxModel model = new StandardListBoxModel();
        if (!mayList(null)) {
            return model.includeCurrentValue(value);
        }
        return model.includeEmptyValue()
                .includeMatchingAs(ACL.SYSTEM2, Jenkins.get(), type, List.of(), CredentialsMatchers.always())
                .includeCurrentValue(value);
    }

    private static ListBoxModel list(Item item, String current, Class<? extends StandardCredentials> type) {
        String value = current == null ? "" : current;
        StandardListBoxModel model = new StandardListBoxModel();
        if (!mayList(item)) {
            return model.includeCurrentValue(value);
        }
        if (item == null) {
            // At the root, as SYSTEM, the credentials plugin also lists SYSTEM-scoped credentials (its
            // SystemCredentialsProvider.getCredentialsInItemGroup), which only Jenkins itself may use: a build
            // looking one up by ID never finds it. The global configuration names credentials for builds.
            return model.includeEmptyValue()
                    .includeMatchingAs(
                            ACL.SYSTEM2,
                            Jenkins.get(),
                            type,
                            List.of(),
                            CredentialsMatchers.not(CredentialsMatchers.withScope(CredentialsScope.SYSTEM)))
                    .includeCurrentValue(value);
        }
        return model.includeEmptyValue()
                .includeAs(item instanceof Queue.Task task ? Tasks.getAuthenticationOf2(task) : ACL.SYSTEM2, item, type)
                .includeCurrentValue(value);
    }

    static boolean mayList(Item item) {
        if (item == null) {
            return Jenkins.get().hasPermission(Jenkins.ADMINISTER);
        }
        return item.hasPermission(Item.EXTENDED_READ) || item.hasPermission(CredentialsProvider.USE_ITEM);
    }
}
