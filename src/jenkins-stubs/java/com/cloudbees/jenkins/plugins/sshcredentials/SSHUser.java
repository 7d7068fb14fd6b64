// Compile-only declaration of a Jenkins API type (same name and signatures as the real one); never packaged.
package com.cloudbees.jenkins.plugins.sshcredentials;
import com.cloudbees.plugins.credentials.common.StandardUsernameCredentials;
public interface SSHUser extends StandardUsernameCredentials {}
