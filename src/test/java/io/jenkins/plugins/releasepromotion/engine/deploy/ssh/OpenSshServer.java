package io.jenkins.plugins.releasepromotion.engine.deploy.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real OpenSSH {@code sshd} on a loopback port, with its own host keys, authorized_keys and log, started for the
 * tests and stopped after them. It must run as root (it switches users), as the tests here do.
 */
final class OpenSshServer implements TestSshServer {
    static final Path SSHD = Path.of("/usr/sbin/sshd");
    private static final Duration START_LIMIT = Duration.ofSeconds(20);
    /** Several connections at VERBOSE, which logs each login and each reason to disconnect. */
    private static final int TAIL_LINES = 60;

    private final Process process;
    private final int port;
    private final Path log;
    private final List<SshKeygen.Key> hostKeys;

    private OpenSshServer(Process process, int port, Path log, List<SshKeygen.Key> hostKeys) {
        this.process = process;
        this.port = port;
        this.log = log;
        this.hostKeys = hostKeys;
    }

    /** Host keys of three types, ed25519 first, so pinning picks one of several as it does on real servers. */
    static OpenSshServer start(Path dir, Path authorizedKeys) throws Exception {
        if (!Files.isExecutable(SSHD)) {
            fail(SSHD + " is missing: install openssh-server (apt-get install -y openssh-server) to run the tests"
                    + " against a real sshd; .ci/run installs it.");
        }
        // sshd's privilege separation directory; the package creates it at boot, a container may not have it.
        Files.createDirectories(Path.of("/run/sshd"));
        List<SshKeygen.Key> hostKeys = List.of(
                SshKeygen.generate(dir, "ssh_host_ed25519_key", "ed25519"),
                SshKeygen.generate(dir, "ssh_host_rsa_key", "rsa", 2048, "", false),
                SshKeygen.generate(dir, "ssh_host_ecdsa_key", "ecdsa", 384, "", false));
        int port = freePort();
        Path config = dir.resolve("sshd_config");
        StringBuilder text = new StringBuilder();
        text.append("ListenAddress ")
                .append(HOST)
                .append("\nPort ")
                .append(port)
                .append('\n');
        hostKeys.forEach(key -> text.append("HostKey ").append(key.file()).append('\n'));
        text.append("AuthorizedKeysFile ")
                .append(authorizedKeys)
                .append('\n')
                .append("PidFile ")
                .append(dir.resolve("sshd.pid"))
                .append('\n')
                .append("LogLevel VERBOSE\nUsePAM no\nPasswordAuthentication no\nKbdInteractiveAuthentication no\n")
                .append("StrictModes no\nPermitRootLogin prohibit-password\nPrintMotd no\n")
                .append("AllowUsers ")
                .append(TestSshServer.user())
                .append('\n');
        Files.writeString(config, text, StandardCharsets.UTF_8);
        Path log = dir.resolve("sshd.log");
        Process process = new ProcessBuilder(SSHD.toString(), "-D", "-e", "-f", config.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        awaitListening(process, port, log);
        return new OpenSshServer(process, port, log, hostKeys);
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public SshKeygen.Key hostKey() {
        return hostKeys.get(0);
    }

    List<SshKeygen.Key> hostKeys() {
        return hostKeys;
    }

    @Override
    public int logins() throws IOException {
        return (int) Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                .filter(line -> line.startsWith("Accepted publickey"))
                .count();
    }

    @Override
    public String logTail() throws IOException {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size()));
    }

    /** Kills the sshd processes that serve the connections; the commands they started stay for the server to end. */
    @Override
    public void dropConnections() {
        process.descendants()
                .filter(child -> child.info().command().orElse("").contains("sshd"))
                .forEach(ProcessHandle::destroyForcibly);
    }

    @Override
    public void stop() throws Exception {
        dropConnections();
        process.destroy();
        assertThat(process.waitFor(10, TimeUnit.SECONDS)).as("sshd stopped").isTrue();
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        }
    }

    private static void awaitListening(Process process, int port, Path log) throws Exception {
        long deadline = System.nanoTime() + START_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                fail("sshd exited at start: " + Files.readString(log, StandardCharsets.UTF_8));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(HOST, port), 200);
                return;
            } catch (IOException notYet) {
                process.waitFor(50, TimeUnit.MILLISECONDS);
            }
        }
        process.destroyForcibly();
        fail("sshd did not listen on port " + port + " within " + START_LIMIT + ": "
                + Files.readString(log, StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "OpenSSH sshd";
    }
}
