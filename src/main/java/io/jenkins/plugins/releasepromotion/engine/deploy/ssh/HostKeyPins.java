package io.jenkins.plugins.releasepromotion.engine.deploy.ssh;

import io.jenkins.plugins.releasepromotion.engine.config.SshDeployConfig;
import io.jenkins.plugins.releasepromotion.engine.model.DisplayText;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.apache.sshd.client.config.hosts.KnownHostEntry;
import org.apache.sshd.common.util.buffer.ByteArrayBuffer;

/**
 * The host keys the configuration pins for the deploy host: {@code known_hosts} lines (plain, hashed {@code |1|} or
 * {@code [host]:port} entries, {@code @revoked} markers) or one {@code SHA256:} fingerprint. Keys are compared by
 * their SHA-256 fingerprint, the form people check out of band.
 */
final class HostKeyPins {
    static {
        SshSecurity.configure();
    }

    private static final String MARKER_REVOKED = "revoked";
    private static final String MARKER_CA = "cert-authority";

    /**
     * One pinned key.
     *
     * @param entry its {@code known_hosts} line, or {@code null} for a fingerprint, which pins the configured host
     * @param keyType e.g. {@code ssh-ed25519}, or {@code null} for a fingerprint
     */
    record Pin(KnownHostEntry entry, String keyType, String fingerprint, boolean revoked) {

        boolean pinsHost(String host, int port) {
            return entry == null || entry.isHostMatch(host, port);
        }

        /** The hosts of its line as written; a hashed line names none. */
        String hosts() {
            if (entry == null) {
                return "the configured host";
            }
            String first = entry.getConfigLine().split(" ")[revoked ? 1 : 0];
            return first.startsWith("|") ? "a hashed host name" : first;
        }

        String describe() {
            return fingerprint + (keyType == null ? "" : " (" + keyType + ")");
        }
    }

    private final List<Pin> pins;

    private HostKeyPins(List<Pin> pins) {
        this.pins = List.copyOf(pins);
    }

    static HostKeyPins of(SshDeployConfig config) {
        if (config.hostKey() != null && !config.hostKey().isBlank()) {
            String fingerprint = config.hostKey().trim().replaceAll("=+$", "");
            return new HostKeyPins(List.of(new Pin(null, null, fingerprint, false)));
        }
        return knownHosts(config.knownHosts() == null ? "" : config.knownHosts());
    }

    /** Reads {@code known_hosts} lines; {@code @cert-authority} lines are skipped, as host certificates are not used. */
    static HostKeyPins knownHosts(String text) {
        List<Pin> pins = new ArrayList<>();
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            KnownHostEntry entry;
            try {
                entry = KnownHostEntry.parseKnownHostEntry(lines.get(i));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("Line " + (i + 1) + " of the pinned known_hosts, '"
                        + DisplayText.of(lines.get(i)) + "', is not a known_hosts entry; copy the line as ssh-keyscan"
                        + " prints it.");
            }
            if (entry == null || MARKER_CA.equals(entry.getMarker())) {
                continue;
            }
            byte[] blob = entry.getKeyEntry().getKeyData();
            pins.add(new Pin(
                    entry,
                    entry.getKeyEntry().getKeyType(),
                    fingerprint(blob),
                    MARKER_REVOKED.equals(entry.getMarker())));
        }
        return new HostKeyPins(pins);
    }

    /** The pins whose lines name the host (and port); a fingerprint pin names every host. */
    List<Pin> forHost(String host, int port) {
        return pins.stream().filter(pin -> pin.pinsHost(host, port)).toList();
    }

    List<Pin> all() {
        return pins;
    }

    /** {@code SHA256:} and the unpadded Base64 of the key's SHA-256, as {@code ssh-keygen -lf} prints it. */
    static String fingerprint(PublicKey key) {
        ByteArrayBuffer buffer = new ByteArrayBuffer();
        buffer.putRawPublicKey(key);
        return fingerprint(buffer.getCompactData());
    }

    private static String fingerprint(byte[] blob) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(blob);
            return "SHA256:"
                    + new String(Base64.getEncoder().withoutPadding().encode(digest), StandardCharsets.US_ASCII);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256.", e);
        }
    }
}
