// Compile-only declaration of a Jenkins API type (same name and signatures as the real one); never packaged.
package com.cloudbees.jenkins.plugins.sshcredentials;
import hudson.util.Secret;
import java.util.List;
public interface SSHUserPrivateKey extends SSHUser {
    Secret getPassphrase();
    List<String> getPrivateKeys();
}
