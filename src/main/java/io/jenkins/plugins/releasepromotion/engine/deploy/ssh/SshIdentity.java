package io.jenkins.plugins.releasepromotion.engine.deploy.ssh;

import io.jenkins.plugins.releasepromotion.engine.port.CommandException;
import io.jenkins.plugins.releasepromotion.engine.port.Credentials;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import javax.security.auth.login.FailedLoginException;
import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.config.keys.FilePasswordProvider;
import org.apache.sshd.common.util.security.SecurityUtils;

/**
 * Reads the key pair of an SSH key credential from its text (OpenSSH or PEM, encrypted or not), in memory: the key
 * is never written to disk. A key that cannot be read is a one-line error naming the credential, never the key.
 */
final class SshIdentity {
    static {
        SshSecurity.configure();
    }

    private SshIdentity() {}

    static List<KeyPair> load(Credentials.SshKey key) {
        boolean hasPassphrase = key.passphrase() != null && !key.passphrase().isEmpty();
        FilePasswordProvider passwords =
                hasPassphrase ? FilePasswordProvider.of(key.passphrase()) : FilePasswordProvider.EMPTY;
        String text = key.privateKey() == null ? "" : key.privateKey();
        Iterable<KeyPair> pairs;
        try {
            pairs = SecurityUtils.loadKeyPairIdentities(
                    null,
                    NamedResource.ofName(key.id()),
                    new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
                    passwords);
        } catch (FailedLoginException e) {
            throw unreadable(
                    key,
                    "it is encrypted and the credential has no passphrase; add the passphrase to the" + " credential");
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            // The causes say nothing a person can act on and may quote key material, so they are left out.
            throw unreadable(key, hasPassphrase ? passphraseHint() : formatHint());
        }
        List<KeyPair> loaded = new ArrayList<>();
        if (pairs != null) {
            pairs.forEach(loaded::add);
        }
        if (loaded.isEmpty()) {
            throw unreadable(key, formatHint());
        }
        return List.copyOf(loaded);
    }

    private static String passphraseHint() {
        return "the passphrase is wrong or the key is damaged; check the credential's passphrase, or paste the whole"
                + " private key again";
    }

    private static String formatHint() {
        return "it is not an OpenSSH or PEM private key; paste the whole private key, from its BEGIN line to its END"
                + " line, into the credential";
    }

    private static CommandException unreadable(Credentials.SshKey key, String reason) {
        return new CommandException("The private key of credential '" + key.id() + "' cannot be read: " + reason + ".");
    }
}
