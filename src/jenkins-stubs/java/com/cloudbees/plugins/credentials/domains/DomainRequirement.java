// Compile-only declaration of a Jenkins API type (same name and signatures as the real one); never packaged.
package com.cloudbees.plugins.credentials.domains;
import hudson.ExtensionPoint;
import java.io.Serializable;
public class DomainRequirement implements ExtensionPoint, Serializable {
    private static final long serialVersionUID = 1L;
    public DomainRequirement() {}
}
