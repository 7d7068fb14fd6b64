package io.jenkins.plugins.releasepromotion.engine.deploy.ssh;

import io.jenkins.plugins.releasepromotion.engine.port.CommandException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.security.KeyPair;
import java.time.Duration;
import java.util.List;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.future.AuthFuture;
import org.apache.sshd.client.future.ConnectFuture;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.SshConstants;
import org.apache.sshd.common.SshException;
import org.apache.sshd.common.future.CancelOption;

/**
 * Connects to the deploy host and logs in with the credential's key, within the connect timeout in all. Every way this
 * can fail ends in a {@link CommandException} with one line saying what to do.
 */
final class SshLogin {
    private final SshTarget target;
    private final List<KeyPair> keys;

    SshLogin(SshTarget target, List<KeyPair> keys) {
        this.target = target;
        this.keys = List.copyOf(keys);
    }

    ClientSession open(SshClient client, PinnedHostKeyVerifier verifier) {
        long deadline = System.nanoTime() + target.connectTimeout().toNanos();
        ClientSession session = connect(client, verifier);
        AuthFuture auth;
        boolean done;
        try {
            keys.forEach(session::addPublicKeyIdentity);
            auth = session.auth();
            done = auth.await(remaining(deadline), CancelOption.CANCEL_ON_TIMEOUT, CancelOption.CANCEL_ON_INTERRUPT);
        } catch (InterruptedIOException e) {
            close(session);
            throw SshFailures.interrupted(target, "logging in to", e);
        } catch (IOException | RuntimeException e) {
            close(session);
            throw refusedOr(verifier, SshFailures.droppedDuringLogin(target, e));
        }
        if (done && auth.isSuccess()) {
            return session;
        }
        close(session);
        if (!done) {
            throw refusedOr(verifier, SshFailures.loginTimeout(target));
        }
        throw refusedOr(
                verifier,
                keyRefused(auth.getException())
                        ? SshFailures.keyRefused(target)
                        : SshFailures.droppedDuringLogin(target, auth.getException()));
    }

    /** The server went through its methods and took none; a session that merely closed says so differently. */
    private static boolean keyRefused(Throwable failure) {
        return failure instanceof SshException e
                && e.getDisconnectCode() == SshConstants.SSH2_DISCONNECT_NO_MORE_AUTH_METHODS_AVAILABLE;
    }

    private ClientSession connect(SshClient client, PinnedHostKeyVerifier verifier) {
        ConnectFuture future;
        boolean done;
        try {
            future = client.connect(target.user(), target.connectHost(), target.port());
            done = future.await(target.connectTimeout(), CancelOption.CANCEL_ON_TIMEOUT);
        } catch (InterruptedIOException e) {
            throw SshFailures.interrupted(target, "connecting to", e);
        } catch (IOException | RuntimeException e) {
            throw SshFailures.cannotConnect(target, e);
        }
        if (!done) {
            throw SshFailures.connectTimeout(target);
        }
        if (future.getException() != null) {
            throw refusedOr(verifier, SshFailures.connectFailed(target, future.getException()));
        }
        return future.getClientSession();
    }

    /** A refused host key also ends the session, so it is the better explanation whenever there is one. */
    private CommandException refusedOr(PinnedHostKeyVerifier verifier, CommandException otherwise) {
        String refusal = verifier.refusal();
        return refusal == null ? otherwise : new CommandException(refusal);
    }

    private static Duration remaining(long deadline) {
        return Duration.ofNanos(Math.max(1, deadline - System.nanoTime()));
    }

    /** At once: a session that failed to log in owes the server no goodbye. */
    private static void close(ClientSession session) {
        session.close(true);
    }
}
