// Compile-only declaration of a Jenkins API type (same name and signatures as the real one); never packaged.
package com.cloudbees.plugins.credentials.common;
import hudson.model.Item;
import hudson.model.ItemGroup;
import hudson.util.ListBoxModel;
import org.springframework.security.core.Authentication;
public abstract class AbstractIdCredentialsListBoxModel<T extends AbstractIdCredentialsListBoxModel<T, C>, C extends IdCredentials>
        extends ListBoxModel {
    private static final long serialVersionUID = 1L;
    // credentials 1502.v5c95e620ddfe lines 171-179 and 579-592: the empty choice first and once; a current value not
    // listed goes first after it
    public AbstractIdCredentialsListBoxModel<T, C> includeEmptyValue() {
        if (stream().noneMatch(o -> "".equals(o.value))) {
            add(0, new Option("- none -", ""));
        }
        return this;
    }
    public AbstractIdCredentialsListBoxModel<T, C> includeAs(Authentication authentication, Item context,
            Class<? extends C> type) {
        return this;
    }
    // credentials 1502.v5c95e620ddfe lines 363-367 and 396-402: every credential of the type the group offers
    public AbstractIdCredentialsListBoxModel<T, C> includeAs(Authentication authentication, ItemGroup context,
            Class<? extends C> type) {
        return includeMatchingAs(authentication, context, type, java.util.List.of(),
                com.cloudbees.plugins.credentials.CredentialsMatchers.always());
    }
    // credentials 1502.v5c95e620ddfe lines 561-568: adds what listCredentialsInItemGroup lists, skipping IDs present
    public AbstractIdCredentialsListBoxModel<T, C> includeMatchingAs(Authentication authentication, ItemGroup context,
            Class<? extends C> type, java.util.List<com.cloudbees.plugins.credentials.domains.DomainRequirement> domainRequirements,
            com.cloudbees.plugins.credentials.CredentialsMatcher matcher) {
        for (Option o : com.cloudbees.plugins.credentials.CredentialsProvider.listCredentialsInItemGroup(
                type, context, authentication, domainRequirements, matcher)) {
            if (stream().noneMatch(existing -> existing.value.equals(o.value))) {
                add(o);
            }
        }
        return this;
    }
    public AbstractIdCredentialsListBoxModel<T, C> includeCurrentValue(String value) {
        if (value == null || value.isEmpty()) {
            return includeEmptyValue();
        }
        if (stream().anyMatch(o -> value.equals(o.value))) {
            return this;
        }
        add(isEmpty() ? 0 : "".equals(get(0).value) ? 1 : 0, new Option("Current selection", value));
        return this;
    }
}
