// Compile-only declaration of a Jenkins API type (same name and signatures as the real one); never packaged.
package hudson.security;
import org.springframework.security.access.AccessDeniedException;
public class AccessDeniedException3 extends AccessDeniedException {
    private static final long serialVersionUID = 1L;
    public final Permission permission;
    AccessDeniedException3(Permission permission) {
        super("missing the " + permission.name + " permission");
        this.permission = permission;
    }
}
