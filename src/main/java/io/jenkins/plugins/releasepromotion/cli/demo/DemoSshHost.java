package io.jenkins.plugins.releasepromotion.cli.demo;

import io.jenkins.plugins.releasepromotion.engine.deploy.ssh.SshSecurity;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.util.List;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.auth.pubkey.KeySetPublickeyAuthenticator;
import org.apache.sshd.server.shell.ProcessShellFactory;

/**
 * The demo's production host: an SSH server on loopback in this process, with a host key made for this run (pinned in
 * the configuration, never trusted on first use) and one authorized key, whose private half the deploy uses. Each
 * command runs in {@code /bin/sh} in a process group of its own.
 */
final class DemoSshHost implements AutoCloseable {
    static {
        SshSecurity.configure();
    }

    private static final String HOST = "127.0.0.1";
    private static final String EC_KEY = KeyPairProvider.ECDSA_SHA2_NISTP256;

    private final SshServer server;
    private final KeyPair hostKey;

    private DemoSshHost(SshServer server, KeyPair hostKey) {
        this.server = server;
        this.hostKey = hostKey;
    }

    /** Starts the server and writes the deploy key (OpenSSH format, owner-only) to {@code privateKeyFile}. */
    static DemoSshHost start(Path privateKeyFile) throws IOException, GeneralSecurityException {
        KeyPair hostKey = KeyUtils.generateKeyPair(EC_KEY, 256);
        KeyPair deployKey = KeyUtils.generateKeyPair(EC_KEY, 256);
        writePrivateKey(deployKey, privateKeyFile);
        SshServer server = SshServer.setUpDefaultServer();
        server.setHost(HOST);
        server.setPort(0);
        server.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
        server.setPublickeyAuthenticator(
                new KeySetPublickeyAuthenticator("deploy key", List.of(deployKey.getPublic())));
        server.setPasswordAuthenticator(null);
        server.setKeyboardInteractiveAuthenticator(null);
        server.setCommandFactory((channel, command) ->
                new ProcessShellFactory(command, "setsid", "/bin/sh", "-c", command).createShell(channel));
        server.start();
        return new DemoSshHost(server, hostKey);
    }

    String host() {
        return HOST;
    }

    int port() {
        return server.getPort();
    }

    /** The {@code known_hosts} line that pins this host's key. */
    String knownHostsLine() {
        return "[" + HOST + "]:" + port() + " " + PublicKeyEntry.toString(hostKey.getPublic());
    }

    private static void writePrivateKey(KeyPair key, Path file) throws IOException, GeneralSecurityException {
        DemoFiles.parentOf(file);
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try (OutputStream out = Files.newOutputStream(file)) {
            OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(key, "release-promotion demo", null, out);
        }
    }

    @Override
    public void close() throws IOException {
        server.stop(true);
    }
}
