// Compile-only declaration of a Jenkins API type (same name and signatures as the real one); never packaged.
package org.springframework.security.core.userdetails;
import org.springframework.security.core.AuthenticationException;
public class UsernameNotFoundException extends AuthenticationException {
    private static final long serialVersionUID = 1L;
    public UsernameNotFoundException(String msg) { super(msg); }
}
