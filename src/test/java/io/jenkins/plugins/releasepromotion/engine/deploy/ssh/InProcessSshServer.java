package io.jenkins.plugins.releasepromotion.engine.deploy.ssh;

import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.sshd.common.SshConstants;
import org.apache.sshd.common.config.keys.AuthorizedKeyEntry;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;
import org.apache.sshd.common.keyprovider.FileKeyPairProvider;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.SessionListener;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.auth.pubkey.KeySetPublickeyAuthenticator;
import org.apache.sshd.server.shell.ProcessShellFactory;

/**
 * Apache MINA's SSH server in this JVM, running each command with the real {@code /bin/sh}. {@code setsid} gives
 * every command a process group of its own, as OpenSSH does, so stopping a command's group never reaches this JVM.
 */
final class InProcessSshServer implements TestSshServer {
    private final SshServer server;
    private final SshKeygen.Key hostKey;
    private static final int EVENTS_KEPT = 40;

    private final AtomicInteger logins = new AtomicInteger();
    private final Deque<String> events = new ArrayDeque<>();

    private InProcessSshServer(SshServer server, SshKeygen.Key hostKey) {
        this.server = server;
        this.hostKey = hostKey;
    }

    static InProcessSshServer start(Path dir, Path authorizedKeys) throws Exception {
        // The server shares SSHD with the client under test: it must not register a provider the client would not.
        SshSecurity.configure();
        SshKeygen.Key hostKey = SshKeygen.generate(dir, "mina_host_ecdsa_key", "ecdsa", 256, "", false);
        List<PublicKey> allowed = PublicKeyEntry.resolvePublicKeyEntries(
                null, AuthorizedKeyEntry.readAuthorizedKeys(authorizedKeys), PublicKeyEntryResolver.FAILING);
        SshServer server = SshServer.setUpDefaultServer();
        server.setHost(HOST);
        server.setPort(0);
        server.setKeyPairProvider(new FileKeyPairProvider(hostKey.file()));
        server.setPublickeyAuthenticator(new KeySetPublickeyAuthenticator("authorized_keys", allowed));
        server.setPasswordAuthenticator(null);
        server.setKeyboardInteractiveAuthenticator(null);
        server.setCommandFactory((channel, command) ->
                new ProcessShellFactory(command, "setsid", "/bin/sh", "-c", command).createShell(channel));
        InProcessSshServer running = new InProcessSshServer(server, hostKey);
        server.addSessionListener(new SessionListener() {
            @Override
            public void sessionEvent(Session session, Event event) {
                if (event == Event.Authenticated) {
                    running.logins.incrementAndGet();
                }
                running.note(session, event.name());
            }

            @Override
            public void sessionException(Session session, Throwable t) {
                running.note(session, "exception " + t);
            }

            @Override
            public void sessionDisconnect(Session session, int reason, String msg, String language, boolean initiator) {
                running.note(
                        session,
                        (initiator ? "disconnects: " : "peer disconnected: ")
                                + SshConstants.getDisconnectReasonName(reason) + " " + msg);
            }

            @Override
            public void sessionClosed(Session session) {
                running.note(session, "closed");
            }
        });
        server.start();
        return running;
    }

    @Override
    public int port() {
        return server.getPort();
    }

    @Override
    public SshKeygen.Key hostKey() {
        return hostKey;
    }

    @Override
    public int logins() {
        return logins.get();
    }

    @Override
    public void dropConnections() {
        server.getActiveSessions().forEach(session -> session.close(true));
    }

    /** SSHD logs through SLF4J, which the tests leave silent; the server's session events stand in for a log. */
    @Override
    public String logTail() {
        synchronized (events) {
            return String.join("\n", events);
        }
    }

    private void note(Session session, String event) {
        synchronized (events) {
            if (events.size() == EVENTS_KEPT) {
                events.removeFirst();
            }
            events.addLast(session.getRemoteAddress() + " " + event);
        }
    }

    @Override
    public void stop() throws Exception {
        server.stop(true);
    }

    @Override
    public String toString() {
        return "Apache MINA SshServer";
    }
}
