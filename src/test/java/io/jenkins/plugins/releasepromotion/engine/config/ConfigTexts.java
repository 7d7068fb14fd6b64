package io.jenkins.plugins.releasepromotion.engine.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;

/** Small valid configurations to break one rule at a time, and the problems a refused text yields. */
final class ConfigTexts {
    static final String SOURCE = "test.yaml";

    /** A staging environment that passes every rule; tests append fields or add environments after it. */
    static final String STAGING =
            """
            environments:
              - name: staging
                kind: staging
                deploy:
                  script:
                    command: [./deploy.sh]
            """;

    private ConfigTexts() {}

    /** One environment named {@code name}, with {@code body} indented under it (fields at four spaces). */
    static String environment(String name, String body) {
        return "environments:\n  - name: " + name + "\n" + body.stripTrailing() + "\n";
    }

    /** A second environment deploying over SSH, with {@code ssh} as the ssh fields at eight spaces. */
    static String withSsh(String ssh) {
        return STAGING + "  - name: production\n    deploy:\n      ssh:\n" + ssh.stripTrailing() + "\n";
    }

    static String validSsh() {
        return """
                        host: production-server
                        user: deploy
                        credentialsId: production-deploy-key
                        hostKey: SHA256:UUlW3nt4gnGzC6apuBErap3/ql5/UpiLT323vMsaDoI
                        directory: /home/deploy/production/job-search-project
                """;
    }

    static ConfigException refusal(String yaml) {
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> ConfigLoader.parse(yaml, SOURCE));
        assertThat(e).as("the configuration is refused").isNotNull();
        return e;
    }

    static List<String> problemsOf(String yaml) {
        return refusal(yaml).problems();
    }
}
