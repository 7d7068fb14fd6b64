package io.jenkins.plugins.releasepromotion.engine.deploy.ssh;

import io.jenkins.plugins.releasepromotion.engine.port.Credentials;
import io.jenkins.plugins.releasepromotion.engine.port.CredentialsException;
import java.util.Map;

/** Credentials held in memory, as the command line keeps those it read from files. */
record MapCredentials(Map<String, Object> byId) implements Credentials {

    static MapCredentials of(Credentials.SshKey key) {
        return new MapCredentials(Map.of(key.id(), key));
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

    private <T> T find(String id, Class<T> type, String typeName) {
        Object found = byId.get(id);
        if (found == null) {
            throw CredentialsException.missing(id, typeName);
        }
        if (!type.isInstance(found)) {
            throw CredentialsException.wrongType(id, typeName, found.getClass().getSimpleName());
        }
        return type.cast(found);
    }
}
