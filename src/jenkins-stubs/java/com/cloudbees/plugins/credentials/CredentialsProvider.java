// Compile-only declaration of a Jenkins API type (same name and signatures as the real one); never packaged.
package com.cloudbees.plugins.credentials;
import com.cloudbees.plugins.credentials.common.IdCredentials;
import hudson.ExtensionPoint;
import hudson.model.Describable;
import hudson.model.Run;
public abstract class CredentialsProvider implements ExtensionPoint, Describable<CredentialsProvider> {
    public static final hudson.security.Permission USE_ITEM = new hudson.security.Permission("UseItem");
    public static <C extends IdCredentials> C findCredentialById(String id, Class<C> type, Run<?, ?> run) {
        return null;
    }
    public static <C extends Credentials> C track(Run build, C credentials) { return credentials; }
}
