package hudson.model;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * The users Jenkins has records of and what its security realm says about them. It lives in {@code hudson.model} to
 * set the user records and the realm of the API declarations.
 */
public final class TestUsers {
    private static final Map<String, List<String>> REALM = new HashMap<>();

    private TestUsers() {}

    /** A user who has logged in (so Jenkins has a record of them) and whom the realm puts in these groups. */
    public static synchronized void known(String id, String... groups) {
        User.getById(id, true);
        REALM.put(id, List.of(groups));
        User.REALM = TestUsers::load;
    }

    /** A user Jenkins has a record of but the realm no longer knows (removed from the directory). */
    public static synchronized void goneFromRealm(String id) {
        User.getById(id, true);
        REALM.remove(id);
        User.REALM = TestUsers::load;
    }

    /** A realm that cannot answer at all, as a directory server that is down. */
    public static synchronized void realmDown(RuntimeException failure) {
        User.REALM = id -> {
            throw failure;
        };
    }

    public static synchronized void forget() {
        REALM.clear();
        User.ALL.clear();
        User.REALM = id -> {
            throw new UsernameNotFoundException(id);
        };
    }

    private static synchronized List<GrantedAuthority> load(String id) {
        List<String> groups = REALM.get(id);
        if (groups == null) {
            throw new UsernameNotFoundException(id);
        }
        // As a realm's UserDetails: the groups plus "authenticated", which User#getAuthorities leaves out.
        return java.util.stream.Stream.concat(groups.stream(), java.util.stream.Stream.of("authenticated"))
                .map(g -> (GrantedAuthority) () -> g)
                .toList();
    }
}
