package io.jenkins.plugins.releasepromotion.engine.deploy.ssh;

import io.jenkins.plugins.releasepromotion.engine.deploy.ssh.HostKeyPins.Pin;
import java.net.SocketAddress;
import java.security.PublicKey;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.sshd.client.keyverifier.ServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.config.keys.KeyUtils;

/**
 * Accepts the deploy host's key only when the configuration pins it. There is no trust on first use: an unknown host
 * is refused like a changed key, since the first connection is exactly when a man in the middle would be trusted.
 * The reason for a refusal is kept, so the connection error can name both keys.
 */
final class PinnedHostKeyVerifier implements ServerKeyVerifier {
    private static final int LISTED = 3;

    private final HostKeyPins pins;
    private final String host;
    private final int port;
    private volatile String refusal;
    private volatile String accepted;

    PinnedHostKeyVerifier(HostKeyPins pins, String host, int port) {
        this.pins = pins;
        this.host = host;
        this.port = port;
    }

    @Override
    public boolean verifyServerKey(ClientSession session, SocketAddress remoteAddress, PublicKey serverKey) {
        String presented = HostKeyPins.fingerprint(serverKey);
        String type = KeyUtils.getKeyType(serverKey);
        List<Pin> candidates = pins.forHost(host, port);
        if (candidates.stream()
                .anyMatch(pin -> pin.revoked() && pin.fingerprint().equals(presented))) {
            refusal = "The host key " + presented + " (" + type + ") of " + where() + " is marked @revoked in the"
                    + " pinned known_hosts, so the connection was refused; " + wayOut(type);
            return false;
        }
        if (candidates.stream()
                .anyMatch(pin -> !pin.revoked() && pin.fingerprint().equals(presented))) {
            accepted = presented;
            return true;
        }
        refusal = candidates.stream().anyMatch(pin -> !pin.revoked())
                ? mismatch(candidates, presented, type)
                : unknownHost(presented, type);
        return false;
    }

    /** Why the last key was refused, or {@code null}. */
    String refusal() {
        return refusal;
    }

    /** The fingerprint of the key that matched the pin, or {@code null} before one did. */
    String accepted() {
        return accepted;
    }

    private String mismatch(List<Pin> candidates, String presented, String type) {
        return "The host key of " + where() + " is " + presented + " (" + type + "), but the configuration pins "
                + list(candidates.stream().filter(pin -> !pin.revoked()).toList(), false)
                + ", so the connection was refused; " + wayOut(type);
    }

    private String unknownHost(String presented, String type) {
        List<Pin> others = pins.all().stream().filter(pin -> !pin.revoked()).toList();
        String pinned = others.isEmpty() ? "no key at all" : list(others, true);
        return "The pinned known_hosts lines have no key for " + where() + " (they pin " + pinned + "); it presented "
                + presented + " (" + type + "), so the connection was refused; " + wayOut(type);
    }

    private String wayOut(String type) {
        String keyscanType = type.startsWith("ecdsa") ? "ecdsa" : type.replace("ssh-", "");
        return "verify the server's key out of band (ssh-keyscan" + (port == 22 ? "" : " -p " + port) + " -t "
                + keyscanType + " " + host + " | ssh-keygen -lf -) and update the pinned key in the configuration.";
    }

    private static String list(List<Pin> listed, boolean withHosts) {
        String shown = listed.stream()
                .limit(LISTED)
                .map(pin -> pin.describe() + (withHosts ? " for " + pin.hosts() : ""))
                .collect(Collectors.joining(", "));
        return listed.size() > LISTED ? shown + " and " + (listed.size() - LISTED) + " more" : shown;
    }

    private String where() {
        return host + ":" + port;
    }
}
