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
    public <C extends Credentials> List<C> getCredentialsInItemGroup(Class<C> type, ItemGroup itemGroup,
            Authentication authentication, List<DomainRequirement> domainRequirements) {
        return List.of();
    }
}
