package io.jenkins.plugins.releasepromotion.steps;

import com.cloudbees.jenkins.plugins.sshcredentials.SSHUserPrivateKey;
import com.cloudbees.plugins.credentials.Credentials;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.common.IdCredentials;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import com.cloudbees.plugins.credentials.domains.DomainRequirement;
import hudson.model.ItemGroup;
import hudson.util.Secret;
import java.util.ArrayList;
import java.util.List;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.springframework.security.core.Authentication;

/** A credentials store with the three kinds the steps use. */
final class TestCredentials extends CredentialsProvider {
    private final List<IdCredentials> all = new ArrayList<>();

    TestCredentials sshKey(String id, String user, String key, String passphrase) {
        all.add(new SSHUserPrivateKey() {
            @Override
            public CredentialsScope getScope() {
                return CredentialsScope.GLOBAL;
            }

            @Override
            public Secret getPassphrase() {
                return passphrase == null ? null : Secret.fromString(passphrase);
            }

            @Override
            public List<String> getPrivateKeys() {
                return List.of(key);
            }

            @Override
            public String getUsername() {
                return user;
            }

            @Override
            public String getDescription() {
                return "";
            }

            @Override
            public String getId() {
                return id;
            }
        });
        return this;
    }

    TestCredentials usernamePassword(String id, String user, String password) {
        return usernamePassword(id, user, password, CredentialsScope.GLOBAL);
    }

    TestCredentials usernamePassword(String id, String user, String password, CredentialsScope scope) {
        all.add(new StandardUsernamePasswordCredentials() {
            @Override
            public CredentialsScope getScope() {
                return scope;
            }

            @Override
            public Secret getPassword() {
                return Secret.fromString(password);
            }

            @Override
            public String getUsername() {
                return user;
            }

            @Override
            public String getDescription() {
                return "";
            }

            @Override
            public String getId() {
                return id;
            }
        });
        return this;
    }

    TestCredentials secretText(String id, String secret) {
        all.add(new StringCredentials() {
            @Override
            public CredentialsScope getScope() {
                return CredentialsScope.GLOBAL;
            }

            @Override
            public Secret getSecret() {
                return Secret.fromString(secret);
            }

            @Override
            public String getDescription() {
                return "";
            }

            @Override
            public String getId() {
                return id;
            }
        });
        return this;
    }

    IdCredentials find(String id) {
        return all.stream().filter(c -> c.getId().equals(id)).findFirst().orElse(null);
    }

    @Override
    public <C extends Credentials> List<C> getCredentialsInItemGroup(
            Class<C> type, ItemGroup itemGroup, Authentication authentication, List<DomainRequirement> requirements) {
        return all.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
