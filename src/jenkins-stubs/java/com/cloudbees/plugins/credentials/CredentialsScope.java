// Compile-only declaration of a Jenkins API type (same name and signatures as the real one); never packaged.
package com.cloudbees.plugins.credentials;
public enum CredentialsScope {
    SYSTEM,
    GLOBAL,
    USER
}
