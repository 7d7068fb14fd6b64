// Compile-only declaration of a Jenkins API type (same name and signatures as the real one); never packaged.
package hudson.security;
import hudson.ExtensionPoint;
import hudson.model.AbstractDescribableImpl;
import org.springframework.security.core.GrantedAuthority;
public abstract class SecurityRealm extends AbstractDescribableImpl<SecurityRealm> implements ExtensionPoint {
    public static final GrantedAuthority AUTHENTICATED_AUTHORITY2 = () -> "authenticated";
}
