package io.jenkins.plugins.releasepromotion.engine.deploy.ssh;

import static io.jenkins.plugins.releasepromotion.engine.deploy.ssh.TestSshServer.HOST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.releasepromotion.engine.port.CommandException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The server's host key is pinned, never trusted on first use: against each server, a match or a refusal. */
class SshHostKeyTest extends SshDeployContract {

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void aChangedHostKeyIsRefusedNamingThePinnedAndThePresentedKey(TestSshServer server) throws Exception {
        SshKeygen.Key impostor = SshKeygen.generate(work.resolve("keys"), "impostor", "ed25519");
        String pinned = impostor.knownHostsLine(HOST, server.port());
        String type = server.hostKey().publicKey().split(" ")[0];
        int before = server.logins();
        try (SshDeployMethod method = method(config(server, TEMPLATE, pinned, null))) {
            assertThatThrownBy(() -> method.runner().run(script("touch ran"), log))
                    .isInstanceOf(CommandException.class)
                    .hasMessage("The host key of " + HOST + ":" + server.port() + " is "
                            + server.hostKey().fingerprint() + " (" + type + "), but the configuration pins "
                            + impostor.fingerprint() + " (ssh-ed25519), so the connection was refused; verify the"
                            + " server's key out of band (ssh-keyscan -p " + server.port() + " -t "
                            + (type.startsWith("ecdsa") ? "ecdsa" : "ed25519") + " " + HOST
                            + " | ssh-keygen -lf -) and update the pinned key in the configuration.");
        }
        assertThat(checkout.directory().resolve("ran")).doesNotExist();
        assertThat(server.logins()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void aHostMissingFromKnownHostsIsRefusedAsUnknown(TestSshServer server) throws Exception {
        String otherHost =
                "[production-server]:" + server.port() + " " + server.hostKey().publicKey();
        try (SshDeployMethod method = method(config(server, TEMPLATE, otherHost, null))) {
            assertThatThrownBy(() -> method.runner().run(script("touch ran"), log))
                    .isInstanceOf(CommandException.class)
                    .hasMessageStartingWith("The pinned known_hosts lines have no key for " + HOST + ":" + server.port()
                            + " (they pin " + server.hostKey().fingerprint() + " (")
                    .hasMessageContaining(") for [production-server]:" + server.port() + "); it presented "
                            + server.hostKey().fingerprint() + " (")
                    .hasMessageEndingWith(" and update the pinned key in the configuration.");
        }
        assertThat(checkout.directory().resolve("ran")).doesNotExist();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void aSha256FingerprintPinsTheKey(TestSshServer server) throws Exception {
        try (SshDeployMethod method =
                method(config(server, TEMPLATE, null, server.hostKey().fingerprint()))) {
            succeeded(method.runner().run(script("echo pinned"), log));
        }
        assertThat(log.lines().get(0))
                .contains("its host key " + server.hostKey().fingerprint() + " is the pinned");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void aHashedKnownHostsLineAmongOthersPinsTheKey(TestSshServer server) throws Exception {
        String hashed = SshKeygen.hashed(work, server.hostKey().knownHostsLine(HOST, server.port()));
        assertThat(hashed).startsWith("|1|");
        SshKeygen.Key other = SshKeygen.generate(work.resolve("keys"), "other", "ed25519");
        String knownHosts = "# production\n" + other.knownHostsLine("production-server", 22) + "\n\n" + hashed + "\n";
        try (SshDeployMethod method = method(config(server, TEMPLATE, knownHosts, null))) {
            succeeded(method.runner().run(script("echo pinned"), log));
        }
    }

    /** A server with several host keys shows the pinned one, whichever type it is, as OpenSSH's client arranges. */
    @Test
    void anyOneOfTheServersHostKeysCanBePinned() throws Exception {
        for (SshKeygen.Key hostKey : openSsh.hostKeys()) {
            try (SshDeployMethod method =
                    method(config(openSsh, TEMPLATE, hostKey.knownHostsLine(HOST, openSsh.port()), null))) {
                succeeded(method.runner().run(script("echo pinned"), log));
            }
            String fingerprint = hostKey.fingerprint();
            assertThat(log.lines()).anyMatch(line -> line.contains("its host key " + fingerprint + " is the pinned"));
        }
    }
}
