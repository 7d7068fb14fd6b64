// Compile-only declaration of a Jenkins API type (same name and signatures as the real one); never packaged.
package org.jenkinsci.remoting;
public interface RoleSensitive {
    void checkRoles(RoleChecker checker) throws SecurityException;
}
