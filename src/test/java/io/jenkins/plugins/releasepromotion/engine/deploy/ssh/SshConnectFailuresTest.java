package io.jenkins.plugins.releasepromotion.engine.deploy.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.jenkins.plugins.releasepromotion.engine.config.SshDeployConfig;
import io.jenkins.plugins.releasepromotion.engine.port.Command;
import io.jenkins.plugins.releasepromotion.engine.port.CommandException;
import io.jenkins.plugins.releasepromotion.engine.port.Credentials;
import io.jenkins.plugins.releasepromotion.engine.port.Secrets;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.sshd.common.SshException;
import org.apache.sshd.common.session.helpers.MissingAttachedSessionException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Servers that are not there or do not speak SSH: each failure is one line that says what to check. */
class SshConnectFailuresTest {
    private static final String HOST = TestSshServer.HOST;

    @TempDir
    static Path dir;

    private static final String CANARY = "canary-8Rw!passphrase";

    static Credentials.SshKey key;

    @BeforeAll
    static void makeKey() throws Exception {
        SshKeygen.Key generated = SshKeygen.generate(dir, "deploy_key", "ed25519", 0, CANARY, false);
        key = new Credentials.SshKey("deploy-key", null, generated.privateKey(), CANARY);
    }

    @Test
    void aClosedPortIsAConnectionRefused() throws Exception {
        int port = OpenSshServer.freePort();

        assertThatThrownBy(() -> runOnce(port, Duration.ofSeconds(5)))
                .isInstanceOf(CommandException.class)
                .hasMessage("Cannot connect to " + HOST + ":" + port + ": the connection was refused; check that sshd"
                        + " runs there and listens on port " + port + ".");
    }

    @Test
    void aServerThatNeverSpeaksSshTimesOutTheLogin() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 5, InetAddress.getByName(HOST))) {
            assertThatThrownBy(() -> runOnce(silent.getLocalPort(), Duration.ofSeconds(1)))
                    .isInstanceOf(CommandException.class)
                    .hasMessage(HOST + ":" + silent.getLocalPort() + " accepted the connection but the login as deploy"
                            + " did not finish within 1s; check the server's load and its sshd log, or raise"
                            + " connectTimeout.");
        }
    }

    @Test
    void aServerThatHangsUpAtOnceIsNamed() throws Exception {
        Throwable failure = loginAgainst(socket -> socket.getOutputStream()
                .write("SSH-2.0-Rude\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));

        // What SSHD saw stays as the cause, for a bug report's stack trace, and carries nothing of the key.
        assertThat(failure.getCause()).isNotNull();
        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        assertThat(trace.toString())
                .doesNotContain(CANARY)
                .doesNotContain(key.privateKey().lines().skip(1).findFirst().orElseThrow());
    }

    @Test
    void aServerThatClosesWithoutAWordIsNamedTheSameWay() throws Exception {
        // Whether SSHD has attached its session when the close arrives is a race; both ways read the same.
        loginAgainst(Socket::shutdownOutput);
    }

    /** Logs in to a server that accepts, does {@code serverSide} and hangs up; the login fails as a dropped one. */
    private static Throwable loginAgainst(ServerSide serverSide) throws Exception {
        try (ServerSocket rude = new ServerSocket(0, 5, InetAddress.getByName(HOST))) {
            Thread hangUp = new Thread(() -> {
                try (Socket socket = rude.accept()) {
                    serverSide.accept(socket);
                } catch (IOException e) {
                    // The test's own socket closed.
                }
            });
            hangUp.start();
            Throwable failure = catchThrowable(() -> runOnce(rude.getLocalPort(), Duration.ofSeconds(10)));
            hangUp.join();

            assertThat(failure)
                    .isInstanceOf(CommandException.class)
                    .hasMessage(HOST + ":" + rude.getLocalPort() + " closed the connection during the login as deploy;"
                            + " check the server's sshd log for the reason.");
            return failure;
        }
    }

    private interface ServerSide {
        void accept(Socket socket) throws IOException;
    }

    @Test
    void aSessionGoneBeforeSshdAttachedItIsADroppedLogin() {
        SshTarget target = new SshTarget("deploy.example", 22, "deploy", "deploy-key", Duration.ofSeconds(15));
        MissingAttachedSessionException gone =
                new MissingAttachedSessionException("No session attached to Nio2Session");

        CommandException failure = SshFailures.connectFailed(target, gone);

        assertThat(failure)
                .hasMessage("deploy.example:22 closed the connection during the login as deploy; check the server's"
                        + " sshd log for the reason.")
                .hasCause(gone);
        assertThat(SshFailures.connectFailed(target, new IOException("Network is unreachable")))
                .hasMessageStartingWith("Cannot connect to deploy.example:22 (IOException: Network is unreachable)");
    }

    @Test
    void unknownHostNamesAndOtherCausesAreTold() {
        SshTarget target = new SshTarget("nosuch.invalid", 22, "deploy", "deploy-key", Duration.ofSeconds(15));

        assertThat(SshFailures.cannotConnect(target, new SshException(new UnresolvedAddressException())))
                .hasMessage("Cannot connect to nosuch.invalid:22: the host name is unknown; check the host in the ssh"
                        + " deploy configuration.");
        assertThat(SshFailures.cannotConnect(target, new UnknownHostException("nosuch.invalid")))
                .hasMessageContaining("the host name is unknown");
        assertThat(SshFailures.cannotConnect(target, new IOException("Network is unreachable")))
                .hasMessage("Cannot connect to nosuch.invalid:22 (IOException: Network is unreachable); check the host,"
                        + " the port and the network between this agent and the server.");
        assertThat(SshFailures.connectTimeout(target))
                .hasMessage("Cannot connect to nosuch.invalid:22 within 15s; check the host, the port and any firewall"
                        + " between this agent and the server, or raise connectTimeout.");
    }

    private static void runOnce(int port, Duration connectTimeout) {
        SshDeployConfig config = new SshDeployConfig(
                HOST,
                port,
                "deploy",
                "deploy-key",
                "[" + HOST + "]:" + port
                        + " ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIKp9j3i7nMXihaMSB7M0vRDBhqqWVF7Vq9ivEdE/ZoQB",
                null,
                "/tmp",
                null,
                null,
                connectTimeout,
                null);
        try (SshCommandRunner runner = new SshCommandRunner(config, key, Secrets.none())) {
            runner.run(new Command(List.of("true"), null, Map.of(), Duration.ofSeconds(5)), text -> {});
        }
    }
}
