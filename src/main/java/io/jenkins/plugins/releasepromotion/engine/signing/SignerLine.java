package io.jenkins.plugins.releasepromotion.engine.signing;

import io.jenkins.plugins.releasepromotion.engine.deploy.ssh.SshSecurity;
import io.jenkins.plugins.releasepromotion.engine.model.DisplayText;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;

/**
 * One line of an {@code allowed_signers} file: {@code principals [options] keytype base64-key [comment]}.
 *
 * @param principals the approver names the key signs for, in the order the line lists them
 * @param namespaces the namespace patterns the key may sign in; empty means any
 * @param validAfter the key counts only after this instant; {@code null} for always
 * @param validBefore the key counts only before this instant; {@code null} for always
 * @param certAuthority the line lists a certificate authority, not an approver's key
 */
public record SignerLine(
        List<String> principals,
        List<String> namespaces,
        Instant validAfter,
        Instant validBefore,
        boolean certAuthority,
        PublicKey key) {
    static {
        SshSecurity.configure();
    }

    private static final Set<String> KEY_TYPES =
            Set.of("ssh-ed25519", "ssh-rsa", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521");

    public SignerLine {
        principals = List.copyOf(principals);
        namespaces = List.copyOf(namespaces);
    }

    /** The key's fingerprint as {@code ssh-keygen -l} shows it, e.g. {@code SHA256:…}. */
    public String fingerprint() {
        return KeyUtils.getFingerPrint(key);
    }

    /** The key's type, e.g. {@code ssh-ed25519}. */
    public String keyType() {
        return KeyUtils.getKeyType(key);
    }

    boolean allows(String namespace, Instant when) {
        return (namespaces.isEmpty() || namespaces.stream().anyMatch(p -> Glob.matches(p, namespace)))
                && (validAfter == null || !when.isBefore(validAfter))
                && (validBefore == null || when.isBefore(validBefore));
    }

    static SignerLine parse(String line) {
        List<String> fields = Fields.split(line, ' ');
        if (fields.size() < 3) {
            throw new IllegalArgumentException("expected principals, optional options, key type and key, found "
                    + fields.size() + " fields; write e.g. 'alice ssh-ed25519 AAAA…'");
        }
        boolean hasOptions = !isKeyType(fields.get(1));
        int typeAt = hasOptions ? 2 : 1;
        if (fields.size() < typeAt + 2) {
            throw new IllegalArgumentException("the key is missing after the options; write e.g."
                    + " 'alice namespaces=\"release-promotion\" ssh-ed25519 AAAA…'");
        }
        SignerOptions options = SignerOptions.parse(hasOptions ? fields.get(1) : "");
        return new SignerLine(
                options.certAuthority() ? List.of(fields.get(0)) : principals(fields.get(0)),
                options.namespaces(),
                options.validAfter(),
                options.validBefore(),
                options.certAuthority(),
                key(fields.get(typeAt), fields.get(typeAt + 1)));
    }

    private static List<String> principals(String field) {
        List<String> names = new ArrayList<>();
        for (String name : Fields.split(Fields.unquote(field), ',')) {
            if (name.isEmpty() || name.contains("*") || name.contains("?") || name.startsWith("!")) {
                throw new IllegalArgumentException("principal '" + DisplayText.of(name)
                        + "' is not an approver name; list each approver by name, without patterns");
            }
            names.add(name);
        }
        return names;
    }

    private static boolean isKeyType(String field) {
        return KEY_TYPES.contains(field)
                || field.startsWith("ssh-")
                || field.startsWith("ecdsa-")
                || field.startsWith("sk-");
    }

    private static PublicKey key(String type, String base64) {
        if (!KEY_TYPES.contains(type)) {
            throw new IllegalArgumentException("key type '" + DisplayText.of(type)
                    + "' is not supported; use an ssh-ed25519, ecdsa-sha2-nistp256/384/521 or ssh-rsa key");
        }
        try {
            PublicKey key = PublicKeyEntry.parsePublicKeyEntry(type + " " + base64)
                    .resolvePublicKey(null, null, PublicKeyEntryResolver.FAILING);
            if (key == null || !type.equals(KeyUtils.getKeyType(key))) {
                throw new IllegalArgumentException("not a " + type + " key");
            }
            return key;
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("the " + type + " key does not decode ("
                    + e.getClass().getSimpleName() + "); copy the whole line of the approver's .pub file");
        }
    }
}
