package io.jenkins.plugins.releasepromotion.engine.config;

import static io.jenkins.plugins.releasepromotion.engine.config.ConfigTexts.STAGING;
import static io.jenkins.plugins.releasepromotion.engine.config.ConfigTexts.environment;
import static io.jenkins.plugins.releasepromotion.engine.config.ConfigTexts.problemsOf;
import static io.jenkins.plugins.releasepromotion.engine.config.ConfigTexts.validSsh;
import static io.jenkins.plugins.releasepromotion.engine.config.ConfigTexts.withSsh;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DeployRulesTest {
    private static final String PIN_REQUIRED = "environments[1].deploy.ssh.knownHosts: required (pin the host key with"
            + " known_hosts lines or a SHA256: fingerprint)";
    private static final String KNOWN_HOSTS_LINE =
            "production-server ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIKp9j3i7nMXihaMSB7M0vRDBhqqWVF7Vq9ivEdE/ZoQB";

    @Test
    void requiresADeployMethod() {
        assertThat(problemsOf(environment("staging", "    kind: staging")))
                .containsExactly("environments[0].deploy: required; give exactly one of script or ssh");
        assertThat(problemsOf(environment("staging", "    deploy: {}")))
                .containsExactly("environments[0].deploy: required; give exactly one of script or ssh");
    }

    @Test
    void refusesBothDeployMethods() {
        String yaml =
                withSsh(validSsh()).replace("      ssh:\n", "      script: {command: [./deploy.sh]}\n      ssh:\n");

        assertThat(problemsOf(yaml))
                .containsExactly("environments[1].deploy: give exactly one of script or ssh, not both");
    }

    @Test
    void requiresAScriptCommand() {
        assertThat(problemsOf(environment("staging", "    deploy: {script: {command: []}}")))
                .containsExactly("environments[0].deploy.script.command: required; give the command as a list of"
                        + " arguments, e.g. [./scripts/deploy-staging.sh, '{slot}', '{tag}']");
        assertThat(problemsOf(environment("staging", "    deploy: {script: {timeout: 5m}}")))
                .singleElement()
                .asString()
                .startsWith("environments[0].deploy.script.command: required;");
    }

    @Test
    void refusesACommandLineStringThatWouldNeedAShell() {
        assertThat(problemsOf(environment("staging", "    deploy: {script: {command: './deploy.sh {slot} {tag}'}}")))
                .containsExactly("environments[0].deploy.script.command: expected a list, got './deploy.sh {slot}"
                        + " {tag}'; write the command as a list of arguments, e.g. [./scripts/deploy-staging.sh,"
                        + " '{slot}', '{tag}']; commands never run through a shell");
    }

    @Test
    void refusesABlankProgram() {
        assertThat(problemsOf(environment("staging", "    deploy: {script: {command: ['', x]}}")))
                .containsExactly("environments[0].deploy.script.command[0]: the program to run is blank; name it, e.g."
                        + " ./scripts/deploy.sh");
    }

    @Test
    void acceptsAValidSshDeploy() {
        SshDeployConfig ssh = ConfigLoader.parse(withSsh(validSsh()), "test.yaml")
                .environments()
                .get(1)
                .deploy()
                .ssh();

        assertThat(ssh.hostKey()).isEqualTo("SHA256:UUlW3nt4gnGzC6apuBErap3/ql5/UpiLT323vMsaDoI");
    }

    @Test
    void sshNeedsHostUserCredentialAndDirectory() {
        String yaml = withSsh("        hostKey: SHA256:UUlW3nt4gnGzC6apuBErap3/ql5/UpiLT323vMsaDoI");

        assertThat(problemsOf(yaml))
                .containsExactly(
                        "environments[1].deploy.ssh.host: required; the server to deploy to, e.g. production-server",
                        "environments[1].deploy.ssh.user: required; the account to log in as, e.g. deploy",
                        "environments[1].deploy.ssh.credentialsId: required; the ID of the SSH private key credential",
                        "environments[1].deploy.ssh.directory: required; the checkout on the server, e.g."
                                + " /home/deploy/production/job-search-project");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-22", "65536"})
    void refusesPortsOutOfRange(String port) {
        assertThat(problemsOf(withSsh(validSsh() + "        port: " + port)))
                .containsExactly("environments[1].deploy.ssh.port: " + port + " is out of range; use 1 to 65535");
    }

    @Test
    void refusesAPortThatIsNotANumber() {
        assertThat(problemsOf(withSsh(validSsh() + "        port: ssh")))
                .containsExactly("environments[1].deploy.ssh.port: 'ssh' is not a whole number");
    }

    @Test
    void refusesHostAndUserThatSshWouldReadAsOptions() {
        String yaml = withSsh(validSsh()
                .replace("host: production-server", "host: -oProxyCommand=touch")
                .replace("user: deploy", "user: 'deploy user'"));

        assertThat(problemsOf(yaml))
                .containsExactly(
                        "environments[1].deploy.ssh.host: '-oProxyCommand=touch' is not a host name or address",
                        "environments[1].deploy.ssh.user: 'deploy user' is not a user name");
    }

    @Test
    void hostKeyMustBePinned() {
        assertThat(problemsOf(withSsh(validSsh().replace("hostKey: SHA256:", "# hostKey: SHA256:"))))
                .containsExactly(PIN_REQUIRED);
    }

    @Test
    void refusesBothKnownHostsAndHostKey() {
        assertThat(problemsOf(withSsh(validSsh() + "        knownHosts: '" + KNOWN_HOSTS_LINE + "'")))
                .containsExactly("environments[1].deploy.ssh.hostKey: give either knownHosts or hostKey, not both");
    }

    @ParameterizedTest
    @ValueSource(strings = {"UUlW3nt4gnGzC6apuBErap3/ql5/UpiLT323vMsaDoI", "SHA256:short", "MD5:aa:bb:cc"})
    void refusesAHostKeyThatIsNotAFingerprint(String hostKey) {
        String yaml = withSsh(validSsh().replace("SHA256:UUlW3nt4gnGzC6apuBErap3/ql5/UpiLT323vMsaDoI", hostKey));

        assertThat(problemsOf(yaml))
                .containsExactly("environments[1].deploy.ssh.hostKey: '" + hostKey + "' is not a SHA256 fingerprint;"
                        + " write SHA256: and 43 base64 characters, as ssh-keygen -lf prints it");
    }

    @Test
    void acceptsKnownHostsLinesWithCommentsAndMarkers() {
        String knownHosts = "        knownHosts: |\n          # production\n          " + KNOWN_HOSTS_LINE
                + "\n          @cert-authority *.example.com " + KNOWN_HOSTS_LINE.substring(18) + "\n";
        String yaml = withSsh(validSsh()
                .replace("        hostKey: SHA256:UUlW3nt4gnGzC6apuBErap3/ql5/UpiLT323vMsaDoI\n", knownHosts));

        assertThat(ConfigLoader.parse(yaml, "test.yaml")
                        .environments()
                        .get(1)
                        .deploy()
                        .ssh()
                        .knownHosts())
                .contains(KNOWN_HOSTS_LINE);
    }

    @Test
    void refusesKnownHostsLinesWithoutHostTypeAndKey() {
        String knownHosts = "        knownHosts: |\n          " + KNOWN_HOSTS_LINE
                + "\n          production-server AAAAC3NzaC1lZDI1NTE5\n          production-server ssh-ed25519 not*base64\n";
        String yaml = withSsh(validSsh()
                .replace("        hostKey: SHA256:UUlW3nt4gnGzC6apuBErap3/ql5/UpiLT323vMsaDoI\n", knownHosts));

        assertThat(problemsOf(yaml))
                .containsExactly(
                        "environments[1].deploy.ssh.knownHosts: line 2 'production-server AAAAC3NzaC1lZDI1NTE5' is not"
                                + " a known_hosts entry; each line reads '<host> <key type> <base64 key>', as"
                                + " ssh-keyscan prints it",
                        "environments[1].deploy.ssh.knownHosts: line 3 'production-server ssh-ed25519 not*base64' is"
                                + " not a known_hosts entry; each line reads '<host> <key type> <base64 key>', as"
                                + " ssh-keyscan prints it");
    }

    @Test
    void refusesKnownHostsWithOnlyComments() {
        String yaml = withSsh(validSsh()
                .replace("hostKey: SHA256:UUlW3nt4gnGzC6apuBErap3/ql5/UpiLT323vMsaDoI", "knownHosts: '# none'"));

        assertThat(problemsOf(yaml))
                .containsExactly("environments[1].deploy.ssh.knownHosts: holds no host key (pin the host key with"
                        + " known_hosts lines or a SHA256: fingerprint)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"strictHostKeyChecking: 'no'", "trustOnFirstUse: true", "insecure: true"})
    void hasNoTrustOnFirstUseOption(String field) {
        String name = field.substring(0, field.indexOf(':'));

        assertThat(problemsOf(withSsh(validSsh() + "        " + field)))
                .containsExactly("environments[1].deploy.ssh." + name + ": unknown field; host keys are always checked"
                        + " (pin the host key with knownHosts or hostKey)");
    }

    @Test
    void backupCommandRequiredWithMigrationsPath() {
        assertThat(problemsOf(STAGING + "    backup: {migrationsPath: migrations/}"))
                .containsExactly("environments[0].backup.command: required when migrationsPath is set; the backup must"
                        + " run before new migrations do");
        assertThat(problemsOf(STAGING + "    backup: {command: [./backup.sh]}"))
                .containsExactly("environments[0].backup.migrationsPath: required when command is set; the backup runs"
                        + " when files under it change, e.g. migrations/");
    }

    @Test
    void maintenanceModeNeedsBothCommands() {
        assertThat(problemsOf(STAGING + "    maintenance: {enable: [./maintenance.sh, 'on']}"))
                .containsExactly("environments[0].maintenance.disable: required; maintenance mode needs both a command"
                        + " to switch it on and one to switch it off");
    }
}
