package io.jenkins.plugins.releasepromotion.steps;

import com.cloudbees.jenkins.plugins.sshcredentials.SSHUserPrivateKey;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.IdCredentials;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.model.Run;
import hudson.util.Secret;
import io.jenkins.plugins.releasepromotion.engine.config.CheckConfig;
import io.jenkins.plugins.releasepromotion.engine.config.EnvironmentConfig;
import io.jenkins.plugins.releasepromotion.engine.config.FlowRequest;
import io.jenkins.plugins.releasepromotion.engine.port.Credentials;
import io.jenkins.plugins.releasepromotion.engine.port.CredentialsException;
import java.util.List;
import java.util.function.Function;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;

/**
 * Looks credentials up by ID in the build's context (the job's folders, then Jenkins), records their use on the build,
 * and turns them into the engine's plain values. A missing ID or one of another type is a one-line
 * {@link CredentialsException} naming the ID and the type expected.
 */
final class JenkinsCredentials {
    private static final String EITHER = CredentialSnapshot.USERNAME_PASSWORD + " or " + CredentialSnapshot.SECRET_TEXT;

    private final Function<String, IdCredentials> lookup;

    JenkinsCredentials(Run<?, ?> run) {
        this(id ->
                CredentialsProvider.track(run, CredentialsProvider.findCredentialById(id, IdCredentials.class, run)));
    }

    /** @param lookup finds (and tracks) the credential with an ID, or {@code null} */
    JenkinsCredentials(Function<String, IdCredentials> lookup) {
        this.lookup = lookup;
    }

    /** Every credential the environment names, checked for its type before anything runs. */
    CredentialSnapshot snapshot(EnvironmentConfig env) {
        CredentialSnapshot snapshot = new CredentialSnapshot();
        if (env.deploy() != null && env.deploy().ssh() != null) {
            sshKey(snapshot, env.deploy().ssh().credentialsId());
        }
        for (CheckConfig check : env.checks()) {
            if (check.credentialsId() != null) {
                httpCredential(snapshot, check.credentialsId(), check.auth());
            }
            List<FlowRequest> requests = check.requests() == null ? List.of() : check.requests();
            for (FlowRequest request : requests) {
                if (request.credentialsId() != null) {
                    httpCredential(snapshot, request.credentialsId(), null);
                }
            }
        }
        return snapshot;
    }

    private void sshKey(CredentialSnapshot snapshot, String id) {
        IdCredentials found = find(id, CredentialSnapshot.SSH_KEY);
        if (!(found instanceof SSHUserPrivateKey key)) {
            throw CredentialsException.wrongType(id, CredentialSnapshot.SSH_KEY, kind(found));
        }
        Secret passphrase = key.getPassphrase();
        snapshot.add(new Credentials.SshKey(
                id,
                key.getUsername(),
                String.join("\n", key.getPrivateKeys()),
                passphrase == null || passphrase.getPlainText().isEmpty() ? null : passphrase.getPlainText()));
    }

    /** Basic authentication needs a username and password, bearer a secret text; unsaid, either serves. */
    private void httpCredential(CredentialSnapshot snapshot, String id, String auth) {
        if (snapshot.contains(id)) {
            return;
        }
        String expected = "bearer".equalsIgnoreCase(auth)
                ? CredentialSnapshot.SECRET_TEXT
                : "basic".equalsIgnoreCase(auth) ? CredentialSnapshot.USERNAME_PASSWORD : EITHER;
        IdCredentials found = find(id, expected);
        if (found instanceof StandardUsernamePasswordCredentials user
                && !expected.equals(CredentialSnapshot.SECRET_TEXT)) {
            snapshot.add(new Credentials.UsernamePassword(
                    id, user.getUsername(), user.getPassword().getPlainText()));
        } else if (found instanceof StringCredentials text && !expected.equals(CredentialSnapshot.USERNAME_PASSWORD)) {
            snapshot.add(new Credentials.SecretText(id, text.getSecret().getPlainText()));
        } else {
            throw CredentialsException.wrongType(id, expected, kind(found));
        }
    }

    private IdCredentials find(String id, String expected) {
        IdCredentials found = lookup.apply(id);
        if (found == null) {
            throw CredentialsException.missing(id, expected);
        }
        return found;
    }

    private static String kind(IdCredentials credentials) {
        if (credentials instanceof SSHUserPrivateKey) {
            return CredentialSnapshot.SSH_KEY;
        }
        if (credentials instanceof StandardUsernamePasswordCredentials) {
            return CredentialSnapshot.USERNAME_PASSWORD;
        }
        if (credentials instanceof StringCredentials) {
            return CredentialSnapshot.SECRET_TEXT;
        }
        return "a " + credentials.getClass().getSimpleName() + " credential";
    }
}
