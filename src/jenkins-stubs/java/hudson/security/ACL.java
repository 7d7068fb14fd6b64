// Compile-only declaration of a Jenkins API type (same name and signatures as the real one); never packaged.
package hudson.security;
import jenkins.model.Jenkins;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
public abstract class ACL {
    public static final String SYSTEM_USERNAME = "SYSTEM";
    public static final Authentication SYSTEM2 = new UsernamePasswordAuthenticationToken(SYSTEM_USERNAME, "SYSTEM");
    // ACL#checkPermission and #hasPermission, jenkins-2.541.3 l.70-79 and l.132-138: the current thread's
    // authentication; SYSTEM2 has every permission.
    public final void checkPermission(Permission p) {
        if (!hasPermission(p)) {
            throw new AccessDeniedException3(p);
        }
    }
    public final boolean hasPermission(Permission p) {
        Authentication a = Jenkins.getAuthentication2();
        if (a.equals(SYSTEM2)) {
            return true;
        }
        return hasPermission2(a, p);
    }
    public boolean hasPermission2(Authentication a, Permission permission) { return false; }
    // ACL#as2, l.477-481: replaces the thread's security context; ACLContext#close puts the previous one back.
    public static ACLContext as2(Authentication auth) {
        ACLContext context = new ACLContext(SecurityContextHolder.getContext());
        SecurityContextHolder.setContext(new NonSerializableSecurityContext(auth));
        return context;
    }
}
