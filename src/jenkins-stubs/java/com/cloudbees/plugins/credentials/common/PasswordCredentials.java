// Compile-only declaration of a Jenkins API type (same name and signatures as the real one); never packaged.
package com.cloudbees.plugins.credentials.common;
import com.cloudbees.plugins.credentials.Credentials;
import hudson.util.Secret;
public interface PasswordCredentials extends Credentials {
    Secret getPassword();
}
