// Compile-only declaration of a Jenkins API type (same name and signatures as the real one); never packaged.
package hudson.security;
import org.springframework.security.access.AccessDeniedException;
public interface AccessControlled {
    ACL getACL();
    default void checkPermission(Permission permission) throws AccessDeniedException {
        getACL().checkPermission(permission);
    }
    default boolean hasPermission(Permission permission) {
        return getACL().hasPermission(permission);
    }
}
