// Compile-only declaration of a Jenkins API type (same name and signatures as the real one); never packaged.
package hudson.security;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
public class NonSerializableSecurityContext implements SecurityContext {
    private static final long serialVersionUID = 1L;
    private transient Authentication authentication;
    public NonSerializableSecurityContext(Authentication authentication) { this.authentication = authentication; }
    @Override
    public Authentication getAuthentication() { return authentication; }
    @Override
    public void setAuthentication(Authentication authentication) { this.authentication = authentication; }
}
