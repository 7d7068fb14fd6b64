package io.jenkins.plugins.releasepromotion.engine.config;

import static io.jenkins.plugins.releasepromotion.engine.config.ConfigTexts.STAGING;
import static io.jenkins.plugins.releasepromotion.engine.config.ConfigTexts.refusal;
import static io.jenkins.plugins.releasepromotion.engine.config.ConfigTexts.validSsh;
import static io.jenkins.plugins.releasepromotion.engine.config.ConfigTexts.withSsh;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SecretsInConfigTest {
    private static final String SECRET = "hunter2-Sup3rS3cret";
    private static final String CREDENTIAL_IDS_ONLY =
            "unknown field; the configuration holds credential IDs only (use credentialsId)";

    @ParameterizedTest
    @ValueSource(
            strings = {"password", "passphrase", "privateKey", "token", "secret", "apiKey", "api_key", "sshPassword"})
    void refusesSecretLookingSshFieldsWithoutEchoingTheValue(String field) {
        ConfigException e = refusal(withSsh(validSsh() + "        " + field + ": " + SECRET));

        assertThat(e.problems()).containsExactly("environments[1].deploy.ssh." + field + ": " + CREDENTIAL_IDS_ONLY);
        assertNoSecret(e);
    }

    @Test
    void refusesSecretsAtEveryLevel() {
        String yaml = "token: " + SECRET + "\n" + STAGING + "    password: " + SECRET
                + "\n    url: https://staging.example.com\n    checks:\n      - type: flows\n        requests:\n"
                + "          - {path: /api/login, password: " + SECRET + "}\n      - type: dag\n        dagId: d\n"
                + "        airflowUrl: https://airflow\n        apiKey: " + SECRET + "\n";

        ConfigException e = refusal(yaml);

        assertThat(e.problems())
                .containsExactly(
                        "environments[0].checks[0].requests[0].password: " + CREDENTIAL_IDS_ONLY,
                        "environments[0].checks[1].apiKey: " + CREDENTIAL_IDS_ONLY,
                        "environments[0].password: " + CREDENTIAL_IDS_ONLY,
                        "token: " + CREDENTIAL_IDS_ONLY);
        assertNoSecret(e);
    }

    @Test
    void secretNeverEchoedWhateverItsShape() {
        String yaml = withSsh(validSsh() + "        privateKey:\n          - " + SECRET + "\n        password: {value: "
                + SECRET + "}");

        ConfigException e = refusal(yaml);

        assertThat(e.problems()).hasSize(2);
        assertNoSecret(e);
    }

    @Test
    void syntaxErrorNearASecretDoesNotQuoteIt() {
        ConfigException e = refusal(withSsh(validSsh() + "        password: \"" + SECRET + "\n  - broken: ["));

        assertThat(e.problems()).singleElement().asString().startsWith("line ");
        assertNoSecret(e);
    }

    @Test
    void unknownFieldsNeverEchoTheirValue() {
        ConfigException e = refusal(STAGING + "    slot: " + SECRET);

        assertThat(e.problems()).singleElement().asString().startsWith("environments[0].slot: unknown field;");
        assertNoSecret(e);
    }

    @Test
    void refusesCredentialHeaders() {
        String yaml = STAGING + "    url: https://staging.example.com\n    checks: [{type: flows, requests: [{path: /,"
                + " headers: [{name: Authorization, value: 'Bearer " + SECRET + "'}, {name: X-Api-Key, value: "
                + SECRET + "}, {name: Accept, value: text/html}]}]}]";

        ConfigException e = refusal(yaml);

        assertThat(e.problems())
                .containsExactly(
                        "environments[0].checks[0].requests[0].headers.Authorization: holds a secret; the configuration"
                                + " holds credential IDs only (use credentialsId)",
                        "environments[0].checks[0].requests[0].headers.X-Api-Key: holds a secret; the configuration"
                                + " holds credential IDs only (use credentialsId)");
        assertNoSecret(e);
    }

    @Test
    void refusesCredentialsInUrls() {
        ConfigException e = refusal(STAGING + "    url: https://admin:" + SECRET + "@staging.example.com");

        assertThat(e.problems())
                .containsExactly("environments[0].url: must not carry a user name or password; use credentialsId");
        assertNoSecret(e);
        assertNoSecret(refusal(STAGING + "    url: 'https://admin:" + SECRET + " @staging.example.com'"));
    }

    @Test
    void refusesSecretsInDagRunSettings() {
        String yaml =
                STAGING + "    checks: [{type: dag, dagId: d, airflowUrl: 'https://airflow', conf: [{name: region,"
                        + " value: eu}, {name: access_token, value: " + SECRET + "}]}]";

        ConfigException e = refusal(yaml);

        assertThat(e.problems())
                .containsExactly("environments[0].checks[0].conf.access_token: holds a secret; the configuration holds"
                        + " credential IDs only (use credentialsId)");
        assertNoSecret(e);
    }

    @Test
    void aSettingGivenTwiceIsNamedWithoutItsValues() {
        String yaml =
                STAGING + "    checks: [{type: dag, dagId: d, airflowUrl: 'https://airflow', conf: [{name: region,"
                        + " value: " + SECRET + "}, {name: region, value: " + SECRET + "}]}]";

        ConfigException e = refusal(yaml);

        assertThat(e.problems())
                .containsExactly("environments[0].checks[0].conf[1].name: 'region' is given twice; give it once");
        assertNoSecret(e);
    }

    private static void assertNoSecret(ConfigException e) {
        assertThat(e.getMessage()).doesNotContain(SECRET).doesNotContain("hunter2");
        assertThat(e.toString()).doesNotContain(SECRET).doesNotContain("hunter2");
        assertThat(e.problems()).noneMatch(p -> p.contains("hunter2"));
    }
}
