package io.jenkins.plugins.releasepromotion.engine.deploy.ssh;

import io.jenkins.plugins.releasepromotion.engine.port.LogSink;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.session.ClientSession;

/**
 * The SSH session of one deploy: opened when the first command needs it, then kept, so a deploy logs in once; opened
 * again only when the connection dropped in between.
 */
final class SshConnection implements AutoCloseable {
    private final SshTarget target;
    private final HostKeyPins pins;
    private final SshLogin login;
    private SshClient client;
    private PinnedHostKeyVerifier verifier;
    private ClientSession session;

    SshConnection(SshTarget target, HostKeyPins pins, SshLogin login) {
        this.target = target;
        this.pins = pins;
        this.login = login;
    }

    /** The open session, logging in first when there is none; says so in the log, with the key that matched. */
    synchronized ClientSession session(LogSink log) {
        if (session != null && session.isOpen()) {
            return session;
        }
        closeSession();
        if (client == null) {
            verifier = new PinnedHostKeyVerifier(pins, target.host(), target.port());
            client = SshClients.start(verifier, pinnedKeyTypes());
        }
        session = login.open(client, verifier);
        log.line("Logged in to " + target.display() + " with the key of credential '" + target.credentialsId()
                + "'; its host key " + verifier.accepted() + " is the pinned one.");
        return session;
    }

    private Set<String> pinnedKeyTypes() {
        return pins.forHost(target.host(), target.port()).stream()
                .filter(pin -> !pin.revoked() && pin.keyType() != null)
                .map(HostKeyPins.Pin::keyType)
                .collect(Collectors.toSet());
    }

    /** Ends the session and the client's threads. */
    @Override
    public synchronized void close() {
        closeSession();
        if (client != null) {
            client.stop();
            client = null;
        }
    }

    private void closeSession() {
        if (session != null) {
            session.close(true);
            session = null;
        }
    }
}
