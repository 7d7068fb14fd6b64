// Compile-only declaration of a Jenkins API type (same name and signatures as the real one); never packaged.
package hudson.security;
import org.springframework.security.core.Authentication;
public abstract class ACL {
    public static final Authentication SYSTEM2 = () -> "SYSTEM";
    public final void checkPermission(Permission p) {
        if (!hasPermission(p)) {
            throw new AccessDeniedException3(p);
        }
    }
    public final boolean hasPermission(Permission p) {
        return hasPermission2(SYSTEM2, p);
    }
    public boolean hasPermission2(Authentication a, Permission permission) { return false; }
}
