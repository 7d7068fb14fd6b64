// Compile-only declaration of a Jenkins API type (same name and signatures as the real one); never packaged.
package com.cloudbees.plugins.credentials;
import com.cloudbees.plugins.credentials.common.IdCredentials;
import com.cloudbees.plugins.credentials.domains.DomainRequirement;
import hudson.ExtensionPoint;
import hudson.model.Describable;
import hudson.model.ItemGroup;
import hudson.model.Run;
import hudson.security.ACL;
import java.util.List;
import jenkins.model.Jenkins;
import org.springframework.security.core.Authentication;
public abstract class CredentialsProvider implements ExtensionPoint, Describable<CredentialsProvider> {
    public static final hudson.security.Permission USE_ITEM = new hudson.security.Permission("UseItem");
    public static <C extends IdCredentials> C findCredentialById(String id, Class<C> type, Run<?, ?> run) {
        for (CredentialsProvider provider : Jenkins.get().getExtensionList(CredentialsProvider.class)) {
            for (C c : provider.getCredentialsInItemGroup(type, Jenkins.get(), ACL.SYSTEM2, List.of())) {
                if (c.getId().equals(id)) {
                    return c;
                }
            }
        }
        return null;
    }
    public static <C extends Credentials> C track(Run build, C credentials) { return credentials; }
    // credentials 1453.v9b_a_29777a_b_fd lines 363-396: every provider's credentials of the type in the group (Jenkins
    // when null), as the authentication (SYSTEM when null) sees them, in provider order, each ID once.
    public static <C extends Credentials> List<C> lookupCredentialsInItemGroup(Class<C> type, ItemGroup itemGroup,
            Authentication authentication, List<DomainRequirement> domainRequirements) {
        ItemGroup group = itemGroup == null ? Jenkins.get() : itemGroup;
        Authentication as = authentication == null ? ACL.SYSTEM2 : authentication;
        List<C> result = new java.util.ArrayList<>();
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (CredentialsProvider provider : Jenkins.get().getExtensionList(CredentialsProvider.class)) {
            for (C c : provider.getCredentialsInItemGroup(type, group, as,
                    domainRequirements == null ? List.of() : domainRequirements)) {
                if (!(c instanceof IdCredentials id) || ids.add(id.getId())) {
                    result.add(c);
                }
            }
        }
        return result;
    }
    // credentials 1502.v5c95e620ddfe lines 432-470 and 1376-1388: every provider's credentials in the group, as
    // the authentication sees them, filtered by the matcher, each ID once.
    public static <C extends IdCredentials> hudson.util.ListBoxModel listCredentialsInItemGroup(Class<C> type,
            ItemGroup itemGroup, Authentication authentication, List<DomainRequirement> domainRequirements,
            CredentialsMatcher matcher) {
        hudson.util.ListBoxModel result = new hudson.util.ListBoxModel();
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (CredentialsProvider provider : Jenkins.get().getExtensionList(CredentialsProvider.class)) {
            for (C c : provider.getCredentialsInItemGroup(type, itemGroup, authentication, domainRequirements)) {
                if (matcher.matches(c) && ids.add(c.getId())) {
                    result.add(c.getId(), c.getId());
                }
            }
        }
        return result;
    }
    public <C extends Credentials> List<C> getCredentialsInItemGroup(Class<C> type, ItemGroup itemGroup,
            Authentication authentication, List<DomainRequirement> domainRequirements) {
        return List.of();
    }
}
