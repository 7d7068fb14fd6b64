package io.jenkins.plugins.releasepromotion.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.releasepromotion.engine.config.CheckConfig;
import io.jenkins.plugins.releasepromotion.engine.config.ConfigLoader;
import io.jenkins.plugins.releasepromotion.engine.config.EnvironmentConfig;
import io.jenkins.plugins.releasepromotion.engine.port.Credentials;
import io.jenkins.plugins.releasepromotion.engine.port.CredentialsException;
import java.util.List;
import org.junit.jupiter.api.Test;

class CredentialsMappingTest {
    static final String CANARY = "canary-0b1d-4e7f-never-print-me";

    static EnvironmentConfig environment(String checksYaml) {
        String yaml =
                """
                environments:
                  - name: production
                    url: https://prod.example.com
                    deploy:
                      ssh:
                        host: prod
                        user: deploy
                        credentialsId: deploy-key
                        hostKey: SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA
                        directory: /srv/app
                    checks:
                """
                        + checksYaml;
        return ConfigLoader.parse(yaml, "test").environments().get(0);
    }

    static final String CHECKS =
            """
                      - type: flows
                        requests:
                          - {name: login, path: /api/login, credentialsId: demo-user}
                      - type: dag
                        dagId: pipeline
                        airflowUrl: https://airflow.example.com
                        credentialsId: airflow-token
                        auth: bearer
            """;

    TestCredentials store = new TestCredentials()
            .sshKey(
                    "deploy-key",
                    "deploy",
                    "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA" + CANARY
                            + "\n-----END OPENSSH PRIVATE KEY-----",
                    "pass-" + CANARY)
            .usernamePassword("demo-user", "demo", CANARY)
            .secretText("airflow-token", "token-" + CANARY);

    JenkinsCredentials jenkins = new JenkinsCredentials(store::find);

    @Test
    void mapsEachKindTheEnvironmentNames() {
        CredentialSnapshot snapshot = jenkins.snapshot(environment(CHECKS));

        Credentials.SshKey key = snapshot.sshKey("deploy-key");
        assertThat(key.username()).isEqualTo("deploy");
        assertThat(key.privateKey()).startsWith("-----BEGIN OPENSSH PRIVATE KEY-----");
        assertThat(key.passphrase()).isEqualTo("pass-" + CANARY);
        assertThat(snapshot.usernamePassword("demo-user").password()).isEqualTo(CANARY);
        assertThat(snapshot.secretText("airflow-token").secret()).isEqualTo("token-" + CANARY);
    }

    @Test
    void aMissingIdNamesTheIdAndTheTypeExpected() {
        store = new TestCredentials().sshKey("deploy-key", "deploy", "key", null);
        jenkins = new JenkinsCredentials(store::find);

        assertThatThrownBy(() -> jenkins.snapshot(environment(CHECKS)))
                .isInstanceOf(CredentialsException.class)
                .hasMessage("No credentials with ID 'demo-user' found; add a username with password or secret text"
                        + " credential with that ID, or fix the ID in the configuration.");
    }

    @Test
    void aBearerTokenMustBeSecretText() {
        store = new TestCredentials()
                .sshKey("deploy-key", "deploy", "key", null)
                .usernamePassword("demo-user", "demo", CANARY)
                .usernamePassword("airflow-token", "airflow", CANARY);
        jenkins = new JenkinsCredentials(store::find);

        assertThatThrownBy(() -> jenkins.snapshot(environment(CHECKS)))
                .isInstanceOf(CredentialsException.class)
                .hasMessage("Credentials 'airflow-token' are username with password, but secret text is needed here;"
                        + " use a secret text credential.");
    }

    @Test
    void theSnapshotRefusesATypeItDoesNotHold() {
        CredentialSnapshot snapshot = jenkins.snapshot(environment(CHECKS));

        assertThatThrownBy(() -> snapshot.sshKey("demo-user"))
                .isInstanceOf(CredentialsException.class)
                .hasMessageContaining("'demo-user'")
                .hasMessageContaining("SSH private key");
    }

    @Test
    void noSecretInToStringOrInTheSerializedFormsMessages() throws Exception {
        CredentialSnapshot snapshot = jenkins.snapshot(environment(CHECKS));

        assertThat(snapshot.toString()).doesNotContain(CANARY).contains("deploy-key");
        assertThat(snapshot.sshKey("deploy-key").toString()).doesNotContain(CANARY);
        CredentialSnapshot copy = (CredentialSnapshot) TestChannel.roundTrip(snapshot);
        assertThat(copy.secretText("airflow-token").secret()).isEqualTo("token-" + CANARY);
    }

    @Test
    void everySecretIsMaskedInTheConsole() {
        CredentialSnapshot snapshot = jenkins.snapshot(environment(CHECKS));
        TestListener listener = new TestListener();

        new ConsoleLog(listener, snapshot.secrets())
                .line("password " + CANARY + " token token-" + CANARY + " key b3BlbnNzaC1rZXktdjEAAAAA" + CANARY);

        assertThat(listener.text())
                .doesNotContain(CANARY)
                .startsWith("[release-promotion] password ****")
                .contains("token ****");
    }

    @Test
    void anEnvironmentWithoutCredentialsNeedsNone() {
        EnvironmentConfig env = ConfigLoader.parse(
                        """
                        environments:
                          - name: staging
                            deploy:
                              script:
                                command: [./deploy.sh]
                        """,
                        "test")
                .environments()
                .get(0);

        CredentialSnapshot snapshot = new JenkinsCredentials(id -> null).snapshot(env);

        assertThat(snapshot.secrets().isEmpty()).isTrue();
        assertThat(env.checks()).isEqualTo(List.<CheckConfig>of());
    }
}
