// Compile-only declaration of a Jenkins API type (same name and signatures as the real one); never packaged.
package hudson.model;
import hudson.security.AccessControlled;
import hudson.security.Permission;
public interface Item extends AccessControlled {
    Permission CONFIGURE = new Permission("Configure");
    Permission EXTENDED_READ = new Permission("ExtendedRead");
    String getFullName();
}
