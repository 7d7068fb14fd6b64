// Compile-only declaration of a Jenkins API type (same name and signatures as the real one); never packaged.
package org.jenkinsci.plugins.plaincredentials;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import hudson.util.Secret;
public interface StringCredentials extends StandardCredentials {
    Secret getSecret();
}
