package io.jenkins.plugins.releasepromotion.engine.deploy.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.releasepromotion.engine.config.EnvironmentConfig;
import io.jenkins.plugins.releasepromotion.engine.config.EnvironmentKind;
import io.jenkins.plugins.releasepromotion.engine.config.ScriptDeployConfig;
import io.jenkins.plugins.releasepromotion.engine.deploy.DeployTarget;
import io.jenkins.plugins.releasepromotion.engine.port.Command;
import io.jenkins.plugins.releasepromotion.engine.port.CommandResult;
import io.jenkins.plugins.releasepromotion.engine.port.Secrets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The configured command, with the target filled in, run for real. */
class ScriptDeployMethodTest {
    private static final String COMMIT = "3f2c1ab9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3";
    private static final EnvironmentConfig STAGING = new EnvironmentConfig(
            "staging", EnvironmentKind.STAGING, 3, "http://127.0.0.1:1", null, null, null, null, null, null);

    @TempDir
    Path workspace;

    private final List<String> lines = Scripts.lines();

    private ScriptDeployMethod method(String... command) {
        return new ScriptDeployMethod(
                new ScriptDeployConfig(List.of(command), null, Duration.ofMinutes(1)), workspace, Secrets.none());
    }

    /** Prints each argument on its own line between brackets, then the environment the deploy gets. */
    private void argsScript() throws Exception {
        Files.createDirectories(workspace.resolve("scripts"));
        Scripts.write(
                workspace.resolve("scripts"),
                "deploy-staging.sh",
                "for arg in \"$@\"; do echo \"[$arg]\"; done",
                "echo \"env $RELEASE_TAG $RELEASE_COMMIT $RELEASE_ENVIRONMENT $RELEASE_SLOT\"");
    }

    private CommandResult deploy(ScriptDeployMethod method, DeployTarget target) {
        try (method) {
            return method.runner().run(method.deployCommand(target), lines::add);
        }
    }

    @Test
    void placeholdersAndReleaseVariablesReachTheScript() throws Exception {
        argsScript();
        ScriptDeployMethod method =
                method("./scripts/deploy-staging.sh", "{slot}", "{tag}", "--env={environment}", "{commit}", "{tag}");

        CommandResult result = deploy(method, new DeployTarget(STAGING, 2, "v1.2.3", COMMIT));

        assertThat(result.succeeded()).isTrue();
        assertThat(lines)
                .containsExactly(
                        "[2]",
                        "[v1.2.3]",
                        "[--env=staging]",
                        "[" + COMMIT + "]",
                        "[v1.2.3]",
                        "env v1.2.3 " + COMMIT + " staging 2");
    }

    @Test
    void anEnvironmentWithoutSlotsFillsTheSlotWithNothing() throws Exception {
        argsScript();

        deploy(method("./scripts/deploy-staging.sh", "slot={slot}"), new DeployTarget(STAGING, null, "v1.2.3", COMMIT));

        assertThat(lines).containsExactly("[slot=]", "env v1.2.3 " + COMMIT + " staging ");
    }

    @Test
    void shellSyntaxInAValueStaysOneLiteralArgument() throws Exception {
        argsScript();
        Path sentinel = workspace.resolve("pwned");
        String hostile = "v1.2.3;touch " + sentinel + " $(touch " + sentinel + ") `touch " + sentinel + "` {slot}";

        deploy(
                method("./scripts/deploy-staging.sh", "{tag}", "--tag={tag}"),
                new DeployTarget(STAGING, 1, hostile, COMMIT));

        assertThat(lines).startsWith("[" + hostile + "]", "[--tag=" + hostile + "]");
        assertThat(sentinel).doesNotExist();
    }

    @Test
    void otherCommandsGetTheSameTreatment() throws Exception {
        argsScript();
        ScriptDeployMethod method = method("./scripts/deploy-staging.sh", "{tag}");

        Command backup = method.command(
                List.of("./scripts/deploy-staging.sh", "backup-{tag}"), new DeployTarget(STAGING, 1, "v2.0.0", COMMIT));

        assertThat(backup.argv()).containsExactly("./scripts/deploy-staging.sh", "backup-v2.0.0");
        assertThat(backup.environment()).containsEntry("RELEASE_TAG", "v2.0.0").containsEntry("RELEASE_SLOT", "1");
        assertThat(backup.timeout()).isEqualTo(Duration.ofMinutes(1));
        assertThat(method.runner().run(backup, lines::add).succeeded()).isTrue();
        assertThat(lines).first().isEqualTo("[backup-v2.0.0]");
    }

    @Test
    void runsInTheConfiguredWorkingDirectory() throws Exception {
        argsScript();
        ScriptDeployMethod method = new ScriptDeployMethod(
                new ScriptDeployConfig(List.of("./deploy-staging.sh", "{tag}"), "scripts", null),
                workspace,
                Secrets.none());

        Command command = method.deployCommand(new DeployTarget(STAGING, 1, "v1.2.3", COMMIT));

        assertThat(command.workingDirectory()).isEqualTo("scripts");
        assertThat(command.timeout()).isEqualTo(ScriptDeployConfig.DEFAULT_TIMEOUT);
        assertThat(method.runner().run(command, lines::add).succeeded()).isTrue();
        assertThat(lines).first().isEqualTo("[v1.2.3]");
    }

    @Test
    void anUnknownPlaceholderIsRefusedNamingTheKnownOnes() {
        assertThatThrownBy(() -> method("./deploy.sh", "--tag={tga}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Unknown placeholder {tga} in command argument --tag={tga}; use one of [{commit},"
                        + " {environment}, {slot}, {tag}].");
        ScriptDeployMethod method = method("./deploy.sh");
        DeployTarget target = new DeployTarget(STAGING, 1, "v1.2.3", COMMIT);
        assertThatThrownBy(() -> method.command(List.of("./backup.sh", "{Tag}"), target))
                .hasMessageStartingWith("Unknown placeholder {Tag}");
    }

    @Test
    void bracesThatAreNoPlaceholderPassThrough() {
        ScriptDeployMethod method = method("./deploy.sh", "{}", "{\"tag\": 1}", "{tag");

        Command command = method.deployCommand(new DeployTarget(STAGING, 1, "v1.2.3", COMMIT));

        assertThat(command.argv()).containsExactly("./deploy.sh", "{}", "{\"tag\": 1}", "{tag");
    }

    @Test
    void anEmptyCommandIsRefused() {
        assertThatThrownBy(() -> method())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The script deploy has no command; set deploy.script.command, e.g."
                        + " [./scripts/deploy.sh, {tag}].");
    }
}
