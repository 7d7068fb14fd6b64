package io.jenkins.plugins.releasepromotion.config;

import com.cloudbees.plugins.credentials.Credentials;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.common.IdCredentials;
import com.cloudbees.plugins.credentials.domains.DomainRequirement;
import hudson.model.ItemGroup;
import hudson.security.ACL;
import java.util.ArrayList;
import java.util.List;
import jenkins.model.Jenkins;
import org.springframework.security.core.Authentication;

/**
 * The root credential store, as {@code SystemCredentialsProvider.ProviderImpl.getCredentialsInItemGroup} (credentials
 * 1502.v5c95e620ddfe lines 432-441) answers: to SYSTEM, at the root ({@code Jenkins.get() == itemGroup}) every
 * credential, SYSTEM-scoped ones included; in any other group only the others; to anyone else nothing. {@code
 * CredentialsScope.SYSTEM} (lines 37-55) is "only available to the object on which the credential is associated":
 * Jenkins itself, never a build.
 */
final class RootCredentialsStore extends CredentialsProvider {
    private final List<IdCredentials> stored;

    RootCredentialsStore(List<? extends IdCredentials> stored) {
        this.stored = List.copyOf(stored);
    }

    @Override
    public <C extends Credentials> List<C> getCredentialsInItemGroup(
            Class<C> type, ItemGroup itemGroup, Authentication authentication, List<DomainRequirement> requirements) {
        List<C> found = new ArrayList<>();
        if (ACL.SYSTEM2.equals(authentication)) {
            for (IdCredentials c : stored) {
                if (type.isInstance(c) && (Jenkins.get() == itemGroup || c.getScope() != CredentialsScope.SYSTEM)) {
                    found.add(type.cast(c));
                }
            }
        }
        return found;
    }
}
