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
