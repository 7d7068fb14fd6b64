package io.jenkins.plugins.releasepromotion.engine.config;

import static io.jenkins.plugins.releasepromotion.engine.config.ConfigTexts.STAGING;
import static io.jenkins.plugins.releasepromotion.engine.config.ConfigTexts.validSsh;
import static io.jenkins.plugins.releasepromotion.engine.config.ConfigTexts.withSsh;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class DefaultsTest {

    @Test
    void topLevelDefaults() {
        ReleaseConfig config = ConfigLoader.parse(STAGING, "test.yaml");

        assertThat(config.tagPattern()).isNull();
        assertThat(config.mainBranch()).isEqualTo("main");
        assertThat(config.changelog()).isEqualTo("CHANGELOG.md");
    }

    @Test
    void environmentDefaults() {
        EnvironmentConfig environment = ConfigLoader.parse(
                        "environments: [{name: qa, deploy: {script: {command:" + " [x]}}}]", "test.yaml")
                .environments()
                .get(0);

        assertThat(environment.kind()).isEqualTo(EnvironmentKind.OTHER);
        assertThat(environment.slots()).isZero();
        assertThat(environment.checks()).isEmpty();
        assertThat(environment.gates()).isEqualTo(GatesConfig.NONE);
        assertThat(environment.gates().maxAttestationAge()).isEqualTo(Duration.ofDays(14));
        assertThat(environment.gates().liveVersion()).isEqualTo(LiveVersionMode.REQUIRE);
        assertThat(environment.backup()).isNull();
        assertThat(environment.maintenance()).isNull();
        assertThat(environment.deploy().script().timeout()).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void sshDefaults() {
        SshDeployConfig ssh = ConfigLoader.parse(withSsh(validSsh()), "test.yaml")
                .environments()
                .get(1)
                .deploy()
                .ssh();

        assertThat(ssh.port()).isEqualTo(22);
        assertThat(ssh.composeFiles()).containsExactly("docker-compose.yml");
        assertThat(ssh.command()).isNull();
        assertThat(ssh.connectTimeout()).isEqualTo(Duration.ofSeconds(15));
        assertThat(ssh.commandTimeout()).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void checkDefaults() {
        String yaml = STAGING + "    url: https://staging.example.com\n    checks: [{type: version}, {type: health},"
                + " {type: flows, requests: [{path: /api/dashboard}]}, {type: dag, dagId: d, airflowUrl:"
                + " 'https://airflow'}]";

        List<CheckConfig> checks =
                ConfigLoader.parse(yaml, "test.yaml").environments().get(0).checks();

        CheckConfig version = checks.get(0);
        assertThat(version.name()).isEqualTo("version");
        assertThat(version.path()).isEqualTo("/api/version");
        assertThat(version.mode()).isEqualTo(CheckMode.ENFORCE);
        assertThat(version.timeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(version.retries()).isZero();
        assertThat(version.backoff()).isEqualTo(Duration.ofSeconds(1));
        CheckConfig health = checks.get(1);
        assertThat(health.path()).isEqualTo("/api/health");
        assertThat(health.consecutive()).isEqualTo(3);
        FlowRequest request = checks.get(2).requests().get(0);
        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.expectStatus()).isEqualTo(200);
        assertThat(request.headers()).isEmpty();
        assertThat(request.credentialsId()).isNull();
        CheckConfig dag = checks.get(3);
        assertThat(dag.auth()).isEqualTo("basic");
        assertThat(dag.deadline()).isEqualTo(Duration.ofMinutes(30));
        assertThat(dag.path()).isNull();
    }
}
