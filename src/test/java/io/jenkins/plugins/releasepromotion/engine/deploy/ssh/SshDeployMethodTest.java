package io.jenkins.plugins.releasepromotion.engine.deploy.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.releasepromotion.engine.config.SshDeployConfig;
import io.jenkins.plugins.releasepromotion.engine.deploy.DeployTarget;
import io.jenkins.plugins.releasepromotion.engine.port.Command;
import io.jenkins.plugins.releasepromotion.engine.port.Credentials;
import io.jenkins.plugins.releasepromotion.engine.port.CredentialsException;
import io.jenkins.plugins.releasepromotion.engine.port.MapCredentials;
import io.jenkins.plugins.releasepromotion.engine.port.Secrets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands an ssh deploy sends, as text, before anything connects. */
class SshDeployMethodTest {
    private static final String DIRECTORY = "/home/deploy/production/job-search-project";
    private static final DeployTarget ROLLBACK =
            new DeployTarget(Environments.named("production"), null, "v1.2.2", "3f2c1ab");

    @TempDir
    static Path dir;

    static Credentials credentials;

    @BeforeAll
    static void makeKey() throws Exception {
        SshKeygen.Key key = SshKeygen.generate(dir, "deploy_key", "ed25519");
        credentials = MapCredentials.of(new Credentials.SshKey("production-deploy-key", null, key.privateKey(), null));
    }

    @Test
    void theDefaultDeployIsTheMissionsManualRollback() {
        try (SshDeployMethod method = new SshDeployMethod(config(null), credentials, Secrets.none())) {
            Command command = method.deployCommand(ROLLBACK);

            assertThat(command.argv())
                    .containsExactly(
                            "sh",
                            "-c",
                            "cd /home/deploy/production/job-search-project && git fetch --tags --force origin"
                                    + " && git checkout --quiet v1.2.2"
                                    + " && docker compose -f docker-compose.yml -f docker-compose.production.yml down"
                                    + " && docker compose -f docker-compose.yml -f docker-compose.production.yml up -d");
            assertThat(command.workingDirectory()).isEqualTo(DIRECTORY);
            assertThat(command.timeout()).isEqualTo(Duration.ofMinutes(30));
            assertThat(command.environment())
                    .containsExactlyInAnyOrderEntriesOf(Map.of(
                            "RELEASE_TAG", "v1.2.2",
                            "RELEASE_COMMIT", "3f2c1ab",
                            "RELEASE_ENVIRONMENT", "production",
                            "RELEASE_SLOT", "",
                            "RELEASE_DIRECTORY", DIRECTORY));
        }
    }

    @Test
    void theServerReceivesOneLineThatCarriesTheScriptAsOneArgument() {
        try (SshDeployMethod method = new SshDeployMethod(config(null), credentials, Secrets.none())) {
            String line = RemoteCommandLine.of(method.deployCommand(ROLLBACK));

            assertThat(line)
                    .isEqualTo("cd /home/deploy/production/job-search-project && exec env 'RELEASE_COMMIT=3f2c1ab'"
                            + " 'RELEASE_DIRECTORY=/home/deploy/production/job-search-project'"
                            + " 'RELEASE_ENVIRONMENT=production' 'RELEASE_SLOT=' 'RELEASE_TAG=v1.2.2' sh -c "
                            + ShellQuote.quote(RemoteCommandLine.SUPERVISOR) + " release-promotion sh -c"
                            + " 'cd /home/deploy/production/job-search-project && git fetch --tags --force origin"
                            + " && git checkout --quiet v1.2.2"
                            + " && docker compose -f docker-compose.yml -f docker-compose.production.yml down"
                            + " && docker compose -f docker-compose.yml -f docker-compose.production.yml up -d'");
        }
    }

    @Test
    void unusualDirectoriesAndComposeFilesAreQuoted() {
        SshDeployConfig config = new SshDeployConfig(
                "production-server",
                22,
                "deploy",
                "production-deploy-key",
                "production-server ssh-ed25519 AAAA",
                null,
                "/srv/my app",
                List.of("compose $(x).yml"),
                null,
                null,
                null);
        try (SshDeployMethod method = new SshDeployMethod(config, credentials, Secrets.none())) {
            assertThat(method.deployCommand(ROLLBACK).argv().get(2))
                    .isEqualTo("cd '/srv/my app' && git fetch --tags --force origin && git checkout --quiet v1.2.2"
                            + " && docker compose -f 'compose $(x).yml' down && docker compose -f 'compose $(x).yml'"
                            + " up -d");
        }
    }

    @Test
    void aCommandTemplateReplacesTheDefaultWithItsPlaceholdersQuoted() {
        String template = "./scripts/deploy-production.sh {tag} {commit} --env={environment} --slot={slot}";
        try (SshDeployMethod method = new SshDeployMethod(config(template), credentials, Secrets.none())) {
            DeployTarget hostile = new DeployTarget(Environments.named("prod uction"), 2, "v1;id", "$(id)");

            assertThat(method.deployCommand(hostile).argv())
                    .containsExactly(
                            "sh", "-c", "./scripts/deploy-production.sh 'v1;id' '$(id)' --env='prod uction' --slot=2");
        }
    }

    @Test
    void configuredArgvCommandsGetTheirPlaceholdersFilledAndRunInTheDirectory() {
        try (SshDeployMethod method = new SshDeployMethod(config(null), credentials, Secrets.none())) {
            Command backup = method.command(List.of("./scripts/backup-db.sh", "--label={environment}-{tag}"), ROLLBACK);

            assertThat(backup.argv()).containsExactly("./scripts/backup-db.sh", "--label=production-v1.2.2");
            assertThat(backup.workingDirectory()).isEqualTo(DIRECTORY);
            assertThat(backup.environment()).containsEntry("RELEASE_TAG", "v1.2.2");
        }
    }

    @Test
    void aTemplateThatWouldUnquoteAPlaceholderIsRefusedBeforeAnythingRuns() {
        assertThatThrownBy(() -> new SshDeployMethod(config("git checkout '{tag}'"), credentials, Secrets.none()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("The command template puts {tag} inside '...'");
    }

    @Test
    void aMissingCredentialIsNamed() {
        SshDeployConfig config = new SshDeployConfig(
                "production-server",
                22,
                "deploy",
                "no-such-key",
                "production-server ssh-ed25519 AAAA",
                null,
                DIRECTORY,
                null,
                null,
                null,
                null);

        assertThatThrownBy(() -> new SshDeployMethod(config, credentials, Secrets.none()))
                .isInstanceOf(CredentialsException.class)
                .hasMessageStartingWith("No credentials with ID 'no-such-key' found;");
    }

    @Test
    void itsNameShowsWhereAndWithWhatButNoKey() {
        try (SshDeployMethod method = new SshDeployMethod(config(null), credentials, Secrets.none())) {
            assertThat(method)
                    .hasToString("SshDeployMethod[SshCommandRunner[deploy@production-server:22, credential"
                            + " 'production-deploy-key']]");
        }
    }

    private static SshDeployConfig config(String command) {
        return new SshDeployConfig(
                "production-server",
                0,
                "deploy",
                "production-deploy-key",
                "production-server ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIKp9j3i7nMXihaMSB7M0vRDBhqqWVF7Vq9ivEdE/ZoQB",
                null,
                DIRECTORY,
                List.of("docker-compose.yml", "docker-compose.production.yml"),
                command,
                null,
                null);
    }
}
