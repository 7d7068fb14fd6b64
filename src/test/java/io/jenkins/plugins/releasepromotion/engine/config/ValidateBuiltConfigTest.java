package io.jenkins.plugins.releasepromotion.engine.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A configuration built from records, as the Jenkins global configuration does, meets the same rules. */
class ValidateBuiltConfigTest {

    private static EnvironmentConfig production(SshDeployConfig ssh) {
        return new EnvironmentConfig(
                "production",
                EnvironmentKind.PRODUCTION,
                0,
                null,
                null,
                new DeployConfig(null, ssh),
                null,
                null,
                null,
                null);
    }

    @Test
    void acceptsAValidConfiguration() {
        SshDeployConfig ssh = new SshDeployConfig(
                "production-server",
                0,
                "deploy",
                "production-deploy-key",
                null,
                "SHA256:UUlW3nt4gnGzC6apuBErap3/ql5/UpiLT323vMsaDoI",
                "/home/deploy/production/job-search-project",
                null,
                null,
                null,
                null);
        ReleaseConfig config = new ReleaseConfig(null, null, null, List.of(production(ssh)));

        assertThat(ConfigLoader.validate(config, "Jenkins global configuration"))
                .isSameAs(config);
    }

    @Test
    void refusesWithTheSamePathsAsTheYaml() {
        SshDeployConfig ssh = new SshDeployConfig(
                "production-server", 0, "deploy", "key", null, null, "/srv/app", null, null, null, null);
        ReleaseConfig config = new ReleaseConfig(null, null, null, List.of(production(ssh)));

        ConfigException e = catchThrowableOfType(
                ConfigException.class, () -> ConfigLoader.validate(config, "Jenkins global configuration"));

        assertThat(e.getMessage())
                .isEqualTo("1 problem in Jenkins global configuration: environments[0].deploy.ssh.knownHosts: required"
                        + " (pin the host key with known_hosts lines or a SHA256: fingerprint)");
    }
}
