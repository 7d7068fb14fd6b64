// Compile-only declaration of a Jenkins API type (same name and signatures as the real one); never packaged.
package com.cloudbees.plugins.credentials;
import java.io.Serializable;
public interface Credentials extends Serializable {
    // Abstract in the real interface; the default keeps the test credentials short: a credential in a job's or
    // the root store's GLOBAL domain, the kind builds use.
    default CredentialsScope getScope() { return CredentialsScope.GLOBAL; }
}
