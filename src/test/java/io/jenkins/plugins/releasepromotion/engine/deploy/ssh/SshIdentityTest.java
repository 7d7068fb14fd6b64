package io.jenkins.plugins.releasepromotion.engine.deploy.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.releasepromotion.engine.port.CommandException;
import io.jenkins.plugins.releasepromotion.engine.port.Credentials;
import java.nio.file.Path;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Private keys as ssh-keygen writes them, read from the credential's text in memory. */
class SshIdentityTest {
    private static final String CANARY = "canary-Vb3@passphrase";

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} {1} pem={2} passphrase={3}")
    @CsvSource({
        "ed25519,0,false,",
        "ed25519,0,false," + CANARY,
        "ecdsa,384,false,",
        "rsa,2048,false," + CANARY,
        "rsa,2048,true,",
        "rsa,2048,true," + CANARY,
        "ecdsa,256,true,"
    })
    void readsOpenSshAndPemKeysWithOrWithoutAPassphrase(String type, int bits, boolean pem, String passphrase)
            throws Exception {
        SshKeygen.Key key =
                SshKeygen.generate(dir, "id_" + type, type, bits, passphrase == null ? "" : passphrase, pem);

        var pairs = SshIdentity.load(new Credentials.SshKey("prod-key", "deploy", key.privateKey(), passphrase));

        assertThat(pairs).hasSize(1);
        assertThat(HostKeyPins.fingerprint(pairs.get(0).getPublic())).isEqualTo(key.fingerprint());
        assertThat(KeyUtils.getKeyType(pairs.get(0))).isEqualTo(key.publicKey().split(" ")[0]);
    }

    @Test
    void aWrongPassphraseNamesTheCredentialButNeitherThePassphraseNorTheKey() throws Exception {
        SshKeygen.Key key = SshKeygen.generate(dir, "id_ed25519", "ed25519", 0, CANARY, false);
        String wrong = CANARY + "-wrong";

        assertThatThrownBy(() -> SshIdentity.load(new Credentials.SshKey("prod-key", null, key.privateKey(), wrong)))
                .isInstanceOf(CommandException.class)
                .hasMessage("The private key of credential 'prod-key' cannot be read: the passphrase is wrong or the"
                        + " key is damaged; check the credential's passphrase, or paste the whole private key again.")
                .hasNoCause();
    }

    @Test
    void anEncryptedKeyWithoutPassphraseSaysToAddIt() throws Exception {
        SshKeygen.Key key = SshKeygen.generate(dir, "id_rsa", "rsa", 2048, CANARY, true);

        assertThatThrownBy(() -> SshIdentity.load(new Credentials.SshKey("prod-key", null, key.privateKey(), null)))
                .hasMessage("The private key of credential 'prod-key' cannot be read: it is encrypted and the"
                        + " credential has no passphrase; add the passphrase to the credential.");
    }

    @Test
    void textThatIsNoPrivateKeySaysWhatToPaste() throws Exception {
        SshKeygen.Key key = SshKeygen.generate(dir, "id_ed25519", "ed25519");
        String expected = "The private key of credential 'prod-key' cannot be read: it is not an OpenSSH or PEM private"
                + " key; paste the whole private key, from its BEGIN line to its END line, into the credential.";

        for (String text :
                new String[] {key.publicKey(), "not a key", "", key.privateKey().substring(0, 120)}) {
            assertThatThrownBy(() -> SshIdentity.load(new Credentials.SshKey("prod-key", null, text, null)))
                    .as(text)
                    .isInstanceOf(CommandException.class)
                    .hasMessage(expected);
        }
    }
}
