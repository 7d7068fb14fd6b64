package io.jenkins.plugins.releasepromotion.engine.deploy.ssh;

import io.jenkins.plugins.releasepromotion.engine.config.SshDeployConfig;
import io.jenkins.plugins.releasepromotion.engine.deploy.OutputLines;
import io.jenkins.plugins.releasepromotion.engine.model.DisplayText;
import io.jenkins.plugins.releasepromotion.engine.port.Command;
import io.jenkins.plugins.releasepromotion.engine.port.CommandException;
import io.jenkins.plugins.releasepromotion.engine.port.CommandResult;
import io.jenkins.plugins.releasepromotion.engine.port.CommandRunner;
import io.jenkins.plugins.releasepromotion.engine.port.Credentials;
import io.jenkins.plugins.releasepromotion.engine.port.LogSink;
import io.jenkins.plugins.releasepromotion.engine.port.Secrets;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.session.ClientSession;

/**
 * Runs commands on the deploy host over one SSH session, opened on the first command and kept for the rest of the
 * deploy. Output reaches the log line by line, masked; a command that runs past its timeout, or whose thread is
 * interrupted (a build being stopped), is stopped on the server with every process it started.
 *
 * <p>An interrupted run ends in a {@link CommandException} caused by the interruption, with the thread's interrupt flag
 * set again.
 */
public final class SshCommandRunner implements CommandRunner, AutoCloseable {
    /** How long a closing channel may take to say goodbye before it is dropped. */
    private static final Duration CLOSE_GRACE = Duration.ofSeconds(5);

    static {
        // Every use of SSHD in a deploy comes through here: SSHD is set up before it registers anything globally.
        SshSecurity.configure();
    }

    private final SshTarget target;
    private final SshConnection connection;
    private final Secrets secrets;

    /**
     * Reads the key now, so a bad credential fails before anything runs; connects on the first command.
     *
     * @throws CommandException when the key cannot be read
     * @throws IllegalArgumentException when the pinned known_hosts lines cannot be read
     */
    public SshCommandRunner(SshDeployConfig config, Credentials.SshKey key, Secrets secrets) {
        Objects.requireNonNull(key, "key");
        this.target = SshTarget.of(config, key.id(), key.username());
        this.secrets = Objects.requireNonNull(secrets, "secrets").with(key.passphrase());
        this.connection =
                new SshConnection(target, HostKeyPins.of(config), new SshLogin(target, SshIdentity.load(key)));
    }

    @Override
    public CommandResult run(Command command, LogSink log) {
        String shown = DisplayText.of(secrets.mask(ShellQuote.join(command.argv())));
        ClientSession current = connection.session(log);
        OutputLines output = new OutputLines(secrets, log);
        long started = System.nanoTime();
        ChannelExec channel = open(current, RemoteCommandLine.of(command), shown, output);
        CountDownLatch closed = new CountDownLatch(1);
        channel.addCloseFutureListener(future -> closed.countDown());
        boolean finished;
        try {
            finished = closed.await(nanos(command.timeout()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            stop(channel);
            output.finish();
            throw SshFailures.interrupted(target, "running " + shown + " on", e);
        }
        if (!finished) {
            log.line(shown + " ran past its timeout of " + SshFailures.duration(command.timeout()) + " on "
                    + target.address() + "; stopping it and the processes it started.");
            stop(channel);
        }
        List<String> tail = output.finish();
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        if (!finished) {
            return new CommandResult(-1, true, took, tail);
        }
        return ended(channel, current, shown, took, tail, log);
    }

    private CommandResult ended(
            ChannelExec channel, ClientSession current, String shown, Duration took, List<String> tail, LogSink log) {
        Integer status = channel.getExitStatus();
        if (status != null) {
            return new CommandResult(status, false, took, tail);
        }
        if (!current.isOpen()) {
            throw SshFailures.dropped(target, shown);
        }
        String signal = channel.getExitSignal();
        log.line(shown + (signal == null ? " ended without an exit status" : " was ended by signal " + signal) + " on "
                + target.address() + ".");
        return new CommandResult(-1, false, took, tail);
    }

    private ChannelExec open(ClientSession current, String line, String shown, OutputLines output) {
        ChannelExec channel = null;
        try {
            channel = current.createExecChannel(line);
            channel.setOut(output.stdout());
            channel.setErr(output.stderr());
            channel.open().verify(target.connectTimeout());
            return channel;
        } catch (InterruptedIOException e) {
            abandon(channel, output);
            throw SshFailures.interrupted(target, "starting " + shown + " on", e);
        } catch (IOException | RuntimeException e) {
            abandon(channel, output);
            throw current.isOpen()
                    ? new CommandException(target.address() + " refused to run " + shown + " ("
                            + DisplayText.of(secrets.mask(e.getMessage())) + "); check the server's sshd log.")
                    : SshFailures.dropped(target, shown);
        }
    }

    private static void abandon(ChannelExec channel, OutputLines output) {
        if (channel != null) {
            channel.close(true);
        }
        output.finish();
    }

    /** Closing the channel ends the remote supervisor's input, which stops the command there. */
    private static void stop(ChannelExec channel) {
        channel.close(false).awaitUninterruptibly(CLOSE_GRACE);
        channel.close(true);
    }

    /** Ends the session and the client's threads. */
    @Override
    public void close() {
        connection.close();
    }

    private static long nanos(Duration timeout) {
        try {
            return Math.max(0, timeout.toNanos());
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }

    @Override
    public String toString() {
        return "SshCommandRunner[" + target.display() + ", credential '" + target.credentialsId() + "']";
    }
}
