package io.jenkins.plugins.releasepromotion.engine.deploy.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.releasepromotion.engine.config.SshDeployConfig;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.List;
import java.util.Set;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.common.NamedFactory;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;
import org.apache.sshd.common.signature.Signature;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Pinned host keys read from known_hosts lines and fingerprints, matched against keys made by ssh-keygen. */
class HostKeyPinsTest {
    @TempDir
    static Path dir;

    static SshKeygen.Key server;
    static SshKeygen.Key other;

    @BeforeAll
    static void makeKeys() throws Exception {
        server = SshKeygen.generate(dir, "server", "ed25519");
        other = SshKeygen.generate(dir, "other", "ed25519");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"ed25519,0", "ecdsa,256", "ecdsa,384", "ecdsa,521", "rsa,2048"})
    void eachKeyTypeIsPinnedByTheFingerprintSshKeygenPrints(String type, int bits) throws Exception {
        SshKeygen.Key key = SshKeygen.generate(dir, "host_" + type + bits, type, bits, "", false);

        assertThat(HostKeyPins.fingerprint(publicKey(key))).isEqualTo(key.fingerprint());
        assertThat(accepts(HostKeyPins.knownHosts(key.knownHostsLine("production-server", 22)), key))
                .isTrue();
        assertThat(accepts(pinsOf(key.fingerprint()), key)).isTrue();
        assertThat(accepts(pinsOf(other.fingerprint()), key)).isFalse();
    }

    @Test
    void aPortEntryPinsOnlyThatPortAndPlainEntriesOnlyPort22() throws Exception {
        HostKeyPins pins = HostKeyPins.knownHosts(server.knownHostsLine("production-server", 2222));

        assertThat(pins.forHost("production-server", 2222)).hasSize(1);
        assertThat(pins.forHost("production-server", 22)).isEmpty();
        assertThat(HostKeyPins.knownHosts(server.knownHostsLine("production-server", 22))
                        .forHost("production-server", 2222))
                .isEmpty();
    }

    @Test
    void hashedAndPatternEntriesMatchTheirHostsOnly() throws Exception {
        String hashed = SshKeygen.hashed(dir, server.knownHostsLine("production-server", 22));
        String patterns = "web-*.example.com,!web-9.example.com " + other.publicKey();
        HostKeyPins pins = HostKeyPins.knownHosts(hashed + "\n" + patterns);

        assertThat(pins.forHost("production-server", 22)).hasSize(1);
        assertThat(pins.forHost("staging-server", 22)).isEmpty();
        assertThat(pins.forHost("web-1.example.com", 22)).hasSize(1);
        assertThat(pins.forHost("web-9.example.com", 22)).isEmpty();
        assertThat(pins.forHost("production-server", 22).get(0).hosts()).isEqualTo("a hashed host name");
    }

    @Test
    void commentsBlankLinesAndCertificateAuthoritiesPinNothing() throws Exception {
        HostKeyPins pins = HostKeyPins.knownHosts("# the production server\n\n   \n@cert-authority *.example.com "
                + other.publicKey() + "\n" + server.knownHostsLine("production-server", 22) + "\n");

        assertThat(pins.all()).hasSize(1);
        assertThat(pins.all().get(0).fingerprint()).isEqualTo(server.fingerprint());
    }

    @Test
    void aRevokedKeyIsRefusedEvenWhenAnotherLinePinsIt() throws Exception {
        HostKeyPins pins = HostKeyPins.knownHosts(
                server.knownHostsLine("production-server", 22) + "\n@revoked * " + server.publicKey());
        PinnedHostKeyVerifier verifier = new PinnedHostKeyVerifier(pins, "production-server", 22);

        assertThat(verifier.verifyServerKey(null, null, publicKey(server))).isFalse();
        assertThat(verifier.refusal())
                .isEqualTo("The host key " + server.fingerprint() + " (ssh-ed25519) of production-server:22 is marked"
                        + " @revoked in the pinned known_hosts, so the connection was refused; verify the server's key"
                        + " out of band (ssh-keyscan -t ed25519 production-server | ssh-keygen -lf -) and update the"
                        + " pinned key in the configuration.");
    }

    @Test
    void anUnknownHostListsWhatIsPinnedAndForWhom() throws Exception {
        StringBuilder lines = new StringBuilder();
        for (int i = 1; i <= 5; i++) {
            lines.append(other.knownHostsLine("web-" + i, 22)).append('\n');
        }
        PinnedHostKeyVerifier verifier =
                new PinnedHostKeyVerifier(HostKeyPins.knownHosts(lines.toString()), "production-server", 22);

        assertThat(verifier.verifyServerKey(null, null, publicKey(server))).isFalse();
        String pinned = other.fingerprint() + " (ssh-ed25519) for web-";
        assertThat(verifier.refusal())
                .isEqualTo("The pinned known_hosts lines have no key for production-server:22 (they pin " + pinned
                        + "1, " + pinned + "2, " + pinned + "3 and 2 more); it presented " + server.fingerprint()
                        + " (ssh-ed25519), so the connection was refused; verify the server's key out of band"
                        + " (ssh-keyscan -t ed25519 production-server | ssh-keygen -lf -) and update the pinned key"
                        + " in the configuration.");
        assertThat(verifier.accepted()).isNull();
    }

    @Test
    void aFingerprintMayKeepItsBase64Padding() throws Exception {
        assertThat(accepts(pinsOf(server.fingerprint() + "="), server)).isTrue();
    }

    @Test
    void aLineThatIsNotAKnownHostsEntryIsNamedByItsNumber() {
        assertThatThrownBy(() -> HostKeyPins.knownHosts("# ok\nproduction-server"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Line 2 of the pinned known_hosts, 'production-server', is not a known_hosts entry; copy"
                        + " the line as ssh-keyscan prints it.");
    }

    @Test
    void thePinnedKeyTypesComeFirstAndCertificatesNotAtAll() {
        SshClient client = SshClient.setUpDefaultClient();
        List<NamedFactory<Signature>> defaults = client.getSignatureFactories();

        List<String> rsaFirst = names(SshClients.hostKeyOrder(defaults, Set.of("ssh-rsa")));
        assertThat(rsaFirst.subList(0, 2)).containsExactlyInAnyOrder("rsa-sha2-512", "rsa-sha2-256");
        assertThat(rsaFirst).noneMatch(name -> name.contains("-cert-")).contains("ssh-ed25519");
        assertThat(names(SshClients.hostKeyOrder(defaults, Set.of())).get(0)).isEqualTo("ssh-ed25519");
    }

    private static List<String> names(List<NamedFactory<Signature>> factories) {
        return factories.stream().map(NamedFactory::getName).toList();
    }

    private static HostKeyPins pinsOf(String fingerprint) {
        return HostKeyPins.of(new SshDeployConfig(
                "production-server", 22, "deploy", "key", null, fingerprint, "/srv", null, null, null, null));
    }

    private static boolean accepts(HostKeyPins pins, SshKeygen.Key key) throws Exception {
        return new PinnedHostKeyVerifier(pins, "production-server", 22).verifyServerKey(null, null, publicKey(key));
    }

    static PublicKey publicKey(SshKeygen.Key key) throws Exception {
        return PublicKeyEntry.parsePublicKeyEntry(key.publicKey())
                .resolvePublicKey(null, null, PublicKeyEntryResolver.FAILING);
    }
}
