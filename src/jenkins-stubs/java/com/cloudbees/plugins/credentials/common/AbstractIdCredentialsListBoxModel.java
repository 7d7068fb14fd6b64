// Compile-only declaration of a Jenkins API type (same name and signatures as the real one); never packaged.
package com.cloudbees.plugins.credentials.common;
import hudson.model.Item;
import hudson.model.ItemGroup;
import hudson.util.ListBoxModel;
import org.springframework.security.core.Authentication;
public abstract class AbstractIdCredentialsListBoxModel<T extends AbstractIdCredentialsListBoxModel<T, C>, C extends IdCredentials>
        extends ListBoxModel {
    private static final long serialVersionUID = 1L;
    public AbstractIdCredentialsListBoxModel<T, C> includeEmptyValue() {
        add("- none -", "");
        return this;
    }
    public AbstractIdCredentialsListBoxModel<T, C> includeAs(Authentication authentication, Item context,
            Class<? extends C> type) {
        return this;
    }
    public AbstractIdCredentialsListBoxModel<T, C> includeAs(Authentication authentication, ItemGroup context,
            Class<? extends C> type) {
        return this;
    }
    public AbstractIdCredentialsListBoxModel<T, C> includeCurrentValue(String value) {
        add(value, value);
        return this;
    }
}
