package io.jenkins.plugins.releasepromotion.engine.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MissionConfigTest {
    private static final Path MISSION = Path.of("src/test/resources/config/mission.yaml");
    private static final Path DOC = Path.of("docs/configuration.md");

    @Test
    void docExampleIsTheTestedFile() throws IOException {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        assertThat(yamlBlockUnder(doc, "## Complete example")).isEqualTo(Files.readString(MISSION));
    }

    @Test
    void missionExampleLoads() {
        ReleaseConfig config = ConfigLoader.load(MISSION);

        assertThat(config.mainBranch()).isEqualTo("main");
        assertThat(config.changelog()).isEqualTo("CHANGELOG.md");
        assertThat(config.environments()).extracting(EnvironmentConfig::name).containsExactly("staging", "production");
    }

    @Test
    void stagingDeploysSlotsWithTheScript() {
        EnvironmentConfig staging =
                ConfigLoader.load(MISSION).environment("staging").orElseThrow();

        assertThat(staging.kind()).isEqualTo(EnvironmentKind.STAGING);
        assertThat(staging.slots()).isEqualTo(3);
        assertThat(staging.urlFor(2)).isEqualTo("https://staging-2.jobsearch.example.com");
        assertThat(staging.deploy().ssh()).isNull();
        assertThat(staging.deploy().script().command())
                .containsExactly("./scripts/deploy-staging.sh", "{slot}", "{tag}");
        assertThat(staging.deploy().script().timeout()).isEqualTo(Duration.ofMinutes(15));
        assertThat(staging.checks())
                .extracting(CheckConfig::type)
                .containsExactly(
                        CheckType.LOGS,
                        CheckType.HEALTH,
                        CheckType.VERSION,
                        CheckType.FLOWS,
                        CheckType.DAG,
                        CheckType.LOGS,
                        CheckType.MIGRATIONS);
    }

    @Test
    void stagingChecksMirrorTheVerificationChecklist() {
        List<CheckConfig> checks =
                ConfigLoader.load(MISSION).environment("staging").orElseThrow().checks();

        CheckConfig startup = checks.get(0);
        assertThat(startup.name()).isEqualTo("starts-cleanly");
        assertThat(startup.failurePatterns())
                .containsExactly("(?i)\\bERROR\\b", "Traceback \\(most recent call last\\)");
        assertThat(startup.ignorePatterns()).containsExactly("healthcheck");
        assertThat(checks.get(1).consecutive()).isEqualTo(3);
        assertThat(checks.get(1).retries()).isEqualTo(5);
        assertThat(checks.get(1).backoff()).isEqualTo(Duration.ofSeconds(2));
        assertThat(checks.get(3).requests())
                .extracting(FlowRequest::name)
                .containsExactly("login", "dashboard", "campaigns");
        FlowRequest login = checks.get(3).requests().get(0);
        assertThat(login.method()).isEqualTo("POST");
        assertThat(login.credentialsId()).isEqualTo("staging-demo-user");
        assertThat(login.expectJson()).isEqualTo(Map.of("/user/name", "demo"));
        CheckConfig dag = checks.get(4);
        assertThat(dag.dagId()).isEqualTo("job_search_pipeline");
        assertThat(dag.deadline()).isEqualTo(Duration.ofMinutes(20));
        assertThat(checks.get(5).mode()).isEqualTo(CheckMode.WARN);
        assertThat(checks.get(6).jsonPointer()).isEqualTo("/database/migrations");
    }

    @Test
    void productionDeploysOverSshWithPinnedKeyAndGates() {
        EnvironmentConfig production =
                ConfigLoader.load(MISSION).environment("production").orElseThrow();

        SshDeployConfig ssh = production.deploy().ssh();
        assertThat(ssh.user() + "@" + ssh.host()).isEqualTo("deploy@production-server");
        assertThat(ssh.port()).isEqualTo(22);
        assertThat(ssh.directory()).isEqualTo("/home/deploy/production/job-search-project");
        assertThat(ssh.composeFiles()).containsExactly("docker-compose.yml", "docker-compose.production.yml");
        assertThat(ssh.knownHosts()).startsWith("production-server ssh-ed25519 AAAAC3Nza");
        assertThat(ssh.hostKey()).isNull();
        GatesConfig gates = production.gates();
        assertThat(gates.promotesFrom()).isEqualTo("staging");
        assertThat(gates.maxAttestationAge()).isEqualTo(Duration.ofDays(7));
        assertThat(gates.liveVersion()).isEqualTo(LiveVersionMode.REQUIRE);
        assertThat(gates.approvers()).containsExactly("release-managers");
        assertThat(gates.windows())
                .containsExactly(new DeployWindow(
                        java.util.Set.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY),
                        LocalTime.of(9, 0),
                        LocalTime.of(16, 0),
                        ZoneId.of("Europe/Berlin")));
        assertThat(gates.freezes())
                .containsExactly(new Freeze(
                        Instant.parse("2026-12-20T00:00:00Z"),
                        Instant.parse("2027-01-05T00:00:00Z"),
                        "Year-end freeze"));
        assertThat(production.backup().migrationsPath()).isEqualTo("migrations/");
        assertThat(production.backup().command()).containsExactly("./scripts/backup-db.sh");
        assertThat(production.maintenance().enable()).containsExactly("./scripts/maintenance.sh", "on");
        assertThat(production.maintenance().disable()).containsExactly("./scripts/maintenance.sh", "off");
    }

    /** The first fenced YAML block after {@code heading}. */
    static String yamlBlockUnder(String markdown, String heading) {
        int at = markdown.indexOf("\n" + heading + "\n");
        assertThat(at).as("heading %s in the document", heading).isNotNegative();
        int start = markdown.indexOf("```yaml\n", at) + "```yaml\n".length();
        int end = markdown.indexOf("\n```", start);
        return markdown.substring(start, end + 1);
    }
}
