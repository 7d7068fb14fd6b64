// Compile-only declaration of a Jenkins API type (same name and signatures as the real one); never packaged.
package org.springframework.security.authentication;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
public class UsernamePasswordAuthenticationToken implements Authentication {
    private static final long serialVersionUID = 1L;
    private final Object principal;
    private final Object credentials;
    private final List<GrantedAuthority> authorities;
    public UsernamePasswordAuthenticationToken(Object principal, Object credentials) {
        this(principal, credentials, List.of());
    }
    public UsernamePasswordAuthenticationToken(
            Object principal, Object credentials, Collection<? extends GrantedAuthority> authorities) {
        this.principal = principal;
        this.credentials = credentials;
        this.authorities = List.copyOf(authorities);
    }
    @Override
    public String getName() { return String.valueOf(principal); }
    @Override
    public Collection<GrantedAuthority> getAuthorities() { return authorities; }
    // AbstractAuthenticationToken#equals: same principal, credentials and authorities.
    @Override
    public boolean equals(Object o) {
        return o instanceof UsernamePasswordAuthenticationToken t
                && Objects.equals(principal, t.principal)
                && Objects.equals(credentials, t.credentials)
                && authorities.equals(t.authorities);
    }
    @Override
    public int hashCode() { return Objects.hash(principal, credentials); }
}
