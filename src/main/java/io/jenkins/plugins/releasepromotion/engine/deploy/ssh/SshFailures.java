package io.jenkins.plugins.releasepromotion.engine.deploy.ssh;

import io.jenkins.plugins.releasepromotion.engine.model.DisplayText;
import io.jenkins.plugins.releasepromotion.engine.port.CommandException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.Locale;
import org.apache.sshd.common.session.helpers.MissingAttachedSessionException;

/** The one-line messages of an SSH deploy that could not log in or lost its connection, each with the way out. */
final class SshFailures {

    private SshFailures() {}

    /**
     * What the connect future of SSHD failed with. When the server hangs up as soon as it accepted, SSHD's
     * {@code SshClient#onConnectOperationComplete} asks for the session the closed connection no longer holds and fails
     * with {@link MissingAttachedSessionException}: the connection was made and then dropped, as during a login.
     */
    static CommandException connectFailed(SshTarget target, Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof MissingAttachedSessionException) {
                return droppedDuringLogin(target, error);
            }
        }
        return cannotConnect(target, error);
    }

    static CommandException cannotConnect(SshTarget target, Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnresolvedAddressException || cause instanceof UnknownHostException) {
                return new CommandException("Cannot connect to " + target.address() + ": the host name is unknown;"
                        + " check the host in the ssh deploy configuration.");
            }
            if (cause instanceof NoRouteToHostException) {
                return new CommandException("Cannot connect to " + target.address() + ": there is no route to the"
                        + " host; check the host and the network between this agent and the server.");
            }
            if (cause instanceof ConnectException) {
                return new CommandException("Cannot connect to " + target.address() + ": the connection was refused;"
                        + " check that sshd runs there and listens on port " + target.port() + ".");
            }
        }
        return new CommandException("Cannot connect to " + target.address() + " ("
                + DisplayText.of(error.getClass().getSimpleName() + ": " + error.getMessage())
                + "); check the host, the port and the network between this agent and the server.");
    }

    static CommandException connectTimeout(SshTarget target) {
        return new CommandException("Cannot connect to " + target.address() + " within "
                + duration(target.connectTimeout()) + "; check the host, the port and any firewall between this agent"
                + " and the server, or raise connectTimeout.");
    }

    static CommandException loginTimeout(SshTarget target) {
        return new CommandException(target.address() + " accepted the connection but the login as " + target.user()
                + " did not finish within " + duration(target.connectTimeout()) + "; check the server's load and"
                + " its sshd log, or raise connectTimeout.");
    }

    static CommandException keyRefused(SshTarget target) {
        return new CommandException(target.display() + " refused the key of credential '" + target.credentialsId()
                + "'; add its public key to ~" + target.user() + "/.ssh/authorized_keys on the server.");
    }

    /** @param cause what SSHD reported, kept for the stack trace only (it holds no secret: no key, no passphrase) */
    static CommandException droppedDuringLogin(SshTarget target, Throwable cause) {
        return new CommandException(
                target.address() + " closed the connection during the login as " + target.user()
                        + "; check the server's sshd log for the reason.",
                cause);
    }

    static CommandException dropped(SshTarget target, String program) {
        return new CommandException("The connection to " + target.address() + " dropped while running the deploy ("
                + program + "); its outcome on the server is unknown and what still ran there was stopped: check the"
                + " server, then deploy again.");
    }

    /**
     * Sets the thread's interrupt flag again, so the caller still sees it.
     *
     * @param cause an {@link InterruptedException}, or the {@link java.io.InterruptedIOException} SSHD turns it into
     */
    static CommandException interrupted(SshTarget target, String doing, Exception cause) {
        Thread.currentThread().interrupt();
        return new CommandException(
                "Stopped " + doing + " " + target.address() + " because the run was interrupted.", cause);
    }

    /** {@code 15s}, {@code 30m}, {@code 1h30m}. */
    static String duration(Duration duration) {
        return duration.toString().substring(2).toLowerCase(Locale.ROOT);
    }
}
