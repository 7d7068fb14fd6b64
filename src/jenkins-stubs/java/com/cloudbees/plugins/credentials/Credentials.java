// Compile-only declaration of a Jenkins API type (same name and signatures as the real one); never packaged.
package com.cloudbees.plugins.credentials;
import java.io.Serializable;
public interface Credentials extends Serializable {
    CredentialsScope getScope();
}
