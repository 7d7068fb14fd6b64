package io.jenkins.plugins.releasepromotion.engine.port;

import java.util.HashMap;
import java.util.Map;

/** The credentials port over a map, as a credentials store answers it. */
public final class MapCredentials implements Credentials {
    private final Map<String, Object> byId = new HashMap<>();

    /** Credentials holding just this SSH key. */
    public static MapCredentials of(SshKey key) {
        MapCredentials credentials = new MapCredentials();
        credentials.byId.put(key.id(), key);
        return credentials;
    }

    public MapCredentials user(String id, String username, String password) {
        byId.put(id, new UsernamePassword(id, username, password));
        return this;
    }

    public MapCredentials token(String id, String secret) {
        byId.put(id, new SecretText(id, secret));
        return this;
    }

    @Override
    public UsernamePassword usernamePassword(String id) {
        return find(id, UsernamePassword.class, "username with password");
    }

    @Override
    public SecretText secretText(String id) {
        return find(id, SecretText.class, "secret text");
    }

    @Override
    public SshKey sshKey(String id) {
        return find(id, SshKey.class, "SSH private key");
    }

    private <T> T find(String id, Class<T> type, String name) {
        Object found = byId.get(id);
        if (found == null) {
            throw CredentialsException.missing(id, name);
        }
        if (!type.isInstance(found)) {
            throw CredentialsException.wrongType(id, name, found.getClass().getSimpleName());
        }
        return type.cast(found);
    }
}
