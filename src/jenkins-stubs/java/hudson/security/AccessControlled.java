// Compile-only declaration of a Jenkins API type (same name and signatures as the real one); never packaged.
package hudson.security;
import jenkins.model.Jenkins;
import org.springframework.security.access.AccessDeniedException;
public interface AccessControlled {
    ACL getACL();
    default void checkPermission(Permission permission) throws AccessDeniedException {
        if (Jenkins.getAuthentication2().equals(ACL.SYSTEM2)) {
            return;
        }
        getACL().checkPermission(permission);
    }
    default boolean hasPermission(Permission permission) {
        if (Jenkins.getAuthentication2().equals(ACL.SYSTEM2)) {
            return true;
        }
        return getACL().hasPermission(permission);
    }
}
