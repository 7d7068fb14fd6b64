// Compile-only declaration of a Jenkins API type (same name and signatures as the real one); never packaged.
package hudson.model;
import hudson.security.SecurityRealm;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import jenkins.model.Jenkins;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
public class User {
    // The users Jenkins has records of (User.AllUsers), and what the security realm answers for each ID.
    static final Map<String, User> ALL = new ConcurrentHashMap<>();
    static Realm REALM = id -> {
        throw new UsernameNotFoundException(id);
    };
    interface Realm {
        Collection<? extends GrantedAuthority> loadAuthorities(String id) throws UsernameNotFoundException;
    }
    private final String id;
    protected User(String id) { this.id = id; }
    // User#getById, jenkins-2.541.3 l.686, with create=false: the existing record, or null; no permission check.
    public static User getById(String id, boolean create) {
        return id == null ? null : create ? ALL.computeIfAbsent(id, User::new) : ALL.get(id);
    }
    public String getId() { return id; }
    // User#impersonate2, l.423-425 and #getUserDetailsForImpersonation2, l.450-470: asks the security realm, which
    // throws UsernameNotFoundException for a user it does not know; no permission check.
    public Authentication impersonate2() throws UsernameNotFoundException {
        return new UsernamePasswordAuthenticationToken(id, "", REALM.loadAuthorities(id));
    }
    // User#getAuthorities, l.985-1007: empty unless the current thread has ADMINISTER; empty for an unknown user;
    // without "authenticated" and the user's own ID; sorted.
    public List<String> getAuthorities() {
        if (!Jenkins.get().hasPermission(Jenkins.ADMINISTER)) {
            return List.of();
        }
        Authentication authentication;
        try {
            authentication = impersonate2();
        } catch (UsernameNotFoundException x) {
            return List.of();
        }
        List<String> r = new ArrayList<>();
        for (GrantedAuthority a : authentication.getAuthorities()) {
            String n = a.getAuthority();
            if (!SecurityRealm.AUTHENTICATED_AUTHORITY2.getAuthority().equals(n) && n != null && !n.equals(id)) {
                r.add(n);
            }
        }
        r.sort(String.CASE_INSENSITIVE_ORDER);
        return r;
    }
}
