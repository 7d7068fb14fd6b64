package io.jenkins.plugins.releasepromotion.engine.config;

import static io.jenkins.plugins.releasepromotion.engine.config.ConfigTexts.STAGING;
import static io.jenkins.plugins.releasepromotion.engine.config.ConfigTexts.problemsOf;
import static io.jenkins.plugins.releasepromotion.engine.config.ConfigTexts.validSsh;
import static io.jenkins.plugins.releasepromotion.engine.config.ConfigTexts.withSsh;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UnknownFieldsTest {
    private static final String ENVIRONMENT_FIELDS =
            "expected one of name, kind, slots, url, caFile, deploy, checks, gates, backup, maintenance, bake";

    @Test
    void suggestsTheNearestField() {
        assertThat(problemsOf(STAGING + "    slot: 3"))
                .containsExactly("environments[0].slot: unknown field; did you mean slots? " + ENVIRONMENT_FIELDS);
    }

    @Test
    void suggestsTheCamelCaseSpelling() {
        assertThat(problemsOf(withSsh(validSsh() + "        compose_files: [a.yml]\n        Port: 2222")))
                .containsExactly(
                        "environments[1].deploy.ssh.compose_files: unknown field; did you mean composeFiles? expected one"
                                + " of host, port, user, credentialsId, knownHosts, hostKey, directory, composeFiles,"
                                + " command, connectTimeout, commandTimeout",
                        "environments[1].deploy.ssh.Port: unknown field; did you mean port? expected one of host, port,"
                                + " user, credentialsId, knownHosts, hostKey, directory, composeFiles, command,"
                                + " connectTimeout, commandTimeout");
    }

    @Test
    void listsTheFieldsWhenNothingIsClose() {
        assertThat(problemsOf(STAGING + "    frobnicate: yes"))
                .containsExactly("environments[0].frobnicate: unknown field; " + ENVIRONMENT_FIELDS);
    }

    @Test
    void topLevelTypos() {
        assertThat(problemsOf("environment:\n  - name: staging\n"))
                .containsExactly(
                        "environment: unknown field; did you mean environments? expected one of tagPattern, mainBranch,"
                                + " changelog, environments, ledger",
                        "environments: required; define at least one environment, e.g. staging and production");
    }

    @Test
    void fieldsOfAnotherCheckTypeAreUnknown() {
        String yaml = STAGING + "    url: https://staging.example.com\n    checks: [{type: health, dagId: pipeline}]";

        assertThat(problemsOf(yaml))
                .containsExactly("environments[0].checks[0].dagId: unknown field for a health check; expected one of"
                        + " type, name, mode, timeout, retries, backoff, path, consecutive");
    }

    @Test
    void unknownFieldNamesAreShownEscaped() {
        assertThat(problemsOf(STAGING + "    \"bad\\u001b[31mname\": x"))
                .singleElement()
                .asString()
                .startsWith("environments[0].bad\\u001b[31mname: unknown field;");
    }
}
