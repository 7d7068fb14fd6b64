package io.jenkins.plugins.releasepromotion.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.releasepromotion.engine.port.Credentials;
import io.jenkins.plugins.releasepromotion.engine.port.CredentialsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Credentials from the environment: variable names, files, one-line errors, and every secret masked. */
class EnvironmentCredentialsTest {
    private static final String CANARY = "canary-secret-4711";

    @TempDir
    Path dir;

    @Test
    void namesVariablesAfterTheIdUpperCased() {
        assertThat(EnvironmentCredentials.variable("prod-deploy.key", "KEY_FILE"))
                .isEqualTo("RELEASE_PROMOTION_PROD_DEPLOY_KEY_KEY_FILE");
    }

    @Test
    void readsAnSshKeyFromAFileAndMasksIt() throws Exception {
        Path key = dir.resolve("id");
        Files.writeString(key, "-----BEGIN OPENSSH PRIVATE KEY-----\n" + CANARY + "\n");
        EnvironmentCredentials credentials = new EnvironmentCredentials(Map.of(
                "RELEASE_PROMOTION_DEPLOY_KEY_FILE",
                key.toString(),
                "RELEASE_PROMOTION_DEPLOY_PASSPHRASE",
                "pass-" + CANARY,
                "RELEASE_PROMOTION_DEPLOY_USERNAME",
                "deploy"));
        Credentials.SshKey ssh = credentials.sshKey("deploy");
        assertThat(ssh.privateKey()).contains(CANARY);
        assertThat(ssh.username()).isEqualTo("deploy");
        assertThat(ssh.toString()).doesNotContain(CANARY);
        assertThat(credentials.secrets().mask("key " + ssh.privateKey() + " and pass-" + CANARY))
                .doesNotContain(CANARY);
    }

    @Test
    void readsAUsernameWithPasswordAndASecretText() {
        EnvironmentCredentials credentials = new EnvironmentCredentials(Map.of(
                "RELEASE_PROMOTION_APP_USER_USERNAME",
                "demo",
                "RELEASE_PROMOTION_APP_USER_PASSWORD",
                CANARY,
                "RELEASE_PROMOTION_AIRFLOW_SECRET",
                "token-" + CANARY));
        assertThat(credentials.usernamePassword("app-user").password()).isEqualTo(CANARY);
        assertThat(credentials.secretText("airflow").secret()).isEqualTo("token-" + CANARY);
        assertThat(credentials.secrets().mask("Authorization: " + CANARY)).isEqualTo("Authorization: ****");
    }

    @Test
    void everySecretOfTheEnvironmentIsMaskedBeforeAnyIsLookedUp() throws Exception {
        Path file = dir.resolve("token");
        Files.writeString(file, "file-" + CANARY + "\n");
        EnvironmentCredentials credentials = new EnvironmentCredentials(Map.of(
                "RELEASE_PROMOTION_AIRFLOW_SECRET",
                "token-" + CANARY,
                "RELEASE_PROMOTION_OTHER_PASSWORD_FILE",
                file.toString(),
                "RELEASE_PROMOTION_OTHER_USERNAME",
                "visible-user"));
        assertThat(credentials.secrets().mask("token-" + CANARY + " file-" + CANARY + " visible-user"))
                .isEqualTo("**** **** visible-user");
    }

    @Test
    void aSecretFileLosesOneTrailingNewlineAndNoMore() throws Exception {
        Path unix = dir.resolve("unix");
        Files.writeString(unix, CANARY + "\n");
        Path windows = dir.resolve("windows");
        Files.writeString(windows, CANARY + "\r\n");
        Path two = dir.resolve("two");
        Files.writeString(two, CANARY + "\n\n");
        EnvironmentCredentials credentials = new EnvironmentCredentials(Map.of(
                "RELEASE_PROMOTION_A_SECRET_FILE", unix.toString(),
                "RELEASE_PROMOTION_B_SECRET_FILE", windows.toString(),
                "RELEASE_PROMOTION_C_SECRET_FILE", two.toString()));
        assertThat(credentials.secretText("a").secret()).isEqualTo(CANARY);
        assertThat(credentials.secretText("b").secret()).isEqualTo(CANARY);
        assertThat(credentials.secretText("c").secret()).isEqualTo(CANARY + "\n");
    }

    @Test
    void aMissingCredentialNamesTheIdTheTypeAndTheVariables() {
        EnvironmentCredentials credentials =
                new EnvironmentCredentials(Map.of("RELEASE_PROMOTION_APP_USER_PASSWORD", CANARY));
        assertThatThrownBy(() -> credentials.sshKey("deploy"))
                .isInstanceOf(CredentialsException.class)
                .hasMessage("No credentials with ID 'deploy' found: the SSH private key needs"
                        + " RELEASE_PROMOTION_DEPLOY_KEY (or RELEASE_PROMOTION_DEPLOY_KEY_FILE naming a file) in the"
                        + " environment.");
        assertThatThrownBy(() -> credentials.usernamePassword("app-user"))
                .hasMessageContaining("RELEASE_PROMOTION_APP_USER_USERNAME")
                .hasMessageNotContaining(CANARY);
    }

    @Test
    void anUnreadableFileIsOneLineWithoutItsContent() {
        EnvironmentCredentials credentials = new EnvironmentCredentials(Map.of(
                "RELEASE_PROMOTION_DEPLOY_KEY_FILE", dir.resolve("missing").toString()));
        assertThatThrownBy(() -> credentials.sshKey("deploy"))
                .isInstanceOf(CredentialsException.class)
                .hasMessageStartingWith("Cannot read RELEASE_PROMOTION_DEPLOY_KEY_FILE (")
                .hasMessageEndingWith("for credentials 'deploy': NoSuchFileException; point it at a readable file.");
    }
}
